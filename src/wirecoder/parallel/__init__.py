"""Scale out: code a corpus on a Dask cluster and write Parquet or the store.

- :func:`code_on_cluster` codes articles on ``local:N`` worker processes or a
  running Dask scheduler (``tcp://host:8786``), one Coder per worker.
- :class:`ParquetWriter` writes coded articles as date-partitioned Parquet
  tables (articles, actors, events, quotes) that DuckDB reads directly.
- :func:`cluster_producer` plugs a cluster into the store's ingest;
  :func:`ingest` writes the store and/or Parquet, coding on a cluster or here.

See docs/scale.md.
"""
from __future__ import annotations

from .ingest import cluster_producer, ingest
from .parquet import ParquetWriter, write_parquet
from .run import Partition, code_on_cluster, partitions

__all__ = ["code_on_cluster", "cluster_producer", "ingest", "ParquetWriter", "write_parquet",
           "partitions", "Partition"]
