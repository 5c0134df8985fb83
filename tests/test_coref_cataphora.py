"""A subject pronoun in a clause fronted before the main clause refers ahead to the main
subject; a plural object pronoun after a plural noun of its own sentence is that noun, not an
actor of an earlier sentence; what a denial verb's clause says did not happen as a fact."""
from __future__ import annotations

import datetime

import pytest

from wirecoder.records import Article


def _code(coder, text):
    return coder.code(Article(text=text, source="t", published=datetime.date(2025, 3, 12)))


@pytest.mark.parametrize("text,pronoun,code", [
    ("Ecuador said nothing. After weeks of denying it was planning to deport the migrants, Peru "
     "sent 40 of them to Colombia.", "it", "PER"),
    ("Before she left office, the Chilean president criticized Argentina.", "she", "CHLGOV"),
    ("Kenya protested. After they met in Paris, French officials condemned Russia.", "they", "FRAGOV"),
])
def test_fronted_pronoun_is_the_main_subject(coder, text, pronoun, code):
    coded = _code(coder, text)
    first = text.index(pronoun + " ")
    got = {(s, a.code) for a in coded.actors for s, e in a.mentions}
    assert (first, code) in got, sorted(got)


def test_plural_object_pronoun_is_the_plural_just_named(coder):
    text = ("The Greek government was silent. The navy held the 30 fishermen for a week after "
            "arresting them near Crete.")
    coded = _code(coder, text)
    them = text.index("them")
    assert not any(s == them for a in coded.actors for s, e in a.mentions)


@pytest.mark.parametrize("text,denied_root", [
    ("Rwanda denied that its troops had shelled Congolese villages.", "19"),
    ("Serbia has denied it plans to expel the Kosovar diplomats.", "17"),
])
def test_what_is_denied_is_not_coded_as_done(coder, text, denied_root):
    roots = {e.root for e in _code(coder, text).events}
    assert denied_root not in roots, roots
