"""The knowledge base: loading, date lookups, user files, learning, export."""
from __future__ import annotations

import datetime as dt
import logging

import pytest

from wirecoder.errors import KnowledgeError
from wirecoder.knowledge import learn, load_knowledge, read_learned
from wirecoder.knowledge.catalog import catalog, export, find
from wirecoder.knowledge.names import fold, name_key
from wirecoder.knowledge.records import join_code, split_code
from wirecoder.records import Actor, Article, CodedArticle

from test_actors import fixture_settings  # noqa: E402  (same tests folder)


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    return fixture_settings(tmp_path_factory.mktemp("kb"))


@pytest.fixture(scope="module")
def kb(settings):
    return load_knowledge(settings)


@pytest.mark.parametrize("text,folded", [("Élysée", "elysee"), ("Nicolás Maduro", "nicolas maduro"),
                                         ("Erdoğan", "erdogan"), ("al\u2011Shabab", "al-shabab")])
def test_fold(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize("code,parts", [("RUSGOV", ("RUS", "GOV")), ("USA", ("USA", None)),
                                        ("IGO", ("IGO", None)), ("", (None, None))])
def test_split_code(code, parts):
    assert split_code(code) == parts
    if parts[0]:
        assert join_code(*parts) == code


@pytest.mark.parametrize("place,country", [("MOSCOW", "RUS"), ("Quetta", "PAK"), ("Caracas", "VEN"),
                                           ("Washington", "USA"), ("Nowhere-on-Sea", None)])
def test_place_country(kb, place, country):
    assert kb.place_country(place) == country


@pytest.mark.parametrize("code,demonym", [("USA", "American"), ("GBR", "British"), ("PSE", "Palestinian"),
                                          ("CIV", "Ivorian"), ("PRK", "North Korean"), ("XKX", "Kosovar")])
def test_countries_have_demonyms(kb, code, demonym):
    assert demonym in kb.country(code).demonyms


@pytest.mark.parametrize("date,code,current", [
    (dt.date(2024, 7, 29), "USAGOV", True),
    (dt.date(2026, 1, 5), "USA", False),
    (dt.date(2019, 1, 5), "USA", False),
    (None, "USAGOV", True),
])
def test_person_by_date(kb, date, code, current):
    at = kb.person_at("Antony Blinken", date)
    assert (at.code, at.current) == (code, current)


def test_names_match_without_diacritics(kb):
    assert kb.person_at("NICOLAS MADURO", dt.date(2024, 1, 1)).code == "VENGOV"
    assert kb.person_at("Recep Tayyip Erdoğan", dt.date(2024, 1, 1)).code == "TURGOV"


def test_missing_people_file_is_a_warning(tmp_path, caplog):
    settings = fixture_settings(tmp_path)
    (settings.data_dir / "knowledge" / "people.tsv").unlink()
    with caplog.at_level(logging.WARNING):
        kb = load_knowledge(settings)
    assert kb.people == () and "people.tsv" in caplog.text


def test_bad_people_date_is_an_error(tmp_path):
    settings = fixture_settings(tmp_path)
    (settings.data_dir / "knowledge" / "people.tsv").write_text(
        "name\taliases\tcountry\tsector\trole\tstart\tend\tnote\nX Y\t\tUSA\tGOV\tPresident\t2020-13-01\t\t\n")
    with pytest.raises(KnowledgeError, match="YYYY-MM-DD"):
        load_knowledge(settings)


def test_user_yaml_overrides_builtin(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text("- name: Antony Blinken\n  code: USAELI\n  role: commentator\n"
                    "- name: Vente Venezuela\n  code: VENOPP\n  kind: party\n", encoding="utf-8")
    kb = load_knowledge(fixture_settings(tmp_path, knowledge_files=(user,)))
    assert kb.person_at("Antony Blinken", dt.date(2024, 1, 1)).code == "USAELI"
    assert kb.group_at("Vente Venezuela", None).code == "VENOPP"


def test_user_csv(tmp_path):
    user = tmp_path / "mine.csv"
    user.write_text("name,aliases,code,role,start,end\nEdmundo Gonzalez,Edmundo González,VENOPP,candidate,"
                    "2024-01-01,\n", encoding="utf-8")
    kb = load_knowledge(fixture_settings(tmp_path, knowledge_files=(user,)))
    assert kb.person_at("Edmundo González", dt.date(2024, 8, 1)).code == "VENOPP"


def test_user_file_without_code_is_an_error(tmp_path):
    user = tmp_path / "bad.yaml"
    user.write_text("- name: Somebody\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="give a code"):
        load_knowledge(fixture_settings(tmp_path, knowledge_files=(user,)))


def _coded(name, code, resolved_by, published):
    article = Article(text=f"{name} spoke.", published=published)
    actor = Actor("A1", name, code, code[:3], code[3:] or None, "Minister", "person", ((0, len(name)),),
                  resolved_by)
    return CodedArticle(article, ((0, len(name) + 7),), (actor,), (), ())


def test_learn_then_code_bare_name(tmp_path):
    learned = tmp_path / "learned.tsv"
    settings = fixture_settings(tmp_path, learned_path=learned)
    n = learn([_coded("Jane Roe", "KENGOV", "title", dt.date(2024, 1, 10)),
               _coded("Jane Roe", "KENGOV", "title", dt.date(2024, 3, 2)),
               _coded("John Doe", "KENGOV", "context", dt.date(2024, 3, 2))], settings)
    assert n == 2
    [row] = read_learned(learned)
    assert (row.name, row.code, row.first_seen, row.last_seen, row.count) == (
        "Jane Roe", "KENGOV", dt.date(2024, 1, 10), dt.date(2024, 3, 2), 2)
    kb = load_knowledge(settings)
    assert kb.person_at("Jane Roe", dt.date(2024, 6, 1)).code == "KENGOV"
    far = kb.person_at("Jane Roe", dt.date(2030, 6, 1))
    assert (far.code, far.current) == ("KEN", False)


def test_learning_off_without_path(tmp_path):
    assert learn([_coded("Jane Roe", "KENGOV", "title", None)], fixture_settings(tmp_path)) == 0


def test_export_roundtrip_yaml(tmp_path, kb):
    entries = catalog(kb, kinds=("person",))
    text = export(entries, "yaml")
    path = tmp_path / "export.yaml"
    path.write_text(text, encoding="utf-8")
    again = load_knowledge(fixture_settings(tmp_path, knowledge_files=(path,)))
    assert again.person_at("Antony Blinken", dt.date(2024, 1, 1)).code == "USAGOV"


def test_export_csv_has_header_and_rows(kb):
    lines = export(catalog(kb, kinds=("igo",)), "csv").splitlines()
    assert lines[0].startswith("name,aliases,code,kind")
    assert any(line.startswith("NATO,") for line in lines)


@pytest.mark.parametrize("name,kind", [("Kremlin", "metonym"), ("Blinken", "person"), ("U.N.", "igo"),
                                       ("the West", "region")])
def test_find(kb, name, kind):
    assert kind in {e.kind for e in find(catalog(kb), name)}


def test_name_key():
    assert name_key("The  Kremlin") == "kremlin"


# A user's file beside a shipped table (``TABLE.NAME.tsv``) adds rows to it, header and all.
ADDED_ROWS = [
    ("roles", "role\tsector\tkind\tperson\nharbourmaster general\tGOV\tstrong\tyes\n",
     lambda kb: any(r.role == "harbourmaster general" and r.sector == "GOV" for r in kb.roles)),
    ("metonyms", "name\taliases\tcountry\tsector\tnote\nCasa Verde\t\tVEN\tGOV\tpresidency\n",
     lambda kb: any(m.name == "Casa Verde" and m.country == "VEN" for m in kb.metonyms)),
    ("igos", "name\taliases\tnote\nNordic Harbour Council\t\tNHC\n",
     lambda kb: any(i.name == "Nordic Harbour Council" for i in kb.igos)),
]


@pytest.mark.parametrize("table, rows, found", ADDED_ROWS, ids=[t for t, _, _ in ADDED_ROWS])
def test_a_file_beside_a_table_extends_it(tmp_path, table, rows, found):
    settings = fixture_settings(tmp_path)
    assert not found(load_knowledge(settings))
    (settings.data_dir / "knowledge" / f"{table}.mine.tsv").write_text(rows, encoding="utf-8")
    kb = load_knowledge(settings)
    assert found(kb)
    assert len(getattr(kb, table)) > 1  # the shipped rows are still there


def test_added_spellings_reach_the_igos(tmp_path):
    settings = fixture_settings(tmp_path)
    knowledge = settings.data_dir / "knowledge"
    (knowledge / "igos.mine.tsv").write_text("name\taliases\tnote\nNordic Harbour Council\t\tNHC\n")
    (knowledge / "spellings.mine.tsv").write_text("word\tvariants\nharbour\tharbor\n")
    igo = next(i for i in load_knowledge(settings).igos if i.name == "Nordic Harbour Council")
    assert "Nordic Harbor Council" in igo.aliases


def test_an_added_table_with_a_wrong_header_names_the_file(tmp_path):
    settings = fixture_settings(tmp_path)
    (settings.data_dir / "knowledge" / "roles.mine.tsv").write_text("word\tsector\nsheriff\tGOV\n")
    with pytest.raises(KnowledgeError, match=r"roles\.mine\.tsv: the header lacks"):
        load_knowledge(settings)
