"""Publication dates as inputs give them: ISO strings, RFC 822 strings, time structs."""
from __future__ import annotations

import calendar
import datetime as dt
import time
from types import MappingProxyType
from typing import Any

import dateparser

_DATEPARSER_SETTINGS = MappingProxyType({"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})


def parse_published(value: Any) -> dt.date | None:
    """A date from what an input calls its publication date, or None.

    Accepts dates, datetimes, ``time.struct_time`` (feedparser), Unix timestamps,
    ISO strings ("2025-03-14 14:23:08Z") and other written dates ("Mon, 03 Mar 2025 10:00:00 GMT").
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, time.struct_time):
        return dt.datetime.fromtimestamp(calendar.timegm(value), dt.timezone.utc).date()
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            return dt.datetime.fromtimestamp(value, dt.timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    parsed = dateparser.parse(value, languages=["en"], settings=dict(_DATEPARSER_SETTINGS))
    return parsed.date() if parsed else None
