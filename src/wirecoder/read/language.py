"""A cheap check that an article is English: the share of English stop words.

English news runs at 35-55% stop words (spaCy's list); Spanish, French, German or
Italian text at under 10%, other scripts at 0%. Short texts are not judged.
"""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

MIN_WORDS = 30         # fewer words than this: too little to judge
MIN_STOP_SHARE = 0.15  # fewer English stop words than this share: not English
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SAMPLE_CHARS = 20_000


def stop_word_share(text: str) -> tuple[float, int]:
    """(share of English stop words, number of words) in the first part of ``text``."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text[:_SAMPLE_CHARS])]
    if not words:
        return 0.0, 0
    return sum(w in STOP_WORDS for w in words) / len(words), len(words)


def not_english_reason(text: str) -> str | None:
    """The skip reason when ``text`` is clearly not English, else None."""
    share, n = stop_word_share(text)
    if n < MIN_WORDS or share >= MIN_STOP_SHARE:
        return None
    return (f"not English (only {share:.0%} of {n} words are English stop words); "
            "wirecoder codes English news")
