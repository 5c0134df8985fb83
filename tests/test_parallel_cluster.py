"""wirecoder on real Dask worker processes: the same answer as one process, and no
article lost or duplicated when a worker is killed mid-run."""
from __future__ import annotations

import datetime as dt
import os
import signal
import time

import duckdb
import pytest

from wirecoder.parallel import code_on_cluster, ingest
from wirecoder.read import read_inputs
from wirecoder.store import code_locally

from conftest import shared_dir
from wirecoder.records import Article, CodedArticle, Skip

distributed = pytest.importorskip("distributed")

PUBLISHED = dt.date(2024, 7, 29)


@pytest.fixture(scope="module")
def corpus(seed_text) -> list[Article]:
    """The seed article whole, then each of its paragraphs as a short story of its own."""
    lines = [line for line in seed_text.splitlines() if line.strip()]
    dateline = lines[1].split(" - ")[0] + " - "
    stories = [Article(text=seed_text, source="seed.txt", published=PUBLISHED)]
    stories += [Article(text=dateline + line, source=f"para-{i}.txt", published=PUBLISHED)
                for i, line in enumerate(lines[2:-1])]
    return stories


@pytest.fixture(scope="module")
def reference(coder, corpus) -> list[CodedArticle | Skip]:
    return list(code_locally(coder=coder)(corpus))


def test_the_corpus_has_something_to_compare(reference):
    coded = [r for r in reference if isinstance(r, CodedArticle)]
    assert len(coded) == len(reference) >= 10
    assert all(c.sentences for c in coded)


def test_the_corpus_has_actors_events_and_quotes(reference):
    coded = [r for r in reference if isinstance(r, CodedArticle)]
    assert all(sum(len(getattr(c, field)) for c in coded) > 0
               for field in ("actors", "events", "quotes"))


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as local:
        yield local


def key(record: CodedArticle | Skip) -> str:
    return record.source if isinstance(record, Skip) else record.article.id


@pytest.mark.slow
def test_the_cluster_gives_the_same_records_as_one_process(cluster, coder, corpus, reference,
                                                           tmp_path):
    files = []
    for i, story in enumerate(corpus[:3]):
        path = tmp_path / f"in-{i}.txt"
        path.write_text(story.text, encoding="utf-8")
        files.append(str(path))
    (tmp_path / "empty.txt").write_text("\n", encoding="utf-8")
    sources = files + [str(tmp_path / "empty.txt")]
    with distributed.Client(cluster) as client:
        unordered = list(code_on_cluster(corpus, cluster=client, partition_size=2))
        ordered = list(code_on_cluster(corpus, cluster=client, partition_size=3, ordered=True))
        from_files = list(code_on_cluster(sources, cluster=client, published=PUBLISHED,
                                          partition_size=1, ordered=True))
        assert len(client.scheduler_info()["workers"]) == 2
    assert ordered == reference
    assert sorted(unordered, key=key) == sorted(reference, key=key)
    here = list(read_inputs(sources, published=PUBLISHED))
    assert from_files == [r if isinstance(r, Skip) else next(iter(code_locally(coder=coder)([r])))
                          for r in here]
    assert isinstance(from_files[-1], Skip)


def parquet_rows(folder, table: str) -> list[tuple]:
    files = str(folder / table / "**" / "*.parquet")
    if not list(folder.glob(f"{table}/**/*.parquet")):
        return []
    exclude = " EXCLUDE (stored_at)" if table == "articles" else ""  # the time it was written
    return duckdb.sql(f"SELECT *{exclude} FROM read_parquet('{files}', hive_partitioning=true) "
                      "ORDER BY ALL").fetchall()


@pytest.mark.slow
def test_ingest_on_the_cluster_matches_one_process(cluster, coder, corpus, tmp_path):
    names = []
    for story in corpus:
        path = tmp_path / story.source
        path.write_text(story.text, encoding="utf-8")
        names.append(str(path))
    with distributed.Client(cluster) as client:
        remote = ingest(names, tmp_path / "cluster.duckdb", parquet=tmp_path / "cluster",
                        cluster=client, published=PUBLISHED, partition_size=2)
    here = ingest(names, tmp_path / "local.duckdb", parquet=tmp_path / "local",
                  published=PUBLISHED)
    assert remote.coded == here.coded == len(corpus)
    assert (remote.events, remote.quotes, remote.actors, remote.skipped) == \
        (here.events, here.quotes, here.actors, here.skipped)
    for table in ("articles", "actors", "mentions", "events", "quotes"):
        assert parquet_rows(tmp_path / "cluster", table) == parquet_rows(tmp_path / "local", table)
    tables = {}
    for run in ("cluster", "local"):
        with duckdb.connect(str(tmp_path / f"{run}.duckdb"), read_only=True) as conn:
            tables[run] = [conn.execute("SELECT * EXCLUDE (cluster_id) FROM events ORDER BY ALL")
                           .fetchall(), conn.execute("SELECT * FROM quotes ORDER BY ALL").fetchall(),
                           conn.execute("SELECT id, source FROM articles ORDER BY ALL").fetchall()]
    assert tables["cluster"] == tables["local"]


@pytest.mark.slow
def test_the_cluster_gives_the_same_records_on_real_news(cluster, coder):
    path = shared_dir("bench", "voa-dev") / "voa-unlabelled.jsonl"
    stories = [a for a in read_inputs([str(path)]) if isinstance(a, Article)][:12]
    expected = list(code_locally(coder=coder)(stories))
    with distributed.Client(cluster) as client:
        got = list(code_on_cluster(stories, cluster=client, partition_size=3, ordered=True))
    assert [key(r) for r in got] == [key(r) for r in expected]
    assert got == expected


@pytest.mark.slow
def test_a_killed_worker_loses_and_duplicates_nothing(cluster, corpus, reference):
    stories = corpus * 4  # the same texts again: the same ids, coded again
    expected = sorted((key(r), r) for r in reference * 4)
    with distributed.Client(cluster) as client:
        pids = client.run(os.getpid)
        victim = sorted(pids.values())[0]
        out: list[CodedArticle | Skip] = []
        for record in code_on_cluster(stories, cluster=client, partition_size=1,
                                      max_in_flight=2, ordered=False):
            out.append(record)
            if len(out) == 2:
                os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while victim in client.run(os.getpid).values() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert victim not in client.run(os.getpid).values()
    assert len(out) == len(stories)
    assert sorted(((key(r), r) for r in out), key=lambda kr: kr[0]) == \
        sorted(expected, key=lambda kr: kr[0])
