"""Session 4 quote classes, end to end on invented sentences (other names and words than any
story): each row is a text, words inside the quote, its kind and the speaker (by the scorer's
rule, ``wirecoder.gold.same_speaker``)."""
from __future__ import annotations

import pytest

from wirecoder.gold import same_speaker


def quote_with(coded, words):
    found = [q for q in coded.quotes if q.kind != "term" and words in q.text]
    return found[0] if found else None


# "The assessment said ...": a document named again with "the" speaks for the issuer of its
# earlier mention ("An assessment from X showed ...")
DOCUMENT_ANAPHORS = [
    ("A first assessment from Kenya's National Disaster Operations Centre released Monday showed that "
     "the floods had affected 9,000 people. The assessment said the floods destroyed more than 400 homes.",
     "the floods destroyed more than 400 homes", "indirect", "National Disaster Operations Centre"),
    ("A report by the Danish Refugee Council found that camps were overcrowded. Aid workers said food "
     "was short. The report said water supplies would run out by June.",
     "water supplies would run out by June", "indirect", "Danish Refugee Council"),
    ("The Baltic Shipping Board's review of the accident, published Friday, faulted the crew. "
     "The review said the captain had ignored two warnings.",
     "the captain had ignored two warnings", "indirect", "Baltic Shipping Board"),
]


@pytest.mark.parametrize("text, words, kind, speaker", DOCUMENT_ANAPHORS)
def test_quote_class_session4(coder, text, words, kind, speaker):
    coded = coder.code(text)
    quote = quote_with(coded, words)
    assert quote is not None, [(q.kind, q.text, q.speaker_name) for q in coded.quotes]
    assert quote.kind == kind
    assert same_speaker(quote.speaker_name, speaker), quote.speaker_name


# a document with no issuer anywhere before stays the document (it is not given a speaker)
@pytest.mark.parametrize("text, words, speaker", [
    ("The report said water supplies would run out by June.", "water supplies would run out", "report"),
    ("Officials met donors on Monday. The statement said aid would resume next week.",
     "aid would resume next week", "statement"),
])
def test_document_without_issuer(coder, text, words, speaker):
    quote = quote_with(coder.code(text), words)
    assert quote is not None
    assert same_speaker(quote.speaker_name, speaker), quote.speaker_name
