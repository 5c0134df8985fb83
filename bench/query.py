"""Query latency on a generated store of one million event reports.

Builds the store straight in DuckDB (random dyads among 30 countries x 5 sectors, 60 CAMEO codes,
two years of days, 5 events an article), assigns event clusters with the store's own clustering,
then times the dyad timeline query (clusters and reports), an events query and an actors query
through wirecoder.store.queries, each through a fresh read-only connection as the dashboard does.

    .venv/bin/python bench/query.py [--events 1000000] [--db /tmp/wirecoder-bench.db] [--repeat 5]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from wirecoder.store import Store
from wirecoder.store import queries as Q
from wirecoder.store.clusters import key_starts, recluster

COUNTRIES = ["RUS", "UKR", "USA", "CHN", "VEN", "IRN", "ISR", "SYR", "TUR", "DEU", "FRA", "GBR", "IND", "PAK",
             "BRA", "COL", "MEX", "NGA", "ETH", "SDN", "ZAF", "EGY", "SAU", "JPN", "PRK", "KOR", "AFG", "IRQ",
             "LBN", "YEM"]
SECTORS = ["GOV", "MIL", "OPP", "REB", "CVL"]


def build(path: Path, n_events: int) -> None:
    store = Store.open(path)
    per_article = 5
    with store.connect(write=True) as conn:
        conn.execute("SELECT setseed(0.42)")
        codes = [r[0] for r in conn.execute(
            "SELECT code FROM cameo_codes WHERE length(code) = 3 ORDER BY code").fetchall()][::4][:60]
        conn.execute("CREATE TEMP TABLE c AS SELECT unnest(?) AS country", [COUNTRIES])
        conn.execute("CREATE TEMP TABLE s AS SELECT unnest(?) AS sector", [SECTORS])
        conn.execute("CREATE TEMP TABLE k AS SELECT unnest(?) AS code", [codes])
        conn.execute(f"""
            INSERT INTO articles (id, source, url, outlet, headline, published, byline, text, sentences,
                                  detail, n_actors, n_events, n_quotes, schema, coded_by, stored_at)
            SELECT sha256(i::VARCHAR), 'gen://' || i, 'https://outlet' || (i % 40) || '.example/' || i,
                   'outlet' || (i % 40) || '.example', 'Story ' || i,
                   DATE '2023-01-01' + (i % 730)::INTEGER, [], 'Generated story number ' || i || '.',
                   [[0, 30]], '{{}}', 2, {per_article}, 0, 'wirecoder/1', 'bench', now()
            FROM range({n_events // per_article}) t(i)""")
        conn.execute(f"""
            INSERT INTO events BY NAME
            WITH g AS (
                SELECT i, i // {per_article} AS a,
                       (random() * 29)::INTEGER AS sc, (random() * 29)::INTEGER AS tc,
                       (random() * 4)::INTEGER AS ss, (random() * 4)::INTEGER AS ts,
                       (random() * {len(codes) - 1})::INTEGER AS k
                FROM range({n_events}) t(i))
            SELECT sha256(a::VARCHAR) AS article_id, 'E' || (i % {per_article} + 1) AS event_id,
                   DATE '2023-01-01' + (a % 730)::INTEGER AS day, DATE '2023-01-01' + (a % 730)::INTEGER AS date,
                   DATE '2023-01-01' + (a % 730)::INTEGER AS published,
                   'A1' AS source_actor, list_extract(?, sc + 1) || list_extract(?, ss + 1) AS source_code,
                   'Source ' || sc AS source_name, list_extract(?, sc + 1) AS source_country,
                   list_extract(?, ss + 1) AS source_sector,
                   'A2' AS target_actor, list_extract(?, tc + 1) || list_extract(?, ts + 1) AS target_code,
                   'Target ' || tc AS target_name, list_extract(?, tc + 1) AS target_country,
                   list_extract(?, ts + 1) AS target_sector,
                   cc.code AS cameo, left(cc.code, 2) AS root,
                   CASE WHEN left(cc.code, 2) <= '05' THEN 1 WHEN left(cc.code, 2) <= '08' THEN 2
                        WHEN left(cc.code, 2) <= '13' THEN 3 ELSE 4 END AS quad_class,
                   cc.goldstein, cc.plover, [] AS contexts, FALSE AS negated, FALSE AS background,
                   0 AS sentence_start, 30 AS sentence_end, 0 AS trigger_start, 9 AS trigger_end,
                   'Generated' AS trigger_text, 'bench' AS pattern,
                   source_code || '|' || target_code || '|' || cc.code AS cluster_key
            FROM g JOIN (SELECT row_number() OVER (ORDER BY code) - 1 AS k, code, goldstein, plover
                         FROM cameo_codes WHERE code IN (SELECT code FROM k)) cc USING (k)""",
                     [COUNTRIES, SECTORS] * 4)
        starts = key_starts(conn.execute(
            "SELECT cluster_key, min(day) FROM events GROUP BY cluster_key").fetchall())
        conn.begin()
        recluster(conn, starts)
        conn.commit()


def timed(label: str, fn, repeat: int) -> None:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    print(f"{label:<48} median {statistics.median(times) * 1000:8.1f} ms   "
          f"min {min(times) * 1000:8.1f} ms   ({len(result)} rows)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.db"
        if not path.exists():
            t = time.perf_counter()
            build(path, args.events)
            print(f"built a store of {args.events:,} events in {time.perf_counter() - t:.1f} s "
                  f"({path.stat().st_size / 1e6:.0f} MB)")
        store = Store.open(path, read_only=True)
        with store.reading() as conn:
            n, clusters = conn.execute("SELECT count(*), count(DISTINCT cluster_id) FROM events").fetchone()
        print(f"{n:,} event reports in {clusters:,} clusters")
        timed("dyad RUS UKR by month (clusters)", lambda: Q.dyad(store, "RUS", "UKR", by="month"), args.repeat)
        timed("dyad RUS UKR by week (reports)", lambda: Q.dyad(store, "RUS", "UKR", by="week", reports=True),
              args.repeat)
        timed("dyad RUSGOV UKRMIL by day, one year", lambda: Q.dyad(
            store, "RUSGOV", "UKRMIL", by="day", start=__import__("datetime").date(2024, 1, 1)), args.repeat)
        timed("events actor=RUS root=19 (50 newest clusters)", lambda: Q.events(store, actor="RUS", root="19",
                                                                                limit=50), args.repeat)
        timed("actors (30 most active)", lambda: Q.actors(store, limit=30), args.repeat)


if __name__ == "__main__":
    main()
