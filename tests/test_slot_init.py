"""records.slot_init: a frozen, slotted dataclass keeps every behaviour of dataclasses' own
__init__ (parameters, defaults, __post_init__, immutability, equality, pickling)."""
from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle

import pytest

from wirecoder.errors import InputError
from wirecoder.records import (Actor, Article, CodedArticle, Credits, Dateline, Event, Location, Mention, Quote,
                               Skip, slot_init)

SAMPLES = [
    Mention((3, 9), "A2", "Okafor", "name"),
    Actor("A2", "Ngozi Okafor", "NGAGOV", "NGA", "GOV", "minister", "person", ((3, 9), (40, 43)), "kb"),
    Quote("Q1", "direct", (12, 30), "we will rebuild", "A2", "Ngozi Okafor", (31, 35)),
    Location("Lagos", "NGA", 6.45, 3.39, "text"),
    Dateline("LAGOS", "AP", (0, 5)),
    Credits(("Tunde Ade",), (), (80, 95)),
    Skip("feed.jsonl:4", "the article is empty"),
]


@pytest.mark.parametrize("record", SAMPLES, ids=lambda r: type(r).__name__)
def test_record_round_trips_and_stays_frozen(record):
    names = [f.name for f in dataclasses.fields(record)]
    again = type(record)(**{n: getattr(record, n) for n in names})
    assert again == record and hash(again) == hash(record)
    assert list(inspect.signature(type(record)).parameters) == names
    assert pickle.loads(pickle.dumps(record)) == record
    assert copy.deepcopy(record) == record
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, names[0], None)


@pytest.mark.parametrize("cls", [Article, CodedArticle, Event, Actor, Mention, Quote, Location, Skip],
                         ids=lambda c: c.__name__)
def test_record_classes_fill_slots_directly(cls):
    names = cls.__init__.__code__.co_names
    assert "_set0" in names and "__setattr__" not in names  # each slot set by its descriptor


def test_defaults_and_post_init_still_apply():
    article = Article("Minister Okafor visited Accra on Monday.", source="a\udcffb.txt")
    assert article.id and len(article.id) == 64  # __post_init__ filled the id
    assert article.source == "a\\udcffb.txt"   # and made the source printable
    assert article.byline == () and article.headline is None
    with pytest.raises(InputError):
        Article("bad \ud800 text")
    assert dataclasses.replace(article, headline="Visit").headline == "Visit"


def test_slot_init_refuses_what_it_cannot_do():
    @dataclasses.dataclass(frozen=True, slots=True)
    class WithFactory:
        items: list = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        value: int

    for cls in (WithFactory, NoSlots):
        with pytest.raises(TypeError):
            slot_init(cls)


def test_slot_init_keeps_positional_and_keyword_calls():
    @slot_init
    @dataclasses.dataclass(frozen=True, slots=True)
    class Pair:
        left: int
        right: int = 7

    assert Pair(1) == Pair(left=1, right=7) == Pair(1, 7)
    assert Pair(1, right=2).right == 2
    with pytest.raises(TypeError):
        Pair()
    with pytest.raises(TypeError):
        Pair(1, 2, 3)
