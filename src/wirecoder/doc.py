"""What the stages keep on the spaCy ``Doc``, and small lookups over it.

Each stage reads the records the earlier stages left and adds its own; all of
them are tuples of frozen records from :mod:`wirecoder.records`.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan, Token

from .records import Actor, Article, Mention, Quote, Span

_EXTENSIONS = {
    "article": None,   # Article
    "mentions": (),    # tuple[Mention, ...], sorted by span
    "actors": (),      # tuple[Actor, ...]
    "quotes": (),      # tuple[Quote, ...]
    "events": (),      # tuple[Event, ...]
    "trace": (),       # tuple[Trace, ...]: what each stage decided, for `wirecoder explain`
}


@dataclass(frozen=True, slots=True)
class Trace:
    """One line of a stage's reasoning, tied to a sentence (for ``explain``)."""

    stage: str
    sentence: Span
    message: str


def register_extensions() -> None:
    """Declare wirecoder's ``Doc._`` attributes (idempotent)."""
    for name, default in _EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def article_of(doc: Doc) -> Article:
    article = doc._.article
    if article is None:
        raise ValueError("this Doc was not made by wirecoder's pipeline (no doc._.article)")
    return article


def in_metadata(doc: Doc, char: int) -> bool:
    """True when ``char`` lies in a headline, byline, dateline or credits span."""
    return any(s <= char < e for s, e in article_of(doc).metadata_spans)


def actor_by_id(doc: Doc, actor_id: str | None) -> Actor | None:
    for actor in doc._.actors:
        if actor.id == actor_id:
            return actor
    return None


def mention_at(doc: Doc, start: int, end: int | None = None) -> Mention | None:
    """The mention covering char ``start`` (or overlapping ``[start, end)``)."""
    end = start + 1 if end is None else end
    mentions: tuple[Mention, ...] = doc._.mentions
    best = None
    for m in mentions:
        if m.span[0] < end and start < m.span[1]:
            if best is None or (m.span[1] - m.span[0]) > (best.span[1] - best.span[0]):
                best = m
    return best


def mention_of_token(doc: Doc, token: Token) -> Mention | None:
    return mention_at(doc, token.idx, token.idx + len(token))


def actor_of_token(doc: Doc, token: Token) -> Actor | None:
    m = mention_of_token(doc, token)
    return actor_by_id(doc, m.actor) if m else None


def quote_at(doc: Doc, char: int) -> Quote | None:
    """The quote whose span contains ``char`` (direct quotes before indirect ones)."""
    found = [q for q in doc._.quotes if q.span[0] <= char < q.span[1] and q.kind != "term"]
    found.sort(key=lambda q: (q.kind != "direct", q.span[1] - q.span[0]))
    return found[0] if found else None


def sentence_spans(doc: Doc) -> tuple[Span, ...]:
    return tuple((s.start_char, s.end_char) for s in doc.sents)


def sentence_of(doc: Doc, char: int) -> SpacySpan | None:
    sents = list(doc.sents)
    starts = [s.start_char for s in sents]
    i = bisect_right(starts, char) - 1
    return sents[i] if i >= 0 else None
