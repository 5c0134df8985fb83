"""Implicit civilian targets: the people an attack hits when the text names no actor for them.

"Gunmen stormed a *hotel* in the Somali city of Beledweyne", "militants attacked a passenger
*train* in Pakistan", "the group said it had killed more than 10 *people*": a material attack on
people or a civilian place targets the civilians (sector ``CVL``) of the country where it happened
(the place the sentence names, else the country of a domestic attacker). The events stage adds
one actor per such country (``resolved_by="context"``, ``note`` "implicit: ..."), grounded on
the victim word.
Casualties stated in the attack noun's clause are its victims: "21 passengers *died in* the attack
by X" (X -> civilians). Word lists: ``data/roles/civilians.yaml``.

Implicit sources: a passive with no agent reported by a speaker who does that kind of act ("16
terrorists had been killed, the army said"): the speaker is the source, the passive subject the
target (``data/roles/passive_agents.yaml``); "the U.N. says 10 civilians were killed" stays uncoded.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from ..doc import actor_by_id, code_of, quote_at
from ..errors import KnowledgeError
from ..patterns import load_word_lists, read_role_file
from ..records import Actor, Location, Mention
from .event_clauses import child_of, passive_patient, speaker_of, subject_of
from .phrase_actors import actors_of
from .event_triggers import Match, clause_verb, kids, lemma

# sectors of actors that fight at home: their country is where their attack happens
DOMESTIC_SECTORS = frozenset({"REB", "MIL", "POL", "GOV", "OPP", "CVL", "UAF", "SPY", "JUD"})
NOT_COUNTRIES = frozenset({"IGO", "NGO", "IMG", "MNC"})
IMPLICIT_NOTE = "implicit: the people or place an attack hit"


@dataclass(frozen=True, slots=True)
class CivilianWords:
    """Which roots can hit civilians, and the nouns that name people and civilian places."""

    roots: frozenset[str]
    people: frozenset[str]
    places: frozenset[str]
    casualty_verbs: frozenset[str] = frozenset()

    def names_civilians(self, token: Token) -> bool:
        return lemma(token) in self.people or lemma(token) in self.places or token.lower_ in self.people


def load_civilian_words(path: Path) -> CivilianWords:
    return CivilianWords(*load_word_lists(path, ("roots", "people", "places", "casualty_verbs")))


def _casualties(trig: Token, words: CivilianWords) -> list[Token]:
    """The people an attack noun's clause reports as its casualties: "21 passengers *died in* the
    attack by X", "dozens were wounded during the raid"."""
    prep = trig.head if trig.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in ("in", "during", "from") or lemma(prep.head) not in words.casualty_verbs:
        return []
    return [c for c in kids(prep.head) if c.dep_ in ("nsubj", "nsubjpass")]


def _victim_candidates(match: Match, words: CivilianWords) -> list[Token]:
    trig = match.trigger
    heads: list[Token] = _casualties(trig, words) if match.pattern.kind == "noun" else []
    for c in kids(trig):
        if c.dep_ in ("dobj", "nsubjpass"):
            heads.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "upon", "in"):
            heads.extend(x for x in kids(c) if x.dep_ == "pobj")
    if trig.dep_ == "acl" and trig.tag_ == "VBN":          # "a hotel *attacked* by gunmen"
        heads.append(trig.head)
    out: list[Token] = []
    for h in heads:
        out.append(h)
        out.extend(x for p in kids(h) if p.dep_ == "prep" and p.lower_ == "of"
                   for x in kids(p) if x.dep_ == "pobj")       # "dozens of people"
    return out


def victim(match: Match, words: CivilianWords) -> Token | None:
    """The word naming the people or civilian place a material attack hits, if any ("stormed
    *it*": the civilian place named earlier in the sentence)."""
    if match.pattern.code[:2] not in words.roots:
        return None
    for t in _victim_candidates(match, words):
        if words.names_civilians(t):
            return t
        if t.lower_ in ("it", "them"):
            earlier = [x for x in t.sent if x.i < t.i and x.dep_ in ("dobj", "pobj", "nsubjpass")
                       and words.names_civilians(x)]
            if earlier:
                return earlier[-1]
    return None


def civilian_country(location: Location | None, source: Actor | None) -> str | None:
    """Where the civilians are: the event's place, else a domestic attacker's country."""
    if location is not None and location.country:
        return location.country
    if source is not None and source.country and source.country not in NOT_COUNTRIES \
            and (source.sector or "") in DOMESTIC_SECTORS:
        return source.country
    return None


def civilians_actor(doc: Doc, country: str, token: Token) -> Actor:
    """The civilians of ``country`` as an actor (one per country in a doc), grounded on ``token``;
    adds it (and its mention) to the doc when it is new."""
    code = f"{country}CVL"
    span = (token.idx, token.idx + len(token.text))
    for actor in doc._.actors:
        if actor.code == code and (actor.note or "").startswith(IMPLICIT_NOTE):
            if span not in actor.mentions:
                updated = Actor(actor.id, actor.name, actor.code, actor.country, actor.sector, actor.role,
                                actor.kind, tuple(sorted(actor.mentions + (span,))), actor.resolved_by,
                                actor.note)
                doc._.actors = tuple(updated if a.id == actor.id else a for a in doc._.actors)
                doc._.mentions = tuple(sorted(doc._.mentions + (Mention(span, actor.id, token.text, "group"),),
                                              key=lambda m: m.span))
                return updated
            return actor
    numbers = [int(a.id[1:]) for a in doc._.actors if a.id[:1] == "A" and a.id[1:].isdigit()]
    actor = Actor(f"A{max(numbers, default=0) + 1}", f"civilians ({country})", code, country, "CVL", None,
                  "group", (span,), "context", IMPLICIT_NOTE)
    doc._.actors = tuple(doc._.actors) + (actor,)
    doc._.mentions = tuple(sorted(tuple(doc._.mentions) + (Mention(span, actor.id, token.text, "group"),),
                                  key=lambda m: m.span))
    return actor


@dataclass(frozen=True, slots=True)
class SpeechActNouns:
    """Nouns that refer back to an earlier speech act, with the CAMEO roots they refer to."""

    roots_of: tuple[tuple[str, tuple[str, ...]], ...]

    def roots(self, token: Token) -> tuple[str, ...]:
        return dict(self.roots_of).get(lemma(token), ())


def load_speech_act_nouns(path: Path) -> SpeechActNouns:
    data = read_role_file(path) or {}
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise KnowledgeError(f"{path}: expected 'noun: [roots]' lines; fix the file")
    return SpeechActNouns(tuple((str(k).lower(), tuple(str(r) for r in v)) for k, v in data.items()))


def referred_event(match: Match, nouns: SpeechActNouns) -> tuple[str, ...]:
    """The roots of the earlier material event a reaction's object refers back to ("condemned *the
    attack*", "denounced *this bombing*"), or () when the object names its owner or agent ("the
    rebels' attack", "the attack by X") or is no such noun. A place or a name in front ("the
    Kabul bombing") does not make it another event."""
    for c in kids(match.trigger):
        if c.dep_ != "dobj":
            continue
        roots = nouns.roots(c)
        owned = any(x.dep_ == "poss" or (x.dep_ == "prep" and x.lower_ in ("by", "of", "on", "against"))
                    for x in kids(c))
        determined = any(x.dep_ == "det" and x.lower_ in ("the", "this", "that", "these", "those")
                         for x in kids(c))
        # "the police *returned fire*": a response by the pattern's own words, when they name an
        # act of the pattern's own kind ("threatened *a strike*" is a labour strike to come)
        own_kind = c in match.words and match.pattern.code[:2] in roots
        if roots and not owned and (determined or own_kind):
            return roots
    return ()


OWNER_PREPS = frozenset({"from", "by"})


def referred_speech_act(match: Match, nouns: SpeechActNouns) -> tuple[str, ...]:
    """The roots of the earlier speech act a response's object refers back to ("denied *the
    request*"), or () when the object names its owner or is no such noun."""
    for c in kids(match.trigger):
        if c.dep_ != "dobj":
            continue
        roots = nouns.roots(c)
        # "the U.S. request", "the Chinese proposal", "the request from X"; not "the allegations
        # *in the lawsuits*", "the charges *of fraud*" (where or what, not whose)
        owned = any(x.dep_ in ("poss", "compound") or x.dep_ == "prep" and x.lower_ in OWNER_PREPS
                    or (x.dep_ == "amod" and x.text[:1].isupper()) for x in kids(c))
        if roots and not owned and any(x.dep_ == "det" and x.lower_ in ("the", "this", "that", "these", "those")
                                       for x in kids(c)):
            return roots
    return ()


# -- the speaker as the agent of a passive --------------------------------------------------
@dataclass(frozen=True, slots=True)
class PassiveAgents:
    """Per CAMEO root, the sectors of a speaker who does what it reports in a passive."""

    sectors: dict[str, frozenset[str]]

    def acts(self, root: str, code: str | None) -> bool:
        """Whether an actor coded ``code`` does acts of ``root`` (a bare country has sector "")."""
        # an international body or NGO ("IGO") is no state: its empty sector is not a bare country's
        return code is not None and code[:3] not in NOT_COUNTRIES and code[3:6] in self.sectors.get(root, frozenset())


def load_passive_agents(path: Path) -> PassiveAgents:
    data = read_role_file(path) or {}
    roots = data.get("roots") if isinstance(data, dict) else None
    if not isinstance(roots, dict) or not all(isinstance(v, list) for v in roots.values()):
        raise KnowledgeError(f"{path}: expected 'roots' mapping a root to a list of sectors; fix the file")
    return PassiveAgents({str(k): frozenset(str(s or "").upper() for s in v) for k, v in roots.items()})


def _reporting_speaker(verb: Token, cues) -> Token | None:
    """The speaker of a clause ``verb`` heads: "Both forces *say* (it) was seized", or a speech
    verb hanging on it ("16 terrorists had been killed, the army *said*")."""
    speaker = speaker_of(verb, cues)
    if speaker is not None:
        return speaker
    for t in (verb, verb.head):
        for c in kids(t):
            if c.dep_ in ("ccomp", "parataxis") and c.i > verb.i and lemma(c) in cues.speech:
                subj = child_of(c, "nsubj")
                if subj is not None:
                    return subj
        if verb.dep_ != "conj":
            break
    return None


def passive_agent(doc: Doc, match: Match, cues, agents: PassiveAgents) -> tuple[list[str], list[str]]:
    """``(sources, targets)`` of a passive with no agent that a fitting speaker reports, else empty."""
    root = match.pattern.code[:2]
    if root not in agents.sectors or match.pattern.kind != "verb":
        return [], []
    verb = clause_verb(match.trigger)
    if subject_of(verb, cues)[1] != "passive":
        return [], []
    speaker = _reporting_speaker(verb, cues)
    sources = actors_of(doc, speaker) if speaker is not None else []
    quote = quote_at(doc, match.trigger.idx)
    if not sources and quote is not None and quote.speaker:
        sources = [quote.speaker]
    if not sources or not all(agents.acts(root, code_of(doc, a)) for a in sources):
        return [], []
    targets = [a for a in actors_of(doc, passive_patient(verb, cues)) if a not in sources]
    return sources, targets


def is_civilian(doc: Doc, actor_id: str) -> bool:
    """Whether the actor is civilians (sector CVL): residents, villagers, families."""
    actor = actor_by_id(doc, actor_id)
    return actor is not None and (actor.code or "")[3:6] == "CVL"
