"""The actors stage: mentions and coded actors from text (table-driven).

The knowledge base here is the built-in tables plus small fixture people/groups files,
so these tests do not depend on the growing people.tsv / groups.tsv.
"""
from __future__ import annotations

import datetime as dt
import shutil

import pytest

from wirecoder.knowledge import load_knowledge
from wirecoder.records import Article
from wirecoder.settings import DATA_DIR, Settings
from wirecoder.stages.actors import ActorsStage

PEOPLE = """name	aliases	country	sector	role	start	end	note
Vladimir Putin		RUS	GOV	President	2012-05-07		
Nicolas Maduro	Nicolás Maduro	VEN	GOV	President	2013-04-19		
Antony Blinken	Tony Blinken	USA	GOV	Secretary of State	2021-01-26	2025-01-20	
Recep Tayyip Erdogan	Recep Tayyip Erdoğan	TUR	GOV	President	2014-08-28		
Olaf Scholz		DEU	GOV	Chancellor	2021-12-08	2025-05-06	
Emmanuel Macron		FRA	GOV	President	2017-05-14		
"""
GROUPS = """name	aliases	code	kind	start	end	note
Hamas		PSEREB	armed_group			
al-Shabab	al-Shabaab|Al-Shabab	SOMREB	armed_group			
State Department	U.S. State Department	USAGOV	agency			
Human Rights Watch	HRW	NGO	ngo			
Indian National Congress	Congress Party	INDOPP	party			
"""


class FakeResources:
    def __init__(self, settings):
        self.settings = settings
        self.knowledge = load_knowledge(settings)


def fixture_settings(tmp_path, **changes) -> Settings:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("people.tsv", "groups.tsv"))
    (data / "knowledge" / "people.tsv").write_text(PEOPLE, encoding="utf-8")
    (data / "knowledge" / "groups.tsv").write_text(GROUPS, encoding="utf-8")
    return Settings(data_dir=data, **changes)


@pytest.fixture(scope="module")
def stage(tmp_path_factory):
    return ActorsStage(FakeResources(fixture_settings(tmp_path_factory.mktemp("kb"))))


def run(nlp, stage, text, published=dt.date(2024, 7, 29), **article):
    doc = nlp(text)
    doc._.article = Article(text=text, published=published, **article)
    return stage(doc)


def coded(nlp, stage, text, published=dt.date(2024, 7, 29)) -> dict[str, str | None]:
    """{mention text: actor code} for every mention."""
    doc = run(nlp, stage, text, published)
    actors = {a.id: a for a in doc._.actors}
    return {m.text: actors[m.actor].code for m in doc._.mentions}


CASES = [
    # titles, countries, metonyms, demonym-led groups
    ("Russian President Vladimir Putin congratulated Nicolas Maduro.",
     {"Russian President Vladimir Putin": "RUSGOV", "Nicolas Maduro": "VENGOV"}),
    ("Kremlin spokesman Dmitry Peskov said Moscow would respond.",
     {"Kremlin spokesman Dmitry Peskov": "RUSGOV", "Moscow": "RUSGOV"}),
    ("A Pentagon spokesman said U.S. troops would stay.", {"Pentagon spokesman": "USAMIL", "U.S. troops": "USAMIL"}),
    ("The White House said the United States would act.", {"White House": "USAGOV", "United States": "USA"}),
    ("Iraqi officials met Turkish media in Ankara.", {"Iraqi officials": "IRQGOV", "Turkish media": "TURMED",
                                                       "Ankara": "TURGOV"}),
    ("Senior Hungarian and Romanian officials agreed on Wednesday.", {"Senior Hungarian": "HUNGOV",
                                                                      "Romanian officials": "ROUGOV"}),
    ("The U.N. and NATO criticised the European Union.", {"U.N.": "IGO", "NATO": "IGO", "European Union": "IGO"}),
    ("Western governments and the Middle East were divided.", {"Western governments": "WST", "Middle East": "MEA"}),
    ("Russian troops shelled the town, Ukrainian police said.", {"Russian troops": "RUSMIL",
                                                                  "Ukrainian police": "UKRPOL"}),
    ("Canada imposed tariffs on Chinese steel.", {"Canada": "CAN", "Chinese": "CHN"}),
    ("Gunmen from al-Shabab attacked a base.", {"al-Shabab": "SOMREB"}),
    ("Human Rights Watch accused Hamas of war crimes.", {"Human Rights Watch": "NGO", "Hamas": "PSEREB"}),
    ("Turkish Defense Minister Hulusi Akar said Ankara would not back down.",
     {"Turkish Defense Minister Hulusi Akar": "TURGOV"}),
    ("Antony Blinken, the U.S. secretary of state, arrived in Paris.", {"Antony Blinken": "USAGOV"}),
    ("Protesters clashed with police in Caracas, Venezuelan opposition leaders said.",
     {"Venezuelan opposition leaders": "VENOPP", "Caracas": "VENGOV"}),
    ("The U.N. special envoy for Syria Geir Pedersen appealed for calm.",
     {"U.N. special envoy for Syria Geir Pedersen": "IGO"}),
    ("Élysée officials said France disagreed.", {"Élysée officials": "FRAGOV", "France": "FRA"}),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_codes_from_text(nlp, stage, text, expected):
    got = coded(nlp, stage, text)
    for mention, code in expected.items():
        assert got.get(mention, "no mention") == code, (mention, got)


def test_mentions_are_exact_spans_sorted(nlp, stage, seed_text):
    doc = run(nlp, stage, seed_text)
    spans = [m.span for m in doc._.mentions]
    assert spans == sorted(spans)
    for m in doc._.mentions:
        assert seed_text[m.span[0]:m.span[1]] == m.text
    ids = [a.id for a in doc._.actors]
    assert ids == [f"A{n}" for n in range(1, len(ids) + 1)]
    firsts = [min(a.mentions) for a in doc._.actors]
    assert firsts == sorted(firsts)


SEED_GOLD = [("Vladimir Putin", "RUSGOV"), ("Nicolas Maduro", "VENGOV"), ("Kremlin", "RUSGOV"),
             ("Caracas", "VENGOV"), ("Edmundo Gonzalez", "VENOPP"), ("Washington", "USAGOV"),
             ("national electoral authority", "VENGOV"), ("Antony Blinken", "USAGOV"),
             ("Dmitry Peskov", "RUSGOV"), ("Moscow", "RUSGOV")]


@pytest.mark.parametrize("name,code", SEED_GOLD)
def test_seed_actors(nlp, stage, seed_text, name, code):
    from wirecoder.read.metadata import extract_metadata
    article = extract_metadata(Article(text=seed_text, published=dt.date(2024, 7, 29)))
    doc = nlp(seed_text)
    doc._.article = article
    actors = {a.name: a.code for a in stage(doc)._.actors}
    assert actors.get(name) == code


def test_no_actor_from_byline(nlp, stage, seed_text):
    from wirecoder.read.metadata import extract_metadata
    article = extract_metadata(Article(text=seed_text, published=dt.date(2024, 7, 29)))
    doc = nlp(seed_text)
    doc._.article = article
    names = {a.name for a in stage(doc)._.actors}
    assert "Guy Faulconbridge" not in names and "Andrew Osborn" not in names


DATED = [
    (dt.date(2024, 3, 1), "USAGOV", "knowledge"),
    (dt.date(2026, 3, 1), "USA", "knowledge"),   # out of office: the country only
    (None, "USAGOV", "knowledge"),               # undated: any term
]


@pytest.mark.parametrize("published,code,how", DATED)
def test_office_by_date(nlp, stage, published, code, how):
    doc = run(nlp, stage, "Antony Blinken met reporters in Cairo.", published)
    blinken = next(a for a in doc._.actors if a.name == "Antony Blinken")
    assert (blinken.code, blinken.resolved_by) == (code, how)


def test_title_beats_knowledge(nlp, stage):
    doc = run(nlp, stage, "Former U.S. Secretary of State Antony Blinken spoke.", dt.date(2026, 3, 1))
    assert next(a for a in doc._.actors if a.name == "Antony Blinken").code == "USAELI"


def test_story_country_fills_institutions(nlp, stage):
    text = ("Venezuela held a presidential election on Sunday. The national electoral authority said "
            "Maduro won, but the opposition rejected the result.")
    got = coded(nlp, stage, text)
    assert got["national electoral authority"] == "VENGOV"
    assert got["opposition"] == "VENOPP"


def test_dateline_gives_story_country(nlp, stage):
    text = "QUETTA, Pakistan (Reuters) - Police said gunmen attacked a bus."
    from wirecoder.records import Dateline
    doc = run(nlp, stage, text, dateline=Dateline("QUETTA", "Reuters", (0, 28)), metadata_spans=((0, 28),))
    got = {m.text: next(a.code for a in doc._.actors if a.id == m.actor) for m in doc._.mentions}
    assert got["Police"] == "PAKPOL" and got["gunmen"] == "PAKREB"
