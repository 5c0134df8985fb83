"""Why the coder coded what it did: the events and the stages' reasons, sentence by sentence.

``explain(doc)`` turns a coded ``Doc`` (``Coder.doc(article)``) into frozen records that the
``wirecoder explain`` command (and any other front end) prints.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from .doc import actor_by_id
from .records import Event, Span


@dataclass(frozen=True, slots=True)
class EventNote:
    event: Event
    source_name: str | None
    target_name: str | None
    trigger_text: str


@dataclass(frozen=True, slots=True)
class SentenceNote:
    """One sentence: its span and text, the events in it, and every stage's reasons."""

    span: Span
    text: str
    events: tuple[EventNote, ...]
    reasons: tuple[tuple[str, str], ...]   # (stage, message)


def explain(doc: Doc) -> tuple[SentenceNote, ...]:
    text = doc.text
    notes = []
    for sent in doc.sents:
        span = (sent.start_char, sent.end_char)
        events = []
        for e in doc._.events:
            if span[0] <= e.trigger[0] < span[1]:
                src, tgt = actor_by_id(doc, e.source), actor_by_id(doc, e.target)
                events.append(EventNote(e, src.name if src else None, tgt.name if tgt else None,
                                        text[e.trigger[0]:e.trigger[1]]))
        reasons = tuple((t.stage, t.message) for t in doc._.trace if t.sentence == span)
        notes.append(SentenceNote(span, " ".join(sent.text.split()), tuple(events), reasons))
    return tuple(notes)
