"""The pattern loader: data files -> frozen Pattern records."""
from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder.errors import KnowledgeError
from wirecoder.ontology import Ontology
from wirecoder.patterns import load_patterns, parse_pattern
from wirecoder.settings import DATA_DIR


@pytest.fixture(scope="module")
def book():
    return load_patterns(DATA_DIR / "patterns", Ontology.load(DATA_DIR / "cameo.tsv"))


@pytest.mark.parametrize("text,heads,words,preps", [
    ("congratulate", {"congratulate"}, [], []),
    ("cast|throw doubt on|over", {"cast", "throw"}, [{"doubt"}], [{"on", "over"}]),
    ("impose sanction|embargo on", {"impose"}, [{"sanction", "embargo"}], [{"on"}]),
    ("refuse meet|talk", {"refuse"}, [{"meet", "talk"}], []),
    ("call on|upon", {"call"}, [], [{"on", "upon"}]),
])
def test_parse_pattern(text, heads, words, preps):
    p = parse_pattern(text, kind="verb", code="111")
    assert (set(p.heads), [set(w) for w in p.words], [set(x) for x in p.preps]) == (heads, words, preps)


def test_specific_patterns_come_first(book):
    impose = book.index("verb")["impose"]
    assert impose[0].specificity >= impose[-1].specificity


def test_every_root_has_patterns(book):
    roots = {p.code[:2] for _, ps in book.verbs + book.nouns for p in ps}
    assert roots == {f"{r:02d}" for r in range(1, 21)}


def test_book_is_broad(book):
    assert len(book) > 500


def test_mixed_preposition_group_is_an_error():
    with pytest.raises(KnowledgeError, match="mixes prepositions"):
        parse_pattern("hand over|swap", kind="verb", code="084")


def test_unknown_code_is_an_error(tmp_path: Path):
    (tmp_path / "cues.yaml").write_text((DATA_DIR / "patterns" / "cues.yaml").read_text())
    (tmp_path / "bad.yaml").write_text('- code: "999"\n  verbs: [frobnicate]\n')
    with pytest.raises(KnowledgeError, match="unknown CAMEO code"):
        load_patterns(tmp_path, Ontology.load(DATA_DIR / "cameo.tsv"))


@pytest.mark.parametrize("method,code,expected", [
    ("intent_code", "044", "036"),
    ("intent_code", "0841", "0353"),
    ("intent_code", "061", "0311"),
    ("threat_code", "163", "1312"),
    ("threat_code", "195", "1384"),
    ("threat_code", "183", "138"),
    ("reject_code", "046", "125"),
    ("reject_code", "061", "121"),
])
def test_mood_codes(book, method, code, expected):
    assert getattr(book.cues, method)(code) == expected
