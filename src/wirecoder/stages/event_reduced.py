"""Reduced clauses around event nouns: "X was killed in a gun battle with police".

The event noun (a noun pattern of a violent root) names the fight; the actor of its ``with``/``by``
phrase is the source; the subject of the verb that tells what happened to someone inside the
fight (passive "was killed", intransitive "died") is the target. A reciprocal noun ("clash",
"battle") gives both directions. The words live in ``data/reduced/*.yaml``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span as SpacySpan, Token

from ..errors import KnowledgeError
from .event_drafts import Draft
from .event_roles import Roles, actors_of
from .event_triggers import Match, lemma


@dataclass(frozen=True, slots=True)
class ReducedWords:
    victim_verbs: frozenset[str]
    inside: frozenset[str]
    other_side: frozenset[str]
    roots: frozenset[str]


def load_reduced_words(folder: Path) -> ReducedWords:
    """Read every ``*.yaml`` in ``folder``; the lists of later files add to the earlier ones."""
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not files:
        raise KnowledgeError(f"no reduced-clause data in {folder}; reinstall wirecoder")
    merged: dict[str, set[str]] = {k: set() for k in ReducedWords.__slots__}
    for path in files:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise KnowledgeError(f"{path}: not valid YAML ({exc}); fix the file") from exc
        if not isinstance(data, dict):
            raise KnowledgeError(f"{path}: expected a mapping of word lists (victim_verbs, inside, other_side, roots)")
        for key in merged:
            merged[key].update(str(w).lower() for w in data.get(key) or ())
    return ReducedWords(*(frozenset(merged[k]) for k in ReducedWords.__slots__))


def _victim_verb(noun: Token, words: ReducedWords) -> Token | None:
    """The verb the event noun's phrase hangs on, when it tells what happened to its subject."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in words.inside:
        return None
    verb = prep.head
    if lemma(verb) not in words.victim_verbs:
        return None
    return verb


def fight_victims(doc: Doc, sent: SpacySpan, matches: list[Match], found: list[Draft], words: ReducedWords,
                  notes: list[str]) -> list[Draft]:
    """Drafts for "X was killed in a clash with Y": Y -> X (and X -> Y for a reciprocal noun),
    for event nouns the stage did not code otherwise."""
    out: list[Draft] = []
    coded = {d.match.trigger.i for d in found}
    for m in matches:
        noun = m.trigger
        if m.pattern.kind != "noun" or noun.i in coded or m.pattern.code[:2] not in words.roots:
            continue
        verb = _victim_verb(noun, words)
        if verb is None:
            continue
        subj = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if subj is None or (subj.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in verb.children)):
            continue
        victims = actors_of(doc, subj)
        sides = [a for p in noun.children if p.dep_ == "prep" and p.lower_ in words.other_side
                 for o in p.children if o.dep_ == "pobj" for a in actors_of(doc, o)]
        sides = [a for a in dict.fromkeys(sides) if a not in victims]
        if not victims or not sides:
            continue
        code = m.pattern.code
        pairs = [(s, v) for s in sides for v in victims]
        if m.pattern.reciprocal:
            pairs += [(v, s) for s, v in pairs]
        roles = Roles(tuple(sides), tuple(victims), "noun-agent", None, "victim")
        note = f"'{verb.text} {noun.head.text} ... {noun.text}': a victim of the {noun.text} -> {code}"
        notes.append(note)
        out.extend(Draft(m, code, s, t, False, roles, sent, note) for s, t in pairs)
    return out
