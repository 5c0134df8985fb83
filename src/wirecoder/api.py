"""The short public functions: ``wirecoder.code(text)`` and friends.

They build a :class:`Coder` for the given settings on first use and reuse it
(loading spaCy takes a second); pass ``coder=`` to use your own.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError, WirecoderError
from .pipeline import Coder
from .records import Article, CodedArticle, Skip
from .settings import Settings


@lru_cache(maxsize=2)
def _coder(settings: Settings) -> Coder:
    return Coder(settings)


def coder_for(settings: Settings | None = None) -> Coder:
    """The shared Coder for ``settings`` (built once per settings value)."""
    return _coder(settings or Settings.from_env())


def code(text: str | Article, published: dt.date | str | None = None, *,
         settings: Settings | None = None, coder: Coder | None = None) -> CodedArticle:
    """Code one article given as text (metadata lines are recognised) or as an Article."""
    return (coder or coder_for(settings)).code(text, published=published)


def code_all(articles: Iterable[Article | Skip], *, settings: Settings | None = None,
             coder: Coder | None = None) -> Iterator[CodedArticle | Skip]:
    """Code a stream of articles; a bad one becomes a :class:`Skip` and the stream goes on."""
    c = coder or coder_for(settings)
    for item in articles:
        if isinstance(item, Skip):
            yield item
            continue
        try:
            yield c.code(item)
        except InputError as exc:
            yield Skip(item.source, exc.problem + (f" ({exc.hint})" if exc.hint else ""))
        except WirecoderError as exc:
            yield Skip(item.source, str(exc))


def evaluate(gold_dir: str | Path, *, settings: Settings | None = None, coder: Coder | None = None):
    """Score the coder on a folder of gold files (see :mod:`wirecoder.evaluate`)."""
    from .evaluate import evaluate as _evaluate
    return _evaluate(Path(gold_dir), coder or coder_for(settings))
