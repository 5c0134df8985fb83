"""Criticism told in an idiom, with no verb of criticism: "X came under fire from Y over Z", "the
plan drew fire from Y" (Y criticises X), "In a rebuke to X, Y recalled its envoy", "in a swipe at
X, Y said ..." (the subject of the clause the adverbial modifies criticises X).

The words are data (``fire_nouns``, ``fire_verbs``, ``shooting_sectors``, ``adverbial_rebukes``
in ``data/statements/*.yaml``); the code is the statements' ``criticism`` code (111). Fire from an
armed side that may be shooting (an army, police, rebels: ``shooting_sectors``), or from no actor
named, is no criticism here; a rebuke whose clause has no actor as its subject has no source.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..doc import code_of
from ..patterns import Pattern
from .event_drafts import Draft
from .event_roles import Roles
from .event_triggers import Match, kids
from .phrase_actors import actors_of

if TYPE_CHECKING:  # pragma: no cover
    from .event_statements import StatementCoder


def idiom_patterns(code: str) -> dict[str, Pattern]:
    """The two patterns an idiom's draft names: criticism received under fire, a rebuke adverbial."""
    def pattern(kind: str, text: str) -> Pattern:
        return Pattern(id=f"{code} idiom:{kind}", kind="noun", heads=frozenset(), words=(), preps=(), code=code,
                       reciprocal=False, has_target=True, text=text)
    return {"fire": pattern("under fire from", "X came under|drew fire from ACTOR"),
            "rebuke": pattern("in a rebuke to", "in a rebuke|swipe to|at X, ACTOR ...")}


def idiom_drafts(coder: StatementCoder, doc: Doc, sent: SpacySpan, noun: Token, lem: str,
                 notes: list[str]) -> list[Draft]:
    """The criticism the idiom around ``noun`` (whose lemma ``lem`` is a word of ``fire_nouns`` or
    ``adverbial_rebukes``) tells, or nothing."""
    words = coder.words
    if noun.pos_ != "NOUN":
        return []
    if lem in words.fire_nouns:
        got = _under_fire(coder, doc, noun)
        kind = "fire"
    else:
        got = _rebuke(doc, noun, words.adverbial_rebukes[lem])
        kind = "rebuke"
    if got is None:
        return []
    sources, targets, how = got
    pattern = coder.idioms[kind]
    note = f"'{noun.text}': {how} -> {pattern.code}"
    notes.append(note)
    roles = Roles(tuple(sources), tuple(t for t in targets if t), "agent" if kind == "fire" else "subject", None, "prep-object")
    return [Draft(Match(noun, pattern, (), ()), pattern.code, s, t, False, roles, sent, note)
            for s in sources for t in targets if t is None or code_of(doc, s) != code_of(doc, t)]


def _under_fire(coder: StatementCoder, doc: Doc, noun: Token) -> tuple[list[str], list[str | None], str] | None:
    """"X came under fire from Y": the from-actors (no armed side) and the subject's actors."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "under":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return None
    if verb.lemma_.lower() not in coder.words.fire_verbs or any(c.dep_ == "neg" for c in kids(verb)):
        return None
    subj = next((c for c in kids(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
    targets: list[str | None] = list(actors_of(doc, subj))
    if not targets and subj is not None and coder._is_act(subj):
        targets = [None]  # "the plan drew fire from Y": an act criticised, no actor named
    if not targets:
        return None
    # the parser hangs "from Y" on the verb or on the noun
    sources = [a for h in (verb, noun) for p in kids(h) if p.dep_ == "prep" and p.lower_ == "from"
               for o in kids(p) if o.dep_ == "pobj" for a in actors_of(doc, o)]
    if not sources or any((code_of(doc, s) or "")[3:6] in coder.words.shooting_sectors for s in sources):
        return None
    return list(dict.fromkeys(sources)), targets, "criticism received (under fire from an actor that is no armed side)"


def _rebuke(doc: Doc, noun: Token, preps: frozenset[str]) -> tuple[list[str], list[str], str] | None:
    """"In a rebuke to X, Y ...": the subject of the clause "in" modifies, towards X."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    targets = [a for p in kids(noun) if p.dep_ == "prep" and p.lower_ in preps
               for o in kids(p) if o.dep_ == "pobj" for a in actors_of(doc, o)]
    verb = prep.head
    subj = next((c for c in kids(verb) if c.dep_ == "nsubj"), None)
    sources = actors_of(doc, subj)
    if not targets or not sources or any(c.dep_ == "neg" for c in kids(verb)):
        return None
    return sources, list(dict.fromkeys(targets)), "a rebuke to an actor, by the subject of its clause"
