"""Targets named inside "what it called ...": "denounced what it called *X's* aggression",
"condemned what she described as *X's* attacks on the press", "rejected what they termed X's
demands".

The trigger's object is a free relative ("what") whose verb is an evaluation verb
(``evaluation_verbs`` of ``data/statements``): the thing judged is what that verb names, so an
actor in its predicate (the ``oprd`` or "as" phrase) is the target of an event that found none.
"""
from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from .event_drafts import Draft
from .phrase_actors import actors_of
from .event_triggers import kids, lemma

WH_OBJECTS = frozenset({"what", "whatever"})


def _named(doc: Doc, verb: Token) -> list[str]:
    """The actors of the evaluation verb's predicate (its ``oprd`` or "as" phrase)."""
    preds = [c for c in kids(verb) if c.dep_ == "oprd"] + [
        o for p in kids(verb) if p.dep_ == "prep" and p.lower_ == "as" for o in kids(p) if o.dep_ == "pobj"]
    return list(dict.fromkeys(a for p in preds for t in p.subtree for a in actors_of(doc, t)))


def called_targets(doc: Doc, drafts: list[Draft], evaluation_verbs: frozenset[str],
                   notes: list[str]) -> list[Draft]:
    """The drafts, each one with no target given the actor "what it called ..." names."""
    out: list[Draft] = []
    for d in drafts:
        verb = d.match.trigger
        rel = None if d.target is not None or not d.match.pattern.has_target else next(
            (c for c in kids(verb) if c.dep_ in ("ccomp", "dobj") and lemma(c) in evaluation_verbs
             and any(w.dep_ in ("dobj", "nsubjpass") and w.lower_ in WH_OBJECTS for w in kids(c))), None)
        targets = [a for a in _named(doc, rel) if a != d.source] if rel is not None else []
        if not targets:
            out.append(d)
            continue
        notes.append(f"'{verb.text} what ... {rel.text}': the target named in what it is called")
        out.append(dataclasses.replace(d, target=targets[0],
                                       roles=dataclasses.replace(d.roles, targets=(targets[0],), target_from="called")))
    return out
