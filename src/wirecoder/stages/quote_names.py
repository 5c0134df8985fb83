"""How a speaker's name is written again: a word spelled two ways and the acronym a text gives
a name at its first use. Used by :mod:`quote_speakers` to join later mentions to a full name."""
from __future__ import annotations

import re
from difflib import SequenceMatcher


def same_word(a: str, b: str) -> bool:
    """Two spellings of one name word ("Zelenskyy"/"Zelensky"): equal, or alike by 0.85 or more
    with the same first letter and at least five letters each."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    # the quick ratios are upper bounds of ratio(): a pair they rule out is not compared in full
    matcher = SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= 0.85 and matcher.quick_ratio() >= 0.85 and matcher.ratio() >= 0.85


_ACRONYM_AFTER = re.compile(r"[^().\n]{0,40}?(?:\(|, or )([A-Z]{2,8})\b")


def acronym_after(text: str, name: str) -> str | None:
    """The acronym the text gives ``name`` at its first use that has one ("United Nations
    High Commission for Refugees (UNHCR)"): a search for the name's words followed by
    ``_ACRONYM_AFTER``, without compiling a pattern for each name."""
    at = text.find(name)
    while at >= 0:
        found = _ACRONYM_AFTER.match(text, at + len(name))
        if found:
            return found.group(1)
        at = text.find(name, at + 1)
    return None
