"""Every command fails with one line naming the file (no traceback), says what it did, and
refuses what it does not know, listing what it does."""
from __future__ import annotations

import bz2
import json
import logging
import socket

import pytest
from click.testing import CliRunner

from wirecoder.cli import cli, log_handler
from wirecoder.errors import SettingsError
from wirecoder.settings import Settings

NEWS = ("MOSCOW (Reuters) - Russian President Vladimir Putin on Monday congratulated Nicolas Maduro "
        "on winning the disputed Venezuelan election.\n")
OTHER = ("PARIS (Reuters) - French President Emmanuel Macron on Tuesday criticised Nicolas Maduro over "
         "the count of the disputed Venezuelan election.\n")
ENTITY = {"id": "Q1", "claims": {"P31": [{"mainsnak": {"datavalue": {"value": {"id": "Q5"}}}}]},
          "labels": {"en": {"value": "Ann Example"}}}


def run(args, **kw):
    return CliRunner().invoke(cli, args, catch_exceptions=False, **kw)


def one_line_error(result, *names: str) -> str:
    """The result is a clean failure: exit 2 (or 1), no traceback, one line naming ``names``."""
    assert result.exit_code in (1, 2), result.output
    assert "Traceback" not in result.output
    err = result.stderr.strip()
    assert err.count("\n") <= 2 and err, err
    for name in names:
        assert name in err, err
    return err


@pytest.fixture()
def blocked(tmp_path):
    """A path no one can write into, even root: its 'folder' is a file."""
    (tmp_path / "file").write_text("x")
    return tmp_path / "file"


# 1. eval reads gold texts through the readers of `code`

def _gold(folder, text: bytes):
    folder.mkdir()
    (folder / "story.txt").write_bytes(text)
    (folder / "story.gold.json").write_text(json.dumps({"events": [], "quotes": []}))
    return folder


def test_eval_latin1_gold_text_is_read_like_code(tmp_path, coder):
    from wirecoder.evaluate import evaluate
    text = "Le ministre fran\xe7ais a rencontr\xe9 son homologue allemand. " + NEWS
    report = evaluate(_gold(tmp_path / "g", text.encode("latin-1")), coder)
    assert report.articles == 1 and not report.failed


@pytest.mark.parametrize("content, words", [
    (bytes(range(256)) * 3, "binary"),
    (b"   \n", "empty"),
])
def test_eval_unreadable_gold_text_is_one_line(tmp_path, content, words):
    folder = _gold(tmp_path / "g", content)
    result = run(["eval", str(folder)])
    err = one_line_error(result, "story.txt", words)
    assert err.startswith("error:")  # nothing left to score


def test_eval_without_gold_pairs_is_an_error(tmp_path):
    (tmp_path / "story.txt").write_text(NEWS)  # no gold beside it
    result = run(["eval", str(tmp_path)])
    one_line_error(result, "no gold pairs")
    assert result.exit_code == 2 and "0.000" not in result.stdout


# 2. unwritable outputs

def test_code_out_unwritable(tmp_path, blocked):
    (tmp_path / "a.txt").write_text(NEWS)
    one_line_error(run(["code", str(tmp_path / "a.txt"), "--out", str(blocked / "dir")]), str(blocked))


@pytest.mark.parametrize("args", [
    ["actors", "export", "--format", "yaml", "--out", "{blocked}/x.yaml"],
    ["kb", "import-wikidata", "{dump}", "--out", "{blocked}/people.tsv"],
])
def test_knowledge_outputs_unwritable(tmp_path, blocked, args):
    dump = tmp_path / "dump.json"
    dump.write_text("[\n" + json.dumps(ENTITY) + "\n]\n")
    args = [a.format(blocked=blocked, dump=dump) for a in args]
    one_line_error(run(args), str(blocked))


def test_learned_file_unwritable_during_ingest(tmp_path, blocked, monkeypatch):
    (tmp_path / "a.txt").write_text(NEWS)
    monkeypatch.setenv("WIRECODER_LEARNED", str(blocked / "learned.tsv"))
    result = run(["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "s.duckdb"), "--quiet"])
    one_line_error(result, "learned.tsv", "WIRECODER_LEARNED")


def test_long_record_id_gets_a_short_file_name(tmp_path):
    records = [{"id": "x" * 300, "text": NEWS}, {"id": "y" * 300, "text": OTHER}]
    src = tmp_path / "recs.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records))
    result = run(["code", str(src), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(names) == 2 and all(len(n.encode()) < 200 for n in names)


# 3. unreadable inputs and settings

@pytest.mark.parametrize("args, names", [
    (["actors", "list", "--learned", "{binary}"], ["binary.bin", "UTF-8"]),
    (["kb", "import-wikidata", "{binary}", "--out", "{tmp}/p.tsv"], ["binary.bin", "not a Wikidata"]),
    (["kb", "import-wikidata", "{truncated}", "--out", "{tmp}/p.tsv"], ["dump.json.bz2", "cut short"]),
])
def test_unreadable_knowledge_inputs(tmp_path, args, names):
    (tmp_path / "binary.bin").write_bytes(bytes(range(128, 256)) * 4)
    (tmp_path / "dump.json.bz2").write_bytes(bz2.compress(("[\n" + json.dumps(ENTITY) + ",\n") .encode() * 50)[:60])
    args = [a.format(binary=tmp_path / "binary.bin", truncated=tmp_path / "dump.json.bz2", tmp=tmp_path)
            for a in args]
    result = run(args)
    one_line_error(result, *names)
    assert "Aborted" not in result.output


@pytest.mark.parametrize("variable", ["WIRECODER_MAX_CHARS", "WIRECODER_BATCH_SIZE"])
@pytest.mark.parametrize("value", ["abc", "0", "1.5"])
def test_bad_numeric_setting_names_the_variable(variable, value):
    with pytest.raises(SettingsError, match=variable):
        Settings.from_env({variable: value})


def test_bad_setting_on_the_command_line(monkeypatch):
    monkeypatch.setenv("WIRECODER_MAX_CHARS", "abc")
    one_line_error(run(["code", "-"], input=NEWS), "WIRECODER_MAX_CHARS")


def test_truncated_warc_names_the_file(tmp_path):
    import io
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    from wirecoder.read import read_inputs
    from wirecoder.records import Skip
    page = (f"<html><head><title>Talks</title></head><body><article><h1>Talks</h1><p>{NEWS}</p>"
            f"<p>{OTHER}</p></article></body></html>").encode()
    path = tmp_path / "crawl.warc"
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=False)
        for i in range(2):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://news.example/{i}", "response", payload=io.BytesIO(page), http_headers=http))
    data = path.read_bytes()
    cut = data.index(b"WARC/1", 10) + 40  # inside the second record's header
    path.write_bytes(data[:cut])
    items = list(read_inputs([str(path)]))
    assert not isinstance(items[0], Skip)  # the whole first page is still read
    [skip] = [i for i in items if isinstance(i, Skip)]
    assert skip.source == str(path) and "truncated" in skip.reason and "NoneType" not in skip.reason


# 7. never overwrite silently

def test_code_out_names_are_unique(tmp_path):
    records = [{"id": "a/b", "text": NEWS}, {"id": "a_b", "text": OTHER}, {"id": "a_b", "text": OTHER}]
    src = tmp_path / "recs.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records))
    result = run(["code", str(src), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    files = sorted((tmp_path / "out").iterdir())
    assert len(files) == 3
    texts = sorted(json.loads(f.read_text())["article"]["text"][:10] for f in files)
    assert texts == sorted(r["text"][:10] for r in records)
    assert "renamed" in result.stderr


@pytest.mark.parametrize("args", [
    ["actors", "export", "--format", "csv", "--out", "{existing}"],
    ["kb", "import-wikidata", "{dump}", "--out", "{existing}"],
])
def test_outputs_refuse_to_overwrite_without_force(tmp_path, args):
    existing = tmp_path / "mine.txt"
    existing.write_text("keep me")
    dump = tmp_path / "dump.json"
    dump.write_text("[\n" + json.dumps(ENTITY) + "\n]\n")
    args = [a.format(existing=existing, dump=dump) for a in args]
    one_line_error(run(args), "mine.txt", "--force")
    assert existing.read_text() == "keep me"
    assert run(args + ["--force"]).exit_code == 0
    assert existing.read_text() != "keep me"


def test_store_export_dash_is_stdout_and_existing_files_are_kept(tmp_path, monkeypatch):
    from wirecoder.store import Store
    import sys as _sys
    from pathlib import Path
    _sys.path.insert(0, str(Path(__file__).parent))
    from web_fixtures import seed_hand_coded
    db = tmp_path / "s.duckdb"
    Store.open(db).write([seed_hand_coded()])
    monkeypatch.chdir(tmp_path)
    result = run(["export", "--db", str(db), "--format", "plover", "--out", "-"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "-").exists()
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(r["id"] and r["date"] and "recipient" in r for r in rows)
    (tmp_path / "events.csv").write_text("keep me")
    one_line_error(run(["export", "--db", str(db), "--format", "gdelt", "--out", "events.csv"]), "--force")
    assert (tmp_path / "events.csv").read_text() == "keep me"


# 8. output a machine can read

def test_code_json_several_inputs_is_one_array(tmp_path):
    (tmp_path / "a.txt").write_text(NEWS)
    (tmp_path / "b.txt").write_text(OTHER)
    result = run(["code", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    data = json.loads(result.stdout)
    assert isinstance(data, list) and [d["article"]["text"] for d in data] == [NEWS, OTHER]
    one = json.loads(run(["code", str(tmp_path / "a.txt")]).stdout)
    assert isinstance(one, dict) and one["article"]["text"] == NEWS


def test_sections_as_csv_have_the_header_width():
    import csv
    import io
    from wirecoder.cli.store import merge_sections
    from wirecoder.store.queries import SqlResult
    merged = merge_sections({"articles": SqlResult(("id", "headline"), (("a1", "H"), ("a2", "I"))),
                             "quotes": SqlResult(("speaker", "text", "id"), (("Putin", "We", "q1"),))},
                            {"query": "putin"})
    out = io.StringIO()
    csv.writer(out).writerows([merged.columns, *merged.rows])
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert {len(r) for r in rows} == {len(rows[0])}
    assert rows[0] == ["section", "query", "id", "headline", "speaker", "text"]
    assert rows[1] == ["summary", "putin", "", "", "", ""]
    assert rows[4] == ["quotes", "", "q1", "", "Putin", "We"]


# 9. progress and log noise

@pytest.mark.parametrize("name, verbose, shown", [
    ("trafilatura.core", 0, False),
    ("htmldate.extractors", 0, False),
    ("wirecoder.read", 0, True),
    ("trafilatura.core", 1, True),
])
def test_third_party_logs_only_with_verbose(name, verbose, shown):
    handler = log_handler(verbose)
    record = logging.LogRecord(name, logging.ERROR, __file__, 1, "boom", (), None)
    assert bool(handler.filter(record)) is shown


def test_progress_goes_to_stderr_only(tmp_path):
    (tmp_path / "a.txt").write_text(NEWS)
    result = run(["code", "--progress", "--format", "jsonl", str(tmp_path / "a.txt")])
    assert json.loads(result.stdout)["article"]["text"] == NEWS
    assert "article" in result.stderr and "1/1" in result.stderr


def test_ingest_progress_moves_per_article(tmp_path, coder):
    from wirecoder.store import ingest
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        (folder / f"s{i}.txt").write_text(NEWS.replace("Monday", f"Monday {i}"))
    counts = []
    ingest([str(folder)], tmp_path / "s.duckdb", coder=coder, batch_size=64,
           progress=lambda s: counts.append(s.seen + s.pending))
    assert counts[:5] == [1, 2, 3, 4, 5]


# 11. refuse what is unknown, say what happened

@pytest.mark.parametrize("args, names", [
    (["actors", "list", "--kind", "bogus"], ["bogus", "person", "country"]),
    (["actors", "list", "--learned", "missing.tsv"], ["missing.tsv"]),
    (["query", "events", "--db", "x.duckdb", "--limit", "-1"], ["--limit", "-1"]),
])
def test_unknown_values_are_refused(tmp_path, monkeypatch, args, names):
    monkeypatch.chdir(tmp_path)
    result = run(args)
    assert result.exit_code == 2 and "Traceback" not in result.output
    for name in names:
        assert name in result.stderr


@pytest.mark.parametrize("entry, words", [
    ("- name: Zed Zedson\n  code: ZZZGOV\n", ["ZZZGOV", "country code"]),
    ("- name: Zed Zedson\n  code: FRAGOV\n  start: 2020-01-01\n  end: 2019-01-01\n", ["before start"]),
])
def test_bad_knowledge_entries_are_refused(tmp_path, entry, words):
    path = tmp_path / "mine.yaml"
    path.write_text(entry)
    one_line_error(run(["actors", "list", "--knowledge", str(path)]), "mine.yaml", *words)


def test_wikidata_import_writes_rows_wirecoder_reads(tmp_path):
    from wirecoder.knowledge.tables import load_people, write_people
    from wirecoder.knowledge.records import Person
    import datetime as dt
    people = [Person("Ann\nExample", ("A.\tE.", "Ann|E"), "FRA", "GOV", "minister\nof things",
                     dt.date(2020, 1, 1), None, "wikidata:Q1")]
    write_people(people, tmp_path / "p.tsv")
    [back] = load_people(tmp_path / "p.tsv")
    assert back.name == "Ann Example" and back.aliases == ("A. E.", "Ann E") and back.role == "minister of things"


def test_wikidata_import_drops_terms_that_end_before_they_start(tmp_path, caplog):
    from wirecoder.knowledge.wikidata import import_wikidata
    from wirecoder.settings import DATA_DIR

    def held(start, end):
        t = lambda d: [{"datavalue": {"value": {"time": f"+{d}T00:00:00Z", "precision": 11}}}]
        return {"mainsnak": {"datavalue": {"value": {"id": "Q20"}}}, "qualifiers": {"P580": t(start), "P582": t(end)}}
    person = {"id": "Q1", "labels": {"en": {"value": "Ann Example"}},
              "claims": {"P31": [{"mainsnak": {"datavalue": {"value": {"id": "Q5"}}}}],
                         "P27": [{"mainsnak": {"datavalue": {"value": {"id": "Q30"}}}}],
                         "P39": [held("2020-01-01", "2019-01-01"), held("2021-01-01", "2022-01-01")]}}
    office = {"id": "Q20", "labels": {"en": {"value": "Minister of Foreign Affairs"}}, "claims": {}}
    country = {"id": "Q30", "labels": {"en": {"value": "France"}},
               "claims": {"P298": [{"mainsnak": {"datavalue": {"value": "FRA"}}}]}}
    dump = tmp_path / "dump.json"
    dump.write_text("[\n" + ",\n".join(json.dumps(e) for e in (person, office, country)) + "\n]\n")
    with caplog.at_level(logging.WARNING):
        people = import_wikidata(dump, DATA_DIR / "knowledge" / "positions.tsv")
    assert [(p.start.year, p.end.year) for p in people] == [(2021, 2022)]
    assert "1 office terms end before they start" in caplog.text


def test_serve_on_a_busy_port_fails_before_serving(tmp_path):
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    try:
        port = busy.getsockname()[1]
        result = run(["serve", "--db", str(tmp_path / "s.duckdb"), "--port", str(port)])
    finally:
        busy.close()
    one_line_error(result, str(port))
    assert "serving" not in result.stderr


def test_explain_folder_goes_on_after_a_bad_file(tmp_path):
    (tmp_path / "a.txt").write_text(NEWS)
    (tmp_path / "b.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "c.txt").write_text(OTHER)
    result = run(["explain", str(tmp_path)])
    assert result.exit_code == 1
    heads = [line for line in result.stdout.splitlines() if line.startswith("=== ")]
    assert [h.split()[1].rsplit("/", 1)[-1] for h in heads] == ["a.txt", "c.txt"]
    assert "skipped:" in result.stderr and "b.txt" in result.stderr


def test_code_out_dash_is_stdout_not_a_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(["code", "-", "--format", "jsonl", "--out", "-"], input=NEWS)
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "-").exists()
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 1 and rows[0]["events"]
