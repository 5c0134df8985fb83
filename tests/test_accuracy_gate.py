"""The accuracy gate: wirecoder eval on the four gold folders must not fall below the pinned
floors. A floor sits 0.02 under the measured figure (rounded down), so that one event more or
less does not fail CI. Raise a floor when the coder improves; never lower one to make a change
pass. The issues' targets are checked separately; a target not reached yet is a strict xfail
with the measured figure in its reason (when it is reached, the xfail fails: move it to TARGETS).

Measured 2026-12-05, end of session 4 (docs/figures.md has the whole table, `python scripts/figures.py`)."""
from __future__ import annotations

import pytest

from conftest import EXAMPLES, shared_dir
from wirecoder.evaluate import evaluate

# (folder, level, measure) -> floor
FLOORS = {
    ("seed", "dyad", "f1"): 0.88,
    ("seed", "event", "f1"): 0.88,
    ("seed", "quote", "f1"): 0.93,
    ("seed", "quote_direct", "f1"): 0.98,
    ("seed", "quote_indirect", "f1"): 0.86,
    ("plover-gsr", "event", "recall"): 0.78,
    ("plover-gsr", "event", "precision"): 0.73,
    ("plover-gsr", "dyad", "recall"): 0.64,
    ("plover-gsr", "dyad", "precision"): 0.60,
    ("voa-dev", "event", "f1"): 0.73,
    ("voa-dev", "dyad", "f1"): 0.60,
    ("voa-dev", "dyad", "precision"): 0.71,
    ("voa-dev", "dyad", "recall"): 0.52,
    ("voa-dev", "full", "f1"): 0.53,
    ("voa-dev", "quote", "f1"): 0.93,
    ("voa-dev", "quote_direct", "f1"): 0.95,
    ("voa-train", "event", "precision"): 0.82,
    ("voa-train", "event", "recall"): 0.59,
    ("voa-train", "event", "f1"): 0.68,
    ("voa-train", "dyad", "precision"): 0.69,
    ("voa-train", "dyad", "recall"): 0.50,
    ("voa-train", "dyad", "f1"): 0.58,
    ("voa-train", "full", "f1"): 0.36,
    ("voa-train", "quote", "f1"): 0.87,
    ("voa-train", "quote_direct", "f1"): 0.90,
    ("voa-train", "quote_indirect", "f1"): 0.83,
}
ACTOR_FLOORS = {"seed": 0.98, "voa-dev": 0.81, "voa-train": 0.55}
SPEAKER_FLOORS = {"seed": 0.98, "voa-dev": 0.96, "voa-train": 0.92}
# (folder, share of event-level matches) -> floor; "target_missing" is a ceiling
COUNTRY_FLOORS = {
    ("voa-train", "source"): 0.93, ("voa-train", "target"): 0.87, ("voa-train", "both"): 0.85,
    ("voa-dev", "source"): 0.98, ("voa-dev", "target"): 0.84,
    ("plover-gsr", "source"): 0.92, ("plover-gsr", "target"): 0.83,
}
COUNTRY_CEILINGS = {("voa-train", "target_missing"): 0.09, ("voa-dev", "target_missing"): 0.15}

# The issues' own targets: (folder, level, measure) -> at least
TARGETS = {
    ("seed", "dyad", "f1"): 0.85,                 # issues 2 and 11
    ("plover-gsr", "event", "recall"): 0.80,      # issue 11
    ("plover-gsr", "dyad", "recall"): 0.50,       # issue 2
    ("voa-dev", "dyad", "f1"): 0.54,              # issue 11: no loss
    ("voa-train", "event", "recall"): 0.60,       # issue 11
    ("voa-train", "event", "precision"): 0.60,    # issue 11
    ("voa-train", "dyad", "f1"): 0.45,            # issues 11 and 12
    ("seed", "quote", "f1"): 0.95,                # issue 13
    ("voa-dev", "quote", "f1"): 0.93,             # issue 13
    ("voa-train", "quote", "f1"): 0.88,           # issue 13
    ("voa-train", "quote_indirect", "f1"): 0.82,  # issue 13
}
NOT_YET: dict[tuple[str, str, str], str] = {}
# issue 12: shares of event-level matches on voa-train (target_missing: at most)
COUNTRY_TARGETS = {("voa-train", "source"): 0.92, ("voa-train", "target"): 0.85,
                   ("voa-train", "both"): 0.80, ("voa-dev", "source"): 0.943, ("voa-dev", "target"): 0.793}
COUNTRY_NOT_YET: dict[tuple[str, str], str] = {}
MISSING_TARGET = 0.08  # issue 12: voa-train target missing in at most this share (measured 0.068)

FOLDERS = {"seed": lambda: EXAMPLES, "plover-gsr": lambda: shared_dir("bench", "plover-gsr"),
           "voa-dev": lambda: shared_dir("bench", "voa-dev"),
           "voa-train": lambda: shared_dir("bench", "voa-train")}


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


def share(report, which):
    c = report.countries
    count = {"source": c.source_right, "target": c.target_right, "both": c.both_right,
             "target_missing": c.target_missing}[which]
    return round(count / c.matches, 4)


def root_figures(report, min_gold=0):
    """CAMEO root -> (precision, recall) at event level, for roots with at least ``min_gold``
    required gold events (precision only where something was predicted)."""
    return {root: (mp / p if p else None, mg / g if g else None)
            for root, mp, p, mg, g in report.roots if g >= min_gold}


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


@pytest.mark.parametrize("folder", sorted(SPEAKER_FLOORS))
def test_speaker_accuracy_floor(reports, folder):
    got = round(reports(folder).speaker_accuracy, 4)
    assert got >= SPEAKER_FLOORS[folder], f"{folder} speaker accuracy fell to {got}"


@pytest.mark.parametrize("key", sorted(COUNTRY_FLOORS), ids=lambda k: "-".join(k))
def test_country_share_floor(reports, key):
    folder, which = key
    got = share(reports(folder), which)
    assert got >= COUNTRY_FLOORS[key], f"{folder} {which} country right in {got} of event matches"


@pytest.mark.parametrize("key", sorted(COUNTRY_CEILINGS), ids=lambda k: "-".join(k))
def test_missing_target_ceiling(reports, key):
    folder, which = key
    got = share(reports(folder), which)
    assert got <= COUNTRY_CEILINGS[key], f"{folder}: target missing in {got} of event matches"


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


@pytest.mark.parametrize("key", sorted(COUNTRY_TARGETS), ids=lambda k: "-".join(k))
def test_country_target(reports, key, request):
    if key in COUNTRY_NOT_YET:
        request.applymarker(pytest.mark.xfail(reason=COUNTRY_NOT_YET[key], strict=True))
    folder, which = key
    assert share(reports(folder), which) >= COUNTRY_TARGETS[key]


def test_missing_target_target(reports):
    assert share(reports("voa-train"), "target_missing") <= MISSING_TARGET


def test_speaker_accuracy_target(reports):
    """Issue 13: the right speaker for at least 0.92 of the gold quotes found as spans."""
    assert reports("voa-train").speaker_accuracy >= 0.92


def test_root_11_recall_target(reports):
    assert root_figures(reports("voa-train"))["11"][1] >= 0.50


def test_every_common_root_recall_target(reports):
    """Issue 11: every root with at least 10 required events on voa-train at recall >= 0.40."""
    low = {r: round(rec, 3) for r, (_, rec) in root_figures(reports("voa-train"), 10).items() if rec < 0.40}
    assert not low, f"roots under 0.40 recall: {low}"


def test_common_roots_recall_floor(reports):
    """Roots with at least 10 required events on voa-train, pinned 0.02 under their measured
    recall (02 0.667, 03 0.522, 04 0.700, 05 0.500, 10 0.636, 11 0.534, 12 0.581, 17 0.675, 18 0.800,
    19 0.810)."""
    floors = {"02": 0.64, "03": 0.50, "04": 0.68, "05": 0.48, "10": 0.61, "11": 0.52, "12": 0.56,
              "17": 0.65, "18": 0.78, "19": 0.79}
    got = root_figures(reports("voa-train"), 10)
    low = {r: round(got[r][1], 3) for r in floors if got[r][1] < floors[r]}
    assert not low, f"root recall fell: {low}"


def test_root_precision_target(reports):
    """Issue 11: no root's precision on voa-train below 0.50."""
    low = {r: round(p, 3) for r, (p, _) in root_figures(reports("voa-train")).items()
           if p is not None and p < 0.50}
    assert not low, f"roots under 0.50 precision: {low}"
