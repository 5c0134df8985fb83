"""Exports: GDELT 2.0-style event CSV, PLOVER JSON Lines, Parquet of every table.

Everything streams: rows come out of DuckDB as Arrow record batches and are
written batch by batch, so a store of any size exports in constant memory.
Undated and negated events are not exported as GDELT rows or PLOVER records
(both formats assert that a dated event happened); the Parquet export has
everything.
"""
from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .. import __version__
from ..errors import StoreError
from . import schema
from .store import Store

FORMATS = ("gdelt", "plover", "parquet")
BATCH_ROWS = 50_000

GDELT_COLUMNS = (
    "GlobalEventID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
    "DATEADDED", "SOURCEURL",
)
"""The GDELT 2.0 event-table columns wirecoder fills, in GDELT's order and with its names.
(Country codes are ISO 3166-1 alpha-3 / CAMEO, also in ActionGeo_CountryCode where GDELT uses FIPS.)"""


@dataclass(frozen=True, slots=True)
class ExportSummary:
    format: str
    paths: tuple[Path, ...]
    rows: int


def _reports(reports: bool) -> str:
    """Each exported event: one report per cluster (the earliest) with the cluster's counts,
    or every report with ``reports``."""
    pick = "" if reports else \
        "QUALIFY row_number() OVER (PARTITION BY e.cluster_id ORDER BY e.day, e.article_id, e.event_id) = 1"
    return f"""
        WITH r AS (SELECT e.* FROM events e WHERE NOT e.negated AND e.day IS NOT NULL {pick}),
        s AS (SELECT e.cluster_id, count(*) AS num_reports, count(DISTINCT e.article_id) AS num_articles,
                     count(DISTINCT coalesce(a.outlet, a.id)) AS num_sources,
                     list(DISTINCT substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)
                          ORDER BY substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start))
                       AS sentences
              FROM events e JOIN articles a ON a.id = e.article_id
              WHERE NOT e.negated AND e.day IS NOT NULL GROUP BY e.cluster_id)
    """


def _gdelt_sql(reports: bool) -> str:
    ident = "r.cluster_id || '/' || r.article_id || '/' || r.event_id" if reports else "r.cluster_id"
    return _reports(reports) + f"""
        SELECT ('0x' || substr(md5({ident}), 1, 15))::BIGINT AS GlobalEventID,
               strftime(r.day, '%Y%m%d')::INTEGER AS SQLDATE,
               strftime(r.day, '%Y%m')::INTEGER AS MonthYear,
               year(r.day)::INTEGER AS Year,
               round(year(r.day) + (dayofyear(r.day) - 1) / 365.0, 4) AS FractionDate,
               r.source_code AS Actor1Code, upper(r.source_name) AS Actor1Name,
               r.source_country AS Actor1CountryCode, r.source_sector AS Actor1Type1Code,
               r.target_code AS Actor2Code, upper(r.target_name) AS Actor2Name,
               r.target_country AS Actor2CountryCode, r.target_sector AS Actor2Type1Code,
               r.cameo AS EventCode, left(r.cameo, 3) AS EventBaseCode, r.root AS EventRootCode,
               r.quad_class::INTEGER AS QuadClass, r.goldstein AS GoldsteinScale,
               {"1" if reports else "s.num_reports"}::INTEGER AS NumMentions,
               {"1" if reports else "s.num_sources"}::INTEGER AS NumSources,
               {"1" if reports else "s.num_articles"}::INTEGER AS NumArticles,
               r.location_name AS ActionGeo_FullName, r.location_country AS ActionGeo_CountryCode,
               r.lat AS ActionGeo_Lat, r.lon AS ActionGeo_Long,
               strftime(a.stored_at, '%Y%m%d%H%M%S') AS DATEADDED,
               coalesce(a.url, a.source) AS SOURCEURL
        FROM r JOIN s USING (cluster_id) JOIN articles a ON a.id = r.article_id
        ORDER BY r.day, GlobalEventID"""


def _plover_sql(reports: bool) -> str:
    return _reports(reports) + f"""
        SELECT {"r.article_id || '/' || r.event_id" if reports else "r.cluster_id"} AS id,
               r.cluster_id, r.day, r.source_code, r.source_name, r.source_country, r.source_sector,
               r.target_code, r.target_name, r.target_country, r.target_sector,
               r.plover, r.plover_mode, r.contexts, r.quad_class, r.goldstein, r.cameo,
               r.location_name, r.location_country, r.lat, r.lon,
               {"[substr(a.text, r.sentence_start + 1, r.sentence_end - r.sentence_start)]"
                if reports else "s.sentences"} AS sentences,
               r.sentence_start, r.sentence_end, r.trigger_text, r.article_id, r.event_id,
               a.url, a.source, a.headline, a.outlet, a.published, a.stored_at,
               s.num_reports, s.num_articles, s.num_sources
        FROM r JOIN s USING (cluster_id) JOIN articles a ON a.id = r.article_id
        WHERE r.plover IS NOT NULL
        ORDER BY r.day, id"""


def _batches(conn: duckdb.DuckDBPyConnection, sql: str) -> Iterator[pa.RecordBatch]:
    yield from conn.sql(sql).to_arrow_reader(BATCH_ROWS)


def _actor(code, name, country, sector) -> list[dict[str, str]]:
    if not code:
        return []
    actor = {"code": country or code, "actor_text": name}
    if sector:
        actor["sector"] = sector
    actor["cameo_code"] = code
    return [actor]


def plover_record(row: dict) -> dict:
    """One PLOVER record (field names from the PLOVER manual's JSON chapter) from an export row."""
    loc = None
    if row["location_name"]:
        loc = {"name": row["location_name"], "cc3": row["location_country"],
               "latitude": row["lat"], "longitude": row["lon"]}
    return {
        "id": row["id"],
        "date": row["day"].isoformat(),
        "source": _actor(row["source_code"], row["source_name"], row["source_country"], row["source_sector"]),
        "recipient": _actor(row["target_code"], row["target_name"], row["target_country"], row["target_sector"]),
        "actor": row["source_name"], "actor_country": row["source_country"],
        "recipient_name": row["target_name"], "recipient_country": row["target_country"],
        "event": [row["plover"]],
        "mode": [row["plover_mode"]] if row["plover_mode"] else [],
        "context": list(row["contexts"] or []),
        "quad_code": row["quad_class"],
        "event_scale": row["goldstein"],
        "event_loc": loc,
        "event_text": list(row["sentences"] or []),
        "text_info": {"start": row["sentence_start"], "end": row["sentence_end"],
                      "trigger": row["trigger_text"], "article_id": row["article_id"],
                      "event_id": row["event_id"]},
        "cite_info": {"url": row["url"] or row["source"], "title": row["headline"],
                      "publication": row["outlet"], "language": "en",
                      "coder": f"wirecoder {__version__}", "codebook": f"CAMEO {row['cameo']}"},
        "link": row["cluster_id"],
        "num_reports": row["num_reports"], "num_articles": row["num_articles"],
        "num_sources": row["num_sources"],
        "coder": f"wirecoder {__version__}",
        "coded_date": row["stored_at"].date().isoformat() if row["stored_at"] else None,
        "publication_date": row["published"].isoformat() if row["published"] else None,
    }


def export(store: Store, fmt: str, out: str | Path, *, reports: bool = False,
           stream: BinaryIO | None = None) -> ExportSummary:
    """Write the store as ``gdelt`` (CSV file), ``plover`` (JSON Lines file) or
    ``parquet`` (a folder with one file per table) at ``out``; ``stream``: write the
    gdelt or plover rows to this binary stream instead (``out`` only names it)."""
    out = Path(out)
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if stream is not None and fmt == "parquet":
        raise StoreError("parquet is a folder of files: give --out FOLDER, not a stream")
    try:
        with store.reading() as conn:
            if fmt == "gdelt":
                return _export_gdelt(conn, out, reports, stream)
            if fmt == "plover":
                return _export_plover(conn, out, reports, stream)
            return _export_parquet(conn, out)
    except duckdb.Error as exc:
        raise StoreError(f"the export from {store.path} failed: {exc}") from exc
    except OSError as exc:
        raise StoreError(f"cannot write {out}: {exc}") from exc


def _export_gdelt(conn: duckdb.DuckDBPyConnection, out: Path, reports: bool,
                  stream: BinaryIO | None = None) -> ExportSummary:
    rows = 0
    reader = conn.sql(_gdelt_sql(reports)).to_arrow_reader(BATCH_ROWS)
    with pacsv.CSVWriter(stream if stream is not None else str(out), reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
            rows += batch.num_rows
    return ExportSummary("gdelt", (out,), rows)


def _export_plover(conn: duckdb.DuckDBPyConnection, out: Path, reports: bool,
                   stream: BinaryIO | None = None) -> ExportSummary:
    rows = 0
    with (contextlib.nullcontext(stream) if stream is not None else out.open("wb")) as fh:
        for batch in _batches(conn, _plover_sql(reports)):
            for row in batch.to_pylist():
                fh.write((json.dumps(plover_record(row), ensure_ascii=False) + "\n").encode("utf-8"))
                rows += 1
        fh.flush()
    return ExportSummary("plover", (out,), rows)


def _export_parquet(conn: duckdb.DuckDBPyConnection, out: Path) -> ExportSummary:
    out.mkdir(parents=True, exist_ok=True)
    paths, rows = [], 0
    for table in schema.TABLES:
        path = out / f"{table.name}.parquet"
        reader = conn.sql(f"SELECT * FROM {table.name}").to_arrow_reader(BATCH_ROWS)  # name from schema
        with pq.ParquetWriter(str(path), reader.schema) as writer:
            for batch in reader:
                writer.write_batch(batch)
                rows += batch.num_rows
        paths.append(path)
    return ExportSummary("parquet", tuple(paths), rows)
