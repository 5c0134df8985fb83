"""Dyad shares of event-level matches, dyad error classes, and negated predictions (not scored),
on a tiny hand-made gold folder."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest

from wirecoder.evaluate import DYAD_ERROR_KINDS, evaluate, format_report
from wirecoder.records import Article, CodedArticle, Event
from wirecoder.settings import Settings

TEXT = ("Oslo praised Lima on Friday. "
        "Rabat condemned Quito. "
        "Hanoi met Accra in the capital.")
S1 = (0, TEXT.index("Rabat"))
S2 = (S1[1], TEXT.index("Hanoi"))
S3 = (S2[1], len(TEXT))
GOLD = [
    {"where": "praised Lima", "source": "NOR", "target": "PER", "cameo": ["051"]},
    {"where": "condemned Quito", "source": "MAR", "target": "ECU", "cameo": ["122"]},
    {"where": "met Accra", "source": "VNM", "target": "GHA", "cameo": ["036", "04"]},
]


def ev(id, cameo, src, tgt, word, sentence, negated=False):
    start = TEXT.index(word)
    return Event(id=id, cameo=cameo, root=cameo[:2], plover=None, plover_mode=None, goldstein=0.0,
                 quad_class=1, source=None, target=None, source_code=src, target_code=tgt, date=None,
                 background=False, negated=negated, trigger=(start, start + len(word)), sentence=sentence,
                 quote=None, location=None, pattern="test")


class FixedCoder:
    """Returns the same hand-made events for the one article of the folder."""

    settings = Settings()  # evaluate() reads gold texts with the coder's settings

    def __init__(self, events):
        self.events = tuple(events)

    def code(self, article: Article) -> CodedArticle:
        return CodedArticle(article=article, sentences=(S1, S2, S3), actors=(), events=self.events,
                            quotes=())


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(json.dumps(
        {"article": "a.txt", "published": "2024-05-03", "events": GOLD, "quotes": [], "actors": []}),
        encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("preds, counts, kinds", [
    # (matches, source right, target right, both right, target missing), dyad error kinds
    ([("051", "NOR", "PER", "praised", S1), ("122", "MAR", "ECU", "condemned", S2),
      ("036", "VNM", "GHA", "met", S3)], (3, 3, 3, 3, 0), []),
    ([("051", "NORGOV", None, "praised", S1), ("122", "ECU", "ECU", "condemned", S2),
      ("036", "VNM", "USA", "met", S3)], (3, 2, 1, 0, 1),
     ["missing_target", "wrong_source", "wrong_target"]),
    # a missing target with a wrong source is counted in both shares but listed once
    ([("051", "SWE", None, "praised", S1)], (1, 0, 0, 0, 1), ["missing_target"]),
    # no event-level match: nothing to share
    ([("190", "NOR", "PER", "praised", S1)], (0, 0, 0, 0, 0), []),
])
def test_dyad_shares_and_error_classes(folder, preds, counts, kinds):
    events = [ev(f"E{i}", *p) for i, p in enumerate(preds)]
    report = evaluate(folder, FixedCoder(events))
    assert report.countries.as_tuple() == counts
    dyad_errors = [e.kind for e in report.errors if e.kind in DYAD_ERROR_KINDS]
    assert sorted(dyad_errors) == sorted(kinds)
    data = report.to_dict()["countries"]
    if counts[0]:
        assert data["both_accuracy"] == round(counts[3] / counts[0], 4)
        assert data["target_missing_share"] == round(counts[4] / counts[0], 4)
    else:
        assert data["both_accuracy"] is None


def test_errors_listed_by_class(folder):
    # the wrong target comes first in the text, the missing target last: the listing follows the class
    events = [ev("E1", "051", "NOR", "USA", "praised", S1), ev("E2", "122", "ECU", "ECU", "condemned", S2),
              ev("E3", "036", "VNM", None, "met", S3)]
    report = evaluate(folder, FixedCoder(events))
    text = format_report(report, errors=True)
    positions = [text.index(f"[{k}]") for k in DYAD_ERROR_KINDS]
    assert positions == sorted(positions)
    assert text.index("[wrong_target]") < text.index("[miss]")
    assert "both 0.000 (0); target missing 0.333 (1)" in text
    listed = [e["kind"] for e in report.to_dict()["errors"]]
    assert listed[:3] == list(DYAD_ERROR_KINDS)


@pytest.mark.parametrize("negated_event, dyad", [
    # a negated prediction that would match: not rewarded (no match) ...
    (("051", "NOR", "PER", "praised", S1), (0, 0, 0, 3)),
    # ... a negated prediction that matches nothing: not punished (no false alarm)
    (("190", "NOR", "ESP", "praised", S1), (0, 0, 0, 3)),
])
def test_negated_predictions_are_not_scored(folder, negated_event, dyad):
    e = ev("E1", *negated_event, negated=True)
    report = evaluate(folder, FixedCoder([e]))
    s = report.score("dyad")
    assert (s.matched_pred, s.predicted, s.matched_gold, s.gold) == dyad
    assert not [x for x in report.errors if x.kind == "false_alarm"]
    # the same event asserted is scored
    report = evaluate(folder, FixedCoder([replace(e, negated=False)]))
    assert report.score("dyad").predicted == 1


def test_negated_next_to_asserted(folder):
    # the asserted twin of a negated event is matched and indexed right (the negated one is dropped)
    events = [ev("E0", "122", "MAR", "ECU", "condemned", S2, negated=True),
              ev("E1", "051", "NOR", "PER", "praised", S1), ev("E2", "036", "VNM", None, "met", S3)]
    report = evaluate(folder, FixedCoder(events))
    assert report.score("event").matched_gold == 2
    assert report.countries.as_tuple() == (2, 2, 1, 1, 1)
    missing = [e for e in report.errors if e.kind == "missing_target"]
    assert len(missing) == 1 and "'met'" in missing[0].detail


@pytest.mark.parametrize("first, second", [
    (("051", "SWE", None, "praised", S1), ("051", "NOR", "PER", "Lima", S1)),
    (("051", "NOR", "PER", "praised", S1), ("051", "SWE", None, "Lima", S1)),
])
def test_event_matching_prefers_the_right_dyad(folder, first, second):
    # two predictions of the same code in one sentence: the shares judge the one with the right dyad,
    # whichever comes first, so "both right" agrees with the dyad level
    report = evaluate(folder, FixedCoder([ev("E1", *first), ev("E2", *second)]))
    assert report.countries.as_tuple() == (1, 1, 1, 1, 0)
    assert report.score("dyad").matched_gold == 1
