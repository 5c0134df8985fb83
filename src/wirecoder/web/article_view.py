"""An article as the dashboard shows it: text cut into highlighted segments, plus tables.

The text of an article is untrusted. This module never builds markup: it cuts
``article.text`` at every annotation boundary into :class:`Segment` records
(plain text plus the ids of the actors, events and quotes covering it), and the
Jinja2 template (autoescape on) writes each piece escaped. Overlapping
annotations (a mention inside a quote, a trigger inside a quote) are handled by
the cut: each segment lists everything that covers it.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import KnowledgeError
from ..ontology import Ontology
from ..records import Actor, CodedArticle, Event, Quote, Span

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation",
              3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text with the same annotations: ``text[start:end]`` of the article."""

    start: int
    end: int
    text: str
    actors: tuple[str, ...] = ()    # Actor ids
    events: tuple[str, ...] = ()    # Event ids whose trigger covers the run
    quotes: tuple[str, ...] = ()    # Quote ids whose span covers the run
    anchors: tuple[str, ...] = ()   # Event ids whose trigger starts here (link targets)
    title: str = ""                 # tooltip: what the highlighted run is

    @property
    def plain(self) -> bool:
        return not (self.actors or self.events or self.quotes or self.anchors)

    @property
    def css(self) -> str:
        classes = []
        if self.actors:
            classes.append("hl-actor")
        if self.events:
            classes.append("hl-event")
        if self.quotes:
            classes.append("hl-quote")
        return " ".join(classes)


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event with the names a reader needs (CAMEO name, actor names)."""

    event: Event
    name: str
    source_name: str | None
    target_name: str | None
    evidence: str      # the trigger words
    sentence: str      # the sentence holding the trigger

    @property
    def quad_name(self) -> str:
        return QUAD_NAMES.get(self.event.quad_class, "")

    @property
    def summary(self) -> str:
        e = self.event
        return (f"{e.cameo} {self.name} · Goldstein {e.goldstein:+.1f} · "
                f"{e.source_code or '?'} → {e.target_code or '—'}")


@dataclass(frozen=True, slots=True)
class ArticleView:
    coded: CodedArticle
    segments: tuple[Segment, ...]
    events: tuple[EventRow, ...]
    actors: tuple[Actor, ...]
    quotes: tuple[Quote, ...]


def cameo_name(ontology: Ontology, code: str) -> str:
    try:
        return ontology.name(code)
    except KnowledgeError:
        return "unknown code"


def event_rows(coded: CodedArticle, ontology: Ontology) -> tuple[EventRow, ...]:
    text = coded.article.text
    rows = []
    for e in coded.events:
        source, target = coded.actor(e.source), coded.actor(e.target)
        rows.append(EventRow(
            event=e, name=cameo_name(ontology, e.cameo),
            source_name=source.name if source else None,
            target_name=target.name if target else None,
            evidence=_cut(text, e.trigger), sentence=_cut(text, e.sentence),
        ))
    return tuple(rows)


def article_view(coded: CodedArticle, ontology: Ontology) -> ArticleView:
    rows = event_rows(coded, ontology)
    return ArticleView(coded=coded, segments=segments(coded, rows), events=rows,
                       actors=coded.actors, quotes=coded.quotes)


def segments(coded: CodedArticle, rows: tuple[EventRow, ...] = ()) -> tuple[Segment, ...]:
    """Cut the article text at every boundary of a mention, trigger or quote."""
    text = coded.article.text
    n = len(text)
    mentions = _mention_spans(coded)
    triggers = [(e.trigger, e.id) for e in coded.events]
    quotes = [(q.span, q.id) for q in coded.quotes]
    summaries = {r.event.id: r.summary for r in rows}
    names = {a.id: f"{a.name} ({a.code or 'uncoded'})" for a in coded.actors}

    cuts = {0, n}
    for (s, e), _ in [*mentions, *triggers, *quotes]:
        if _valid((s, e), n):
            cuts.update((s, e))
    bounds = sorted(cuts)

    out: list[Segment] = []
    for start, end in zip(bounds, bounds[1:]):
        actors = _covering(mentions, start, end, n)
        events = _covering(triggers, start, end, n)
        quote_ids = _covering(quotes, start, end, n)
        anchors = tuple(i for (s, e), i in triggers if s == start and _valid((s, e), n))
        title = " | ".join([*(summaries.get(i, i) for i in events),
                            *(names.get(i, i) for i in actors),
                            *(f"quote {i}" for i in quote_ids)])
        seg = Segment(start, end, text[start:end], actors, events, quote_ids, anchors, title)
        if out and out[-1].end == start and _same(out[-1], seg):
            prev = out[-1]
            out[-1] = Segment(prev.start, end, text[prev.start:end], prev.actors, prev.events,
                              prev.quotes, prev.anchors, prev.title)
        else:
            out.append(seg)
    return tuple(out)


def _mention_spans(coded: CodedArticle) -> list[tuple[Span, str]]:
    if coded.mentions:
        return [(m.span, m.actor) for m in coded.mentions]
    return [(span, a.id) for a in coded.actors for span in a.mentions]


def _valid(span: Span, n: int) -> bool:
    return 0 <= span[0] < span[1] <= n


def _covering(spans: list[tuple[Span, str]], start: int, end: int, n: int) -> tuple[str, ...]:
    found: list[str] = []
    for span, ident in spans:
        if _valid(span, n) and span[0] <= start and end <= span[1] and ident not in found:
            found.append(ident)
    return tuple(found)


def _same(a: Segment, b: Segment) -> bool:
    return (a.actors, a.events, a.quotes) == (b.actors, b.events, b.quotes) and not b.anchors


def _cut(text: str, span: Span) -> str:
    s, e = span
    return text[max(0, s):max(0, min(e, len(text)))]
