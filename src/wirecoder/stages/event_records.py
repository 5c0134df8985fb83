"""From drafts to event records: one event per sentence, dyad and code, with its date, place,
ontology figures and trigger span."""
from __future__ import annotations

from spacy.tokens import Doc

from ..doc import actor_by_id, doc_lookup
from ..records import Actor, Article, Event
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
        kept: list[tuple[Draft, Actor | None, Actor | None]] = []
        for d in sorted(drafts, key=lambda d: d.match.trigger.idx):
            src, tgt = actor_by_id(doc, d.source), actor_by_id(doc, d.target)
            key = (d.sent.start_char, src.code if src else d.source, tgt.code if tgt else d.target, d.code)
            if key in seen:
                continue
            seen.add(key)
            if not_a_visit(d.code, d.match.trigger, src, tgt, self.cues) is not None:
                continue
            kept.append((d, src, tgt))
        events: list[Event] = []
        for d, src, tgt in told_twice(kept):
            trig = d.match.trigger
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


def _covers(general: str | None, specific: str | None) -> bool:
    """True when actor code ``general`` is ``specific`` or its bare country ("UKR" covers "UKRGOV")."""
    if general is None or specific is None:
        return general == specific
    return general == specific or (len(general) == 3 and specific.startswith(general))


def told_twice(kept: list[tuple[Draft, Actor | None, Actor | None]]) -> list[tuple[Draft, Actor | None, Actor | None]]:
    """One act told twice in a sentence by two triggers ("Ukraine *is committed to* peace and we *are
    prepared to* do our part", "the rebels *insisted on* their *demands* that the government ...")
    is one event (annotation.md: one event per sentence, source, target and action): of two events
    with the same code, the same countries and actor codes where one is the other's bare country,
    the one with the more specific actors stays. One trigger with two actors ("farmers and sellers
    called on ...") is two events, and so is a reversed pair ("X met Y", "Y met X")."""
    if len(kept) < 2:
        return kept
    groups: dict[tuple[int, str], list[int]] = {}
    for n, (d, _, _) in enumerate(kept):
        groups.setdefault((d.sent.start_char, d.code), []).append(n)
    drop: set[int] = set()
    for i, j in ((i, j) for ns in groups.values() if len(ns) > 1 for x, i in enumerate(ns) for j in ns[x + 1:]):
        a, asrc, atgt = kept[i]
        b, bsrc, btgt = kept[j]
        if i in drop or j in drop or a.match.trigger.i == b.match.trigger.i:
            continue
        ac = (asrc.code if asrc else None, atgt.code if atgt else None)
        bc = (bsrc.code if bsrc else None, btgt.code if btgt else None)
        if _covers(ac[0], bc[0]) and _covers(ac[1], bc[1]):
            drop.add(i)             # b names the same actors more exactly
        elif _covers(bc[0], ac[0]) and _covers(bc[1], ac[1]):
            drop.add(j)
    return [k for n, k in enumerate(kept) if n not in drop] if drop else kept
