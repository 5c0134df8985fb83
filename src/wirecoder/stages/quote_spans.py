"""Where the quoted words are: pairing quotation marks in article text.

Works on the text alone (no parse): double quotation marks, straight or curly,
are paired within a paragraph; single quotes are left alone, so nested single
quotes stay inside the double-quoted span. A straight mark's direction is read
from its neighbours (``said, "We`` opens, ``end," he`` closes), which keeps a
stray or missing mark from inverting every later quote of the article:

- an opening mark while a quote is still open means the earlier quote was never
  closed: it ends at the end of its first sentence, or, when the stage says which
  sentences are narration, before the first narration sentence after it;
- a paragraph end closes an open quote; when the next paragraph opens with a
  quotation mark (the wire convention for a quote over several paragraphs) the
  next paragraph's quote is marked ``continues``; otherwise a quote never closed
  ends with its first sentence (a missing mark, or paragraph breaks lost when the
  body was scraped onto one line: the narration after it is not quoted).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ..records import slot_init

OPENERS = "“„«"
CLOSERS = "”»"
STRAIGHT = '"'
MARKS = OPENERS + CLOSERS + STRAIGHT
_LEFT_CONTEXT = "([{—–-/\u00a0"
_RIGHT_CONTEXT = ".,;:!?)]}—–…"
_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"“A-Z\[(])")
_TRIM = " \t\r\n\u00a0,"
_MARK = re.compile(f"[{MARKS}]")


@slot_init
@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """Words between a pair of quotation marks (the marks excluded)."""

    start: int
    end: int
    open_mark: int                 # index of the opening mark
    close_mark: int | None         # index of the closing mark; None when never closed
    continues: bool = False        # opens a paragraph that continues the previous one's quote

    @property
    def outer(self) -> tuple[int, int]:
        """The span with its marks: from the opening mark to after the closing one."""
        end = self.close_mark + 1 if self.close_mark is not None else self.end
        return (self.open_mark, end)


def direction(text: str, i: int) -> str:
    """``open``, ``close`` or ``either`` for the quotation mark at ``text[i]``."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    space_before = before.isspace() or before in _LEFT_CONTEXT
    space_after = after.isspace() or after in _RIGHT_CONTEXT
    mark = text[i]
    if mark in OPENERS:
        # a curly opener glued to the word before and followed by a space is a typo'd closer
        return "close" if (space_after and not space_before and before not in MARKS) else "open"
    if mark in CLOSERS:
        return "open" if (space_before and not space_after and after not in MARKS) else "close"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "either"


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each non-blank line of ``text``."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _first_sentence_end(text: str, start: int, limit: int) -> int:
    m = _SENTENCE_END.search(text, start, limit)
    return m.end() if m else limit


def _run_end(text: str, start: int, limit: int, narration: Callable[[int, int], bool] | None) -> int:
    """Where a quote whose closing mark is missing ends: after its first sentence, and on
    through the sentences after it while none reads as narration (``narration(s, e)``: a
    sentence with a reporting verb, "Exantus said ..."), up to ``limit``."""
    end = _first_sentence_end(text, start, limit)
    if narration is None:
        return end
    while end < limit:
        nxt = _first_sentence_end(text, end, limit)
        if nxt <= end or narration(end, nxt):
            break
        end = nxt
    return end


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def find_quoted_spans(text: str, narration: Callable[[int, int], bool] | None = None) -> tuple[QuotedSpan, ...]:
    """Every double-quoted span of ``text``, in text order. ``narration(start, end)``, when
    given, tells whether a sentence is the writer's narration: a quote whose closing mark is
    missing runs on through the sentences before the first that is."""
    found: list[QuotedSpan] = []
    paras = paragraphs(text)
    carried = False  # the previous paragraph ended inside a quote

    def emit(open_i: int, end: int, close_i: int | None, continues: bool) -> None:
        s, e = _trimmed(text, open_i + 1, end)
        if e > s:
            found.append(QuotedSpan(s, e, open_i, close_i, continues))

    for n, (p_start, p_end) in enumerate(paras):
        marks = [m.start() for m in _MARK.finditer(text, p_start, p_end)]
        open_at: int | None = None
        first = True
        continues = False
        for i in marks:
            way = direction(text, i)
            if open_at is None:
                if way == "close":
                    continue  # a stray closing mark
                open_at = i
                continues = carried and first and not text[p_start:i].strip()
            elif way == "open":
                emit(open_at, _run_end(text, open_at + 1, i, narration), None, continues)
                open_at = i
                continues = False
            else:
                emit(open_at, i, i, continues)
                open_at = None
            first = False
        carried = False
        if open_at is not None:
            if n + 1 < len(paras):
                nxt = text[paras[n + 1][0]:paras[n + 1][1]].lstrip()
                carried = bool(nxt) and nxt[0] in OPENERS + STRAIGHT
            # the wire convention (next paragraph reopens the quote) keeps the whole
            # paragraph; otherwise the closing mark is missing, or the paragraph breaks
            # were lost (a scraped body on one line): the quote ends with its first
            # sentence rather than swallowing the narration after it
            end = p_end if carried else _run_end(text, open_at + 1, p_end, narration)
            emit(open_at, end, None, continues)
    return tuple(found)
