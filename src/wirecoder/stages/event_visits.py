"""Whether a matched visit (042 make a visit, 043 host a visit) is one: a visit is a political
actor going to another political actor. People arriving or migrating ("detainees began
arriving at ...", "Somalis arrived in Kenya") are not visits.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..patterns import Cues
from ..records import Actor
from .event_clauses import subject_of
from .event_triggers import clause_verb, kids

VISIT_CODES = ("042", "043")
NOT_POLITICAL = ("CVL", "REF")


def not_a_visit(code: str, trigger: Token, source: Actor | None, target: Actor | None, cues: Cues) -> str | None:
    """Why a visit coded ``code`` is not one, or None when it is."""
    if code not in VISIT_CODES:
        return None
    if source is None or target is None:
        return "a visit needs a visitor and a host"
    for actor in (source, target):
        if actor.sector in NOT_POLITICAL:
            return f"'{actor.code}' are civilians or refugees, not a visiting or hosting actor"
    subj, _ = subject_of(clause_verb(trigger), cues)
    people = [] if subj is None else [subj] + [o for p in kids(subj) if p.dep_ == "prep" and p.lower_ == "of"
                                                for o in kids(p) if o.dep_ == "pobj"]
    for who in people:      # "Somalis arrived", "a wave of migrants arrived": people moving, not a visit
        if who.tag_ in ("NNS", "NNPS"):
            return f"'{who.text}' are people arriving, not a political actor's visit"
    return None
