"""wirecoder.parallel without spaCy: cluster specs, partitions, faults, Parquet tables.

The coder is a small stand-in (``FakeCoder``) so these tests check the
partitioning, retry and writing logic; tests/test_parallel_cluster.py codes
real articles on real worker processes.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

import wirecoder.pipeline
from wirecoder.errors import ClusterError, InputError
from wirecoder.parallel import ParquetWriter, code_on_cluster, ingest, partitions, write_parquet
from wirecoder.parallel.cluster import (ClusterSpec, CoderPlugin, plugin_name, portable_settings,
                                        worker_settings)
from wirecoder.parallel.parquet import existing_ids
from wirecoder.parallel.run import code_items
from wirecoder.records import (Actor, Article, CodedArticle, Event, Location, Quote, Skip)
from wirecoder.settings import DATA_DIR, Settings

D1 = dt.date(2025, 3, 14)
D2 = dt.date(2025, 3, 15)


def coded_for(article: Article) -> CodedArticle:
    """A small but complete coding: two actors, one event, one quote."""
    text = article.text
    a1 = Actor("A1", "Putin", "RUSGOV", "RUS", "GOV", "President", "person", ((0, 5),), "knowledge")
    a2 = Actor("A2", "Maduro", "VENGOV", "VEN", "GOV", None, "person", ((10, 16),), "knowledge")
    event = Event("E1", "051", "05", "SUPPORT", None, 3.4, 1, "A1", "A2", "RUSGOV", "VENGOV",
                  article.published, False, False, (6, 9), (0, len(text)), "Q1",
                  Location("Moscow", "RUS", 55.75, 37.62, "dateline"), "praise", ("diplomatic",))
    quote = Quote("Q1", "direct", (0, len(text)), text, "A1", "Putin", None)
    return CodedArticle(article=article, sentences=((0, len(text)),), actors=(a1, a2),
                        events=(event,), quotes=(quote,))


class FakeCoder:
    """Stands in for wirecoder.Coder: codes every article the same small way,
    refuses empty ones (InputError) and breaks on POISON (a bug, not bad input)."""

    def __init__(self, settings: Settings | None = None, **_: object) -> None:
        self.settings = settings or Settings()

    def code_many(self, articles):
        for a in articles:
            yield self.code(a)

    def code(self, article: Article) -> CodedArticle:
        if not article.text.strip():
            raise InputError(article.source, "the article is empty", "nothing to code")
        if "POISON" in article.text:
            raise RuntimeError("a stage broke")
        return coded_for(article)


def article(i: int, text: str | None = None, published: dt.date | None = D1) -> Article:
    return Article(text=text if text is not None else f"Putin met Maduro in story {i}.",
                   source=f"story-{i}.txt", published=published)


@pytest.mark.parametrize("text, expected", [
    ("local", ClusterSpec(workers=0)),
    ("local:2", ClusterSpec(workers=2)),
    (" local:16 ", ClusterSpec(workers=16)),
    ("tcp://10.0.0.5:8786", ClusterSpec(address="tcp://10.0.0.5:8786")),
    ("tls://scheduler:8786", ClusterSpec(address="tls://scheduler:8786")),
])
def test_cluster_spec_parses(text, expected):
    assert ClusterSpec.parse(text) == expected


@pytest.mark.parametrize("text", ["local:two", "local:-1", "scheduler:8786", "", "2"])
def test_cluster_spec_refuses_with_a_hint(text):
    with pytest.raises(ClusterError, match="local:N"):
        ClusterSpec.parse(text)


@pytest.mark.parametrize("n, size, expected", [
    (0, 3, []),
    (1, 3, [1]),
    (7, 3, [3, 3, 1]),
    (6, 3, [3, 3]),
    (5, 1, [1, 1, 1, 1, 1]),
])
def test_partitions_are_bounded_and_keep_order(n, size, expected):
    items = [article(i) for i in range(n)]
    parts = list(partitions(iter(items), size))
    assert [len(p.items) for p in parts] == expected
    assert [p.index for p in parts] == [(k,) for k in range(len(expected))]
    assert [x for p in parts for x in p.items] == items


def test_partitions_are_lazy():
    def endless():
        i = 0
        while True:
            yield article(i)
            i += 1
    first = next(partitions(endless(), 4))
    assert len(first.items) == 4


def test_code_items_turns_refusals_into_skips_and_passes_skips_through():
    items = (article(1), article(2, text="   "), Skip("bad.bin", "not text"), article(3))
    out = code_items(FakeCoder(), items)
    assert [type(r).__name__ for r in out] == ["CodedArticle", "Skip", "Skip", "CodedArticle"]
    assert out[1] == Skip("story-2.txt", "the article is empty (nothing to code)")
    assert out[2] == Skip("bad.bin", "not text")


def test_code_items_lets_a_bug_fail_the_partition():
    with pytest.raises(RuntimeError):
        code_items(FakeCoder(), (article(1), article(2, text="POISON: long enough to read.")))


def test_plugin_refuses_a_worker_with_other_versions():
    plugin = CoderPlugin(Settings(), {"wirecoder": "0.0.0", "spacy": "1.0"})
    with pytest.raises(ClusterError, match="same versions"):
        plugin.setup(None)
    assert plugin.coder is None and "same versions" in plugin.error


def test_settings_travel_without_the_clients_install_path():
    settings = Settings(batch_size=4)
    portable = portable_settings(settings)
    assert portable.data_dir != DATA_DIR
    assert worker_settings(portable) == settings
    custom = Settings(data_dir=Path("/srv/wirecoder-data"))
    assert portable_settings(custom) == custom
    assert plugin_name(settings) != plugin_name(Settings(batch_size=8))
    assert plugin_name(settings) == plugin_name(Settings(batch_size=4))


def test_plugin_pickles_without_its_coder():
    import pickle
    plugin = CoderPlugin(Settings(), {"wirecoder": "x"})
    plugin.coder = object()  # type: ignore[assignment]
    copy = pickle.loads(pickle.dumps(plugin))
    assert copy.coder is None and copy.settings == plugin.settings


# --- Parquet ---------------------------------------------------------------------------

def query(sql: str):
    return duckdb.sql(sql).fetchall()


def test_parquet_tables_are_partitioned_by_date_and_readable_by_duckdb(tmp_path):
    records = [coded_for(article(1)), coded_for(article(2, published=D2)),
               coded_for(article(3, published=None)), Skip("x.pdf", "not an article")]
    writer = write_parquet(records, tmp_path)
    assert (writer.written, writer.skipped) == (3, 1)
    folders = sorted(p.name for p in (tmp_path / "events").iterdir())
    assert folders == ["date=2025-03-14", "date=2025-03-15", "date=__HIVE_DEFAULT_PARTITION__"]
    for table in ("articles", "actors", "events", "quotes"):
        assert (tmp_path / table / "date=2025-03-14").is_dir()
    events = query(f"""SELECT date, event_date, cameo, source_code, target_code, source_name,
                              trigger_text, trigger_start, location_country, contexts
                       FROM read_parquet('{tmp_path}/events/**/*.parquet', hive_partitioning=true)
                       ORDER BY date NULLS LAST""")
    assert events[0] == (D1, D1, "051", "RUSGOV", "VENGOV", "Putin", "met", 6, "RUS", ["diplomatic"])
    assert [(e[0], e[1]) for e in events] == [(D1, D1), (D2, D2), (None, None)]
    joined = query(f"""SELECT a.source, count(*) FROM
        read_parquet('{tmp_path}/articles/**/*.parquet', hive_partitioning=true) a JOIN
        read_parquet('{tmp_path}/actors/**/*.parquet', hive_partitioning=true) x
        ON x.article_id = a.id GROUP BY a.source ORDER BY a.source""")
    assert joined == [("story-1.txt", 2), ("story-2.txt", 2), ("story-3.txt", 2)]
    quotes = query(f"""SELECT speaker_code, "end" - start, cue_start FROM
        read_parquet('{tmp_path}/quotes/**/*.parquet', hive_partitioning=true)
        WHERE date = DATE '2025-03-15'""")
    assert quotes == [("RUSGOV", len(article(2).text), None)]
    skipped = query(f"SELECT source, reason FROM read_parquet('{tmp_path}/skipped/*.parquet')")
    assert skipped == [("x.pdf", "not an article")]


def test_parquet_columns_are_the_stores(tmp_path):
    from wirecoder.store import schema
    write_parquet([coded_for(article(1))], tmp_path)
    for table in ("articles", "actors", "mentions", "events", "quotes"):
        if table == "mentions":
            continue  # coded_for() has no mentions
        columns = [r[0] for r in query(
            f"DESCRIBE SELECT * FROM read_parquet('{tmp_path}/{table}/*/*.parquet')")]
        expected = ["event_date" if (table, c) == ("events", "date") else c
                    for c in schema.table(table).names]
        assert columns == expected + ["date"], table  # date: the hive folder


def test_parquet_writes_each_article_once_across_runs(tmp_path):
    write_parquet([coded_for(article(1)), coded_for(article(1)), coded_for(article(2))], tmp_path)
    again = write_parquet([coded_for(article(2)), coded_for(article(3))], tmp_path)
    assert again.written == 1
    assert sorted(existing_ids(tmp_path)) == sorted(article(i).id for i in (1, 2, 3))
    count = query(f"SELECT count(*) FROM read_parquet('{tmp_path}/events/**/*.parquet')")
    assert count == [(3,)]


@pytest.mark.parametrize("article_id", ["a" * 64, "custom-id-7", "ABC"])
def test_parquet_knows_ids_that_are_not_hashes(tmp_path, article_id):
    art = article(1).with_(id=article_id)
    with ParquetWriter(tmp_path) as writer:
        assert len(writer.write([coded_for(art)])) == 1
        assert writer.holds(article_id) and not writer.holds("b" * 64)


def test_parquet_flushes_in_bounded_files(tmp_path):
    with ParquetWriter(tmp_path, flush_every=2) as writer:
        writer.write(coded_for(article(i)) for i in range(5))
        assert writer.written == 4  # two flushes so far, one article buffered
    assert writer.written == 5
    assert len(list((tmp_path / "articles" / "date=2025-03-14").glob("*.parquet"))) == 3
    assert not list(tmp_path.rglob("*.tmp"))


def test_parquet_refuses_a_folder_of_other_files(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "date=2025-01-01").mkdir()
    (tmp_path / "articles" / "date=2025-01-01" / "notes.parquet").write_text("not parquet")
    from wirecoder.errors import StoreError
    with pytest.raises(StoreError, match="choose another folder"):
        ParquetWriter(tmp_path)


# --- the runner on an in-process cluster (threads, FakeCoder) --------------------------

@pytest.fixture
def fake_cluster(monkeypatch):
    distributed = pytest.importorskip("distributed")
    monkeypatch.setattr(wirecoder.pipeline, "Coder", FakeCoder)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=":0") as cluster:
        with distributed.Client(cluster) as client:
            yield client


@pytest.mark.slow
@pytest.mark.parametrize("ordered", [True, False])
def test_a_partition_that_keeps_failing_comes_back_as_skips(fake_cluster, ordered):
    items = [article(i) for i in range(10)]
    items[4] = article(4, text="POISON in story 4")
    items[7] = article(7, text="  ")
    out = list(code_on_cluster(items, cluster=fake_cluster, partition_size=3, retries=1,
                               max_in_flight=2, ordered=ordered))
    assert len(out) == 10
    by_source = {r.source if isinstance(r, Skip) else r.article.source: r for r in out}
    assert sorted(by_source) == sorted(a.source for a in items)
    poisoned = by_source["story-4.txt"]
    assert isinstance(poisoned, Skip)
    assert "failed on the cluster, also when retried 1 times" in poisoned.reason
    assert "RuntimeError: a stage broke" in poisoned.reason
    assert by_source["story-7.txt"] == Skip("story-7.txt", "the article is empty (nothing to code)")
    # the neighbours of the poisoned article in its partition are coded
    assert isinstance(by_source["story-3.txt"], CodedArticle)
    assert isinstance(by_source["story-5.txt"], CodedArticle)
    if ordered:
        assert [by.source if isinstance(by, Skip) else by.article.source for by in out] == \
            [a.source for a in items]


@pytest.mark.slow
@pytest.mark.parametrize("ordered", [True, False])
def test_nothing_to_code_on_a_cluster(fake_cluster, ordered):
    assert list(code_on_cluster([], cluster=fake_cluster, ordered=ordered)) == []
    skips = [Skip("a.bin", "binary"), Skip("b.bin", "binary")]
    assert list(code_on_cluster(skips, cluster=fake_cluster, ordered=ordered)) == skips


@pytest.mark.slow
def test_workers_that_cannot_load_the_model_stop_the_run_with_a_hint(fake_cluster, monkeypatch):
    from wirecoder.errors import ModelError

    class NoModel(FakeCoder):
        def __init__(self, settings=None, **kwargs):
            raise ModelError("cannot load the spaCy pipeline 'xx': install it")

    monkeypatch.setattr(wirecoder.pipeline, "Coder", NoModel)
    with pytest.raises(ClusterError, match="could not load wirecoder's coder.*install it"):
        list(code_on_cluster([article(1)], cluster=fake_cluster))


@pytest.mark.slow
def test_a_cluster_keeps_its_coder_between_runs(fake_cluster, monkeypatch):
    built = []

    class CountingCoder(FakeCoder):
        def __init__(self, settings=None, **kwargs):
            built.append(settings)
            super().__init__(settings)

    monkeypatch.setattr(wirecoder.pipeline, "Coder", CountingCoder)
    assert len(list(code_on_cluster([article(1)], cluster=fake_cluster))) == 1
    assert len(list(code_on_cluster([article(2)], cluster=fake_cluster))) == 1
    assert len(built) == 1
    list(code_on_cluster([article(3)], cluster=fake_cluster, settings=Settings(batch_size=3)))
    assert len(built) == 2 and built[-1].batch_size == 3


def write_inputs(folder: Path, items: list[Article]) -> list[str]:
    names = []
    for a in items:
        path = folder / a.source
        path.write_text(a.text, encoding="utf-8")
        names.append(str(path))
    return names


@pytest.mark.slow
def test_ingest_on_a_cluster_writes_the_store_and_parquet_once(fake_cluster, tmp_path):
    from wirecoder.store import Store
    inputs = tmp_path / "in"
    inputs.mkdir()
    poison = article(9, text="POISON: a story long enough to read.")
    names = write_inputs(inputs, [article(i) for i in range(9)] + [poison])
    names.append(str(inputs / "missing.txt"))
    db, pq_dir = tmp_path / "events.duckdb", tmp_path / "pq"
    first = ingest(names, db, parquet=pq_dir, cluster=fake_cluster, published=D1, batch_size=4,
                   partition_size=2)
    assert (first.coded, first.skipped, first.events) == (9, 2, 9)
    again = ingest(names, db, parquet=pq_dir, cluster=fake_cluster, published=D1)
    assert (again.coded, again.already_stored) == (0, 9)
    with Store.open(db, read_only=True).reading() as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (9,)
        assert conn.execute("SELECT count(*) FROM events").fetchone() == (9,)
        reasons = dict(conn.execute("SELECT source, reason FROM skipped").fetchall())
    assert "a stage broke" in reasons[str(inputs / "story-9.txt")]
    assert sorted(existing_ids(pq_dir)) == sorted(article(i).id for i in range(9))


@pytest.mark.slow
def test_ingest_to_parquet_only_on_a_cluster(fake_cluster, tmp_path):
    names = write_inputs(tmp_path, [article(i) for i in range(5)] + [article(5, text=" ")])
    first = ingest(names + names[:2], parquet=tmp_path / "pq", cluster=fake_cluster,
                   published=D1, partition_size=2)
    assert (first.coded, first.skipped, first.already_stored) == (5, 1, 2)
    again = ingest(names, parquet=tmp_path / "pq", cluster=fake_cluster, published=D1)
    assert (again.coded, again.already_stored) == (0, 5)
    assert query(f"SELECT count(*) FROM read_parquet('{tmp_path}/pq/events/**/*.parquet')") == [(5,)]


def test_ingest_in_this_process_to_parquet(monkeypatch, tmp_path):
    monkeypatch.setattr(wirecoder.pipeline, "Coder", FakeCoder)
    poison = article(2, text="POISON: a story long enough to read.")
    names = write_inputs(tmp_path, [article(1), poison, article(3, text="  ")])
    summary = ingest(names, parquet=tmp_path / "pq")
    assert (summary.coded, summary.skipped) == (1, 2)
    reasons = dict(query(f"SELECT source, reason FROM read_parquet('{tmp_path}/pq/skipped/*.parquet')"))
    assert "a stage broke" in reasons[names[1]]


def test_ingest_needs_somewhere_to_write():
    from wirecoder.errors import StoreError
    with pytest.raises(StoreError, match="--parquet"):
        ingest(["x.txt"])
