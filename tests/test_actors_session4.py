"""Session 4 actor classes on unseen news (table-driven, sentences written for these tests):
a surname matches a knowledge-base office holder only when the written name agrees with him."""
from __future__ import annotations

import pytest

from actor_cases import assert_absent, assert_codes, stage  # noqa: E402,F401  (same tests folder; stage is a fixture)
from test_actors import coded  # noqa: E402  (same tests folder)

# text -> mention texts that must not be coded as the office holder of that surname
OTHER_PEOPLE = [
    # the name goes on after the surname: it is a middle name, not the holder's surname
    ("Border police detained Karim Scholz Weber at the crossing on Friday.", "Scholz", "DEUGOV"),
    ("Judges sentenced Amal Macron Haddad to four years.", "Macron", "FRAGOV"),
    # a given name that is none of the holder's names
    ("Police questioned Tariq Scholz about the fire.", "Scholz", "DEUGOV"),
    ("A court fined Yusuf Erdogan, a baker, for fraud.", "Erdogan", "TURGOV"),
]


@pytest.mark.parametrize("text,surname,holder", OTHER_PEOPLE, ids=[c[0][:40] for c in OTHER_PEOPLE])
def test_surname_of_someone_else_is_not_the_holder(nlp, stage, text, surname, holder):
    got = coded(nlp, stage, text)
    for mention, code in got.items():
        assert not (surname in mention and code == holder), got


# text -> {mention text: code}: the holder is still found with a title, an honorific, his own
# given name or the surname alone
HOLDER = [
    ("Chancellor Scholz said Germany would send more aid.", {"Scholz": "DEUGOV"}),
    ("Mr Scholz said Germany would send more aid.", {"Scholz": "DEUGOV"}),
    ("Scholz said on Monday that Germany would send more aid.", {"Scholz": "DEUGOV"}),
    ("Recep Erdogan rejected the proposal on Tuesday.", {"Recep Erdogan": "TURGOV"}),
    ("Erdogan rejected the proposal on Tuesday.", {"Erdogan": "TURGOV"}),
]


@pytest.mark.parametrize("text,expected", HOLDER, ids=[c[0][:40] for c in HOLDER])
def test_surname_of_the_holder(nlp, stage, text, expected):
    assert_codes(coded(nlp, stage, text), expected)
