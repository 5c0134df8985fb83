"""Who did it to whom: the source and target actors of a matched trigger, from the parse.

Sources are subjects (or the ``by`` agent of a passive, or the noun a relative clause hangs on);
targets are objects and the objects of the pattern's preposition. Conjoined actors give one actor
each. When the clause names no actor, reported speech and quotes supply the speaker.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..doc import actor_of_token, quote_at, sentence_of
from ..patterns import Cues
from ..records import Actor, Quote
from .event_triggers import Match, clause_verb, lemma

SUBJECT_DEPS = ("nsubj", "csubj", "expl")
# CAMEO roots of material (not verbal) cooperation and conflict
MATERIAL_ROOTS = frozenset({"06", "07", "08", "14", "15", "16", "17", "18", "19", "20"})
RELATIVE = frozenset({"who", "that", "which", "whom", "whose"})
DEFAULT_TARGET_PREPS = frozenset({"with", "against", "to", "on", "at", "for", "toward", "towards",
                                  "into", "upon", "between", "over"})
MODIFIER_DEPS = ("compound", "amod", "poss", "nmod")
# prepositions that give a place or a time, not a target ("met *in* the capital")
SETTING_PREPS = frozenset({"in", "at", "near", "during", "inside", "outside", "within", "throughout",
                           "across", "around", "since", "until", "after", "before", "amid", "despite"})
# verbs whose object is the subject of their infinitive ("urged Iran to talk")
OBJECT_CONTROL_SKIP = frozenset({"promise"})


@dataclass(frozen=True, slots=True)
class Roles:
    """The actors of one match: source ids, target ids, and how the source was found."""

    sources: tuple[str, ...]
    targets: tuple[str, ...]
    source_from: str          # subject | agent | relative | speaker | quote | modifier | light-verb
    quote: Quote | None
    target_from: str = ""     # prep | object | patient | prep-object | clause | inside | addressee


def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens conjoined to it ("Russia and China")."""
    out = [token]
    frontier = [token]
    while frontier:
        nxt = []
        for t in frontier:
            for c in t.children:
                if c.dep_ == "conj" and c not in out:
                    out.append(c)
                    nxt.append(c)
        frontier = nxt
    return out


def _coded_actor(doc: Doc, token: Token) -> Actor | None:
    actor = actor_of_token(doc, token)
    return actor if actor is not None and actor.code else None


def actor_of_phrase(doc: Doc, token: Token, modifiers: bool = True) -> str | None:
    """The actor a noun phrase headed by ``token`` names: the head itself, an apposition, or
    (with ``modifiers``) a possessor/compound/adjective ("Russian troops", "Ankara's purchase").
    Actors without a code are not event actors."""
    actor = _coded_actor(doc, token)
    if actor is not None:
        return actor.id
    for c in token.children:
        if c.dep_ == "appos":
            actor = _coded_actor(doc, c)
            if actor is not None:
                return actor.id
    if token.dep_ == "appos":
        actor = _coded_actor(doc, token.head)
        if actor is not None:
            return actor.id
    if modifiers:
        for c in token.children:
            if c.dep_ in MODIFIER_DEPS:
                actor = _coded_actor(doc, c)
                if actor is not None:
                    return actor.id
        if token.pos_ in ("NOUN", "NUM", "PRON"):
            # "a group *of* Moroccan diplomats", "dozens *of* protesters", "some *of* them"
            for c in token.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    pobj = _pobj(c)
                    if pobj is not None:
                        actor = _coded_actor(doc, pobj) or next(
                            (a for a in (_coded_actor(doc, m) for m in pobj.children if m.dep_ in MODIFIER_DEPS)
                             if a is not None), None)
                        if actor is not None:
                            return actor.id
    return None


def actors_of(doc: Doc, token: Token | None, modifiers: bool = True) -> list[str]:
    """The actors a noun phrase names, one per conjunct ("Russia and China"), and one per
    conjoined modifier ("Hungarian and Romanian officials", "Cameroon and C.A.R. officials")."""
    if token is None:
        return []
    out: list[str] = []
    for t in conjuncts(token):
        a = actor_of_phrase(doc, t, modifiers)
        if a is not None and a not in out:
            out.append(a)
        if a is None and not modifiers:
            continue
        for m in t.children:
            if m.dep_ not in MODIFIER_DEPS or m.i > t.i or not any(c.dep_ == "conj" for c in m.children):
                continue
            for part in conjuncts(m):
                actor = _coded_actor(doc, part)
                if actor is not None and actor.id not in out:
                    out.append(actor.id)
    return out


def _child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _pobj(prep: Token) -> Token | None:
    return _child(prep, "pobj", "pcomp")


def reduced_passive(verb: Token) -> bool:
    """A past participle without subject or auxiliary that modifies a noun ("forces *backed* by
    X") or a clause ("when *attacked* by troops", "*asked* about it, he said"): a passive whose
    patient is the noun or the main clause's subject."""
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl", "advcl") and \
        _child(verb, "nsubj", "nsubjpass", "aux", "auxpass") is None


def passive_patient(verb: Token, cues: Cues) -> Token | None:
    """Who undergoes a passive ``verb``: its passive subject, the noun a reduced passive
    modifies, or the subject of the clause a reduced passive adverbial hangs on."""
    subj = _child(verb, "nsubjpass")
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
    for _ in range(6):
        passive = _child(t, "nsubjpass", "auxpass") is not None or reduced_passive(t)
        if passive and lemma(t) in cues.stative:       # "Israel is opposed to ...": not a passive
            subj = _child(t, "nsubjpass")
            if subj is not None:
                return subj, "subject"
        elif passive:
            agent = _child(t, "agent")
            if agent is not None and _pobj(agent) is not None:
                return _pobj(agent), "agent"
            return None, "passive"
        subj = _child(t, *SUBJECT_DEPS)
        if subj is not None:
            if subj.lower_ in RELATIVE and t.dep_ == "relcl":
                return t.head, "relative"
            return subj, "subject"
        if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return t.head, "relative"
        if t.dep_ == "xcomp":
            head = t.head
            obj = _child(head, "dobj")
            if obj is not None and lemma(head) not in cues.intent | OBJECT_CONTROL_SKIP:
                return obj, "object-control"
            t = head if head.dep_ != "acomp" else head.head
            continue
        if t.dep_ not in ("xcomp", "relcl", "acl"):
            fronted = _fronted_subject(t)
            if fronted is not None:
                return fronted, "subject"
        if t.dep_ in ("conj", "advcl") and t.head is not t:
            t = t.head
            continue
        if t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.lower_ in GERUND_PREPS \
                and t.head.head.pos_ in ("VERB", "AUX"):
            t = t.head.head     # "increased provocations *by conducting* tests", "*in announcing* ..., X said"
            continue
        break
    return None, "none"


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
SUBORDINATORS = frozenset({"as", "while", "after", "before", "since", "until", "because", "when", "whereas"})


def _fronted_subject(verb: Token) -> Token | None:
    """The subject of a subordinate clause the parser read as a preposition: in "... *as*
    Washington and other governments *cast* doubt", "as" governs the noun phrase and the verb
    hangs as a conjunct; the noun phrase right before the verb is its subject."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in verb.children):
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
            subj = _child(t, "nsubj")
            if subj is not None:
                return subj
            agent = _child(t, "agent")
            if agent is not None:
                return _pobj(agent)
        if t.pos_ in ("VERB", "AUX") and came_by not in ("ccomp", "conj", "xcomp", "advcl", "acomp"):
            return None
    return None


def addressee(doc: Doc, quote: Quote, cues: Cues) -> str | None:
    """Whom a quote is addressed to ("Putin said in a message to Maduro: ..."), if the text says."""
    spans = [quote.span[0]] + ([quote.cue[0]] if quote.cue else [])
    for char in spans:
        sent = sentence_of(doc, char)
        if sent is None:
            continue
        for t in sent:
            if lemma(t) in cues.message_nouns:
                for prep in t.children:
                    if prep.dep_ == "prep" and prep.lower_ == "to" and _pobj(prep) is not None:
                        ids = actors_of(doc, _pobj(prep))
                        if ids:
                            return ids[0]
            if lemma(t) in ("tell", "write") and t.pos_ == "VERB":
                obj = _child(t, "dobj", "dative")
                ids = [a for a in actors_of(doc, obj) if not _is_media(doc, a)]
                if ids:
                    return ids[0]     # "told Maduro"; "told reporters/VOA" addresses no party
    return None


def _is_media(doc: Doc, actor_id: str) -> bool:
    actor = next((a for a in doc._.actors if a.id == actor_id), None)
    return actor is not None and (actor.code or "")[3:].startswith("MED")


def earlier_addressee(doc: Doc, quote: Quote, cues: Cues) -> str | None:
    """A message goes on over several quotes: the addressee of the speaker's earlier quotes
    ("Putin said in a message to Maduro: ..." then "..., Putin said."), up to another speaker's quote."""
    earlier = sorted((q for q in doc._.quotes if q.span[0] < quote.span[0]), key=lambda q: q.span[0])
    for q in reversed(earlier):
        if q.speaker != quote.speaker:
            return None
        to = addressee(doc, q, cues)
        if to is not None:
            return to
    return None


def _target_preps(match: Match) -> list[Token]:
    if not match.pattern.preps:
        return []
    wanted = match.pattern.target_preps
    return [p for p in match.preps if p.lower_ in wanted]


def find_sources(doc: Doc, match: Match, cues: Cues) -> tuple[list[str], str]:
    trig = match.trigger
    if match.pattern.kind == "noun":
        for c in trig.children:
            if c.dep_ == "poss":
                ids = actors_of(doc, c)
                if ids:
                    return ids, "modifier"
        for c in trig.children:
            if c.dep_ in ("agent",) or (c.dep_ == "prep" and c.lower_ in ("by", "from")):
                ids = actors_of(doc, _pobj(c))
                if ids:
                    return ids, "agent"
        mods = [c for c in trig.children if c.dep_ in ("compound", "amod", "nmod")]
        ids = [a for c in mods for a in actors_of(doc, c, modifiers=False)]
        if ids:
            return list(dict.fromkeys(ids)), "modifier"
        head, carrier = trig.head, trig
        if trig.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
            carrier = head.head     # "issued a series *of* warnings", "launched a wave of attacks"
            head = carrier.head
        if carrier.dep_ in ("dobj", "nsubjpass", "attr") and lemma(head) in cues.light:
            subj, how = subject_of(head, cues)
            ids = actors_of(doc, subj)
            if ids:
                return ids, "light-verb"
        return [], "none"
    verb = clause_verb(trig)
    subj, how = subject_of(verb, cues)
    if subj is not None and subj.lower_ not in cues.first_person:
        ids = actors_of(doc, subj)
        if ids:
            return ids, how
        if how == "relative" and verb.dep_ == "acl" and verb.tag_ == "VBG":
            ids = actors_of(doc, producer(subj, cues))
            if ids:
                return ids, "producer"
    return [], "none"


def find_targets(doc: Doc, match: Match, sources: list[str], cues: Cues) -> tuple[list[str], str]:
    """The target actors of ``match`` and where they were found (see :class:`Roles`)."""
    trig = match.trigger
    seen = set(sources)

    def keep(ids: list[str]) -> list[str]:
        return [a for a in ids if a not in seen]

    # 1. the object of the pattern's own preposition ("sanctions *on* Iran")
    for prep in _target_preps(match):
        obj = _pobj(prep)
        ids = keep(actors_of(doc, obj))
        if not ids and obj is not None:
            # "succumb to pressure *from* criminal groups", "respond to calls *by* X"
            for c in obj.children:
                if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
                    ids = keep(actors_of(doc, _pobj(c)))
                    if ids:
                        break
        if ids:
            return ids, "prep"
    if not match.pattern.has_target:
        return [], ""
    # 2. the direct object, indirect object, or the passive subject
    reciprocal = match.pattern.reciprocal
    for dep in ("dobj", "dative", "attr", "oprd"):
        for c in trig.children:
            if c.dep_ == dep:
                ids = keep(actors_of(doc, c))
                if ids:
                    return ids, "object"
    if _child(trig, "agent") is not None:
        ids = keep(actors_of(doc, passive_patient(trig, cues)))
        if ids:
            return ids, "patient"
    # 3. a prepositional target on the trigger or on its object ("met *with* Erdogan")
    holders = [trig] + [w for w in match.words] + [c for c in trig.children if c.dep_ == "dobj"]
    holders += [c for h in holders[1:] for c in h.children if c.dep_ in ("dobj", "pobj")]
    for h in holders:
        for c in h.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in DEFAULT_TARGET_PREPS:
                ids = keep(actors_of(doc, _pobj(c)))
                if ids:
                    return ids, "prep-object"
    # 4. a statement's subject: "warned that *Iran* would pay"
    # ... or of the clause a speech-act noun carries: "a series of warnings *demanding that
    # Washington* change its stance"
    if match.pattern.code[:2] in ("01", "02", "05", "10", "11", "12", "13"):
        carriers = [trig] + [c for c in trig.children if c.dep_ == "acl" and c.pos_ == "VERB"]
        for carrier in carriers:
            comp = _child(carrier, "ccomp")
            if comp is not None:
                subj, _ = subject_of(comp, cues)
                ids = keep(actors_of(doc, subj))
                if ids:
                    return ids, "clause"
    # a deployment's purpose names its target: "troops were deployed *to push back the rebels*"
    if match.pattern.code[:2] == "15":
        verb = clause_verb(trig)
        for c in verb.children:
            if c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                ids = keep(actors_of(doc, _child(c, "dobj")))
                if ids:
                    return ids, "purpose"
    # 5. an actor inside the object phrase ("cast doubt on results that gave *the incumbent* ...");
    # not for a joint action, not the subject of a clause inside it ("tests that *experts* think ...")
    if reciprocal:
        return [], ""
    for h in [c for c in trig.children if c.dep_ in ("dobj", "prep", "nsubjpass")] + list(match.words):
        if h.dep_ == "prep" and h.lower_ in SETTING_PREPS and match.pattern.reciprocal:
            continue        # "met in Bangui": the place of a meeting is not a party to it
        for t in h.subtree:
            if t.i == trig.i or (t.dep_ in ("nsubj", "nsubjpass") and t.head.i != trig.i):
                continue
            ids = keep(actors_of(doc, t, modifiers=False))
            if ids:
                return ids[:1], "inside"
    return [], ""


def find_roles(doc: Doc, match: Match, cues: Cues) -> Roles:
    """The source and target actors of ``match`` (see the module docstring)."""
    sources, how = find_sources(doc, match, cues)
    quote = quote_at(doc, match.trigger.idx)
    # a material action named by a noun or a gerund used as one ("*fighting* has forced ...")
    material_noun = match.pattern.code[:2] in MATERIAL_ROOTS and (
        match.pattern.kind == "noun" or match.trigger.dep_ in ("nsubj", "csubj", "nsubjpass", "dobj", "pobj"))
    if not sources and match.pattern.code[:2] == "15":
        # "several hundred troops were deployed": the forces moved are the actor
        verb = clause_verb(match.trigger)
        if subject_of(verb, cues)[1] == "passive":
            sources, how = actors_of(doc, passive_patient(verb, cues)), "patient"
    if not sources and not material_noun:
        # "The U.N. says *fighting* has forced ...": a speaker reports a fight, does not fight
        verb = clause_verb(match.trigger)
        subj, how = subject_of(verb, cues)
        speaker = speaker_of(verb, cues)
        if speaker is not None and how != "passive" and (subj is None or subj.tag_ == "PRP"):
            # "the Kremlin said *it* was deepening ...": a personal pronoun may be the speaker;
            # "this", "that" are not actors
            sources, how = actors_of(doc, speaker), "speaker"
        if not sources and quote is not None and quote.speaker and how != "passive" and (
                subj is None or subj.lower_ in cues.first_person
                or (match.pattern.kind == "noun" and quote.kind == "direct")):
            sources, how = [quote.speaker], "quote"
    targets, target_from = find_targets(doc, match, sources, cues) if sources else ([], "")
    if sources and not targets and quote is not None and quote.kind == "direct" and match.pattern.has_target:
        to = addressee(doc, quote, cues) or earlier_addressee(doc, quote, cues)
        if to is not None and to not in sources:
            targets, target_from = [to], "addressee"
    return Roles(tuple(sources), tuple(targets), how, quote, target_from)
