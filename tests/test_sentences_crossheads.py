"""Sentence boundaries: a crosshead that lost its line break ends before the sentence it is
glued to, and the source of that sentence's event is found again; title-case names and
ordinary sentences are not cut."""
from __future__ import annotations

import datetime

import pytest

from wirecoder.records import Article

GLUED = [
    # (text, the first words of the sentence that must start after the crosshead)
    ("Floods spread. Early warnings The regional water authority said levels were rising.",
     "The regional water authority"),
    ("Markets fell. Trade talks Since the start of the month, Ottawa has raised tariffs twice.",
     "Since the start"),
    ("Rain fell. Response from Governor Alvarez Late on Sunday the governor asked for help.",
     "Late on Sunday"),
    ("It ended. Regional concern A Ghanaian Foreign Ministry spokesman condemned the coup.",
     "A Ghanaian Foreign Ministry"),
]

NOT_CUT = [
    "The charity Doctors Without Borders says the clinic closed.",
    "He told Reuters In an interview that the plan was fine.",
    "The Bank Of Canada raised its rate on Tuesday.",
    "Officials in the Chilean capital Santiago said The Times had reported it.",
    "China warns Japan over the islands.",  # a headline with a verb is a sentence
]


@pytest.mark.parametrize("text,opening", GLUED)
def test_crosshead_ends_before_the_sentence(nlp, text, opening):
    starts = [s.text for s in nlp(text).sents]
    assert any(s.startswith(opening) for s in starts), starts


@pytest.mark.parametrize("text", NOT_CUT)
def test_no_cut_inside_names_or_sentences(nlp, text):
    assert len(list(nlp(text).sents)) == 1


@pytest.mark.parametrize("text,code,source,target", [
    ("Order was restored. Foreign reaction A Canadian Foreign Ministry spokesperson expressed regret "
     "over the deaths and urged the Bolivian government to restore order.", "020", "CANGOV", "BOLGOV"),
    ("The port reopened. Diplomatic fallout A Peruvian Foreign Ministry official condemned the Chilean "
     "navy and demanded compensation from Chile.", "111", "PERGOV", "CHLMIL"),
    ("Prices rose. Reaction from Governor Okafor Shortly before the vote, the governor accused the "
     "Nigerian army of abuses.", "1121", "NGAGOV", "NGAMIL"),
])
def test_glued_crosshead_keeps_the_source(coder, text, code, source, target):
    coded = coder.code(Article(text=text, source="t", published=datetime.date(2025, 3, 12)))
    found = {(e.cameo, e.source_code, e.target_code) for e in coded.events}
    assert (code, source, target) in found, found
