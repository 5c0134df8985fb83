"""The quotes stage (first skeleton; being written)."""
from __future__ import annotations

from spacy.tokens import Doc

from ..resources import Resources


class QuotesStage:
    name = "quotes"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Doc) -> Doc:
        return doc
