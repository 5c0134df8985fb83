"""Targets the text only implies: whom a demand answers, and who holds the people an offer is for.

Paired demands: "Washington's *call* for denuclearization and Pyongyang's *demand* for sanctions
relief did not mesh": two speech-act nouns of different owners, coordinated (or co-subjects) in one
clause, each address the other owner; the target is the other noun's owner.

Offers to take in people that another side holds: "Canada and Norway offered to *resettle* the
refugees" targets who holds them, as the story says it anywhere: a holding verb whose object (or
the noun its relative clause hangs on) is the same people word ("the refugees Greece still
*holds*", "Greece *detained* the refugees"), or a custody noun owned by an actor ("refugees who
remain in *Greece's custody*"). Word lists: ``data/roles/addressees.yaml``.

Deportations: "Iran deported 300 Afghan migrants *to Pakistan*": the people deported are the
target, not the destination (the destination stays the target only when the deported people name
no actor).

Offers of peace: "Kyiv is *committed to peace*", "we are *open for dialogue*" with no one named
address the side the source's country is in conflict with in the story: the other country of most
conflict events (roots 10-20) with the source's country, whichever side of them it was on.

Domestic rules: "the Taliban imposed *restrictions* on printing books": a government's rule on an
activity that names no actor falls on its own country (the bare country actor of the story, else
its civilians).

People named before as "them": "they refused to enroll *them*" where the nearest plural noun before
the pronoun in its sentence names people ("my children", "the students", from
``data/roles/civilians.yaml``) and no actor: the civilians of the source's country.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Doc, Token

from ..doc import actor_by_id
from ..patterns import load_word_lists
from .event_drafts import Draft
from .event_roles import Roles
from .phrase_actors import actors_of
from .event_triggers import Match, kids, lemma
from .implicit_targets import NOT_COUNTRIES, CivilianWords, civilians_actor

VERBAL_ROOTS = frozenset({"02", "03", "10", "12"})
OFFER_ROOTS = frozenset({"03", "05", "07"})
DEPORT_CODES = ("174",)


@dataclass(frozen=True, slots=True)
class AddresseeWords:
    """Nouns of paired demands, verbs of taking people in, verbs and nouns of holding them."""

    paired_nouns: frozenset[str]
    resettle_verbs: frozenset[str]
    holding_verbs: frozenset[str]
    custody_nouns: frozenset[str]
    peace_roots: frozenset[str] = frozenset()
    peace_nouns: frozenset[str] = frozenset()
    regulation_roots: frozenset[str] = frozenset()
    regulation_nouns: frozenset[str] = frozenset()
    regulating_sectors: frozenset[str] = frozenset()


def load_addressee_words(path: Path) -> AddresseeWords:
    return AddresseeWords(*load_word_lists(path, ("paired_nouns", "resettle_verbs", "holding_verbs",
                                                  "custody_nouns", "peace_roots", "peace_nouns",
                                                  "regulation_roots", "regulation_nouns", "regulating_sectors")))


def _owners(doc: Doc, noun: Token) -> list[str]:
    return [a for c in kids(noun) if c.dep_ == "poss" for a in actors_of(doc, c)]


def _paired_nouns(trig: Token) -> list[Token]:
    """Nouns coordinated with ``trig``: its conjuncts, or a co-subject joined by "and"."""
    out = [c for c in kids(trig) if c.dep_ == "conj"]
    if trig.dep_ == "conj":
        out.append(trig.head)
    if trig.dep_ in ("nsubj", "nsubjpass"):
        siblings = [c for c in kids(trig.head) if c.dep_ == trig.dep_ and c.i != trig.i]
        joined = any(c.dep_ == "cc" for s in [trig] + siblings for c in kids(s))
        if joined:
            out.extend(siblings)
    return out


def paired_demand(doc: Doc, match: Match, words: AddresseeWords, sources: tuple[str, ...]) -> list[str]:
    """The owner of a demand coordinated with this one, if this one is a demand noun."""
    trig = match.trigger
    if match.pattern.kind != "noun" or match.pattern.code[:2] not in VERBAL_ROOTS \
            or lemma(trig) not in words.paired_nouns:
        return []
    for other in _paired_nouns(trig):
        if lemma(other) in words.paired_nouns:
            ids = [a for a in _owners(doc, other) if a not in sources]
            if ids:
                return ids
    return []


def _verb_key(verb: Token) -> str:
    particle = next((c.lower_ for c in kids(verb) if c.dep_ == "prt"), "")
    return f"{lemma(verb)} {particle}".strip()


def _people_taken(match: Match, words: AddresseeWords) -> Token | None:
    """The people an offer is to take in: "offered to resettle *the refugees*"."""
    for x in kids(match.trigger):
        if x.dep_ == "xcomp" and (_verb_key(x) in words.resettle_verbs or lemma(x) in words.resettle_verbs):
            obj = next((c for c in kids(x) if c.dep_ == "dobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return obj
    return None


def _holder_of(doc: Doc, people: Token, words: AddresseeWords) -> list[str]:
    """Who the story says holds the people named by ``people``'s word, first mention first."""
    key = people.lower_
    for t in doc:
        if t.lower_ != key or t.i == people.i:
            continue
        # "Greece detained the refugees" / "the refugees Greece still holds"
        verbs = [t.head] if t.dep_ == "dobj" else []
        verbs += [c for c in kids(t) if c.dep_ == "relcl"]
        if t.dep_ == "nsubj":
            verbs.append(t.head)                # "the refugees remain in Greece's custody"
        for v in verbs:
            held = t.dep_ == "dobj" or v.head.i == t.i      # its object, or a relative clause on it
            if held and lemma(v) in words.holding_verbs:
                ids = [a for c in kids(v) if c.dep_ == "nsubj" for a in actors_of(doc, c)]
                if ids:
                    return ids
            # "refugees who remain in Greece's custody"
            for sub in v.subtree:
                if lemma(sub) in words.custody_nouns:
                    ids = _owners(doc, sub)
                    if ids:
                        return ids
    return []


def _regulated(doc: Doc, match: Match, roles: Roles, words: AddresseeWords) -> tuple[str, ...]:
    """The own country a government's rule on an unnamed activity falls on (see the docstring)."""
    if match.pattern.code[:2] not in words.regulation_roots or len(roles.sources) != 1:
        return ()
    source = actor_by_id(doc, roles.sources[0])
    if source is None or not source.country or (source.sector or "").lower() not in words.regulating_sectors:
        return ()
    trig = match.trigger
    near = list(kids(trig)) + [g for c in kids(trig) for g in kids(c)]
    rule = next((t for t in near if lemma(t) in words.regulation_nouns), None)
    if rule is None:
        return ()
    country = next((a for a in doc._.actors if a.code == source.country and a.kind == "country"), None)
    if country is None:
        country = civilians_actor(doc, source.country, rule)
    return (country.id,)


def _people_pronoun(doc: Doc, match: Match, roles: Roles, people: CivilianWords) -> tuple[str, ...]:
    """The civilians an object "them" stands for (see the module docstring)."""
    trig = match.trigger
    holders = [trig] + [c for c in kids(trig) if c.dep_ == "xcomp"]
    pronoun = next((c for h in holders for c in kids(h) if c.dep_ == "dobj" and c.lower_ == "them"), None)
    source = actor_by_id(doc, roles.sources[0]) if len(roles.sources) == 1 else None
    if pronoun is None or source is None or not source.country or source.country in NOT_COUNTRIES:
        return ()
    before = [t for t in pronoun.sent if t.i < pronoun.i and t.tag_ in ("NNS", "NNPS")
              and not actors_of(doc, t, modifiers=False)]
    if not before or not people.names_civilians(before[-1]):
        return ()
    return (civilians_actor(doc, source.country, before[-1]).id,)


def implied_addressee(doc: Doc, match: Match, roles: Roles, words: AddresseeWords,
                      people: CivilianWords | None = None) -> Roles:
    """``roles`` with the implied target of a paired demand or of an offer to take people in."""
    if not roles.sources:
        return roles
    if not roles.targets:
        ids = paired_demand(doc, match, words, roles.sources)
        if ids:
            return replace(roles, targets=tuple(ids), target_from="paired")
    if match.pattern.code.startswith(DEPORT_CODES) and roles.target_from in ("prep", "prep-object"):
        # people deported are foreigners: a nationality only guessed from the story's country
        # ("deported 200 *detainees* to Myanmar") is the deporter's own, so the destination stays
        home = {_country(doc, s) for s in roles.sources}
        ids = [a for c in kids(match.trigger) if c.dep_ == "dobj"
               for a in actors_of(doc, c) if a not in roles.sources
               and not (getattr(actor_by_id(doc, a), "resolved_by", "") == "context" and _country(doc, a) in home)]
        if ids:
            return replace(roles, targets=tuple(ids), target_from="deported")
    if not roles.targets:
        ids = _regulated(doc, match, roles, words)
        if ids:
            return replace(roles, targets=ids, target_from="regulated")
        ids = _people_pronoun(doc, match, roles, people) if people is not None else ()
        if ids:
            return replace(roles, targets=ids, target_from="people-pronoun")
    if match.pattern.code[:2] in OFFER_ROOTS:
        people = _people_taken(match, words)
        if people is not None:
            ids = [a for a in _holder_of(doc, people, words) if a not in roles.sources]
            if ids:
                return replace(roles, targets=tuple(ids[:1]), target_from="holder")
    return roles


CONFLICT_ROOTS = frozenset({"10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"})


def _country(doc: Doc, actor_id: str | None) -> str | None:
    actor = actor_by_id(doc, actor_id) if actor_id else None
    return actor.country if actor is not None and actor.country else None


def offers_peace(match: Match, words: AddresseeWords) -> bool:
    """A commitment or readiness whose words or complement name peace, a truce or talks."""
    if match.pattern.code[:2] not in words.peace_roots:
        return False
    return any(lemma(t) in words.peace_nouns or t.lower_ in words.peace_nouns
               for t in match.trigger.subtree)


def peace_counterparts(doc: Doc, drafts: list[Draft], words: AddresseeWords) -> list[Draft]:
    """``drafts`` with the implied target of offers of peace that name no one (see the module
    docstring)."""
    out: list[Draft] = []
    for d in drafts:
        if d.target is None and d.source and offers_peace(d.match, words):
            own = _country(doc, d.source)
            tally: Counter[str] = Counter()
            first: dict[str, str] = {}
            for e in drafts:
                if e.code[:2] not in CONFLICT_ROOTS or e.target is None:
                    continue
                pair = (_country(doc, e.source), _country(doc, e.target))
                if own is None or own not in pair or pair[0] == pair[1]:
                    continue
                other_id = e.target if pair[0] == own else e.source
                other = _country(doc, other_id)
                if other is not None and other not in ("IGO", "NGO", "IMG", "MNC"):
                    tally[other] += 1
                    first.setdefault(other, other_id)
            if tally:
                best = max(tally, key=lambda c: (tally[c], -list(first).index(c)))
                d = replace(d, target=first[best])
        out.append(d)
    return out
