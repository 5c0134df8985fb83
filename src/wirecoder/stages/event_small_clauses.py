"""The object and predicate of "called X ..." when the parser makes them one small clause.

"X called Y's decision *shameful*" is often parsed with "decision" as the subject of the
predicate ("shameful" an ``oprd`` of the verb, "decision" its ``nsubj`` or even its
``compound``), and "X called Y's
remarks outrageous" with the noun as the ``oprd`` and the adjective its modifier. Either way Y's
decision (remarks) is what the speaker evaluates and the adjective what they say of it.
"""
from __future__ import annotations

from spacy.tokens import Token

from .event_triggers import kids


def small_clause(verb: Token) -> tuple[Token, list[Token]] | None:
    """The evaluated phrase and the predicate of an evaluation verb's small clause, or None."""
    for c in kids(verb):
        if c.dep_ != "oprd":
            continue
        subj = next((s for s in kids(c) if s.i < c.i and (s.dep_ in ("nsubj", "nsubjpass") or (
            s.dep_ in ("compound", "npadvmod") and s.pos_ in ("NOUN", "PROPN") and c.pos_ == "ADJ"))), None)
        if subj is not None:
            inside = set(subj.subtree)
            return subj, [t for t in c.subtree if t not in inside]
        adjs = [a for a in kids(c) if a.dep_ == "amod" and a.i > c.i and a.pos_ == "ADJ"]
        if c.pos_ in ("NOUN", "PROPN") and adjs:
            return c, [t for a in adjs for t in a.subtree]
    return None
