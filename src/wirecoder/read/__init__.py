"""Readers: source bytes -> Article. (skeleton; being written)"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..records import Article, Skip
from ..settings import Settings
from .metadata import extract_metadata


def read_inputs(inputs: Iterable[str], *, published: dt.date | None = None,
                settings: Settings | None = None) -> Iterator[Article | Skip]:
    for name in inputs:
        try:
            text = Path(name).read_text(encoding="utf-8")
            art = extract_metadata(Article(text=text, source=name))
            if published and not art.published:
                art = art.with_(published=published)
            yield art
        except (OSError, UnicodeDecodeError, InputError) as exc:
            yield Skip(name, str(exc))
