"""Actors named by a reference back: object pronouns ("accusing *it* of ...", "tied their hands
and shot *them*") that the actors stage leaves unlinked (it links subject pronouns only), and
plural references ("the two presidents", "both sides", "the allies") that stand for several
actors named before (one event each).

An object pronoun "it"/"them" refers to the nearest earlier actor mention, in its sentence or
the one before, that is not the event's source and fits the pronoun: "it" a country, body,
organisation or group named in the singular (not a person); "them" a group named in the plural.
A nearer noun phrase of the pronoun's number that names no actor blocks it ("the drills ...
called *them*"). Mentions are looked up by bisection on the doc's sorted mentions (no rescans).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from ..doc import actor_by_id
from ..patterns import load_word_lists
from ..records import Actor

NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}

OBJECT_PRONOUNS = frozenset({"it", "them"})
# actor kinds a non-personal "it"/"them" cannot stand for
PERSONAL_KINDS = frozenset({"person"})
LOOKBACK_SENTENCES = 1


def _window_start(token: Token) -> int:
    """The char offset of the sentence ``LOOKBACK_SENTENCES`` before the token's own."""
    doc = token.doc
    start = token.sent.start
    for _ in range(LOOKBACK_SENTENCES):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return doc[start].idx


def _fits(actor: Actor | None) -> bool:
    return actor is not None and bool(actor.code) and actor.kind not in PERSONAL_KINDS


def _mention_index(doc: Doc) -> tuple[tuple, list[int]]:
    """The doc's mentions and their start offsets, built once per version of ``doc._.mentions``."""
    mentions = tuple(doc._.mentions)
    cached = doc.user_data.get("wirecoder.role_references.index")
    if cached is not None and cached[0] is doc._.mentions:
        return cached[1], cached[2]
    starts = [m.span[0] for m in mentions]
    doc.user_data["wirecoder.role_references.index"] = (doc._.mentions, mentions, starts)
    return mentions, starts


def is_object_pronoun(token: Token | None) -> bool:
    return token is not None and token.lower_ in OBJECT_PRONOUNS and token.pos_ == "PRON"


def source_codes(doc: Doc, sources: set[str] | frozenset[str]) -> set[str]:
    return {a.code for a in (actor_by_id(doc, x) for x in sources) if a is not None and a.code}


def _plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS") or token.lower_ in ("they", "them", "their", "theirs")


def _mention_covering(doc: Doc, char: int):
    mentions, starts = _mention_index(doc)
    k = bisect_right(starts, char) - 1
    while k >= 0 and mentions[k].span[0] <= char:
        if char < mentions[k].span[1]:
            return mentions[k]
        k -= 1
        if k >= 0 and char - mentions[k].span[0] > 200:
            break
    return None


NOUN_PHRASE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "dative"})


def pronoun_antecedent(doc: Doc, token: Token | None, exclude: set[str] | frozenset[str]) -> str | None:
    """The actor an object pronoun ("it", "them") refers back to, or None. The pronoun is not the
    clause's own source (a source acting on itself says "itself"/"themselves"), so mentions of
    the ``exclude`` actors, and of actors with their codes, are passed over. Its number must
    agree ("them": a plural noun such as "soldiers"); a nearer noun phrase of that number that
    names no actor ("called *them* a punishment" after "the drills") is the antecedent, so none."""
    if not is_object_pronoun(token):
        return None
    plural = token.lower_ == "them"
    codes = source_codes(doc, exclude)
    first = _window_start(token)
    i = token.i - 1
    while i >= 0 and doc[i].idx >= first:
        t = doc[i]
        i -= 1
        m = _mention_covering(doc, t.idx)
        if m is not None:
            head = doc.char_span(m.span[0], m.span[1], alignment_mode="expand")
            head_tok = head.root if head is not None else t
            if m.actor in exclude:
                continue
            actor = actor_by_id(doc, m.actor)
            if _fits(actor) and actor.code not in codes and _plural(head_tok) == plural:
                return m.actor
            continue
        if t.dep_ in NOUN_PHRASE_DEPS and t.pos_ in ("NOUN", "PROPN") and _plural(t) == plural \
                and not any(c.dep_ == "poss" for c in t.children):     # "tied *their hands*"
            return None     # a nearer thing of the pronoun's number that is no actor
    return None


def mutual_object(trigger: Token) -> bool:
    """"accused *each other*", "talked to *one another*": conjoined or plural sources act on each
    other (both directions), not on a third party."""
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "dative")]
    objects += [p for c in trigger.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    for o in objects:
        first = {c.lower_ for c in o.children if c.dep_ in ("det", "amod", "nummod")}
        if o.lower_ == "other" and "each" in first or o.lower_ == "another" and "one" in first \
                or o.lower_ == "one" and "another" in first:
            return True
    return False


@dataclass(frozen=True, slots=True)
class PluralNouns:
    """Nouns of plural references: to people named earlier, or to parties (countries, bodies)."""

    people: frozenset[str]
    parties: frozenset[str]


def load_plural_nouns(path: Path) -> PluralNouns:
    return PluralNouns(*load_word_lists(path, ("people", "parties")))


def _count(token: Token) -> int | None:
    """How many actors a plural reference covers: "the *two* sides", "*both* countries", "the
    allies" (two); None when the noun phrase is no definite reference."""
    n = None
    definite = False
    for c in token.children:
        low = c.lower_
        if c.dep_ in ("nummod", "det", "predet", "quantmod") and low in NUMBERS:
            n = NUMBERS[low]
        if c.dep_ == "det" and low in ("the", "both"):
            definite = True
    if n is None and definite:
        n = 2
    return n


def plural_reference(doc: Doc, token: Token | None, nouns: PluralNouns,
                     exclude: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """The actors a plural reference stands for ("the two presidents" -> the last two people
    named in this sentence or the one before; "both sides" -> the last two countries or bodies),
    in text order; [] when the phrase is no such reference or too few actors were named."""
    if token is None or token.tag_ not in ("NNS", "NNPS"):
        return []
    word = token.lemma_.lower()
    personal = word in nouns.people
    if not personal and word not in nouns.parties:
        return []
    n = _count(token)
    if n is None:
        return []
    mentions, starts = _mention_index(doc)
    first = _window_start(token)
    k = bisect_left(starts, token.idx) - 1
    picked: list[str] = []
    codes: set[str] = set(source_codes(doc, exclude))
    while k >= 0 and mentions[k].span[0] >= first and len(picked) < n:
        m = mentions[k]
        k -= 1
        actor = actor_by_id(doc, m.actor)
        if actor is None or not actor.code or actor.code in codes or m.actor in picked:
            continue
        if (actor.kind == "person") != personal:
            continue
        picked.append(m.actor)
        codes.add(actor.code)
    return picked[::-1] if len(picked) == n else []


# -- a thing named before: "the deal" ---------------------------------------------------------
THING_DETERMINERS = frozenset({"the", "this", "that"})


def thing_holder(trigger: Token) -> Token | None:
    """The subject of the earlier clause (this sentence or the one before) that had the thing a
    verbal act's object names again: "Britain is seeking to finalize *a deal* ... Trump said he
    would support *the deal*" -> Britain. Only for a definite object that names no owner."""
    obj = next((c for c in trigger.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ != "NOUN" or not any(
            c.dep_ == "det" and c.lower_ in THING_DETERMINERS for c in obj.children):
        return None
    if any(c.dep_ in ("poss", "compound", "prep") or c.dep_ == "amod" and c.text[:1].isupper() for c in obj.children):
        return None     # "the U.S. deal", "Britain's plan", "the deal with X": named already
    doc = trigger.doc
    sent = trigger.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for tok in reversed(doc[start:obj.i]):
        if tok.lemma_ != obj.lemma_ or tok.pos_ != "NOUN" or tok.dep_ not in ("dobj", "pobj"):
            continue
        verb = tok.head if tok.dep_ == "dobj" else tok.head.head
        for _ in range(4):
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return subj if subj.pos_ in ("NOUN", "PROPN") else None
            if verb.dep_ not in ("xcomp", "conj", "advcl", "pcomp", "prep") or verb.head is verb:
                break
            verb = verb.head
        return None
    return None
