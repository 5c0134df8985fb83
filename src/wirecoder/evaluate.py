"""Scoring a folder of coded articles against gold files, by the rules of ../shared/spec/gold-format.md.

:func:`evaluate` codes every gold article of a folder and scores it
(:mod:`wirecoder.scoring`: one article, events at three levels, quotes, actors);
:func:`combine` micro-averages the articles' figures into a :class:`Report`, and
:func:`format_report` prints it as ``wirecoder eval`` does.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .records import Article, CodedArticle, Skip
from .scoring import (DYAD_ERROR_KINDS, EVENT_LEVELS, QUOTE_LEVELS, ArticleResult, DyadCounts, Miss, Score,
                      dyad_error_kind, score_actors, score_article, score_events, score_quotes,
                      score_speakers, scored_events)

__all__ = [  # the article-level names stay importable from here
    "DYAD_ERROR_KINDS", "EVENT_LEVELS", "QUOTE_LEVELS", "ArticleResult", "DyadCounts", "Miss", "Report",
    "Score", "combine", "dyad_error_kind", "evaluate", "format_report", "score_actors", "score_article",
    "score_events", "score_quotes", "score_speakers", "scored_events", "sorted_errors"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Report:
    folder: str
    articles: int
    scores: tuple[Score, ...]
    roots: tuple[tuple[str, int, int, int, int], ...]
    errors: tuple[Miss, ...]
    actors_right: int
    actors_gold: int
    countries: "DyadCounts"
    failed: tuple[str, ...] = field(default=())
    speakers: tuple[int, int] = (0, 0)  # right speaker / gold quotes found as spans

    @property
    def speaker_accuracy(self) -> float | None:
        right, spans = self.speakers
        return right / spans if spans else None

    def score(self, level: str) -> Score:
        return next(s for s in self.scores if s.level == level)

    def to_dict(self) -> dict:
        return {
            "folder": self.folder, "articles": self.articles,
            "levels": {s.level: s.to_dict() for s in self.scores},
            "roots": {r: Score(r, mp, p, mg, g).to_dict() for r, mp, p, mg, g in self.roots},
            "actors": {"right": self.actors_right, "gold": self.actors_gold,
                       "accuracy": round(self.actors_right / self.actors_gold, 4) if self.actors_gold else None},
            "countries": self.countries.to_dict(),
            "speakers": {"right": self.speakers[0], "spans_found": self.speakers[1],
                         "accuracy": round(self.speaker_accuracy, 4) if self.speakers[1] else None},
            "failed": list(self.failed),
            "errors": [{"article": e.article, "kind": e.kind, "sentence": e.sentence, "detail": e.detail}
                       for e in sorted_errors(self.errors)],
        }


def combine(folder: str, results: Sequence[ArticleResult], failed: Iterable[str] = ()) -> Report:
    levels = EVENT_LEVELS + QUOTE_LEVELS
    totals = {lv: Score(lv, 0, 0, 0, 0) for lv in levels}
    roots: dict[str, list[int]] = {}
    countries = DyadCounts()
    errors: list[Miss] = []
    for r in results:
        for s in r.scores:
            totals[s.level] = totals[s.level] + s
        for root, *counts in r.roots:
            acc = roots.setdefault(root, [0, 0, 0, 0])
            for k, n in enumerate(counts):
                acc[k] += n
        countries = countries + r.countries
        errors.extend(r.errors)
    return Report(
        folder=folder, articles=len(results), scores=tuple(totals[lv] for lv in levels),
        roots=tuple((root, *vals) for root, vals in sorted(roots.items())),  # type: ignore[misc]
        errors=tuple(errors), actors_right=sum(r.actors_right for r in results),
        actors_gold=sum(r.actors_gold for r in results), countries=countries,
        failed=tuple(failed),
        speakers=(sum(r.speakers[0] for r in results), sum(r.speakers[1] for r in results)),
    )


def evaluate(folder: Path, coder, progress: Callable[[list], Iterable] | None = None) -> Report:
    """Code every gold article of ``folder`` with ``coder`` and score it. An article that
    cannot be read or coded is listed in ``failed`` and the others are scored; a folder
    with no gold pairs is a :class:`~wirecoder.errors.GoldError`. ``progress``: wraps the
    list of (gold, text) pairs, e.g. in a progress bar."""
    from .errors import GoldError, InputError
    from .gold import gold_pairs, load_gold
    from .read import prepare

    results = []
    failed = []
    pairs = gold_pairs(Path(folder))
    for gold_path, text_path in (progress(pairs) if progress else pairs):
        try:
            gold = load_gold(gold_path, text_path)
        except GoldError as exc:
            log.warning("cannot score %s: %s", gold_path, exc)
            failed.append(str(exc))
            continue
        article = prepare(Article(text=gold.text, source=str(gold.text_path), published=gold.published,
                                  notes=gold.notes), None, coder.settings)
        try:
            if isinstance(article, Skip):
                raise InputError(article.source, article.reason)
            coded = coder.code(article)
        except InputError as exc:
            log.warning("cannot code %s: %s", gold.text_path, exc)
            failed.append(f"{gold.name}: {exc}")
            coded = CodedArticle(article=Article(text=gold.text, source=str(gold.text_path)),
                                 sentences=(), actors=(), events=(), quotes=())
        results.append(score_article(gold, coded))
    if not results:
        raise GoldError(f"{folder}: no gold article could be read: {'; '.join(failed)}")
    return combine(str(folder), results, failed)


def sorted_errors(errors: Iterable[Miss]) -> list[Miss]:
    """Dyad errors first, grouped by class (missing target, wrong source, wrong target),
    then every other error in its original order."""
    order = {k: i for i, k in enumerate(DYAD_ERROR_KINDS)}
    return sorted(errors, key=lambda e: order.get(e.kind, len(order)))


def format_report(report: Report, errors: bool = False) -> str:
    lines = [f"wirecoder eval {report.folder}: {report.articles} articles"]
    lines.append(f"{'level':<16}{'P':>7}{'R':>7}{'F1':>7}   matched/predicted  found/gold")
    for s in report.scores:
        lines.append(f"{s.level:<16}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}   "
                     f"{s.matched_pred:>5}/{s.predicted:<11} {s.matched_gold:>4}/{s.gold}")
    if report.actors_gold:
        lines.append(f"actors coded right: {report.actors_right}/{report.actors_gold} "
                     f"({report.actors_right / report.actors_gold:.3f})")
    right, spans = report.speakers
    if spans:
        lines.append(f"speaker accuracy: {right}/{spans} ({right / spans:.3f}) of the gold quotes found as spans")
    c = report.countries
    if c.matches:
        n = c.matches
        lines.append(f"country accuracy on {n} event matches: source {c.source_right / n:.3f}, "
                     f"target {c.target_right / n:.3f}, both {c.both_right / n:.3f} ({c.both_right}); "
                     f"target missing {c.target_missing / n:.3f} ({c.target_missing})")
    if report.roots:
        lines.append("")
        lines.append(f"{'root':<6}{'P':>7}{'R':>7}{'F1':>7}   matched/predicted  found/gold  (event level;"
                     " gold by its first code)")
        for root, mp, p, mg, g in report.roots:
            sc = Score(root, mp, p, mg, g)
            lines.append(f"{root:<6}{sc.precision:>7.3f}{sc.recall:>7.3f}{sc.f1:>7.3f}   {mp:>5}/{p:<11} {mg:>4}/{g}")
    for f in report.failed:
        lines.append(f"failed: {f}")
    if errors:
        lines.append("")
        for e in sorted_errors(report.errors):
            lines.append(f"[{e.kind}] {e.article}: {e.detail}\n    {e.sentence}")
    return "\n".join(lines)
