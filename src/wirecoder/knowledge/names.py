"""How names are compared: case- and diacritic-insensitively."""
from __future__ import annotations

import unicodedata

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-",
                         "\u2013": "-", "\u2014": "-"})


def fold(text: str) -> str:
    """Lowercase, without diacritics, with plain quotes and hyphens ("Élysée" -> "elysee")."""
    if text.isascii():  # the quotes and hyphens replaced are none of them ASCII
        return text.lower()
    text = text.translate(_QUOTES)
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def name_key(text: str) -> str:
    """The key a name is indexed by: folded, single spaces, no leading 'the'."""
    words = fold(text).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def surname(name: str) -> str | None:
    """The last word of a multi-word personal name (None for one-word names)."""
    words = [w for w in name.replace(",", " ").split() if w.lower() not in ("jr.", "jr", "sr.", "ii", "iii")]
    return words[-1] if len(words) >= 2 else None
