"""Names and country references on real news (table-driven): a bare surname the tagger took for a
common noun ("Trump hosted ..."), dotted abbreviations without their final dot ("C.A.R"),
"the <region adjective> nation" as the story's country, "some activists" as local,
surnames with particles ("van den Broek")."""
from __future__ import annotations

import datetime as dt

import pytest

from test_actors import coded, fixture_settings, FakeResources  # noqa: E402  (same tests folder)
from wirecoder.stages.actors import ActorsStage

EXTRA_PEOPLE = ("Donald Trump\tDonald J. Trump\tUSA\tGOV\tPresident\t2017-01-20\t2021-01-20\t\n"
                "Tom Price\t\tUSA\tGOV\tSecretary of Health and Human Services\t2017-02-10\t2017-09-29\t\n")


@pytest.fixture(scope="module")
def stage(tmp_path_factory):
    settings = fixture_settings(tmp_path_factory.mktemp("kb"))
    people = settings.data_dir / "knowledge" / "people.tsv"
    people.write_text(people.read_text(encoding="utf-8") + EXTRA_PEOPLE, encoding="utf-8")
    return ActorsStage(FakeResources(settings))


IN_OFFICE = dt.date(2019, 11, 25)

# text, published -> {mention text: code}; every listed mention must be there with that code
CASES = [
    # a bare surname of the one office holder of that name on the article's date, even when the
    # tagger reads it as a common noun at the start of a sentence
    ("Trump hosted Erdogan at the White House.", IN_OFFICE, {"Trump": "USAGOV", "Erdogan": "TURGOV"}),
    ("Trump blocked the Turkish sale.", IN_OFFICE, {"Trump": "USAGOV"}),
    ("Earlier this month, Trump hosted Erdogan.", IN_OFFICE, {"Trump": "USAGOV"}),
    # dotted abbreviations of countries, with or without the final dot
    ("The C.A.R is pleading with civilians to return.", IN_OFFICE, {"C.A.R": "CAF"}),
    ("The C.A.R. military says bodies were found.", IN_OFFICE, {"C.A.R. military": "CAFMIL"}),
    ("The C.A.R military says bodies were found.", IN_OFFICE, {"C.A.R military": "CAFMIL"}),
    ("The U.S is worried about the talks.", IN_OFFICE, {"U.S": "USA"}),
    # "the <region adjective> nation": the story's country just named, not the region
    ("Rebels attacked villages in Chad. Officials say fighting resumed in the central African nation.",
     IN_OFFICE, {"Chad": "TCD", "African nation": "TCD"}),
    ("Kenya deployed troops on Monday. The East African country said it would stay.",
     IN_OFFICE, {"East African country": "KEN"}),
    # without "the" it is the region's nations
    ("Kenya deployed troops. European nations agreed to help.", IN_OFFICE, {"European nations": "EUR"}),
    # local activists take the story's country even after "some"; "some analysts" may be foreign
    ("Gunmen kidnapped girls in Nigeria. Some human rights activists called for accountability.",
     IN_OFFICE, {"human rights activists": "NGANGO"}),
    ("Gunmen kidnapped girls in Nigeria. Some analysts called for accountability.",
     IN_OFFICE, {"analysts": None}),
    # surnames with particles stay whole
    ("Dutch Foreign Minister Hans Van den Broek met the envoy.", IN_OFFICE,
     {"Dutch Foreign Minister Hans Van den Broek": "NLDGOV"}),
    ("Brazilian President Luiz Inacio Lula da Silva spoke on Monday.", IN_OFFICE,
     {"Brazilian President Luiz Inacio Lula da Silva": "BRAGOV"}),
]


@pytest.mark.parametrize("text,published,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_rule(nlp, stage, text, published, expected):
    got = coded(nlp, stage, text, published)
    for mention, code in expected.items():
        assert mention in got, f"no mention {mention!r} in {got}"
        assert got[mention] == code, f"{mention!r}: {got[mention]} (all: {got})"


# text, published -> mention texts that must not be there
NOT_ACTORS = [
    # a sentence-initial common noun that is no entity is not a surname
    ("Price rises hit Kenya on Monday.", dt.date(2017, 5, 1), ["Price"]),
    # out of office, a bare surname is no one's
    ("Trump hosted Erdogan at the White House.", dt.date(2022, 6, 1), ["Trump"]),
    # English words are not particles: "Erdogan at Ankara" is not one name
    ("Turkish President Recep Tayyip Erdogan spoke at Ankara University.", IN_OFFICE,
     ["Turkish President Recep Tayyip Erdogan spoke at Ankara"]),
]


@pytest.mark.parametrize("text,published,absent", NOT_ACTORS, ids=[c[0][:40] for c in NOT_ACTORS])
def test_not_a_mention(nlp, stage, text, published, absent):
    got = coded(nlp, stage, text, published)
    for mention in absent:
        assert mention not in got, got
