"""The scorer follows ../shared/spec/gold-format.md: table-driven cases on hand-built records."""
from __future__ import annotations

import json

import pytest

from wirecoder.evaluate import score_article, combine, format_report
from wirecoder.gold import load_gold, last_word, same_speaker
from wirecoder.records import Actor, Article, CodedArticle, Event, Quote

TEXT = ("Putin congratulated Maduro on Monday. "
        "\"We will work together,\" Peskov said. "
        "Blinken said Washington had serious concerns.")
S1 = (0, TEXT.index('"We'))
S2 = (S1[1], TEXT.index("Blinken"))
S3 = (S2[1], len(TEXT))
W = TEXT.index("Washington")


def gold_file(tmp_path, events=(), quotes=(), actors=()):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    data = {"article": "a.txt", "published": "2024-07-29", "events": list(events),
            "quotes": list(quotes), "actors": list(actors)}
    path = tmp_path / "a.gold.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return load_gold(path)


def event(cameo, src, tgt, trigger, sentence, id="E1"):
    return Event(id=id, cameo=cameo, root=cameo[:2], plover=None, plover_mode=None, goldstein=0.0,
                 quad_class=1, source=None, target=None, source_code=src, target_code=tgt, date=None,
                 background=False, negated=False, trigger=trigger, sentence=sentence, quote=None,
                 location=None, pattern="test")


def coded(events=(), quotes=(), actors=()):
    return CodedArticle(article=Article(text=TEXT), sentences=(S1, S2, S3), actors=tuple(actors),
                        events=tuple(events), quotes=tuple(quotes))


G_CONGRAT = {"where": "congratulated Maduro", "source": "RUSGOV", "target": "VENGOV", "cameo": ["051"]}


@pytest.mark.parametrize("pred, expected", [
    # (cameo, source, target, trigger) -> matched at (event, dyad, full)
    (("051", "RUSGOV", "VENGOV", (6, 19)), (1, 1, 1)),
    (("0511", "RUSGOV", "VENGOV", (6, 19)), (1, 1, 1)),      # a longer code is accepted as a child
    (("051", "RUS", "VENGOV", (6, 19)), (1, 1, 0)),          # sector differs: full fails only
    (("051", "USAGOV", "VENGOV", (6, 19)), (1, 0, 0)),       # country differs: dyad fails
    (("051", "RUSGOV", None, (6, 19)), (1, 0, 0)),           # null target vs VENGOV
    (("111", "RUSGOV", "VENGOV", (6, 19)), (0, 0, 0)),       # wrong code
    (("051", "RUSGOV", "VENGOV", (40, 45)), (0, 0, 0)),      # other sentence
])
def test_event_levels(tmp_path, pred, expected):
    gold = gold_file(tmp_path, events=[G_CONGRAT])
    cameo, src, tgt, trig = pred
    sent = S1 if trig[0] < S1[1] else S2
    result = score_article(gold, coded([event(cameo, src, tgt, trig, sent)]))
    got = tuple(s.matched_gold for s in result.scores[:3])
    assert got == expected


def test_root_entry_accepts_children(tmp_path):
    gold = gold_file(tmp_path, events=[{**G_CONGRAT, "cameo": ["05"]}])
    r = score_article(gold, coded([event("057", "RUSGOV", "VENGOV", (6, 19), S1)]))
    assert r.scores[1].matched_gold == 1


def test_optional_gold_neither_rewards_nor_punishes(tmp_path):
    gold = gold_file(tmp_path, events=[{**G_CONGRAT, "optional": True}])
    r = score_article(gold, coded([event("051", "RUSGOV", "VENGOV", (6, 19), S1)]))
    dyad = r.scores[1]
    assert (dyad.matched_pred, dyad.predicted, dyad.matched_gold, dyad.gold) == (0, 0, 0, 0)
    r = score_article(gold, coded([]))
    assert r.scores[1].gold == 0


def test_one_to_one_matching(tmp_path):
    gold = gold_file(tmp_path, events=[G_CONGRAT])
    preds = [event("051", "RUSGOV", "VENGOV", (6, 19), S1, "E1"),
             event("051", "RUSGOV", "VENGOV", (6, 19), S1, "E2")]
    dyad = score_article(gold, coded(preds)).scores[1]
    assert (dyad.matched_pred, dyad.predicted, dyad.matched_gold) == (1, 2, 1)
    assert dyad.precision == 0.5 and dyad.recall == 1.0


def test_matching_is_maximal_not_greedy(tmp_path):
    # E1 could match either gold; a greedy matcher taking gold A for E1 would leave gold B unmatched.
    ga = {"where": "congratulated Maduro", "source": "RUSGOV", "target": "VENGOV", "cameo": ["05"]}
    gb = {"where": "Putin congratulated", "source": "RUSGOV", "target": "VENGOV", "cameo": ["051"]}
    preds = [event("051", "RUSGOV", "VENGOV", (6, 19), S1, "E1"),
             event("057", "RUSGOV", "VENGOV", (6, 19), S1, "E2")]
    r = score_article(gold_file(tmp_path, events=[ga, gb]), coded(preds))
    assert r.scores[0].matched_gold == 2


def test_quotes(tmp_path):
    gold = gold_file(tmp_path, quotes=[
        {"where": "We will work", "speaker": "Dmitry Peskov", "kind": "direct"},
        {"where": "Washington had serious", "speaker": "Antony Blinken", "kind": "indirect"},
    ])
    q1 = Quote("Q1", "direct", (S2[0] + 1, S2[0] + 23), "", "A1", "Peskov", None)
    q2 = Quote("Q2", "indirect", (W, len(TEXT) - 1), "", "A2", "Antony Blinken", None)
    q3 = Quote("Q3", "indirect", (W, len(TEXT) - 1), "", "A3", "Washington", None)
    term = Quote("Q4", "term", (0, 5), "Putin", None, None, None)
    r = score_article(gold, coded(quotes=[q1, q2, q3, term]))
    by = {s.level: s for s in r.scores}
    assert (by["quote"].matched_gold, by["quote"].gold) == (2, 2)
    assert (by["quote"].matched_pred, by["quote"].predicted) == (2, 3)   # the wrong speaker counts against
    assert (by["quote_direct"].matched_gold, by["quote_indirect"].matched_pred) == (1, 1)


@pytest.mark.parametrize("a, b, same", [
    ("Vladimir Putin", "Putin", True),
    ("the Kremlin", "Kremlin", True),
    ("Nicolás Maduro", "Nicolas Maduro", True),
    ("The national electoral authority", "national electoral authority", True),
    ("Peskov", "Dmitry Peskov", True),
    ("Putin", "Dmitry Peskov", False),
    (None, "Putin", False),
])
def test_speaker_agreement(a, b, same):
    assert same_speaker(a, b) is same
    assert last_word("Maduro's") == "maduro"


def test_actor_accuracy_and_report(tmp_path):
    gold = gold_file(tmp_path, events=[G_CONGRAT], actors=[
        {"name": "Vladimir Putin", "code": "RUSGOV"}, {"name": "Washington", "code": "USAGOV"}])
    actors = [Actor("A1", "Vladimir Putin", "RUSGOV", "RUS", "GOV", "President", "person",
                    ((0, 5),), "knowledge"),
              Actor("A2", "Washington", "USA", "USA", None, None, "metonym", ((W, W + 10),), "metonym")]
    r = score_article(gold, coded([event("051", "RUSGOV", "VENGOV", (6, 19), S1)], actors=actors))
    assert (r.actors_right, r.actors_gold) == (1, 2)
    report = combine("x", [r, r])
    assert report.score("dyad").gold == 2 and report.articles == 2
    text = format_report(report, errors=True)
    assert "dyad" in text and "actors coded right: 2/4" in text
    assert report.to_dict()["levels"]["dyad"]["recall"] == 1.0


@pytest.mark.parametrize("a, b, same", [
    ("China Newsweek magazine", "China Newsweek", True),     # one name's last word among the other's words
    ("Trump administration", "Donald Trump", True),
    ("U.N. Refugee Agency", "UNHCR", False),
    ("Baltic Energy Council", "Council of Europe", True),      # "council" is among the other's words
    ("Baltic Energy Council", "Energy Ministry", False),
    ("", "Putin", False),
])
def test_clarified_speaker_rule(a, b, same):
    assert same_speaker(a, b) is same
    assert same_speaker(b, a) is same


def test_speaker_span_and_speaker_accuracy(tmp_path):
    peskov = TEXT.index("Peskov")
    gold = gold_file(tmp_path, quotes=[
        {"where": "We will work", "speaker": "Kremlin spokesman", "kind": "direct", "speaker_span": "Peskov"},
        {"where": "Washington had serious", "speaker": "Antony Blinken", "kind": "indirect"},
    ])
    assert gold.quotes[0].speaker_span == (peskov, peskov + len("Peskov"))
    actors = [Actor("A1", "Dmitry Peskov", "RUSGOV", "RUS", "GOV", None, "person", ((peskov, peskov + 6),),
                    "knowledge")]
    q1 = Quote("Q1", "direct", (S2[0] + 1, S2[0] + 23), "", "A1", "Dmitry Peskov", None)
    q2 = Quote("Q2", "indirect", (W, len(TEXT) - 1), "", None, "Washington", None)
    r = score_article(gold, coded(quotes=[q1, q2], actors=actors))
    by = {s.level: s for s in r.scores}
    assert by["quote_direct"].matched_gold == 1      # the actor's mention overlaps the speaker_span
    assert by["quote_indirect"].matched_gold == 0    # span found, wrong speaker
    assert r.speakers == (1, 2)
    report = combine("x", [r])
    assert report.speaker_accuracy == 0.5
    assert "speaker accuracy: 1/2 (0.500)" in format_report(report)
    assert report.to_dict()["speakers"]["spans_found"] == 2
    assert "span found, speaker 'Washington'" in format_report(report, errors=True)
