"""`wirecoder actors ...` and `wirecoder kb import-wikidata` through click's test runner."""
from __future__ import annotations

import json

from click.testing import CliRunner

from wirecoder.cli import cli


def test_actors_show_by_date(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text("- {name: Jane Roe, code: KENGOV, role: Minister, start: 2020-01-01, end: 2022-12-31}\n")
    runner = CliRunner()
    inside = runner.invoke(cli, ["actors", "show", "Jane Roe", "--on", "2021-06-01", "--knowledge", str(user)])
    assert inside.exit_code == 0 and "as KENGOV (in office" in inside.output
    after = runner.invoke(cli, ["actors", "show", "Roe", "--on", "2024-06-01", "--knowledge", str(user)])
    assert after.exit_code == 0 and "as KEN (no office then" in after.output


def test_actors_show_unknown_fails():
    result = CliRunner().invoke(cli, ["actors", "show", "Nobody Atall"])
    assert result.exit_code != 0 and "nothing known" in result.output


def test_actors_list_and_export(tmp_path):
    runner = CliRunner()
    listing = runner.invoke(cli, ["actors", "list", "--kind", "metonym"])
    assert listing.exit_code == 0 and "Pentagon\tUSAMIL" in listing.output
    out = tmp_path / "igos.yaml"
    exported = runner.invoke(cli, ["actors", "export", "--format", "yaml", "--out", str(out)])
    assert exported.exit_code == 0 and "name: NATO" in out.read_text()


def test_learned_file_is_listed(tmp_path):
    learned = tmp_path / "learned.tsv"
    learned.write_text("name\tcode\trole\tfirst_seen\tlast_seen\tcount\nJane Roe\tKENGOV\tMinister\t2024-01-01\t2024-02-01\t3\n")
    result = CliRunner().invoke(cli, ["actors", "list", "--source", "learned", "--learned", str(learned)])
    assert result.exit_code == 0 and result.output.startswith("learned\tJane Roe\tKENGOV")


def test_import_wikidata(tmp_path):
    entity = {"id": "Q1", "labels": {"en": {"value": "Jane Roe"}},
              "claims": {"P31": [{"mainsnak": {"datavalue": {"value": {"id": "Q5"}}}}],
                         "P39": [{"mainsnak": {"datavalue": {"value": {"id": "Q2"}}}}]}}
    office = {"id": "Q2", "labels": {"en": {"value": "Minister of Health of Kenya"}},
              "claims": {"P17": [{"mainsnak": {"datavalue": {"value": {"id": "Q3"}}}}]}}
    country = {"id": "Q3", "labels": {"en": {"value": "Kenya"}},
               "claims": {"P298": [{"mainsnak": {"datavalue": {"value": "KEN"}}}]}}
    dump = tmp_path / "dump.json"
    dump.write_text("[\n" + ",\n".join(json.dumps(e) for e in (entity, office, country)) + "\n]\n")
    out = tmp_path / "people.tsv"
    result = CliRunner().invoke(cli, ["kb", "import-wikidata", str(dump), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Jane Roe\t\tKEN\tGOV\tMinister of Health of Kenya" in out.read_text()


def test_import_wikidata_missing_dump(tmp_path):
    result = CliRunner().invoke(cli, ["kb", "import-wikidata", str(tmp_path / "nope.json.bz2")])
    assert result.exit_code == 2 and "no such Wikidata dump" in result.output
