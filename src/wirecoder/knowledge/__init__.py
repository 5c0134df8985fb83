"""Actor knowledge: countries, metonyms, international bodies, roles, people in office."""
from __future__ import annotations

from dataclasses import dataclass

from ..settings import Settings


@dataclass(frozen=True)
class KnowledgeBase:
    pass


def load_knowledge(settings: Settings) -> KnowledgeBase:
    return KnowledgeBase()
