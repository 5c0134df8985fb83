"""Invisible characters: coded around, never lost, spans kept into the original text.

A zero-width space inside a name ("Blin\\u200bken"), a byte-order mark in the middle of
a text, a zero-width joiner or a soft hyphen are invisible to a reader but split words
for spaCy and the knowledge base. The coder therefore runs on a *cleaned* text (those
characters removed) and maps every span of the result back to the article as given,
through one offset map, in one place (:meth:`wirecoder.pipeline.Coder.code`): the
output's spans always slice ``article.text``, which is never changed.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from .records import Article, CodedArticle, Mention, Quote, Span

# zero-width space / non-joiner / joiner, word joiner, BOM (zero-width no-break space),
# soft hyphen, Mongolian vowel separator, bidirectional marks and embeddings
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True, slots=True)
class TextMap:
    """A cleaned text and, for each of its characters, its offset in the original."""

    original: str
    cleaned: str
    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> "TextMap | None":
        """The map of ``text``, or None when it has no invisible character (nothing to do)."""
        if not INVISIBLE.search(text):
            return None
        starts = tuple(i for i, ch in enumerate(text) if not INVISIBLE.fullmatch(ch))
        return cls(text, "".join(text[i] for i in starts), starts)

    def to_original(self, span: Span) -> Span:
        """A ``[start, end)`` of the cleaned text as the same characters of the original
        (invisible characters inside the span are inside the mapped span)."""
        start, end = span
        n = len(self.starts)
        o_start = self.starts[start] if start < n else len(self.original)
        o_end = self.starts[end - 1] + 1 if end > 0 else 0
        return (o_start, max(o_start, o_end))

    def to_cleaned(self, span: Span) -> Span:
        """A ``[start, end)`` of the original as the kept characters it covers."""
        return (bisect_left(self.starts, span[0]), bisect_left(self.starts, span[1]))


def for_matching(article: Article) -> Article:
    """``article`` with invisible characters removed from its text and its metadata spans
    moved along (the id stays the original's); the same object when there are none."""
    tm = TextMap.of(article.text)
    if tm is None:
        return article
    c = tm.to_cleaned
    return replace(
        article, text=tm.cleaned, id=article.id,
        headline_span=c(article.headline_span) if article.headline_span else None,
        metadata_spans=tuple(c(s) for s in article.metadata_spans),
        dateline=replace(article.dateline, span=c(article.dateline.span)) if article.dateline else None,
        credits=(replace(article.credits, span=c(article.credits.span))
                 if article.credits and article.credits.span else article.credits),
    )


def restore(coded: CodedArticle, original: Article) -> CodedArticle:
    """``coded`` (coded on :func:`for_matching`'s text) with every span mapped back into
    ``original.text`` and ``original`` as its article."""
    if coded.article is original:
        return coded
    tm = TextMap.of(original.text)
    if tm is None:
        return replace(coded, article=original)
    o = tm.to_original
    text = original.text
    return replace(
        coded,
        article=original,
        sentences=tuple(o(s) for s in coded.sentences),
        actors=tuple(replace(a, mentions=tuple(o(m) for m in a.mentions)) for a in coded.actors),
        events=tuple(replace(e, trigger=o(e.trigger), sentence=o(e.sentence)) for e in coded.events),
        quotes=tuple(_quote(q, o, text) for q in coded.quotes),
        mentions=tuple(_mention(m, o, text) for m in coded.mentions),
    )


def _quote(q: Quote, o, text: str) -> Quote:
    span = o(q.span)
    return replace(q, span=span, text=text[span[0]:span[1]], cue=o(q.cue) if q.cue else None)


def _mention(m: Mention, o, text: str) -> Mention:
    span = o(m.span)
    return replace(m, span=span, text=text[span[0]:span[1]])

