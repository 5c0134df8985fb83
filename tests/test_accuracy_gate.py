"""The accuracy gate: wirecoder eval on the three gold folders must not fall below the pinned
floors (measured figures, rounded down). Raise a floor when the coder improves; never lower one
to make a change pass. The issues' targets are checked separately; a target not reached yet is an
xfail with the measured figure in its reason."""
from __future__ import annotations

import pytest

from conftest import EXAMPLES, shared_dir
from wirecoder.evaluate import evaluate

# (folder, level, measure) -> floor
FLOORS = {
    ("seed", "dyad", "f1"): 0.90,
    ("seed", "event", "f1"): 0.90,
    ("seed", "quote", "f1"): 0.95,
    ("seed", "quote_direct", "f1"): 1.00,
    ("seed", "quote_indirect", "f1"): 0.88,
    ("plover-gsr", "event", "recall"): 0.72,
    ("plover-gsr", "event", "precision"): 0.70,
    ("plover-gsr", "dyad", "recall"): 0.57,
    ("plover-gsr", "dyad", "precision"): 0.56,
    ("voa-dev", "event", "f1"): 0.70,
    ("voa-dev", "dyad", "f1"): 0.54,
    ("voa-dev", "dyad", "precision"): 0.62,
    ("voa-dev", "dyad", "recall"): 0.47,
    ("voa-dev", "full", "f1"): 0.48,
    ("voa-dev", "quote", "f1"): 0.93,
    ("voa-dev", "quote_direct", "f1"): 0.95,
}
ACTOR_FLOORS = {"seed": 1.00, "voa-dev": 0.83}

# The issues' own targets (issue 4 item 8, issue 5 item 7, issue 2's "done when", issue 3 item 7).
TARGETS = {
    ("seed", "dyad", "f1"): 0.85,
    ("plover-gsr", "event", "recall"): 0.70,
    ("plover-gsr", "dyad", "recall"): 0.50,
    ("voa-dev", "dyad", "f1"): 0.45,
    ("seed", "quote", "f1"): 0.95,
    ("voa-dev", "quote", "f1"): 0.85,
}
NOT_YET: dict[tuple[str, str, str], str] = {}

FOLDERS = {"seed": lambda: EXAMPLES, "plover-gsr": lambda: shared_dir("bench", "plover-gsr"),
           "voa-dev": lambda: shared_dir("bench", "voa-dev")}


@pytest.fixture(scope="module")
def reports(coder):
    cache = {}

    def get(name):
        if name not in cache:
            cache[name] = evaluate(FOLDERS[name](), coder)
        return cache[name]
    return get


def figure(report, level, measure):
    return round(getattr(report.score(level), measure), 4)


@pytest.mark.parametrize("key", sorted(FLOORS), ids=lambda k: "-".join(k))
def test_floor(reports, key):
    folder, level, measure = key
    got = figure(reports(folder), level, measure)
    assert got >= FLOORS[key], f"{folder} {level} {measure} fell to {got} (floor {FLOORS[key]})"


@pytest.mark.parametrize("folder", sorted(ACTOR_FLOORS))
def test_actor_floor(reports, folder):
    r = reports(folder)
    got = round(r.actors_right / r.actors_gold, 4)
    assert got >= ACTOR_FLOORS[folder]


def test_seed_done_when(reports):
    """Issue 2: at least 8 of the seed's 11 required events at the dyad level, 8 of its 11 quotes;
    issue 3: at least 9 of its 10 gold actors coded right."""
    r = reports("seed")
    assert r.score("dyad").matched_gold >= 8
    assert r.score("quote").matched_gold >= 8
    assert r.actors_right >= 9


@pytest.mark.parametrize("key", sorted(TARGETS), ids=lambda k: "-".join(k))
def test_target(reports, key, request):
    if key in NOT_YET:
        request.applymarker(pytest.mark.xfail(reason=NOT_YET[key], strict=True))
    folder, level, measure = key
    assert figure(reports(folder), level, measure) >= TARGETS[key]
