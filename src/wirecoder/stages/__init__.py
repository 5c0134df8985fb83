"""The pipeline's stages, declared in one place and run in this order.

Each stage is a class built once from :class:`~wirecoder.resources.Resources`
and called as ``Doc -> Doc``; it reads what earlier stages left on ``doc._``
and adds its own records.
"""
from __future__ import annotations

from typing import Callable, Protocol

from spacy.tokens import Doc

from ..resources import Resources
from .actors import ActorsStage
from .events import EventsStage
from .quotes import QuotesStage


class Stage(Protocol):
    name: str

    def __call__(self, doc: Doc) -> Doc: ...


STAGES: tuple[tuple[str, Callable[[Resources], Stage]], ...] = (
    ("actors", ActorsStage),   # mentions -> actors (coded, with coreference)
    ("quotes", QuotesStage),   # direct and indirect quotes with speakers
    ("events", EventsStage),   # CAMEO/PLOVER events with source, target, date, location
)


def build_stages(resources: Resources, names: tuple[str, ...] | None = None) -> list[Stage]:
    wanted = names or tuple(n for n, _ in STAGES)
    return [factory(resources) for name, factory in STAGES if name in wanted]
