"""An order or demand told in the passive with no agent ("residents were ordered to leave") is the
act of the government that reports it (root 10 in data/roles/passive_agents.yaml); a speaker that
gives no orders (the U.N., an NGO) is not its author. Invented sentences."""
from __future__ import annotations

import datetime

import pytest

from wirecoder.records import Article


def _events(coder, text):
    coded = coder.code(Article(text=text, source="t", published=datetime.date(2025, 3, 12)))
    return {(e.cameo, e.source_code, e.target_code) for e in coded.events}


@pytest.mark.parametrize("text,expected", [
    ("Residents were ordered to leave their homes, the Chilean government said.", ("100", "CHLGOV", "CHLCVL")),
    ("Police officers have been instructed to arrest the protesters, the Kenyan interior ministry said.",
     ("100", "KENGOV", "KENPOL")),
])
def test_government_reports_its_order(coder, text, expected):
    assert expected in _events(coder, text)


@pytest.mark.parametrize("text", [
    "Soldiers were ordered to withdraw from the villages, the U.N. said.",
    "Journalists were told to leave the region, Amnesty International said.",
])
def test_no_order_of_a_speaker_that_gives_none(coder, text):
    assert not any(c.startswith("10") for c, _, _ in _events(coder, text))
