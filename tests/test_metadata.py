"""extract_metadata: headline, byline, dateline, credits and their spans."""
from __future__ import annotations

import json

import pytest

from conftest import shared_dir
from wirecoder.read.metadata import extract_metadata, parse_byline, parse_dateline, split_names
from wirecoder.records import Article

BODY = "The government said on Monday it would hold talks with the opposition next week.\n"


def meta(text: str, **fields) -> Article:
    return extract_metadata(Article(text=text, **fields))


@pytest.mark.parametrize("line, names", [
    ("By Guy Faulconbridge", ("Guy Faulconbridge",)),
    ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
    ("By JANE DOE, Associated Press", ("Jane Doe",)),
    ("By Jane Doe | Reuters", ("Jane Doe",)),
    ("By Jane Doe, Reuters", ("Jane Doe",)),
    ("By Jane Doe, John Roe and Jim Poe", ("Jane Doe", "John Roe", "Jim Poe")),
    ("By Jane Doe & John Roe", ("Jane Doe", "John Roe")),
    ("BY JANE DOE AND JOHN ROE", ("Jane Doe", "John Roe")),
    ("By Gabriel García Márquez", ("Gabriel García Márquez",)),
    ("By Ursula von der Leyen", ("Ursula von der Leyen",)),
    ("  By Jane Doe  ", ("Jane Doe",)),
])
def test_byline_lines(line, names):
    assert parse_byline(line) == names


@pytest.mark.parametrize("line", [
    "By 2030, the country will need twice as much power.",
    "By Monday, troops had left the town",
    "By the end of the year, prices had risen by a third",
    "By Tuesday the protests had spread to Lagos",
    "By contrast, Moscow said nothing",
    "Bylines are a thing of the past",
    "By Jane Doe said the minister on Monday.",
])
def test_body_lines_are_not_bylines(line):
    assert parse_byline(line) is None


@pytest.mark.parametrize("paragraph, place, agency, prefix", [
    ("MOSCOW (Reuters) - Russian President Vladimir Putin said", "MOSCOW", "Reuters", "MOSCOW (Reuters) -"),
    ("WASHINGTON, March 3 (AP) — The Senate voted", "WASHINGTON", "AP", "WASHINGTON, March 3 (AP) —"),
    ("KYIV, Ukraine (AP) — Russian drones struck", "KYIV, Ukraine", "AP", "KYIV, Ukraine (AP) —"),
    ("UNITED NATIONS, Jan 5 (Reuters) - The Security Council", "UNITED NATIONS", "Reuters",
     "UNITED NATIONS, Jan 5 (Reuters) -"),
    ("LONDON, Jan. 5, 2024 (Reuters) - Britain said", "LONDON", "Reuters", "LONDON, Jan. 5, 2024 (Reuters) -"),
    ("BEIJING — China said on Tuesday", "BEIJING", None, "BEIJING —"),
    ("Nairobi, Kenya — Kenyan police said", "Nairobi, Kenya", None, "Nairobi, Kenya —"),
    ("ISLAMABAD/PENTAGON — A United States military plane", "ISLAMABAD/PENTAGON", None, "ISLAMABAD/PENTAGON —"),
    ("MARANCHON, SPAIN — The air was cold", "MARANCHON, SPAIN", None, "MARANCHON, SPAIN —"),
    ("SAN JUAN, Puerto Rico (AP) — Officials said", "SAN JUAN, Puerto Rico", "AP", "SAN JUAN, Puerto Rico (AP) —"),
    ("PARIS (AFP) -- France said", "PARIS", "AFP", "PARIS (AFP) --"),
    ("BERLIN (dpa) - Germany said", "BERLIN", "dpa", "BERLIN (dpa) -"),
])
def test_datelines(paragraph, place, agency, prefix):
    text = paragraph + " something.\n"
    dateline = parse_dateline(text, 0)
    assert dateline is not None
    assert (dateline.place, dateline.agency) == (place, agency)
    assert text[dateline.span[0]:dateline.span[1]] == prefix


@pytest.mark.parametrize("paragraph", [
    "NATO said on Monday it would send more troops.",
    "The U.N. special envoy — who arrived Friday — said",
    "Still — the government said it would not back down.",
    "Russian President Vladimir Putin - who won again - said",
    "In Moscow, officials said the talks had failed.",
    "US officials — speaking on condition of anonymity — said",
    "Turkey and the United States are seemingly closer to a collision course.",
])
def test_body_paragraphs_have_no_dateline(paragraph):
    assert parse_dateline(paragraph + "\n", 0) is None


@pytest.mark.parametrize("ending, reporting, editing, contributed", [
    ("(Reporting by Guy Faulconbridge; Editing by Andrew Osborn and Alex Richardson)",
     ("Guy Faulconbridge",), ("Andrew Osborn", "Alex Richardson"), ()),
    ("(Reporting by Anna Smith in Moscow and Bob Jones in Kyiv; Additional reporting by Carl Lee; "
     "Writing by Dan Poe; Editing by Eve Stone)",
     ("Anna Smith", "Bob Jones", "Carl Lee", "Dan Poe"), ("Eve Stone",), ()),
    ("(Reporting by Jane Doe, writing by John Roe; editing by Jim Poe)", ("Jane Doe", "John Roe"), ("Jim Poe",), ()),
    ("(Reporting by Jane Doe in Paris; Editing by John Roe)", ("Jane Doe",), ("John Roe",), ()),
    ("Margaret Besheer contributed to this report from the United Nations.", (), (), ("Margaret Besheer",)),
    ("VOA’s Sahra Abdi Ahmed contributed to this report.", (), (), ("Sahra Abdi Ahmed",)),
    ("Murtaza Zehri of VOA's Urdu Service contributed to this report from Quetta.", (), (), ("Murtaza Zehri",)),
    ("Ilir Ikonomi and Milena Durdic contributed to this report.", (), (), ("Ilir Ikonomi", "Milena Durdic")),
    ("Associated Press writers Jane Doe in Paris and John Roe in Berlin contributed to this report.",
     (), (), ("Jane Doe", "John Roe")),
    ("VOA White House correspondent Anita Powell contributed to this report.", (), (), ("Anita Powell",)),
])
def test_credits(ending, reporting, editing, contributed):
    sep = " " if ending.startswith(("V", "M", "I", "A")) and not ending.startswith("(") else "\n"
    text = "Headline words here\n\n" + BODY + "The talks will start on Friday, officials said." + sep + ending
    art = meta(text)
    assert art.credits is not None
    assert (art.credits.reporting, art.credits.editing, art.credits.contributed) == (reporting, editing, contributed)
    start, end = art.credits.span
    assert text[start:end] == ending
    assert art.credits.span in art.metadata_spans


def test_credits_only_at_the_end():
    text = ("Jane Doe contributed to this report.\n" + BODY * 6)
    assert meta(text).credits is None


@pytest.mark.parametrize("text, headline", [
    ("Ankara Defies Washington Over Russian Missiles\n\n" + BODY, "Ankara Defies Washington Over Russian Missiles"),
    ("Experts: 'Abrupt End' to Talks Likely\n\n" + BODY, "Experts: 'Abrupt End' to Talks Likely"),
    ("Putin congratulates Maduro\nBy Guy Faulconbridge\n" + BODY, "Putin congratulates Maduro"),
    ("Turkey said on Monday it would buy the missiles.\n\n" + BODY, None),
    (BODY, None),
    ("Short Title Only\n\n", None),
    ("BEIJING — China said on Tuesday it would act\n\n" + BODY, None),
])
def test_plain_text_headline(text, headline):
    art = meta(text)
    assert art.headline == headline
    if headline:
        assert text[art.headline_span[0]:art.headline_span[1]] == headline
        assert art.headline_span in art.metadata_spans
    else:
        assert art.headline_span is None


def test_title_given_and_in_text():
    text = "Putin congratulates Maduro\nMOSCOW (Reuters) - " + BODY
    art = meta(text, headline="Putin congratulates Maduro")
    assert art.headline_span == (0, len("Putin congratulates Maduro"))
    assert art.dateline is not None and art.dateline.place == "MOSCOW"


def test_title_given_not_in_text():
    art = meta(BODY + BODY, headline="Government to talk to opposition")
    assert art.headline == "Government to talk to opposition"
    assert art.headline_span is None
    assert art.metadata_spans == ()


def test_known_byline_kept_and_byline_line_still_marked():
    text = "By Jane Doe\n" + BODY
    art = meta(text, byline=("Jane Doe", "John Roe"))
    assert art.byline == ("Jane Doe", "John Roe")
    assert (0, len("By Jane Doe")) in art.metadata_spans


def test_body_starting_by_is_not_metadata():
    text = "By 2030, the country will need twice as much power, the minister said.\n" + BODY
    art = meta(text)
    assert art.byline == ()
    assert art.metadata_spans == ()


@pytest.mark.parametrize("value, names", [
    ("Roshan Noorzai, Noshaba Ashna", ("Roshan Noorzai", "Noshaba Ashna")),
    ("Jane Doe and John Roe", ("Jane Doe", "John Roe")),
    ("By JANE DOE", ("Jane Doe",)),
    ("Jane Doe; John Roe", ("Jane Doe", "John Roe")),
])
def test_split_names(value, names):
    assert split_names(value) == names


def test_seed_gives_the_gold_metadata():
    seed = shared_dir("seed")
    text = (seed / "reuters-putin-maduro.txt").read_text(encoding="utf-8")
    gold = json.loads((seed / "reuters-putin-maduro.gold.json").read_text(encoding="utf-8"))["metadata"]
    art = meta(text)
    assert list(art.byline) == gold["byline"]
    assert (art.dateline.place, art.dateline.agency) == (gold["dateline"]["place"], gold["dateline"]["agency"])
    assert list(art.credits.reporting) == gold["credits"]["reporting"]
    assert list(art.credits.editing) == gold["credits"]["editing"]
    assert text[art.dateline.span[0]:art.dateline.span[1]] == "MOSCOW (Reuters) -"
    assert [text[s:e] for s, e in art.metadata_spans] == [
        "By Guy Faulconbridge", "MOSCOW (Reuters) -",
        "(Reporting by Guy Faulconbridge; Editing by Andrew Osborn and Alex Richardson)"]


def test_voa_dev_metadata():
    folder = shared_dir("bench", "voa-dev")
    for gold_path in sorted(folder.glob("voa-*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (folder / gold["article"]).read_text(encoding="utf-8")
        art = meta(text)
        assert art.headline == text.split("\n", 1)[0], gold_path.name
        assert art.dateline is None, gold_path.name
        expected = tuple((gold["metadata"].get("credits") or {}).get("contributed") or ())
        got = art.credits.contributed if art.credits else ()
        assert got == expected, gold_path.name
