"""Scoring one coded article against its gold file, by the rules of ../shared/spec/gold-format.md.

Events are matched one to one within a sentence at three levels (``event``,
``dyad``, ``full``); quotes by span containment and speaker agreement. The
figures of a whole set (micro-averaged) and their report are
:mod:`wirecoder.evaluate`'s.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable

from .gold import (GoldArticle, GoldEvent, country_part, last_word, same_speaker,
                   sector_part, _fold)
from .records import CodedArticle, Event, Quote

EVENT_LEVELS = ("event", "dyad", "full")
QUOTE_LEVELS = ("quote", "quote_direct", "quote_indirect")


@dataclass(frozen=True, slots=True)
class Score:
    """Precision/recall counts of one level. ``matched_pred`` may differ from
    ``matched_gold`` for quotes (a long predicted span may hold several gold quotes)."""

    level: str
    matched_pred: int
    predicted: int
    matched_gold: int
    gold: int

    @property
    def precision(self) -> float:
        return self.matched_pred / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Score") -> "Score":
        return Score(self.level, self.matched_pred + other.matched_pred, self.predicted + other.predicted,
                     self.matched_gold + other.matched_gold, self.gold + other.gold)

    def to_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "matched_pred": self.matched_pred, "predicted": self.predicted,
                "matched_gold": self.matched_gold, "gold": self.gold}


@dataclass(frozen=True, slots=True)
class Miss:
    """A required gold event not found, or a prediction with no gold (at the dyad level), or an
    event-level match whose dyad is wrong (kind = one of ``DYAD_ERROR_KINDS``)."""

    article: str
    kind: str  # DYAD_ERROR_KINDS | "miss" | "false_alarm" | "quote_miss" | "quote_false_alarm"
    sentence: str
    detail: str


@dataclass(frozen=True, slots=True)
class DyadCounts:
    """How the event-level matches fare on their dyad: of ``matches`` required gold events
    found at event level, how many have the source country right, the target country right,
    both right, and no predicted target where the gold has one."""

    matches: int = 0
    source_right: int = 0
    target_right: int = 0
    both_right: int = 0
    target_missing: int = 0

    def __add__(self, other: "DyadCounts") -> "DyadCounts":
        return DyadCounts(*(a + b for a, b in zip(self.as_tuple(), other.as_tuple())))

    def as_tuple(self) -> tuple[int, int, int, int, int]:
        return (self.matches, self.source_right, self.target_right, self.both_right, self.target_missing)

    def share(self, count: int) -> float | None:
        return round(count / self.matches, 4) if self.matches else None

    def to_dict(self) -> dict:
        return {"event_matches": self.matches,
                "source_accuracy": self.share(self.source_right),
                "target_accuracy": self.share(self.target_right),
                "both_accuracy": self.share(self.both_right),
                "target_missing": self.target_missing,
                "target_missing_share": self.share(self.target_missing)}


# Classes of a dyad error on an event-level match, in the order ``--errors`` lists them.
DYAD_ERROR_KINDS = ("missing_target", "wrong_source", "wrong_target")


def dyad_error_kind(gold: GoldEvent, pred: Event) -> str | None:
    """The class of the dyad error of an event-level match, or None when both countries are right.
    A missing target comes first, then a wrong source, then a wrong (present) target."""
    if gold.target is not None and pred.target_code is None:
        return "missing_target"
    if country_part(gold.source) != country_part(pred.source_code):
        return "wrong_source"
    if country_part(gold.target) != country_part(pred.target_code):
        return "wrong_target"
    return None


@dataclass(frozen=True, slots=True)
class ArticleResult:
    name: str
    scores: tuple[Score, ...]
    roots: tuple[tuple[str, int, int, int, int], ...]  # (root, matched_pred, predicted, matched_gold, gold), event level
    errors: tuple[Miss, ...]
    actors_right: int
    actors_gold: int
    countries: "DyadCounts"
    speakers: tuple[int, int] = (0, 0)  # gold quotes with the right speaker; gold quotes found as spans


# --- matching -------------------------------------------------------------------------------

def _max_matching(n_left: int, n_right: int, ok: Callable[[int, int], bool],
                  taken_right: set[int] | None = None,
                  prefer: Callable[[int, int], tuple] | None = None) -> dict[int, int]:
    """Maximum bipartite matching (augmenting paths): left index -> right index. ``prefer``
    orders each left item's candidates (lowest key first), so that among maximum matchings
    the preferred pairs are tried first."""
    blocked = taken_right or set()
    right_of: dict[int, int] = {}
    left_of: dict[int, int] = {}
    order = {i: sorted(range(n_right), key=lambda j: prefer(i, j)) for i in range(n_left)} if prefer else {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in order.get(i, range(n_right)):
            if j in blocked or j in seen or not ok(i, j):
                continue
            seen.add(j)
            if j not in left_of or augment(left_of[j], seen):
                left_of[j] = i
                right_of[i] = j
                return True
        return False

    for i in range(n_left):
        augment(i, set())
    return right_of


def _event_ok(level: str, gold: GoldEvent, pred: Event, sentence: tuple[int, int]) -> bool:
    if gold.start < 0 or not (sentence[0] <= gold.start < sentence[1]):
        return False
    if not gold.accepts(pred.cameo):
        return False
    if level == "event":
        return True
    if country_part(pred.source_code) != country_part(gold.source):
        return False
    if country_part(pred.target_code) != country_part(gold.target):
        return False
    if level == "dyad":
        return True
    for g, p in ((gold.source, pred.source_code), (gold.target, pred.target_code)):
        if sector_part(g) and sector_part(g) != sector_part(p):
            return False
    return True


def _sentence_of(coded: CodedArticle, char: int) -> tuple[int, int]:
    for s in coded.sentences:
        if s[0] <= char < s[1]:
            return s
    return (char, char + 1)


def _snippet(text: str, span: tuple[int, int]) -> str:
    return " ".join(text[span[0]:span[1]].split())[:300]


def scored_events(coded: CodedArticle) -> list[Event]:
    """The predictions that are scored: an event with ``negated: true`` claims that nothing
    happened, so it is neither rewarded nor punished (gold-format.md, Scoring)."""
    return [e for e in coded.events if not e.negated]


def score_events(gold: GoldArticle, coded: CodedArticle, level: str) -> tuple[Score, dict[int, int], list[int]]:
    """Score one article at one level. Returns the score, the required matches
    (gold index -> index into ``scored_events(coded)``) and the unmatched, non-excused predictions."""
    preds = scored_events(coded)
    sents = [_sentence_of(coded, p.trigger[0]) for p in preds]
    required = [i for i, g in enumerate(gold.events) if not g.optional]
    optional = [i for i, g in enumerate(gold.events) if g.optional]

    def prefer(a: int, j: int) -> tuple:
        # at the event level, a prediction with the right dyad (then the right source) is matched first,
        # so that the dyad shares of event-level matches agree with the dyad level
        g, p = gold.events[required[a]], preds[j]
        return (country_part(g.source) != country_part(p.source_code)
                or country_part(g.target) != country_part(p.target_code),
                country_part(g.source) != country_part(p.source_code), j)

    req = _max_matching(len(required), len(preds),
                        lambda a, j: _event_ok(level, gold.events[required[a]], preds[j], sents[j]),
                        prefer=prefer if level == "event" else None)
    used = set(req.values())
    opt = _max_matching(len(optional), len(preds),
                        lambda a, j: _event_ok(level, gold.events[optional[a]], preds[j], sents[j]),
                        taken_right=used)
    excused = set(opt.values())
    false_alarms = [j for j in range(len(preds)) if j not in used and j not in excused]
    n_pred = len(preds) - len(excused)
    matches = {required[a]: j for a, j in req.items()}
    return Score(level, len(used), n_pred, len(used), len(required)), matches, false_alarms


def _quote_agreement(gold: GoldArticle, coded: CodedArticle) -> tuple[Callable, Callable]:
    """``(contains, agrees)``: a predicted quote's span holds a gold quote's ``where``; and it
    also names the gold speaker (same last word, one name's last word among the other's
    words, or a mention of the predicted speaker actor overlapping the gold ``speaker_span``)."""
    mentions = {a.id: a.mentions for a in coded.actors}

    def contains(p: Quote, g) -> bool:
        return g.start >= 0 and p.span[0] <= g.start and g.start + len(g.where) <= p.span[1]

    def agrees(p: Quote, g) -> bool:
        if not contains(p, g):
            return False
        if same_speaker(p.speaker_name, g.speaker):
            return True
        if g.speaker_span is None or p.speaker is None:
            return False
        s, e = g.speaker_span
        return any(ms < e and s < me for ms, me in mentions.get(p.speaker, ()))

    return contains, agrees


def score_quotes(gold: GoldArticle, coded: CodedArticle, kind: str | None) -> tuple[Score, list[int], list[int]]:
    """Quote scoring; ``kind`` None scores both kinds together."""
    golds = [q for q in gold.quotes if kind is None or q.kind == kind]
    preds = [q for q in coded.quotes if q.kind != "term" and (kind is None or q.kind == kind)]
    _, agrees = _quote_agreement(gold, coded)
    found = [i for i, g in enumerate(golds) if any(agrees(p, g) for p in preds)]
    right = [j for j, p in enumerate(preds) if any(agrees(p, g) for g in golds)]
    missed = [i for i in range(len(golds)) if i not in set(found)]
    wrong = [j for j in range(len(preds)) if j not in set(right)]
    level = {None: "quote", "direct": "quote_direct", "indirect": "quote_indirect"}[kind]
    return Score(level, len(right), len(preds), len(found), len(golds)), missed, wrong


def score_speakers(gold: GoldArticle, coded: CodedArticle) -> tuple[int, int]:
    """Speaker accuracy counts: gold quotes whose span a predicted quote (of any kind but
    ``term``) contains, and of those, the ones such a quote gives the right speaker."""
    preds = [q for q in coded.quotes if q.kind != "term"]
    contains, agrees = _quote_agreement(gold, coded)
    spans = right = 0
    for g in gold.quotes:
        if any(contains(p, g) for p in preds):
            spans += 1
            right += any(agrees(p, g) for p in preds)
    return right, spans


def score_actors(gold: GoldArticle, coded: CodedArticle) -> tuple[int, int]:
    """Gold actors whose name the coder found with the gold code."""
    text = coded.article.text
    right = 0
    for ga in gold.actors:
        g = _fold(ga.name)
        candidates = []
        for a in coded.actors:
            names = {_fold(a.name)} | {_fold(text[s:e]) for s, e in a.mentions}
            if any(g == n or g in n or (n and n in g and last_word(n) == last_word(g)) for n in names):
                candidates.append(a)
        if any(a.code == ga.code for a in candidates):
            right += 1
    return right, len(gold.actors)


def score_article(gold: GoldArticle, coded: CodedArticle) -> ArticleResult:
    text = coded.article.text
    scores = []
    errors: list[Miss] = []
    roots_matched_pred: Counter[str] = Counter()
    roots_matched_gold: Counter[str] = Counter()
    roots_pred: Counter[str] = Counter()
    roots_gold: Counter[str] = Counter()
    countries = DyadCounts()
    events = scored_events(coded)
    for level in EVENT_LEVELS:
        score, matches, false_alarms = score_events(gold, coded, level)
        scores.append(score)
        if level == "event":
            n = src = tgt = both = missing = 0
            dyad_errors: list[tuple[str, int, int]] = []
            for gi, pj in matches.items():
                g, p = gold.events[gi], events[pj]
                n += 1
                s_ok = country_part(g.source) == country_part(p.source_code)
                t_ok = country_part(g.target) == country_part(p.target_code)
                src += s_ok
                tgt += t_ok
                both += s_ok and t_ok
                missing += g.target is not None and p.target_code is None
                kind = dyad_error_kind(g, p)
                if kind:
                    dyad_errors.append((kind, gi, pj))
                roots_matched_pred[p.root] += 1
                if g.cameo:
                    roots_matched_gold[g.cameo[0][:2]] += 1
            countries = DyadCounts(n, src, tgt, both, missing)
            for kind, gi, pj in sorted(dyad_errors):
                g, p = gold.events[gi], events[pj]
                errors.append(Miss(gold.name, kind, _snippet(text, p.sentence),
                                   f"gold {g.source}->{g.target}, coded {p.source_code}->{p.target_code} "
                                   f"{p.cameo} trigger {text[p.trigger[0]:p.trigger[1]]!r} ({p.pattern})"))
            for g in gold.events:
                if not g.optional and g.cameo:
                    roots_gold[g.cameo[0][:2]] += 1
            matched_preds = set(matches.values())
            for j, p in enumerate(events):
                if j in matched_preds or j in false_alarms:
                    roots_pred[p.root] += 1
        if level == "dyad":
            for gi, g in enumerate(gold.events):
                if not g.optional and gi not in matches:
                    sent = _sentence_of(coded, g.start) if g.start >= 0 else (0, 0)
                    errors.append(Miss(gold.name, "miss", _snippet(text, sent),
                                       f"{g.source}->{g.target} {'/'.join(g.cameo)} at {g.where!r}"))
            for j in false_alarms:
                p = events[j]
                errors.append(Miss(gold.name, "false_alarm", _snippet(text, p.sentence),
                                   f"{p.source_code}->{p.target_code} {p.cameo} trigger "
                                   f"{text[p.trigger[0]:p.trigger[1]]!r} ({p.pattern})"))
    for kind in (None, "direct", "indirect"):
        score, missed, wrong = score_quotes(gold, coded, kind)
        scores.append(score)
        if kind is None:
            golds = list(gold.quotes)
            preds = [q for q in coded.quotes if q.kind != "term"]
            contains, _ = _quote_agreement(gold, coded)
            for i in missed:
                g = golds[i]
                said = sorted({repr(p.speaker_name) for p in preds if contains(p, g)})
                found_as = f" (span found, speaker {' / '.join(said)})" if said else ""
                errors.append(Miss(gold.name, "quote_miss", g.where, f"{g.kind} by {g.speaker}{found_as}"))
            for j in wrong:
                q = preds[j]
                errors.append(Miss(gold.name, "quote_false_alarm", _snippet(text, q.span),
                                   f"{q.kind} by {q.speaker_name}"))
    actors_right, actors_gold = score_actors(gold, coded)
    roots = tuple((r, roots_matched_pred[r], roots_pred[r], roots_matched_gold[r], roots_gold[r])
                  for r in sorted(set(roots_gold) | set(roots_pred)))
    return ArticleResult(gold.name, tuple(scores), roots, tuple(errors), actors_right, actors_gold, countries,
                         score_speakers(gold, coded))
