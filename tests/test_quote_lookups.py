"""The quotes stage's lookups over the Doc's arrays answer exactly what the per-token
questions they replace answered (word ids, children of a relation, acronyms, surnames)."""
from __future__ import annotations

import re
from difflib import SequenceMatcher

import pytest

from wirecoder.stages.quote_cues import children_with, positions_of, word_ids
from wirecoder.stages.quote_names import acronym_after, same_word

SENTENCES = [
    "According to the ministry, ACCORDING to critics and according to Ms. Dlamini, the dam leaked.",
    "We said our piece; I told them that my office, not ours, would decide, Mr. Varga said.",
    "The Kenya Red Cross, which critics say was slow, pointed out that aid arrived on Friday.",
]


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("words", [("according",), ("i", "my", "we", "our", "ours"), ("said", "that")])
def test_positions_of_matches_lower_case_words(nlp, text, words):
    doc = nlp(text)
    assert positions_of(doc, word_ids(words)) == [t.i for t in doc if t.lower_ in words]


def test_positions_of_empty_doc_and_no_words(nlp):
    assert positions_of(nlp(""), word_ids(("we",))) == []
    assert positions_of(nlp("We said so."), ()) == []


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("labels", [("nsubj", "nsubjpass"), ("prt",), ("ccomp",), ("dobj", "appos"), ("punct",)])
def test_children_with_equals_the_children_of_those_relations(nlp, text, labels):
    doc = nlp(text)
    for token in doc:
        assert children_with(token, labels) == [c for c in token.children if c.dep_ in labels]


@pytest.mark.parametrize("text, name", [
    ("The Nigeria Centre for Disease Control (NCDC) said ...", "Nigeria Centre for Disease Control"),
    ("the Nigeria Centre for Disease Control, or NCDC, said", "Nigeria Centre for Disease Control"),
    ("The World Food Programme said. Later the World Food Programme (WFP) added", "World Food Programme"),
    ("The U.S. Agency for Aid (USAAID) said", "U.S. Agency for Aid"),
    ("The World Food Programme said nothing more.", "World Food Programme"),
    ("The World Food Programme, which runs (and funds) camps, WFP said", "World Food Programme"),
    ("Ana Reyes Ana Reyes (AR) spoke", "Ana Reyes"),
])
def test_acronym_after_agrees_with_one_regex_search(text, name):
    found = re.search(re.escape(name) + r"[^().\n]{0,40}?(?:\(|, or )([A-Z]{2,8})\b", text)
    assert acronym_after(text, name) == (found.group(1) if found else None)


@pytest.mark.parametrize("a, b", [
    ("pedersen", "pederson"), ("okafor", "okafor"), ("okafor", "okafar"), ("dlamini", "dlamani"),
    ("mahlangu", "mahlanga"), ("varga", "vargas"), ("novak", "nowak"), ("abdullahi", "abdulla"),
    ("smith", "smythe"), ("thompson", "thomson"), ("kovalenko", "kowalenko"), ("li", "le"),
])
def test_same_word_agrees_with_the_full_ratio(a, b):
    expected = a == b or (min(len(a), len(b)) >= 5 and a[0] == b[0] and SequenceMatcher(None, a, b).ratio() >= 0.85)
    assert same_word(a, b) == expected


@pytest.mark.parametrize("text, verb, direct, indirect", [
    ("Officials pointed out that the road was closed.", "pointed", True, True),
    ("The engineer pointed at the broken bridge.", "pointed", False, False),
    ("The mayor said that the road was closed.", "said", True, True),
    ("The mayor laughed loudly.", "laughed", False, False),
])
def test_cue_verbs_with_and_without_their_particle(coder, text, verb, direct, indirect):
    from wirecoder.stages.quote_cues import is_cue_verb
    from wirecoder.stages.quote_lexicon import QuoteLexicon
    lex = QuoteLexicon.load(coder.settings.data_dir)
    assert "point" in lex.phrasal_lemmas and "say" not in lex.phrasal_lemmas
    token = next(t for t in coder.nlp(text) if t.text == verb)
    assert is_cue_verb(lex, token) is direct
    assert is_cue_verb(lex, token, indirect=True) is indirect
