"""What the stages share, loaded once per pipeline: settings, CAMEO table, actor knowledge."""
from __future__ import annotations

from dataclasses import dataclass

from .knowledge import KnowledgeBase, load_knowledge
from .ontology import Ontology
from .settings import Settings


@dataclass(frozen=True, slots=True)
class Resources:
    settings: Settings
    ontology: Ontology
    knowledge: KnowledgeBase

    @classmethod
    def load(cls, settings: Settings) -> "Resources":
        return cls(
            settings=settings,
            ontology=Ontology.load(settings.data_dir / "cameo.tsv"),
            knowledge=load_knowledge(settings),
        )
