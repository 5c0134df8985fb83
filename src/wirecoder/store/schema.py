"""The store's schema: every table and column, with what it means.

The tables are declared once here as records; the DuckDB DDL, the Arrow
schemas used for batched writes and the schema section of ``docs/store.md``
(:func:`schema_markdown`) are all derived from these declarations.
"""
from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

SCHEMA_VERSION = 1

_ARROW = {
    "VARCHAR": pa.string(),
    "VARCHAR[]": pa.list_(pa.string()),
    "INTEGER": pa.int32(),
    "INTEGER[][]": pa.list_(pa.list_(pa.int32())),
    "BIGINT": pa.int64(),
    "TINYINT": pa.int8(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "JSON": pa.string(),
}


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # a DuckDB type, one of _ARROW's keys
    doc: str
    key: bool = False  # part of the table's primary key

    @property
    def arrow(self) -> pa.DataType:
        return _ARROW[self.type]


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    doc: str
    columns: tuple[Column, ...]
    enforce_key: bool = True  # False: the key is documented, not indexed (child tables: cheap inserts)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def arrow_schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, c.arrow) for c in self.columns])

    def ddl(self) -> str:
        cols = [f'"{c.name}" {c.type}' for c in self.columns]
        keys = [c.name for c in self.columns if c.key]
        if keys and self.enforce_key:
            cols.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in keys) + ")")
        return f"CREATE TABLE IF NOT EXISTS {self.name} (\n  " + ",\n  ".join(cols) + "\n)"


def _actor_columns(side: str, what: str) -> tuple[Column, ...]:
    return (
        Column(f"{side}_actor", "VARCHAR", f"the {what}'s actor id in its article (`A1`)"),
        Column(f"{side}_code", "VARCHAR", f"the {what}'s CAMEO actor code (`RUSGOV`)"),
        Column(f"{side}_name", "VARCHAR", f"the {what}'s name as resolved (`Vladimir Putin`)"),
        Column(f"{side}_country", "VARCHAR", f"the {what}'s country part (ISO 3166-1 alpha-3 or region code)"),
        Column(f"{side}_sector", "VARCHAR", f"the {what}'s sector part (`GOV`, `MIL`, `OPP`, ...)"),
    )


ARTICLES = Table("articles", "One row per stored article. The id is the key of exactly-once ingest.", (
    Column("id", "VARCHAR", "sha256 of the article text, hex", key=True),
    Column("source", "VARCHAR", "the path or URL it was read from"),
    Column("url", "VARCHAR", "its URL when known"),
    Column("outlet", "VARCHAR", "who published it: the URL's host, else the dateline's agency "
           "(counts the *sources* of an event cluster)"),
    Column("headline", "VARCHAR", "headline"),
    Column("published", "DATE", "publication date"),
    Column("byline", "VARCHAR[]", "authors"),
    Column("dateline_place", "VARCHAR", "the dateline's place (`MOSCOW`)"),
    Column("dateline_agency", "VARCHAR", "the dateline's agency (`Reuters`)"),
    Column("text", "VARCHAR", "the text every offset points into"),
    Column("sentences", "INTEGER[][]", "sentence spans `[start, end)`"),
    Column("detail", "JSON", "the rest of the article record (dateline and credits spans, "
           "headline span, metadata spans, notes)"),
    Column("n_actors", "INTEGER", "number of actors"),
    Column("n_events", "INTEGER", "number of events"),
    Column("n_quotes", "INTEGER", "number of quotes"),
    Column("schema", "VARCHAR", "the output contract it was coded under (`wirecoder/1`)"),
    Column("coded_by", "VARCHAR", "wirecoder version that coded it"),
    Column("stored_at", "TIMESTAMP", "when it was written (UTC)"),
))

ACTORS = Table("actors", "One row per actor of an article.", (
    Column("article_id", "VARCHAR", "the article", key=True),
    Column("actor_id", "VARCHAR", "the actor's id in the article (`A1`)", key=True),
    Column("name", "VARCHAR", "resolved name"),
    Column("code", "VARCHAR", "CAMEO actor code (`RUSGOV`)"),
    Column("country", "VARCHAR", "country part of the code"),
    Column("sector", "VARCHAR", "sector part of the code"),
    Column("role", "VARCHAR", "role or title (`President`)"),
    Column("kind", "VARCHAR", "person, organisation, country, group, igo, metonym"),
    Column("resolved_by", "VARCHAR", "how the code was found (title, knowledge, ...)"),
    Column("note", "VARCHAR", "the coder's note"),
    Column("n_mentions", "INTEGER", "how many times the article mentions it"),
    Column("mentions", "INTEGER[][]", "the spans of its mentions"),
), enforce_key=False)

MENTIONS = Table("mentions", "One row per place in the text that names or refers to an actor.", (
    Column("article_id", "VARCHAR", "the article"),
    Column("actor_id", "VARCHAR", "the actor it refers to"),
    Column("start", "INTEGER", "span start"),
    Column("end", "INTEGER", "span end"),
    Column("text", "VARCHAR", "`text[start:end]`"),
    Column("kind", "VARCHAR", "name, title, pronoun, metonym, country, demonym, group, igo, role"),
))

EVENTS = Table("events", "One row per event report (an event as told by one article), "
               "GDELT-like flat columns plus the report's evidence.", (
    Column("article_id", "VARCHAR", "the article that reports it", key=True),
    Column("event_id", "VARCHAR", "the event's id in the article (`E1`)", key=True),
    Column("cluster_id", "VARCHAR", "the event cluster: reports of the same event "
           "(same source and target codes, same CAMEO code, within a day) share it"),
    Column("cluster_key", "VARCHAR", "`SOURCE|TARGET|CAMEO` the clustering groups on "
           "(NULL: not clustered: negated, undated or without actor codes)"),
    Column("cluster_day", "DATE", "the first day of the cluster"),
    Column("day", "DATE", "the day the event is counted on: its own date, else the article's "
           "publication date unless the event is background (then NULL)"),
    Column("date", "DATE", "the event's date as resolved from the text (NULL: unknown)"),
    Column("published", "DATE", "the article's publication date"),
    *_actor_columns("source", "source"),
    *_actor_columns("target", "target"),
    Column("cameo", "VARCHAR", "CAMEO event code (`051`)"),
    Column("root", "VARCHAR", "CAMEO root code (`05`)"),
    Column("quad_class", "TINYINT", "1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict"),
    Column("goldstein", "DOUBLE", "Goldstein scale value of the code"),
    Column("plover", "VARCHAR", "PLOVER event type (NULL for roots 01, 02)"),
    Column("plover_mode", "VARCHAR", "PLOVER mode"),
    Column("contexts", "VARCHAR[]", "PLOVER contexts"),
    Column("negated", "BOOLEAN", "the text says it did not happen"),
    Column("background", "BOOLEAN", "older than the news"),
    Column("location_name", "VARCHAR", "where it happened"),
    Column("location_country", "VARCHAR", "country of the location (alpha-3)"),
    Column("lat", "DOUBLE", "latitude"),
    Column("lon", "DOUBLE", "longitude"),
    Column("location_from", "VARCHAR", "`dateline` or `text`"),
    Column("sentence_start", "INTEGER", "evidence: sentence span start"),
    Column("sentence_end", "INTEGER", "evidence: sentence span end"),
    Column("trigger_start", "INTEGER", "evidence: trigger span start"),
    Column("trigger_end", "INTEGER", "evidence: trigger span end"),
    Column("trigger_text", "VARCHAR", "evidence: `text[trigger_start:trigger_end]`"),
    Column("quote_id", "VARCHAR", "the quote the event was found in (`Q1`)"),
    Column("pattern", "VARCHAR", "the pattern that produced the event"),
), enforce_key=False)

QUOTES = Table("quotes", "One row per quote.", (
    Column("article_id", "VARCHAR", "the article", key=True),
    Column("quote_id", "VARCHAR", "the quote's id in the article (`Q1`)", key=True),
    Column("kind", "VARCHAR", "direct, indirect or term"),
    Column("start", "INTEGER", "span start"),
    Column("end", "INTEGER", "span end"),
    Column("text", "VARCHAR", "the quoted text"),
    Column("speaker", "VARCHAR", "the speaker's actor id"),
    Column("speaker_name", "VARCHAR", "the speaker's name"),
    Column("speaker_code", "VARCHAR", "the speaker's CAMEO actor code"),
    Column("cue_start", "INTEGER", "the speech verb's span start"),
    Column("cue_end", "INTEGER", "the speech verb's span end"),
    Column("published", "DATE", "the article's publication date"),
), enforce_key=False)

SKIPPED = Table("skipped", "Inputs that could not be stored, and why (one row per source and reason).", (
    Column("source", "VARCHAR", "the input (path, `file.jsonl:17`, URL)", key=True),
    Column("reason", "VARCHAR", "why it was skipped", key=True),
    Column("at", "TIMESTAMP", "when (UTC), the latest attempt"),
    Column("attempts", "INTEGER", "how many runs skipped it"),
))

CAMEO = Table("cameo_codes", "The CAMEO table the store was built with (for names in queries).", (
    Column("code", "VARCHAR", "CAMEO event code", key=True),
    Column("name", "VARCHAR", "its name"),
    Column("goldstein", "DOUBLE", "Goldstein value"),
    Column("plover", "VARCHAR", "PLOVER type"),
))

META = Table("store_meta", "Facts about the store itself (`schema_version`).", (
    Column("key", "VARCHAR", "name", key=True),
    Column("value", "VARCHAR", "value"),
))

TABLES: tuple[Table, ...] = (ARTICLES, ACTORS, MENTIONS, EVENTS, QUOTES, SKIPPED, CAMEO, META)

CLUSTERS_VIEW = """
CREATE OR REPLACE VIEW clusters AS
SELECT e.cluster_id,
       any_value(e.cluster_key) AS cluster_key,
       min(e.day) AS first_day,
       max(e.day) AS last_day,
       count(*) AS num_reports,
       count(DISTINCT e.article_id) AS num_articles,
       count(DISTINCT coalesce(a.outlet, a.id)) AS num_sources
FROM events e JOIN articles a ON a.id = e.article_id
GROUP BY e.cluster_id
"""

VIEWS_DOC = {
    "clusters": "One row per event cluster: cluster_id, cluster_key, first_day, last_day, "
                "num_reports (GDELT NumMentions), num_articles (NumArticles), "
                "num_sources (NumSources: distinct outlets).",
}


def ddl() -> tuple[str, ...]:
    """Every statement that creates the schema (idempotent)."""
    return tuple(t.ddl() for t in TABLES) + (CLUSTERS_VIEW,)


def table(name: str) -> Table:
    for t in TABLES:
        if t.name == name:
            return t
    raise KeyError(name)


def schema_markdown() -> str:
    """The schema as Markdown tables (what docs/store.md shows)."""
    out: list[str] = []
    for t in TABLES:
        out.append(f"### `{t.name}`\n\n{t.doc}\n\n| column | type | meaning |\n| --- | --- | --- |")
        for c in t.columns:
            key = " (key)" if c.key else ""
            out.append(f"| `{c.name}`{key} | {c.type} | {c.doc} |")
        out.append("")
    for name, doc in VIEWS_DOC.items():
        out.append(f"### view `{name}`\n\n{doc}\n")
    return "\n".join(out)
