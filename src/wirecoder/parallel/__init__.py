"""Scale out: code a corpus on a Dask cluster and write Parquet or the store.

- :func:`code_on_cluster` codes articles on ``local:N`` worker processes or a
  running Dask scheduler (``tcp://host:8786``), one Coder per worker.
- :class:`ParquetWriter` writes coded articles as date-partitioned Parquet
  tables (articles, actors, events, quotes) that DuckDB reads directly.
- :func:`ingest` is the single writer: coded records from the cluster (or this
  process) into the store and/or Parquet.

See docs/scale.md.
"""
from __future__ import annotations

from .run import Partition, code_locally, code_on_cluster, partitions

__all__ = ["code_on_cluster", "code_locally", "partitions", "Partition"]
