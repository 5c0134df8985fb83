"""Groups in several places: "politicians in Britain and the United States" is one group per
country (the actors stage makes them, ``mention_groups.group``); an event the phrase does is done
by each of them. See docs/actors.md.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..doc import actor_by_id, actor_of_token

WHERE_PREPS = frozenset(("in", "on", "inside"))


def placed_groups(doc: Doc, token: Token, actor_id: str) -> list[str]:
    """The groups with the role of ``actor_id`` grounded on the conjoined places after ``token``
    ("lawmakers in France *and Germany*"), other than ``actor_id`` itself."""
    actor = actor_by_id(doc, actor_id)
    if actor is None or actor.kind != "group" or not actor.role:
        return []
    out = []
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in WHERE_PREPS:
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for part in pobj.conjuncts:
                other = actor_of_token(doc, part)
                if other is not None and other.code and other.id != actor_id and other.role == actor.role \
                        and other.kind == actor.kind and other.id not in out:
                    out.append(other.id)
    return out
