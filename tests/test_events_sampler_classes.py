"""Classes of news language the one-event sentences of the CAMEO manual sample (PLOVER GSR),
tested on sentences written for these tests (other names, other words)."""
from __future__ import annotations

import pytest

from test_events import code_events, stage, triples  # noqa: F401  (the module's stage fixture)

# "US" as a subject is the country, not the pronoun "us" (first person is a pronoun only)
US_CASES = [
    ("The US on Friday turned down the offer from Moscow.", ("120", "USA", "RUS"), True),
    ("The US rejected the invitation by Brazil.", ("120", "USA", "BRA"), True),
    ("The US condemned the raids by Turkey.", ("111", "USA", "TUR"), True),
]


@pytest.mark.parametrize("text,event,present", US_CASES, ids=[c[0][:40] for c in US_CASES])
def test_us_subject_is_the_country(coder, text, event, present):
    coded = coder.code(text)
    found = {(e.cameo, (e.source_code or "")[:3], (e.target_code or "")[:3] or None) for e in coded.events}
    assert (event in found) is present


def test_first_person_us_is_not_a_source(coder, stage):  # noqa: F811
    text = '"Let us reject this plan," the minister said.'
    assert not {t for t in triples(code_events(coder, stage, text, {"minister": "KENGOV"})) if t[1] == "USA"}
