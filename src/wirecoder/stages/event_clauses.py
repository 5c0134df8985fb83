"""Clause syntax for event roles: who does a verb (its subject, a passive's agent, the noun a
relative clause hangs on, a raised or controlled subject), who undergoes a passive, and who
speaks the reported clause a verb sits in. Works on the parse alone (no actors)."""
from __future__ import annotations

from spacy.tokens import Token

from ..patterns import Cues
from .event_triggers import RELATIVE, kids, lemma

SUBJECT_DEPS = ("nsubj", "csubj", "expl")
# verbs whose object is the subject of their infinitive ("urged Iran to talk"), except these
OBJECT_CONTROL_SKIP = frozenset({"promise"})


def child_of(token: Token, *deps: str) -> Token | None:
    return next((c for c in kids(token) if c.dep_ in deps), None)


def speaker_label(token: Token) -> bool:
    """The speaker's name that opens a line of an interview transcript ("VOA: Russia's president
    visited China", "Smith: I am concerned"): who speaks, not who acts."""
    doc = token.doc
    return token.i == token.sent.start and token.i + 1 < len(doc) and doc[token.i + 1].text == ":"


def unlabelled(subject: Token) -> Token | None:
    """The subject without a transcript's speaker label: "VOA: Russia's President Putin visited"
    (the parser hangs the real subject on the label) -> Putin; a bare label -> None."""
    if not speaker_label(subject):
        return reduced_relative_subject(subject)
    return next((c for c in kids(subject) if c.dep_ == "appos" and c.i > subject.i + 1), None)


def reduced_relative_subject(subject: Token) -> Token:
    """"The agency *operating* in the region said ...": the parser may make the participle of a
    reduced relative clause the subject and hang the noun on it; the noun is the subject."""
    if subject.pos_ == "VERB" and subject.tag_ in ("VBG", "VBN") and not any(
            c.dep_ in ("aux", "auxpass") for c in kids(subject)):
        noun = next((c for c in kids(subject) if c.dep_ == "nsubj" and c.i < subject.i
                     and c.pos_ in ("NOUN", "PROPN")), None)
        if noun is not None:
            return noun
    return subject


def pobj_of(prep: Token) -> Token | None:
    return child_of(prep, "pobj", "pcomp")


def reduced_passive(verb: Token) -> bool:
    """A past participle without subject or auxiliary that modifies a noun ("forces *backed* by
    X") or a clause ("when *attacked* by troops", "*asked* about it, he said"): a passive whose
    patient is the noun or the main clause's subject."""
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl", "advcl") and \
        child_of(verb, "nsubj", "nsubjpass", "aux", "auxpass") is None


def passive_patient(verb: Token, cues: Cues) -> Token | None:
    """Who undergoes a passive ``verb``: its passive subject, the noun a reduced passive
    modifies, or the subject of the clause a reduced passive adverbial hangs on."""
    subj = child_of(verb, "nsubjpass")
    if subj is not None:
        return subj
    if not reduced_passive(verb):
        return None
    if verb.dep_ in ("acl", "relcl"):
        return verb.head
    head = verb.head
    if head is verb:
        return None
    found, how = subject_of(head, cues)
    return found if how in ("subject", "relative") else None


def subject_of(verb: Token, cues: Cues) -> tuple[Token | None, str]:
    """The token that names who does ``verb``, and how it was found."""
    t = verb
    via_conj = False
    for _ in range(6):
        passive = child_of(t, "nsubjpass", "auxpass") is not None or reduced_passive(t)
        if passive and (lemma(t) in cues.stative or via_conj):
            # "Israel is opposed to ...": not a passive; "X was indicted by the court and *will
            # resign*": an active verb conjoined to a passive shares its surface subject
            subj = child_of(t, "nsubjpass")
            if subj is not None:
                return subj, "subject"
            if via_conj:
                return None, "passive"
        elif passive:
            agent = child_of(t, "agent")
            if agent is not None and pobj_of(agent) is not None:
                return pobj_of(agent), "agent"
            return None, "passive"
        subj = next((unlabelled(c) for c in kids(t) if c.dep_ in SUBJECT_DEPS and unlabelled(c) is not None), None)
        if subj is not None:
            if subj.lower_ in RELATIVE and t.dep_ == "relcl":
                return member_of_class(t.head) or t.head, "relative"
            return subj, "subject"
        if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return t.head, "relative"
        if t.dep_ == "xcomp":
            head = t.head
            raised = child_of(head, "nsubjpass")
            if raised is not None:
                return raised, "subject"    # "Rubio *is expected to* meet", "X was forced to resign"
            obj = child_of(head, "dobj")
            if obj is not None and lemma(head) not in cues.intent | OBJECT_CONTROL_SKIP:
                return obj, "object-control"
            t = head if head.dep_ != "acomp" else head.head
            continue
        if t.dep_ not in ("xcomp", "relcl", "acl"):
            fronted = _fronted_subject(t)
            if fronted is not None:
                return fronted, "subject"
        if t.dep_ in ("conj", "advcl") and t.head is not t:
            # a bare participle conjoined to a passive is passive too ("was arrested and released")
            via_conj = t.dep_ == "conj" and (t.tag_ != "VBN" or child_of(t, "aux") is not None)
            t = t.head
            continue
        if t.dep_ == "pcomp" and t.head.dep_ == "prep" and (
                t.head.lower_ in GERUND_PREPS or (t.head.lower_ == "to" and lemma(t.head.head) in RESORT_VERBS)) \
                and t.head.head.pos_ in ("VERB", "AUX"):
            t = t.head.head     # "increased provocations *by conducting* tests", "*in announcing* ..., X said"
            continue
        break
    return None, "none"


def member_of_class(noun: Token) -> Token | None:
    """The subject a class of doers is predicated of: "*Canada* is among (the) countries that have
    banned ...", "*Norway* is one of the few states that recognize ..." (the relative clause on
    "countries" tells what Canada did)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    holder = prep.head
    if prep.lower_ == "of" and holder.lower_ == "one" and holder.dep_ == "attr":
        holder = holder.head
    elif prep.lower_ != "among":
        return None
    if lemma(holder) != "be":
        return None
    return child_of(holder, "nsubj")


def producer(noun: Token, cues: Cues) -> Token | None:
    """Who made a thing a clause hangs on: "Pyongyang issued a series of *warnings* demanding
    ..." -> Pyongyang (the subject of the verb whose object holds the noun)."""
    t = noun
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.dep_ in ("dobj", "attr"):
        t = t.head.head
    if t.dep_ in ("dobj", "attr") and t.head.pos_ in ("VERB", "AUX"):
        subj, how = subject_of(t.head, cues)
        return subj if how in ("subject", "agent") else None
    return None


# prepositions whose gerund shares the main clause's subject ("*by* conducting tests"); not "of",
# "for", "from" ("accused X *of* violating": X does it)
GERUND_PREPS = frozenset({"by", "in", "after", "before", "while", "without", "upon", "on", "through",
                          "since", "when", "despite"})
# "resorted *to throwing* stones", "turned to looting": the gerund is the subject's own act
RESORT_VERBS = frozenset({"resort", "turn", "proceed", "revert"})
SUBORDINATORS = frozenset({"as", "while", "after", "before", "since", "until", "because", "when", "whereas"})


def _fronted_subject(verb: Token) -> Token | None:
    """The subject of a subordinate clause the parser read as a preposition: in "... *as*
    Washington and other governments *cast* doubt", "as" governs the noun phrase and the verb
    hangs as a conjunct; the noun phrase right before the verb is its subject."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in kids(verb)):
        return None         # only a finite verb of its own ("as X *cast*"), never "to allow"
    i = verb.i - 1
    doc = verb.doc
    while i >= 0 and doc[i].dep_ in ("advmod", "neg", "aux") and doc[i].head.i == verb.i:
        i -= 1
    if i < 0:
        return None
    t = doc[i]
    if t.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    if t.dep_ == "pobj" and t.head.lower_ in SUBORDINATORS and t.head.i < t.i:
        return t
    return None


def speaker_of(verb: Token, cues: Cues) -> Token | None:
    """The subject of the speech verb whose reported clause holds ``verb`` ("Blinken *said* ...")."""
    t = verb
    for _ in range(8):
        if t.head is t:
            return None
        came_by = t.dep_
        t = t.head
        if lemma(t) in cues.speech and came_by in ("ccomp", "parataxis", "dep"):
            subj = child_of(t, "nsubj")
            if subj is not None:
                return subj
            agent = child_of(t, "agent")
            if agent is not None:
                return pobj_of(agent)
        if t.pos_ in ("VERB", "AUX") and came_by not in ("ccomp", "conj", "xcomp", "advcl", "acomp"):
            return None
    return None


def shared_object(verb: Token) -> Token | None:
    """The object a transitive verb shares with the verb conjoined right after it: "police
    *arrested* and charged three men", "troops surrounded and stormed the camp" (only "and"/"or",
    commas or adverbs between them, and no object, subject or preposition of the first verb's
    own)."""
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("dobj", "dative", "prep", "ccomp", "xcomp")
                                               for c in kids(verb)):
        return None
    nxt = next((c for c in kids(verb) if c.dep_ == "conj" and c.i > verb.i), None)
    if nxt is None or nxt.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(nxt)):
        return None
    between = verb.doc[verb.i + 1:nxt.i]
    if not all(t.dep_ in ("cc", "punct", "advmod", "aux") for t in between) or not any(
            t.dep_ == "cc" for t in between):
        return None
    return child_of(nxt, "dobj")


# prepositions that set an act against the protests it faced ("*despite* protests by X, Y ...")
FACED_PREPS = frozenset({"despite", "amid"})


def faced_by(noun: Token, cues: Cues) -> Token | None:
    """Who faced the protest a noun names: the subject of the clause the noun is set against
    ("*despite* protests by farmers, *the government* refused", "*amid* protests, the junta
    ...")."""
    while noun.dep_ == "conj" and noun.head is not noun:     # "despite strikes and *protests*"
        noun = noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in FACED_PREPS or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    subj, how = subject_of(prep.head, cues)
    return subj if how == "subject" else None


def gerund_of_noun(trigger: Token) -> bool:
    """A gerund complement of a noun's preposition ("preparations *for launching* a missile", "a
    law *against deporting* people"): its doer is not the one who speaks of it."""
    prep = trigger.head
    return (trigger.dep_ == "pcomp" and prep is not trigger and prep.dep_ == "prep"
            and prep.head.pos_ in ("NOUN", "PROPN"))


def speaker_passive(verb: Token, code: str, cues: Cues) -> bool:
    """Whether a passive with no agent of ``code``, told by a speaker, is the speaker's own act
    (``cues.speaker_passives``: "X are accused of ..., police said") — never when the speaker is
    its patient ("*we* are accused of plotting", "that *I* am implicated")."""
    if not any(code.startswith(c) for c in cues.speaker_passives):
        return False
    return not any(c.dep_ == "nsubjpass" and c.lower_ in cues.first_person and c.text != "US" for c in kids(verb))
