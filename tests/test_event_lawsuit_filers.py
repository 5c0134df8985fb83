"""A lawsuit that speaks ("the suit alleges that X ...") with no owner named is its filers' act
(``document_authors.earlier_author``): the subject of "filed lawsuits" before it, or for "the suits"
the set named with its filers after it ("the groups bringing the lawsuits"). Invented sentences,
other names than any story."""
from __future__ import annotations

import datetime

import pytest

from wirecoder.records import Article


def _events(coder, text):
    coded = coder.code(Article(text=text, source="t", published=datetime.date(2025, 3, 12)))
    return {(e.cameo, e.source_code, e.target_code) for e in coded.events}


@pytest.mark.parametrize("name,text,cameo,source,target", [
    ("filed-before", "Farmers' unions in Kenya filed a complaint against the Agriculture Ministry on Monday. "
     "The complaint alleges that the ministry seized land illegally.", "112", "KENLAB", "KENGOV"),
    ("participle", "Teachers' unions in Peru filed two lawsuits against the Education Ministry. One suit, filed "
     "in May, seeks to halt the reform, alleging that the ministry ignored the courts.", "112", "PERLAB", "PERGOV"),
    ("brought-after", "The suits allege that the Chilean government violated the constitution. Officials "
     "criticized the unions bringing the lawsuits.", "112", "CHLLAB", "CHLGOV"),
])
def test_lawsuit_speaks_for_filers(coder, name, text, cameo, source, target):
    found = _events(coder, text)
    assert any(c.startswith(cameo) and s == source and t == target for c, s, t in found), found


@pytest.mark.parametrize("name,text", [
    # no filer named anywhere: no source
    ("no-filer", "The lawsuit alleges that the Chilean government violated the constitution."),
    # a suit with its own owner is coded by the owner, never by another filing
    ("owned-suit", "Miners' unions filed a lawsuit in Lima. Peru's lawsuit alleges that Chile broke the treaty."),
])
def test_no_filer_source(coder, name, text):
    found = _events(coder, text)
    assert not any(c.startswith("112") and (s or "").endswith("LAB") for c, s, _ in found), found
