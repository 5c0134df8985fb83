"""The event store: ingest coded articles into DuckDB exactly once, cluster
reports of the same event, query and export them. See docs/store.md."""
from __future__ import annotations

from .ingest import IngestSummary, Producer, code_batch, code_locally, estimate_total, ingest, read_coded
from .schema import SCHEMA_VERSION, TABLES, schema_markdown
from .store import Store, WriteResult

__all__ = ["Store", "WriteResult", "IngestSummary", "Producer", "ingest", "code_locally", "code_batch",
           "read_coded", "estimate_total", "SCHEMA_VERSION", "TABLES", "schema_markdown"]
