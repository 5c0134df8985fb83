"""A group followed by conjoined places of several countries ("lawmakers in France and Germany")
is one group per country, and an event it does gives one event per country. Invented sentences."""
from __future__ import annotations

import datetime

import pytest

from wirecoder.records import Article


def _events(coder, text):
    coded = coder.code(Article(text=text, source="t", published=datetime.date(2025, 3, 12)))
    return {(e.cameo[:2], e.source_code, e.target_code) for e in coded.events}


@pytest.mark.parametrize("text,expected", [
    ("Lawmakers in Norway and Denmark criticized the plan by Poland.",
     {("11", "NORLEG", "POL"), ("11", "DNKLEG", "POL")}),
    ("Activists in Ghana and Togo condemned the arrests by police in Benin.",
     {("11", "GHANGO", "BENPOL"), ("11", "TGONGO", "BENPOL")}),
    # a government role too: the places say where they are from
    ("Politicians in Canada and Australia have expressed concerns over the deal with Fiji.",
     {("11", "CANGOV", "FJI"), ("11", "AUSGOV", "FJI")}),
])
def test_one_group_per_place(coder, text, expected):
    assert expected <= _events(coder, text)


@pytest.mark.parametrize("text,source", [
    # one place: one group, as before
    ("Rebels in Chad attacked a convoy near the border.", "TCDREB"),
])
def test_one_place_one_group(coder, text, source):
    assert {s for _, s, _ in _events(coder, text)} == {source}
