"""Attacks told by the device alone: "a roadside bomb killed two soldiers", "three policemen were
killed by an explosive device", "a journalist was killed in a car bomb explosion".

No one is named who set the device, so the attacker is an unidentified armed force (sector
``UAF``) of the country where it happened, and the event is the bombing's code; the victims are
the object of the active verb or the subject of the passive. The words are
``unclaimed_devices`` in ``data/reduced/*.yaml``.

Attacks told with no attacker at all ("the convoy came under attack", "a patrol was ambushed
near the border") are the same unidentified force's, towards the subject (``unclaimed_attacks``).
"""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..doc import actor_by_id
from .event_drafts import Draft
from .event_reduced import ReducedWords, state_actor
from .event_roles import Roles
from .phrase_actors import actors_of
from .event_triggers import Match, kids, lemma
from .implicit_targets import NOT_COUNTRIES, CivilianWords, civilians_actor

HARM_ROOTS = frozenset({"18", "19", "20"})
DEVICE_PREPS = frozenset({"by", "in", "with"})


def _is_device(token: Token | None, words: ReducedWords) -> bool:
    """A device noun ("bomb", "explosion") or a phrase headed by one ("a car bomb explosion")."""
    return token is not None and token.pos_ in ("NOUN", "PROPN") and lemma(token) in words.devices


def _device_and_victims(verb: Token, words: ReducedWords) -> Token | None:
    """The victims' token when ``verb``'s doer is a device: the object of "a bomb killed X", the
    subject of "X was killed by / in a bomb explosion"; else None."""
    subj = next((c for c in kids(verb) if c.dep_ == "nsubj"), None)
    if _is_device(subj, words):
        return next((c for c in kids(verb) if c.dep_ == "dobj"), None)
    patient = next((c for c in kids(verb) if c.dep_ == "nsubjpass"), None)
    if patient is None:
        return None
    for c in kids(verb):
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in DEVICE_PREPS):
            if any(_is_device(o, words) for o in kids(c) if o.dep_ == "pobj"):
                return patient
    return None


def unclaimed_device_attack(doc: Doc, sent: SpacySpan, match: Match, code: str, words: ReducedWords,
                            place_country: Callable[[], str | None], notes: list[str]) -> list[Draft]:
    """Drafts of the bombing an unidentified armed force did to the victims of ``match`` (a verb of
    harm whose doer is a device), when the sentence names the country where it happened."""
    verb = match.trigger
    if (not words.devices or match.pattern.kind != "verb" or code[:2] not in HARM_ROOTS
            or code != match.pattern.code):
        return []
    victims_token = _device_and_victims(verb, words)
    victims = [a for a in actors_of(doc, victims_token)
               if getattr(actor_by_id(doc, a), "country", None)] if victims_token is not None else []
    if not victims:
        return []
    country = place_country()
    if not country:
        return []
    return _by_unnamed_force(doc, sent, match, words.device_code, country, victims, words,
                             "done by a device with no one named", notes)


def _under_attack(noun: Token, words: ReducedWords) -> Token | None:
    """The verb of "X came under (a gun) attack" / "X was under fire" on the attack noun."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in words.attack_preps:
        return None
    verb = prep.head
    return verb if lemma(verb) in words.attack_receivers else None


def _subject(verb: Token, deps: tuple[str, ...]) -> Token | None:
    """The subject of ``verb`` (of the verb it is conjoined to: "the car hit a mine and *was
    attacked*")."""
    for v in (verb, verb.head if verb.dep_ == "conj" else None):
        subj = next((c for c in kids(v) if c.dep_ in deps), None) if v is not None else None
        if subj is not None:
            return subj
    return None


def _attacked(match: Match, words: ReducedWords) -> Token | None:
    """Who was attacked when no attacker is named: the subject of "came under attack" (a noun
    pattern), of an agentless passive "was ambushed"; None when someone is named by/from."""
    trig = match.trigger
    if match.pattern.kind == "noun":
        verb = _under_attack(trig, words)
        if verb is None:
            return None
        named = [p for p in (*kids(trig), *kids(verb)) if p.dep_ in ("prep", "agent")
                 and p.lower_ in ("by", "from")]
        return None if named else _subject(verb, ("nsubj",))
    if match.pattern.kind != "verb" or trig.tag_ != "VBN" or lemma(trig) not in words.attack_verbs:
        return None
    if any(c.dep_ == "agent" for c in kids(trig)):
        return None
    if not any(c.dep_ == "auxpass" for c in kids(trig)):
        return None
    return _subject(trig, ("nsubjpass", "nsubj"))


def _civilian_word(subj: Token, civilians: CivilianWords) -> Token | None:
    """The people or civilian place the attacked subject names: itself ("the bus") or its
    apposition ("the Night Star, a passenger ferry,"), or for a
    pronoun the last such word before it in the sentence ("the train, with 300 people on board,
    ... when *it* came under attack")."""
    for word in (subj, *(c for c in kids(subj) if c.dep_ == "appos")):   # "X, a passenger train,"
        if civilians.names_civilians(word):
            return word
    if subj.pos_ == "PRON":
        earlier = [x for x in subj.sent if x.i < subj.i and x.pos_ == "NOUN" and civilians.names_civilians(x)]
        return earlier[-1] if earlier else None
    return None


def unclaimed_attack(doc: Doc, sent: SpacySpan, match: Match, code: str, words: ReducedWords,
                     civilians: CivilianWords, place_country: Callable[[], str | None],
                     notes: list[str]) -> list[Draft]:
    """Drafts of an attack whose attacker the text never names ("the convoy came under attack",
    "a patrol was ambushed"): an unidentified armed force of the country where it happened (else
    of the victims') did it to the subject, or to the civilians the subject names."""
    if code[:2] not in HARM_ROOTS or not words.attack_preps and not words.attack_verbs:
        return []
    subj = _attacked(match, words)
    if subj is None:
        return []
    named = [actor_by_id(doc, a) for a in actors_of(doc, subj)]
    if any(a is not None and a.kind == "country" for a in named):
        return []   # "Israel was attacked": a state's attacker is no force of its own
    victims = [a.id for a in named if a is not None and a.country]
    word = _civilian_word(subj, civilians) if not victims else None
    country = place_country() or (getattr(actor_by_id(doc, victims[0]), "country", None) if victims else None)
    if not country or country in NOT_COUNTRIES or (not victims and word is None):
        return []
    if not victims:
        victims = [civilians_actor(doc, country, word).id]
    return _by_unnamed_force(doc, sent, match, code, country, victims, words, "an attack with no attacker named",
                             notes)


def _by_unnamed_force(doc: Doc, sent: SpacySpan, match: Match, code: str, country: str, victims: list[str],
                      words: ReducedWords, why: str, notes: list[str]) -> list[Draft]:
    """Drafts of ``code`` by the unidentified armed force of ``country`` towards each victim
    (not the force itself), noted with ``why``."""
    attacker = state_actor(doc, country, words.device_sector, match.trigger)
    victims = [v for v in victims if v != attacker.id]
    if not victims:
        return []
    roles = Roles((attacker.id,), tuple(victims), "implicit", None, "patient")
    note = f"'{match.trigger.text}': {why} -> {attacker.code} ({code})"
    notes.append(note)
    return [Draft(match, code, attacker.id, v, False, roles, sent, note) for v in victims]
