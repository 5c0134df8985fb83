"""Actors that would block events. A demonym with no plural -s used as a plural noun
("thousands of Lebanese", "the Vietnamese") names a people, so a later "they" refers back to it."""
from __future__ import annotations

import pytest

from test_actors import FakeResources, fixture_settings  # noqa: E402  (same tests folder)
from test_coref import actor_of  # noqa: E402

from wirecoder.stages.actors import ActorsStage


@pytest.fixture(scope="module")
def stage(tmp_path_factory):
    return ActorsStage(FakeResources(fixture_settings(tmp_path_factory.mktemp("kb"))))


THEY_CASES = [
    # demonyms without a plural -s, in a quantity subject, then "they" as the next subject
    ("Tens of thousands of Lebanese rallied in Beirut on Friday. They demanded lower fuel prices.",
     "They", "Lebanon"),
    ("Hundreds of Vietnamese gathered outside the embassy. They called for the envoy's recall.",
     "They", "Vietnam"),
    ("Dozens of Japanese marched through the port town. They said the plant polluted the bay.",
     "They", "Japan"),
    # with -s, as before
    ("Hundreds of Kenyans marched in Mombasa on Monday. They demanded lower taxes.", "They", "Kenya"),
    # a plural group is still an antecedent as before
    ("Rebels seized the port on Sunday. They said the navy had fled.", "They", "Rebels"),
]


@pytest.mark.parametrize("text,mention,expected", THEY_CASES, ids=[c[0][:40] for c in THEY_CASES])
def test_they_refers_to_a_people_named_by_a_plural_demonym(nlp, stage, text, mention, expected):
    assert actor_of(nlp, stage, text, mention) == expected


NOT_THEY_CASES = [
    # a demonym in front of a noun is an adjective, not a people: "they" are the farmers
    ("The Vietnamese minister met farmers in the delta. They asked for more water.", "They", "Vietnam"),
    ("The Lebanese government raised taxes. They said the budget was short.", "They", "Lebanon"),
]


@pytest.mark.parametrize("text,mention,country", NOT_THEY_CASES, ids=[c[0][:40] for c in NOT_THEY_CASES])
def test_they_does_not_take_an_adjectival_demonym(nlp, stage, text, mention, country):
    assert actor_of(nlp, stage, text, mention) != country


def sector_of(nlp, stage, text: str, mention: str) -> str | None:
    """The country+sector code of the actor the first mention with this text belongs to."""
    import datetime as dt

    from wirecoder.records import Article

    doc = nlp(text)
    doc._.article = Article(text=text, published=dt.date(2024, 7, 29))
    doc = stage(doc)
    actors = {a.id: a for a in doc._.actors}
    found = [m for m in doc._.mentions if m.text == mention]
    if not found:
        return None
    a = actors[found[0].actor]
    return (a.country or "") + (a.sector or "")


KIN_CASES = [
    # relatives and parents of victims or pupils are civilians of the story's country
    ("Police in Zambia detained a headmaster on Monday. The relatives refused to pay the bail.",
     "relatives", "ZMBCVL"),
    ("Parents protested outside the education ministry in Lima on Tuesday.", "Parents", "PERCVL"),
    ("Relatives of the missing sailors accused the Chilean navy of negligence.", "Relatives", "CHLCVL"),
]


@pytest.mark.parametrize("text,mention,expected", KIN_CASES, ids=[c[0][:40] for c in KIN_CASES])
def test_relatives_and_parents_are_civilians(nlp, stage, text, mention, expected):
    assert sector_of(nlp, stage, text, mention) == expected


NOT_KIN_CASES = [
    # "parent" in front of a company is the company's word, not a civilian
    ("The parent company of the Zambian airline denied the report.", "parent company"),
]


@pytest.mark.parametrize("text,mention", NOT_KIN_CASES, ids=[c[0][:40] for c in NOT_KIN_CASES])
def test_parent_company_is_not_civilians(nlp, stage, text, mention):
    import datetime as dt

    from wirecoder.records import Article

    doc = nlp(text)
    doc._.article = Article(text=text, published=dt.date(2024, 7, 29))
    doc = stage(doc)
    actors = {a.id: a for a in doc._.actors}
    assert all(actors[m.actor].sector != "CVL" for m in doc._.mentions)


FORMER_CASES = [
    # a former office holder titled in front of an unknown name is of the story's country
    ("Former Liberal prime minister Oskar Veldhuis demanded early elections after a court in the "
     "Netherlands cleared him.", "Former Liberal prime minister Oskar Veldhuis", "NLDELI"),
    ("Ex-president Marta Quispe called for calm after a Bolivian court acquitted her.",
     "Ex-president Marta Quispe", "BOLELI"),
]


@pytest.mark.parametrize("text,mention,expected", FORMER_CASES, ids=[c[0][:40] for c in FORMER_CASES])
def test_former_office_holder_takes_the_story_country(nlp, stage, text, mention, expected):
    assert sector_of(nlp, stage, text, mention) == expected


def test_former_official_in_an_apposition_stays_an_outsider(nlp, stage):
    """"a former official who had negotiated with X" is no citizen of X: no story country."""
    text = ("Lena Marsh, a former Foreign Office official who had negotiated with Venezuela for years, "
            "said the talks would fail.")
    assert sector_of(nlp, stage, text, "Lena Marsh") not in ("VENELI", "VENGOV")
