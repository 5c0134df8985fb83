"""When an event happened: its date (resolved against the publication date) and whether it is
background (older than the news).

A date is given only when the text fixes the day: a weekday ("on Monday" is the Monday on or
before publication), "today"/"yesterday", or an explicit date ("March 6", "on March 6, 2024").
Vague references ("last week", "recently", "this month") give no date; "last year", "in 2019",
"two decades ago", the pluperfect, and habitual adverbs mark the event as background.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import dateparser
from spacy.tokens import Span as SpacySpan, Token

from ..doc import doc_lookup, ents_in
from ..patterns import Cues
from .event_triggers import kids, lemma

log = logging.getLogger(__name__)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
VAGUE = ("week", "recent", "month", "weekend", "season", "decade", "century", "moment", "time",
         "day", "era", "period", "quarter")
BACKGROUND_DAYS = 7  # an event dated this many days before publication is not the story's news


@dataclass(frozen=True, slots=True)
class When:
    date: dt.date | None
    background: bool
    reason: str


def resolve_date(text: str, published: dt.date | None) -> tuple[dt.date | None, bool]:
    """Resolve one time expression. Returns ``(date or None, background)``."""
    low = text.lower().strip()
    low = re.sub(r"^(on|in|at|since|by|from|early|late|earlier|later)\s+", "", low)
    words = re.findall(r"[a-z]+|\d+", low)
    years = [int(w) for w in words if w.isdigit() and len(w) == 4 and 1900 <= int(w) <= 2100]
    long_units = ("year", "years", "month", "months", "decade", "decades", "century", "summer", "winter",
                  "week", "weeks", "weekend",
                  "spring", "autumn", "fall")
    background = any(w in ("last", "previous", "past", "earlier") for w in words) and any(
        u in words for u in long_units) or ("ago" in words and not any(u in words for u in ("day", "days", "hours")))
    if published is not None and years and max(years) < published.year:
        background = True
    if published is None:
        if years and any(m in words for m in MONTHS) and any(w.isdigit() and len(w) <= 2 for w in words):
            return _parse(low, None), background
        return None, background
    if low in ("today", "this morning", "this afternoon", "this evening", "tonight"):
        return published, False
    if low in ("yesterday", "last night"):
        return published - dt.timedelta(days=1), False
    day = next((d for d in WEEKDAYS if d in words), None)
    if day is not None and not any(w in ("last", "next", "every", "each") for w in words) and not years:
        back = (published.weekday() - WEEKDAYS.index(day)) % 7
        if any(w in ("night", "morning", "evening", "afternoon") for w in words) or len(words) <= 2:
            return published - dt.timedelta(days=back), False
    month = next((m for m in MONTHS if m in words), None)
    if month is not None:
        has_day = any(w.isdigit() and len(w) <= 2 for w in words)
        parsed = _parse(low, published)
        if parsed is None:
            return None, background
        if parsed > published and not years:
            parsed = parsed.replace(year=parsed.year - 1)
        if not has_day:
            # "in December": the month only; background when it is over
            month_over = (parsed.year, parsed.month) < (published.year, published.month)
            return None, background or month_over
        return parsed, background or (published - parsed).days > BACKGROUND_DAYS
    if any(v in w for w in words for v in VAGUE):
        return None, background
    return None, background


def _parse(text: str, published: dt.date | None) -> dt.date | None:
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time(12))
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception as exc:  # dateparser raises many kinds on odd input; a date is optional
        log.debug("dateparser failed on %r: %s", text, exc)
        return None
    return parsed.date() if parsed else None


HISTORY_YEARS = 2  # a sentence that names only years this far before publication tells history


def _history(ents: list[SpacySpan], published: dt.date) -> str:
    """"When his father died in 1927, ... his sons would return": a sentence whose only times are
    years long before the news, or a past century, narrates history; its events are background.
    Returns the time expression, or "" when the sentence also names a recent time."""
    old = ""
    for ent in ents:
        low = ent.text.lower()
        years = [int(y) for y in re.findall(r"\b(1[5-9]\d\d|20\d\d)s?\b", low)]
        if years and max(years) <= published.year - HISTORY_YEARS or re.search(r"\b\d+(st|nd|rd|th)\b.*centur", low):
            old = old or ent.text
        else:
            return ""
    return old


def subtree_indexes(lookup, i: int) -> set[int]:
    """``{t.i for t in doc[i].subtree}`` from the Doc's children index (no Token made)."""
    children = lookup.children
    out, stack = {i}, [i]
    while stack:
        for c in children[stack.pop()]:
            out.add(c)
            stack.append(c)
    return out


def _speech_head(verb: Token) -> Token | None:
    t = verb
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    return t.head if t.dep_ in ("ccomp", "parataxis") and t.head is not t else None


class DateResolver:
    """Dates and background flags for events. Build once; call per event."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues
        # a time expression is resolved once per publication date, however many events share
        # it (dateparser is slow); bounded, so memory stays flat over a corpus
        self._resolve = lru_cache(maxsize=4096)(resolve_date)

    def when(self, sent: SpacySpan, trigger: Token, published: dt.date | None,
             speech_verb: Token | None = None, lowers: Sequence[str] | None = None) -> When:
        """``lowers``: ``token.lower_`` of every token of the Doc, when the caller has them."""
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
        lookup = doc_lookup(sent.doc)
        scope = subtree_indexes(lookup, verb.i) | {trigger.i}
        ents = [e for e in ents_in(sent) if e.label_ in ("DATE", "TIME")]
        own = [e for e in ents if e.root.i in scope]
        if not own and speech_verb is not None and ents:
            said = subtree_indexes(lookup, speech_verb.i)
            own = [e for e in ents if e.root.i in said]
        date, background, reason = None, False, ""
        for ent in own:
            d, bg = self._resolve(ent.text, published)
            if bg:
                background, reason = True, f"time '{ent.text}'"
            if d is not None and date is None:
                date, reason = d, reason or f"time '{ent.text}'"
                if published is not None and (published - d).days > BACKGROUND_DAYS:
                    background, reason = True, f"'{ent.text}' is before the news"
        if not background:
            tense = self._tense_background(verb, trigger)
            if tense:
                background, reason = True, tense
        if not background:
            inside = [i for i in sorted(scope) if sent.start <= i < sent.end]
            if lowers is None:
                tokens = lookup.tokens
                words = [tokens[i].lower_ for i in inside]
            else:
                words = [lowers[i] for i in inside]
            clause = " " + " ".join(words) + " "
            phrase = next((p for p in self.cues.background_phrases if f" {p} " in clause), None)
            if phrase:
                background, reason = True, f"'{phrase}'"
        if not background and published is not None:
            old_time = _history(ents, published)
            if old_time:
                background, reason = True, f"the sentence tells of '{old_time}'"
        if not own and not background and published is not None:
            # a day fixed elsewhere in the sentence ("on Monday congratulated ... and said ...")
            for ent in ents:
                d, bg = self._resolve(ent.text, published)
                if d is not None and not bg and (published - d).days <= BACKGROUND_DAYS:
                    date, reason = d, f"time '{ent.text}' in the sentence"
                    break
        if background and date is not None and published is not None and date == published:
            date = None
        return When(date, background, reason)

    def _tense_background(self, verb: Token, trigger: Token) -> str:
        auxes = [c for c in kids(verb) if c.dep_ in ("aux", "auxpass")]
        aux_lemmas = [(lemma(a), a.tag_) for a in auxes]
        if any(l == "have" and tag == "VBD" for l, tag in aux_lemmas) and verb.tag_ == "VBN" \
                and not self._backshifted(verb):
            return "pluperfect ('had ...')"
        if verb.dep_ == "relcl" and any(l == "have" for l, _ in aux_lemmas) and verb.tag_ == "VBN":
            return "perfect in a relative clause ('who has ...')"
        if any(l == "have" for l, _ in aux_lemmas) and any(l == "be" and tag == "VBN" for l, tag in aux_lemmas) \
                and verb.tag_ == "VBG":
            return "perfect progressive ('has been ...ing')"
        habitual = [c for c in kids(verb) if c.dep_ == "advmod" and c.lower_ in self.cues.background_words
                    and c.lower_ not in ("earlier", "last", "since", "once")]
        if habitual:
            return f"habitual ('{habitual[0].text}')"
        if verb.tag_ == "VBN" and any(l == "have" for l, _ in aux_lemmas) and any(
                c.dep_ == "prep" and c.lower_ in ("since", "over", "for") for c in kids(verb)):
            return "perfect with a span of time"
        return ""

    def _backshifted(self, verb: Token) -> bool:
        """"The group *said* it *had killed* 10 people": the pluperfect of reported speech is the
        past of the saying (the news), not background."""
        head = _speech_head(verb)
        return head is not None and lemma(head) in self.cues.speech and head.tag_ == "VBD"
