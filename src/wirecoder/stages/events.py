"""The events stage (first skeleton; being written)."""
from __future__ import annotations

from spacy.tokens import Doc

from ..resources import Resources


class EventsStage:
    name = "events"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Doc) -> Doc:
        return doc
