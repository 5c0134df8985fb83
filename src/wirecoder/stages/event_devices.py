"""Attacks told by the device alone: "a roadside bomb killed two soldiers", "three policemen were
killed by an explosive device", "a journalist was killed in a car bomb explosion".

No one is named who set the device, so the attacker is an unidentified armed force (sector
``UAF``) of the country where it happened, and the event is the bombing's code; the victims are
the object of the active verb or the subject of the passive. The words are
``unclaimed_devices`` in ``data/reduced/*.yaml``.
"""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..doc import actor_by_id
from .event_drafts import Draft
from .event_reduced import ReducedWords, state_actor
from .event_roles import Roles, actors_of
from .event_triggers import Match, lemma

HARM_ROOTS = frozenset({"18", "19", "20"})
DEVICE_PREPS = frozenset({"by", "in", "with"})


def _is_device(token: Token | None, words: ReducedWords) -> bool:
    """A device noun ("bomb", "explosion") or a phrase headed by one ("a car bomb explosion")."""
    return token is not None and token.pos_ in ("NOUN", "PROPN") and lemma(token) in words.devices


def _device_and_victims(verb: Token, words: ReducedWords) -> Token | None:
    """The victims' token when ``verb``'s doer is a device: the object of "a bomb killed X", the
    subject of "X was killed by / in a bomb explosion"; else None."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if _is_device(subj, words):
        return next((c for c in verb.children if c.dep_ == "dobj"), None)
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if patient is None:
        return None
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in DEVICE_PREPS):
            if any(_is_device(o, words) for o in c.children if o.dep_ == "pobj"):
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
    attacker = state_actor(doc, country, words.device_sector, verb)
    victims = [v for v in victims if v != attacker.id]
    if not victims:
        return []
    roles = Roles((attacker.id,), tuple(victims), "implicit", None, "patient")
    note = f"'{verb.text}': done by a device with no one named -> {attacker.code} ({words.device_code})"
    notes.append(note)
    return [Draft(match, words.device_code, attacker.id, v, False, roles, sent, note) for v in victims]
