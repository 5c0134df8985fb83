"""Time expressions resolved against the publication date (a Monday)."""
from __future__ import annotations

import datetime as dt

import pytest

from wirecoder.stages.dates import resolve_date

MONDAY = dt.date(2024, 7, 29)


@pytest.mark.parametrize("text,date,background", [
    ("on Monday", MONDAY, False),
    ("Friday", dt.date(2024, 7, 26), False),
    ("Sunday night", dt.date(2024, 7, 28), False),
    ("yesterday", dt.date(2024, 7, 28), False),
    ("today", MONDAY, False),
    ("March 6", dt.date(2024, 3, 6), True),
    ("July 27", dt.date(2024, 7, 27), False),
    ("on March 6, 2024", dt.date(2024, 3, 6), True),
    ("December", None, True),
    ("in 2019", None, True),
    ("last year", None, True),
    ("two decades ago", None, True),
    ("last week", None, True),
    ("over the weekend", None, False),
    ("recently", None, False),
    ("this month", None, False),
])
def test_resolve_date(text, date, background):
    assert resolve_date(text, MONDAY) == (date, background)


def test_weekday_without_publication_date_is_unknown():
    assert resolve_date("on Monday", None) == (None, False)
