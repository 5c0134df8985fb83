"""Unknown names of international bodies (``igo_name`` rows of roles.tsv): "International ...
Agency/Organization/Commission/Authority" is an IGO even when igos.tsv does not list it; other
"International ..." names (projects, groups, committees) stay what their own words say.
Invented or little-known names."""
from __future__ import annotations

import datetime

import pytest

from wirecoder.records import Article


def _mentions(coder, text):
    coded = coder.code(Article(text=text, source="t", published=datetime.date(2025, 3, 12)))
    return {text[s:e]: a.code for a in coded.actors for s, e in a.mentions}


@pytest.mark.parametrize("text,mention,code", [
    ("A report by the International Lithium Trade Agency urged governments to act.",
     "International Lithium Trade Agency", "IGO"),
    ("Wind could meet demand, according to the Geneva-based International Tidal Energy Agency.",
     "International Tidal Energy Agency", "IGO"),
    ("The International Maritime Organization criticized the plan.", "International Maritime Organization", "IGO"),
    ("The International Seabed Authority warned the miners.", "International Seabed Authority", "IGO"),
    ("The International Boundary Commission rejected the claim.", "International Boundary Commission", "IGO"),
])
def test_international_body_is_igo(coder, text, mention, code):
    assert _mentions(coder, text).get(mention) == code


@pytest.mark.parametrize("text,mention", [
    # not a body of states: a project, and a national agency
    ("The International Migrant Legal Project sued the government.", "International Migrant Legal Project"),
    ("The Japan Space Exploration Agency launched a probe.", "The Japan Space Exploration Agency"),
])
def test_other_names_are_no_igo(coder, text, mention):
    assert _mentions(coder, text).get(mention) != "IGO"
