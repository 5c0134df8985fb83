"""From drafts to event records: one event per sentence, dyad and code, with its date, place,
ontology figures and trigger span."""
from __future__ import annotations

from spacy.tokens import Doc

from ..doc import actor_by_id, doc_lookup
from ..records import Article, Event
from .event_clauses import speaker_of
from .event_drafts import Draft
from .event_triggers import Match, clause_verb
from .event_visits import not_a_visit


VERBAL_QUADS = (1, 3)


class EventRecords:
    """Turns the drafts of a Doc into :class:`~wirecoder.records.Event` records; a base of :class:`.events.EventsStage`."""

    def _finish(self, doc: Doc, article: Article | None, drafts: list[Draft]) -> tuple[Event, ...]:
        published = article.published if article is not None else None
        dateline = article.dateline if article is not None else None
        seen: set[tuple[int, str, str | None, str]] = set()
        lowers = self.finder.token_keys(doc_lookup(doc)).lowers  # the Doc's lower-case forms, read once
        events: list[Event] = []
        for d in sorted(drafts, key=lambda d: d.match.trigger.idx):
            src, tgt = actor_by_id(doc, d.source), actor_by_id(doc, d.target)
            key = (d.sent.start_char, src.code if src else d.source, tgt.code if tgt else d.target, d.code)
            if key in seen:
                continue
            seen.add(key)
            trig = d.match.trigger
            if not_a_visit(d.code, trig, src, tgt, self.cues) is not None:
                continue
            speech = speaker_of(clause_verb(trig), self.cues)
            when = self.dates.when(d.sent, trig, published, speech.head if speech is not None else None, lowers)
            info = self.ontology.get(d.code)
            location = self.places.from_text(d.sent, trig)
            if location is None and dateline is not None and not when.background \
                    and info.quad_class in VERBAL_QUADS:
                location = self.places.from_dateline(dateline.place)
                # a statement is made at the dateline only by an actor of that country: in a
                # MOSCOW story, the Kremlin speaks in Moscow, Washington does not
                if location is not None and src is not None and src.country and location.country \
                        and src.country != location.country:
                    location = None
            start, end = self._trigger_span(d.match)
            events.append(Event(
                id=f"E{len(events) + 1}", cameo=info.code,
                root=info.root, plover=info.plover, plover_mode=info.plover_mode,
                goldstein=info.goldstein, quad_class=info.quad_class,
                source=d.source, target=d.target,
                source_code=src.code if src else None, target_code=tgt.code if tgt else None,
                date=when.date, background=when.background, negated=d.negated,
                trigger=(start, end), sentence=(d.sent.start_char, d.sent.end_char),
                quote=d.roles.quote.id if d.roles.quote else None, location=location,
                pattern=d.match.pattern.id,
                contexts=tuple(c for c in (info.plover_context or "").split(",") if c),
            ))
        return tuple(events)

    @staticmethod
    def _trigger_span(match: Match) -> tuple[int, int]:
        """The trigger words: the head and the pattern words next to it in the text."""
        toks = sorted([match.trigger, *match.words, *match.preps], key=lambda t: t.i)
        near = [t for t in toks if abs(t.i - match.trigger.i) <= 4]
        first, last = near[0], near[-1]
        return first.idx, last.idx + len(last)
