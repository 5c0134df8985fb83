"""Error classes found on unseen VOA stories, round 3 (table-driven): a country named only as
where actors went or are based does not give its country to the actors around it."""
from __future__ import annotations

import pytest

from actor_cases import assert_codes, stage  # noqa: E402,F401  (same tests folder; stage is a fixture)
from test_actors import coded  # noqa: E402  (same tests folder)

# text -> {mention text: code}
DESTINATION = [
    ("Kenyan police patrolled the border. Somalia-based al-Shabab has been fighting Kenyan troops "
     "since 2011, when the government sent soldiers into Somalia.",
     {"government": "KENGOV", "soldiers": "KENMIL"}),
    ("French officials spoke on Monday. The government deployed soldiers to Mali last year.",
     {"government": "FRAGOV", "soldiers": "FRAMIL"}),
    # a place the actor is IN still says whose it is
    ("The government in Somalia said soldiers had been paid.", {"government": "SOMGOV"}),
]


@pytest.mark.parametrize("text,expected", DESTINATION, ids=[c[0][:40] for c in DESTINATION])
def test_destination_country_is_not_context(nlp, stage, text, expected):
    assert_codes(coded(nlp, stage, text), expected)
