"""Real output validates against the wirecoder/1 JSON Schema, and every span is exact."""
from __future__ import annotations

import copy

import pytest

from wirecoder.contract import validate
from wirecoder.errors import WirecoderError


def test_seed_output_follows_the_contract(seed_coded):
    data = seed_coded.to_dict()
    validate(data)
    assert data["schema"] == "wirecoder/1"
    text = data["article"]["text"]
    for actor in data["actors"]:
        for s, e in actor["mentions"]:
            assert text[s:e].strip() == text[s:e] and text[s:e]


def test_plain_text_output_follows_the_contract(coder):
    validate(coder.code("The United Nations urged both sides to stop fighting.").to_dict())


@pytest.mark.parametrize("breakage", [
    lambda d: d.__setitem__("schema", "wirecoder/2"),
    lambda d: d["article"].__setitem__("id", "nothex"),
    lambda d: d["sentences"].append([0, 10 ** 9]),
    lambda d: d["article"].pop("byline"),
])
def test_broken_output_is_refused(seed_coded, breakage):
    data = copy.deepcopy(seed_coded.to_dict())
    breakage(data)
    with pytest.raises(WirecoderError):
        validate(data)


def test_round_trip(seed_coded):
    from wirecoder.records import CodedArticle
    again = CodedArticle.from_dict(seed_coded.to_dict())
    assert again.to_dict() == seed_coded.to_dict()
