"""Who did it to whom: the source and target actors of a matched trigger, from the parse.

Sources are subjects (or the ``by`` agent of a passive, or the noun a relative clause hangs on);
targets are objects and the objects of the pattern's preposition. Conjoined actors give one actor
each. When the clause names no actor, reported speech and quotes supply the speaker.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..doc import actor_by_id, actor_of_token, doc_lookup, extension, quote_at, sentence_of
from .placed_groups import placed_groups
from ..patterns import Cues
from ..records import Actor, Quote
from .event_clauses import (child_of, faced_by, gerund_of_noun, pobj_of, passive_patient, producer, shared_object,
                            speaker_of, speaker_passive, subject_of)
from .event_triggers import Match, clause_verb, lemma, relative_object
from .interview_turns import speaking_turn
from .role_references import (PluralNouns, is_object_pronoun, plural_reference, pronoun_antecedent, source_codes,
                              thing_holder)

# CAMEO roots of material (not verbal) cooperation and conflict
MATERIAL_ROOTS = frozenset({"06", "07", "08", "14", "15", "16", "17", "18", "19", "20"})
DEFAULT_TARGET_PREPS = frozenset({"with", "against", "to", "on", "at", "for", "toward", "towards",
                                  "into", "upon", "between", "over"})
# roots whose purpose clause ("to push back the rebels") names the target
PURPOSE_ROOTS = frozenset({"15", "18", "19", "20"})
# attacks: a protective purpose ("a raid to rescue hostages") does not name the target
ATTACK_ROOTS = frozenset({"18", "19", "20"})
MODIFIER_DEPS = ("compound", "amod", "poss", "nmod")
# prepositions that give a place or a time, not a target ("met *in* the capital")
SETTING_PREPS = frozenset({"in", "at", "near", "during", "inside", "outside", "within", "throughout",
                           "across", "around", "since", "until", "after", "before", "amid", "despite"})


@dataclass(frozen=True, slots=True)
class Roles:
    """The actors of one match: source ids, target ids, and how the source was found."""

    sources: tuple[str, ...]
    targets: tuple[str, ...]
    source_from: str          # subject | agent | relative | speaker | quote | modifier | light-verb | plural
    quote: Quote | None
    target_from: str = ""     # prep | object | patient | prep-object | clause | inside | addressee


def is_first_person(token: Token, cues: Cues) -> bool:
    """"we", "us", "I": a personal pronoun of the speaker, never the name "US" (United States)."""
    return token.lower_ in cues.first_person and token.text != "US" and token.pos_ != "PROPN"


def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens conjoined to it ("Russia and China")."""
    lookup = doc_lookup(token.doc)
    kids, relations, tokens = lookup.children, lookup.deps, lookup.tokens  # the Doc's arrays: no Token made
    out = [token]
    seen = {token.i}
    frontier = [token.i]
    while frontier:
        nxt = []
        for t in frontier:
            for c in kids[t]:
                if relations[c] == "conj" and c not in seen:
                    seen.add(c)
                    out.append(tokens[c])
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
        # a name in front before an owner ("its *European Community* partners")
        mods = sorted((c for c in token.children if c.dep_ in MODIFIER_DEPS),
                      key=lambda c: (c.dep_ == "poss", c.pos_ == "PRON", c.i))
        for c in mods:
            actor = _coded_actor(doc, c)
            if actor is not None:
                return actor.id
        if token.pos_ in ("NOUN", "NUM", "PRON"):
            # "a group *of* Moroccan diplomats", "dozens *of* protesters", "some *of* them"
            for c in token.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    pobj = pobj_of(c)
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
    found = doc_lookup(doc).actor_memo("event_roles.actors_of")
    key = (token.i, modifiers)
    got = found.get(key)
    if got is None:
        got = found[key] = tuple(_actors_of(doc, token, modifiers))
    return list(got)


def _actors_of(doc: Doc, token: Token, modifiers: bool) -> list[str]:
    out: list[str] = []
    for t in conjuncts(token):
        a = actor_of_phrase(doc, t, modifiers)
        if a is not None and a not in out:
            out.append(a)
        if a is None and not modifiers:
            continue
        if a is not None:
            out.extend(x for x in placed_groups(doc, t, a) if x not in out)
        for m in t.children:
            if m.dep_ not in MODIFIER_DEPS or m.i > t.i or not any(c.dep_ == "conj" for c in m.children):
                continue
            for part in conjuncts(m):
                actor = _coded_actor(doc, part)
                if actor is not None and actor.id not in out:
                    out.append(actor.id)
    return out


def addressee(doc: Doc, quote: Quote, cues: Cues) -> str | None:
    """Whom a quote is addressed to ("Putin said in a message to Maduro: ..."), if the text says."""
    spans = [quote.span[0]] + ([quote.cue[0]] if quote.cue else [])
    for char in spans:
        sent = sentence_of(doc, char)
        if sent is None:
            continue
        for t in doc_lookup(doc).tokens_of(sent):
            if lemma(t) in cues.message_nouns:
                for prep in t.children:
                    if prep.dep_ == "prep" and prep.lower_ == "to" and pobj_of(prep) is not None:
                        ids = actors_of(doc, pobj_of(prep))
                        if ids:
                            return ids[0]
            if lemma(t) in ("tell", "write") and t.pos_ == "VERB":
                obj = child_of(t, "dobj", "dative")
                ids = [a for a in actors_of(doc, obj) if not is_media(doc, a)]
                if ids:
                    return ids[0]     # "told Maduro"; "told reporters/VOA" addresses no party
    return None


def is_media(doc: Doc, actor_id: str) -> bool:
    """Is the actor the news media (sector MED: "VOA", "Reuters")?"""
    actor = actor_by_id(doc, actor_id)  # the first actor with that id, from the Doc's index
    return actor is not None and (actor.code or "")[3:].startswith("MED")


def earlier_addressee(doc: Doc, quote: Quote, cues: Cues) -> str | None:
    """A message goes on over several quotes: the addressee of the speaker's earlier quotes
    ("Putin said in a message to Maduro: ..." then "..., Putin said."), up to another speaker's quote."""
    earlier = sorted((q for q in extension(doc, "quotes") if q.span[0] < quote.span[0]), key=lambda q: q.span[0])
    for q in reversed(earlier):
        if q.speaker != quote.speaker:
            return None
        to = addressee(doc, q, cues)
        if to is not None:
            return to
    return None


APPEAL_MARKS = frozenset({"with", "on", "upon"})


def _target_preps(match: Match) -> list[Token]:
    if not match.pattern.preps:
        return []
    wanted = match.pattern.target_preps
    return [p for p in match.preps if p.lower_ in wanted]


def find_sources(doc: Doc, match: Match, cues: Cues,
                 plurals: PluralNouns | None = None) -> tuple[list[str], str]:
    trig = match.trigger
    if match.pattern.kind == "noun":
        for c in trig.children:
            if c.dep_ == "poss":
                ids = actors_of(doc, c)
                if ids:
                    return ids, "modifier"
        # the agent of the noun, or of the nouns conjoined with it ("protests and lobbying *by* X")
        shared = [g for n in trig.children if n.dep_ == "conj" for g in n.children]
        if trig.dep_ == "conj":
            shared += [g for g in trig.head.children if g.i > trig.i]
        for c in [*trig.children, *shared]:
            if c.dep_ in ("agent",) or (c.dep_ == "prep" and c.lower_ in ("by", "from")):
                ids = actors_of(doc, pobj_of(c))
                if ids:
                    return ids, "agent"
        mods = [c for c in trig.children if c.dep_ in ("compound", "amod", "nmod")]
        ids = [a for c in mods for a in actors_of(doc, c, modifiers=False)]
        if ids:
            return list(dict.fromkeys(ids)), "modifier"
        if lemma(trig) in cues.agent_nouns and trig.dep_ == "attr" and lemma(trig.head) in cues.copulas:
            # "X has long been *a vocal critic of* Y": the one who is the critic
            ids = actors_of(doc, child_of(trig.head, "nsubj"))
            if ids:
                return ids, "subject"
        head, carrier = trig.head, trig
        if trig.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
            carrier = head.head     # "issued a series *of* warnings", "launched a wave of attacks"
            head = carrier.head
        if carrier.dep_ in ("dobj", "nsubjpass", "attr") and lemma(head) in cues.light:
            subj, how = subject_of(head, cues)
            ids = actors_of(doc, subj)
            if ids:
                return ids, "light-verb"
        took_part = any(c.dep_ == "dobj" and lemma(c) in cues.light_in for c in head.head.children)
        came_for = head.lower_ == "for" and lemma(head.head) in cues.light_for
        if trig.dep_ == "pobj" and (came_for or head.lower_ == "in" and (lemma(head.head) in cues.light_in or took_part)):
            # "were engaged in ethnic cleansing", "took part in the raid"
            # (a participle that only describes people, "officials involved in talks", reports nothing)
            verb = head.head.head if head.head.dep_ == "dobj" else head.head
            subj, how = subject_of(verb, cues) if verb.dep_ != "acl" else (None, "none")
            if how == "passive":    # "were engaged in": the surface subject does it
                subj = child_of(verb, "nsubjpass")
            ids = actors_of(doc, subj)
            if ids:
                return ids, "light-verb"
        return [], "none"
    verb = clause_verb(trig)
    subj, how = subject_of(verb, cues)
    if subj is not None and (not is_first_person(subj, cues) or speaking_turn(doc, subj)):
        ids = actors_of(doc, subj)
        if ids:
            return ids, how
        if plurals is not None:
            # "the two presidents signed ...": one source for each actor the reference covers
            ids = plural_reference(doc, subj, plurals)
            if ids:
                return ids, "plural"
        if lemma(subj) in cues.documents:
            # "a lawsuit filed by the ACLU alleges", "a report by Amnesty accused": its author
            ids = author_of(doc, subj) or earlier_author(doc, subj, dict(cues.document_synonyms))
            if ids:
                return ids, "author"
        if how == "relative" and verb.dep_ == "acl" and verb.tag_ == "VBG":
            ids = actors_of(doc, producer(subj, cues))
            if ids:
                return ids, "producer"
    return [], "none"


def _to_be_blamed(doc: Doc, match: Match, cues: Cues, quote) -> Roles | None:
    """"officials said the rebels *were to blame* for the attack": the subject of "be to <verb>"
    of an accusation (``speaker_passives`` codes) is the accused, the speaker the accuser."""
    trig = match.trigger
    if not (trig.dep_ == "xcomp" and lemma(trig.head) in cues.copulas and child_of(trig, "aux") is not None
            and child_of(trig, "aux").lower_ == "to"
            and any(match.pattern.code.startswith(c) for c in cues.speaker_passives)):
        return None
    targets = actors_of(doc, child_of(trig.head, "nsubj"))
    speaker = speaker_of(trig.head, cues)
    sources = actors_of(doc, speaker) if speaker is not None else []
    how = "speaker"
    if not sources and quote is not None and quote.speaker:
        sources, how = [quote.speaker], "quote"
    targets = [t for t in targets if t not in sources]
    if not sources or not targets:
        return Roles((), (), "none", quote, "")
    return Roles(tuple(sources), tuple(targets), how, quote, "subject")


def author_of(doc: Doc, document: Token, producing: bool = False) -> list[str]:
    """The author of a document noun: its ``by`` phrase ("a report *by Amnesty*") or the agent of
    a participle on it ("a lawsuit *filed by the ACLU*"); with ``producing``, also the subject of
    the verb that has it as object ("rights groups *have filed* multiple lawsuits")."""
    holders = [document] + [c for c in document.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    for h in holders:
        for c in h.children:
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                ids = actors_of(doc, pobj_of(c))
                if ids:
                    return ids
    if producing and document.dep_ == "dobj" and document.head.pos_ == "VERB":
        verb = document.head
        subj = child_of(verb, "nsubj")
        if subj is None and verb.dep_ == "acl" and verb.tag_ == "VBG":
            subj = verb.head        # "the groups *bringing* the lawsuits"
        return actors_of(doc, subj) if subj is not None else []
    return []


def earlier_author(doc: Doc, document: Token, kinds: dict[str, str] | None = None) -> list[str]:
    """A definite document noun with no author of its own ("*The suits* allege ...") is the one
    the story named before with its author ("a lawsuit filed by the ACLU"): the nearest earlier
    mention of the same noun that has one."""
    # "the suits"; or one of a set named before ("filed lawsuits ... *One suit* alleges", "*an
    # earlier lawsuit*"), never "another petition" (a different one)
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "these", "those", "this", "that")
                   for c in document.children)
    member = any((c.dep_ == "nummod" and c.lower_ == "one")
                 or (c.dep_ == "amod" and c.lower_ in ("earlier", "second", "first", "latest"))
                 for c in document.children)
    if not definite and not member:
        return []
    start = document.sent.start
    kinds = kinds or {}  # other names of the same document ("suit" -> "lawsuit": cues.yaml)
    kind = kinds.get(document.lemma_.lower(), document.lemma_.lower())
    for tok in reversed(doc[:start]):
        if tok.pos_ == "NOUN" and kinds.get(tok.lemma_.lower(), tok.lemma_.lower()) == kind \
                and (definite or tok.tag_ == "NNS"):
            ids = author_of(doc, tok, producing=True)
            if ids:
                return ids
    if definite and document.tag_ == "NNS":
        # "*The suits* allege ... the groups bringing the lawsuits": the set the story names
        # with its authors after it
        for tok in doc[document.sent.end:]:
            if tok.pos_ == "NOUN" and tok.tag_ == "NNS" and kinds.get(tok.lemma_.lower(), tok.lemma_.lower()) == kind:
                ids = author_of(doc, tok, producing=True)
                if ids:
                    return ids
    return []


def _is_own_force(doc: Doc, token: Token, sources: set[str], moved: bool = False) -> bool:
    """"Syria offered *its troops* to Lebanon": the source's own forces are its instrument, not
    its target; "Akar reiterated *Ankara's stance*": a thing of the source's own body is no target.
    ``moved``: the forces a deployment pattern names ("the government *sent soldiers* into X to
    fight the rebels") are the source's own when they are of its country, with or without "its"."""
    codes = {a.code for a in extension(doc, "actors") if a.id in sources}
    for c in token.children:
        if c.dep_ == "poss" and c.pos_ == "PROPN" and not actor_of_token(doc, token):
            owner = _coded_actor(doc, c)
            if owner is not None and owner.code in codes:
                return True
    if not moved and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
        return False
    own = {(a.code or "")[:3] for a in extension(doc, "actors") if a.id in sources}
    ids = actors_of(doc, token)
    return bool(ids) and all((a.code or "")[:3] in own and (a.sector or "") in ("MIL", "POL")
                             for a in extension(doc, "actors") if a.id in ids)


def _code_of(doc: Doc, actor_id: str) -> str | None:
    actor = actor_by_id(doc, actor_id)
    return actor.code if actor is not None else None


def _phrase_target(doc: Doc, token: Token | None, exclude: set[str] | None = None) -> list[str]:
    """The actors a phrase names, or its author: "a fresh offer *from Afghanistan*", "a demand
    *by* X"; an unlinked object pronoun ("accusing *it* of ...") refers back to an earlier actor
    that is not in ``exclude`` (the sources)."""
    if token is None:
        return []
    ids = actors_of(doc, token)
    if is_object_pronoun(token):
        # "Beijing criticized *them*": not the source itself (that would be "themselves")
        own = source_codes(doc, exclude or set())
        ids = [a for a in ids if _code_of(doc, a) not in own]
        back = pronoun_antecedent(doc, token, exclude or set())
        return ids or ([back] if back else [])
    if ids:
        return ids
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            ids = actors_of(doc, pobj_of(c))
            if ids:
                return ids
    return []


def _between(doc: Doc, token: Token | None) -> list[str]:
    """The parties of a thing *between* or *among* actors: "the arms deals between Iran and
    Venezuela endanger the region" -> each of the pair."""
    if token is None:
        return []
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in ("between", "among", "amongst"):
            # the parser may hang the pair elsewhere ("exercises between | Russia and Venezuela stop")
            pobj = pobj_of(c) or (doc[c.i + 1] if c.i + 1 < len(doc) else None)
            return actors_of(doc, pobj)
    return []


def find_targets(doc: Doc, match: Match, sources: list[str], cues: Cues,
                 plurals: PluralNouns | None = None) -> tuple[list[str], str]:
    """The target actors of ``match`` and where they were found (see :class:`Roles`)."""
    trig = match.trigger
    seen = set(sources)
    verbal = match.pattern.code[:2] in ("01", "02", "03", "05", "10", "11", "12", "13")

    def keep(ids: list[str]) -> list[str]:
        return [a for a in ids if a not in seen]

    def prep_targets(holder: Token) -> list[str]:
        for c in holder.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in DEFAULT_TARGET_PREPS:
                ids = keep(_phrase_target(doc, pobj_of(c), seen))
                if ids:
                    return ids
        return []

    # 1. the object of the pattern's own preposition ("sanctions *on* Iran", "succumb to
    # pressure *from* criminal groups")
    for prep in _target_preps(match):
        ids = keep(_phrase_target(doc, pobj_of(prep), seen))
        if ids:
            return ids, "prep"
    if not match.pattern.has_target:
        return [], ""
    # 2. the direct object, indirect object, or the passive subject; not the source's own forces
    reciprocal = match.pattern.reciprocal
    # what a consultation is about is no party to it: "discussed *China's* role" (an owner or
    # modifier of the object is its topic)
    topical = match.pattern.code[:2] == "04"
    for dep in ("dobj", "dative", "attr", "oprd"):
        for c in trig.children:
            if c.dep_ == dep and not _is_own_force(doc, c, seen, c in match.words and match.pattern.code[:2] == "15"):
                if topical:
                    ids = keep(actors_of(doc, c, modifiers=False))
                else:
                    ids = keep(_phrase_target(doc, c, seen) if verbal or is_object_pronoun(c)
                               else actors_of(doc, c))
                if not ids and plurals is not None:
                    ids = plural_reference(doc, c, plurals, seen)   # "warned both sides"
                if ids:
                    return ids, "object"
    # a relative clause's verb acts on the noun the clause hangs on ("the journalists (whom)
    # police *detained*", "the refugees *deported* to Syria")
    acted_on = relative_object(trig) if match.pattern.kind == "verb" else None
    if acted_on is not None and not reciprocal:
        ids = keep(actors_of(doc, acted_on[0]))
        if ids:
            return ids, "relative-object"
    # verbs conjoined before the object they share ("arrested and charged *three men*")
    shared = shared_object(trig) if match.pattern.kind == "verb" else None
    if shared is not None and not _is_own_force(doc, shared, seen):
        ids = keep(_phrase_target(doc, shared, seen) if verbal else actors_of(doc, shared))
        if ids:
            return ids, "shared-object"
    if child_of(trig, "agent") is not None:
        ids = keep(actors_of(doc, passive_patient(trig, cues)))
        if ids:
            return ids, "patient"
    # 3. a prepositional target on the trigger ("met *with* Erdogan")
    ids = prep_targets(trig)
    if ids:
        return ids, "prep-object"
    # 4. a statement's subject: "warned that *Iran* would pay" (a passive's patient: "demanded
    # that *the party* be banned"), or that of the clause a
    # speech-act noun carries: "a series of warnings *demanding that Washington* change"
    if verbal or lemma(trig) in cues.clause_object:
        carriers = [trig] + [c for c in trig.children if c.dep_ == "acl" and c.pos_ == "VERB"]
        for carrier in carriers:
            comp = child_of(carrier, "ccomp")
            if comp is not None:
                subj, how = subject_of(comp, cues)
                if subj is None and how == "passive":
                    # "demanded that the party *be banned*": who the demanded act falls on
                    subj = passive_patient(comp, cues)
                ids = keep(actors_of(doc, subj) or _between(doc, subj))
                if ids:
                    return ids, "clause"
        # "pleaded with X to reopen", "called on X to act", parsed as a clause whose subject is X
        for comp in trig.children:
            if comp.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in APPEAL_MARKS for m in comp.children):
                ids = keep(actors_of(doc, child_of(comp, "nsubj")))
                if ids:
                    return ids, "clause"
    # 5. a prepositional target on the pattern's words or the object ("offered troops *to* X")
    holders = [w for w in match.words] + [c for c in trig.children if c.dep_ == "dobj"]
    holders += [c for h in list(holders) for c in h.children if c.dep_ in ("dobj", "pobj")]
    for h in holders:
        ids = prep_targets(h)
        if ids:
            return ids, "prep-object"
    # 6. what a threat, an appeal or a refusal is about: "threatened *to shell Iraqi towns*",
    # "refused to respond *to a demand from the US*"
    if verbal:
        for x in trig.children:
            if x.dep_ != "xcomp" or x.pos_ != "VERB":
                continue
            ids = keep(_phrase_target(doc, child_of(x, "dobj"), seen))
            if not ids:
                ids = prep_targets(x)
            if not ids and match.pattern.code[:2] == "13":
                # "threatened to resume attacks *in France*": the country where the threatened
                # act would happen is the one threatened
                holders = [x] + [o for o in x.children if o.dep_ == "dobj"]
                ids = keep([a for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "in"
                            for a in actors_of(doc, pobj_of(c))
                            if getattr(actor_by_id(doc, a), "kind", None) == "country"])
            if ids:
                return ids, "infinitive"
    # a deployment's or an operation's purpose names its target: "troops were deployed *to push
    # back the rebels*", "launched an operation *to flush out the insurgents*"
    # aid's purpose names whom it helps: "provided training *to assist the national police*"
    root = match.pattern.code[:2]
    if root in PURPOSE_ROOTS or root == "07":
        verbs = conjuncts(clause_verb(trig))     # "provided training and funded prisons *to assist* X"
        purposes = [c for v in verbs for c in v.children if c.dep_ in ("advcl", "xcomp")]
        # an infinitive on the object, or on a conjoined noun the parser made of a verb phrase
        # ("and funded construction *to assist* X")
        holders = [o for v in verbs for o in v.children if o.dep_ == "dobj"] + [v for v in verbs if v.pos_ == "NOUN"]
        purposes += [c for o in holders for c in o.children if c.dep_ in ("acl", "relcl")]
        for c in purposes:
            protective = lemma(c) in cues.protective
            if (root == "07" and not protective) or (root in ATTACK_ROOTS and protective):
                continue
            if any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                ids = keep(actors_of(doc, child_of(c, "dobj"), modifiers=False))
                if ids:
                    return ids, "purpose"
    # 7. an actor inside the object phrase ("cast doubt on results that gave *the incumbent* ...");
    # not for a joint action, not the subject of a clause inside it ("tests that *experts* think ...")
    if reciprocal:
        return [], ""
    # (not the noun a relative clause hangs on: its phrase holds the clause itself)
    words = [w for w in match.words if w not in trig.ancestors]
    for h in [c for c in trig.children if c.dep_ in ("dobj", "prep", "nsubjpass")] + words:
        if h.dep_ == "prep" and h.lower_ in SETTING_PREPS and match.pattern.reciprocal:
            continue        # "met in Bangui": the place of a meeting is not a party to it
        for t in h.subtree:
            if t.i == trig.i or (t.dep_ in ("nsubj", "nsubjpass") and t.head.i != trig.i):
                continue
            if topical and t.dep_ in MODIFIER_DEPS:
                continue
            # not the source's own body as an owner ("reiterated *Ankara's* stance")
            own = {a.code for a in extension(doc, "actors") if a.id in seen}
            ids = [a for a in keep(actors_of(doc, t, modifiers=False))
                   if not (t.dep_ == "poss" and _code_of(doc, a) in own)]
            if ids:
                return ids[:1], "inside"
    # "despite protests by X, *the government* refused": whom a protest was set against
    if match.pattern.code[:2] == "14" and match.pattern.kind == "noun":
        ids = keep(actors_of(doc, faced_by(trig, cues)))
        if ids:
            return ids, "faced"
    # 8. "Britain seeks a deal ... Trump backed *the deal*": the one who had it before
    if verbal:
        own = source_codes(doc, seen)
        ids = [a for a in keep(actors_of(doc, thing_holder(trig))) if _code_of(doc, a) not in own]
        if ids:
            return ids, "holder"
    return [], ""


def find_roles(doc: Doc, match: Match, cues: Cues, plurals: PluralNouns | None = None) -> Roles:
    """The source and target actors of ``match`` (see the module docstring); ``plurals`` reads
    plural references ("the two presidents") as the actors named before."""
    quote = quote_at(doc, match.trigger.idx)
    blamed = _to_be_blamed(doc, match, cues, quote)
    if blamed is not None:
        return blamed
    sources, how = find_sources(doc, match, cues, plurals)
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
        if how == "passive" and speaker_passive(verb, match.pattern.code, cues):
            how = "speaker-passive"  # "X are accused of ..., police said": the speaker accuses
        if speaker is not None and how != "passive" and (subj is None or subj.tag_ == "PRP" or how == "speaker-passive"):
            # "the Kremlin said *it* was deepening ...": a personal pronoun may be the speaker;
            # "this", "that" are not actors
            sources, how = actors_of(doc, speaker), "speaker"
        if not sources and quote is not None and quote.speaker and how not in ("passive", "speaker-passive") and (
                (is_first_person(subj, cues) if subj is not None else not gerund_of_noun(match.trigger))
                or (match.pattern.kind == "noun" and quote.kind == "direct")):
            sources, how = [quote.speaker], "quote"
        if not sources and how == "speaker-passive" and quote is not None and quote.speaker:
            sources, how = [quote.speaker], "quote"
        if how == "speaker-passive" and not sources:
            how = "passive"
    if how == "modifier" and judged_by_adjective(match):
        # "we support Ukraine in the face of *Russia's illegal aggression*", Joly said: the
        # judgment is the speaker's criticism of the owner, not the owner's act
        return _judgment_roles(doc, match, sources, quote, cues)
    targets, target_from = find_targets(doc, match, sources, cues, plurals) if sources else ([], "")
    if sources and not targets and quote is not None and quote.kind == "direct" and match.pattern.has_target:
        to = addressee(doc, quote, cues) or earlier_addressee(doc, quote, cues)
        if to is not None and to not in sources:
            targets, target_from = [to], "addressee"
    return Roles(tuple(sources), tuple(targets), how, quote, target_from)


def judged_by_adjective(match: Match) -> bool:
    """A verbal-conflict noun pattern that fires on a judging adjective of an act ("*illegal*
    aggression", "*unprovoked* aggression"): the criticism is the writer's or speaker's."""
    trig = match.trigger
    return match.pattern.kind == "noun" and match.pattern.code[:2] == "11" and any(
        w.dep_ == "amod" and w.head.i == trig.i for w in match.words)


def _judgment_roles(doc: Doc, match: Match, owners: list[str], quote: Quote | None, cues: Cues) -> Roles:
    """The speaker who judges an actor's act criticises that actor (source: the quote's speaker or
    the reporting verb's subject; target: the act's owner). Unattributed, nobody criticises."""
    speaker_ids: list[str] = []
    if quote is not None and quote.speaker:
        speaker_ids = [quote.speaker]
    else:
        speaker = speaker_of(clause_verb(match.trigger), cues)
        if speaker is not None:
            speaker_ids = actors_of(doc, speaker)
    speaker_ids = [a for a in speaker_ids if a not in owners]
    if not speaker_ids:
        return Roles((), (), "none", quote)
    return Roles(tuple(speaker_ids), tuple(owners), "judge", quote, "owner")
