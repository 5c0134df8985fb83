"""The store: one DuckDB file, one writer at a time, short-lived connections.

DuckDB lets one process open a database file for writing, or several processes
open it read-only, never both at once. So nobody holds a connection for long:
the writer opens the file for each batch (one transaction, then close), and
readers (queries, the dashboard) open it read-only for one query at a time.
Whoever finds the file locked waits and retries with a growing pause, up to a
timeout. See docs/store.md ("Concurrency").
"""
from __future__ import annotations

import contextlib
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..ontology import Ontology
from ..records import CodedArticle, Skip
from ..settings import Settings
from . import schema
from .clusters import key_starts, recluster
from .rows import batch_tables, skipped_table

log = logging.getLogger(__name__)

READ_TIMEOUT = 15.0
WRITE_TIMEOUT = 120.0


@dataclass(frozen=True, slots=True)
class WriteResult:
    """What one :meth:`Store.write` did."""

    stored: int = 0
    already_stored: int = 0
    skipped: int = 0
    actors: int = 0
    events: int = 0
    quotes: int = 0


def _is_lock_error(exc: duckdb.Error) -> bool:
    text = str(exc).lower()
    return ("lock" in text and ("conflicting" in text or "could not set" in text)) or \
        "different configuration" in text


SAFE_CONFIG: dict[str, object] = {
    # no command and no request ever fetches, installs or loads a DuckDB extension
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "python_enable_replacements": False,  # SQL cannot read Python variables of the caller
    "lock_configuration": True,
}
"""DuckDB switches on every connection the store opens (``SET`` cannot change them)."""

SANDBOX_CONFIG: dict[str, object] = {**SAFE_CONFIG, "enable_external_access": False}
"""Also no file, folder or URL outside the store (``read_csv``, ``glob``, ``COPY``, ``ATTACH``...)."""

_DUCKDB_MAGIC = b"DUCK"  # bytes 8-11 of every DuckDB database file


def check_store_file(path: Path) -> None:
    """Refuse a file that is not a DuckDB database before DuckDB opens it (DuckDB would try
    to load the ``sqlite`` extension for a SQLite file). An empty file is a new store."""
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"cannot open the store {path}: {exc.strerror or exc}") from exc
    if not head or head[8:12] == _DUCKDB_MAGIC:
        return
    kind = "a SQLite database" if head.startswith(b"SQLite format 3") else "not a DuckDB file"
    raise StoreError(f"{path} is not a wirecoder store ({kind}): give --db a store made by "
                     f"`wirecoder ingest` or the name of a new file")


def _connect(path: Path, read_only: bool, timeout: float, config: dict[str, object]) -> duckdb.DuckDBPyConnection:
    """Open the file, waiting while another process holds a conflicting lock."""
    check_store_file(path)
    deadline = time.monotonic() + timeout
    pause = 0.005
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=dict(config))
        except duckdb.Error as exc:
            if not _is_lock_error(exc):
                raise StoreError(f"cannot open the store {path}: {exc}") from exc
            if time.monotonic() + pause > deadline:
                raise StoreError(
                    f"the store {path} stayed locked by another process for {timeout:.0f} s "
                    f"({exc}); wait for the other wirecoder process to finish, or stop it") from exc
            time.sleep(pause)
            pause = min(pause * 2, 0.25)


@dataclass(frozen=True, slots=True)
class Store:
    """A handle on a store file. It holds no connection: each operation opens one.

    ``Store.open(path)`` creates the file and its schema when needed;
    ``Store.open(path, read_only=True)`` requires it to exist and never writes.
    ``files=False`` forbids queries from reading or writing other files
    (for servers taking SQL from users). No connection ever installs or loads
    a DuckDB extension (:data:`SAFE_CONFIG`). ``init=True`` lets ``open`` add
    the wirecoder tables to a DuckDB file that already holds other tables.
    """

    path: Path
    read_only: bool = False
    timeout: float = READ_TIMEOUT
    files: bool = True

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False, *, timeout: float | None = None,
             files: bool = True, settings: Settings | None = None, init: bool = False) -> "Store":
        path = Path(path)
        if read_only:
            if not path.exists():
                raise StoreError(f"there is no store at {path}: create one with "
                                 f"`wirecoder ingest SOURCE... --db {path}`")
            store = cls(path, True, READ_TIMEOUT if timeout is None else timeout, files)
            store._check_version()
            return store
        if path.parent and not path.parent.exists():
            raise StoreError(f"the folder {path.parent} does not exist: create it first")
        store = cls(path, False, WRITE_TIMEOUT if timeout is None else timeout, files)
        store._create(settings or Settings(), init=init)
        return store

    # -- connections -------------------------------------------------------

    @contextlib.contextmanager
    def connect(self, *, write: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A short-lived connection (read-only unless ``write``), closed on exit."""
        if write and self.read_only:
            raise StoreError(f"the store {self.path} was opened read-only; open it with read_only=False to write")
        config = SAFE_CONFIG if self.files or write else SANDBOX_CONFIG
        conn = _connect(self.path, not write, self.timeout, config)
        try:
            yield conn
        finally:
            conn.close()

    def reading(self) -> contextlib.AbstractContextManager[duckdb.DuckDBPyConnection]:
        """A read-only connection, retried while a writer holds the file."""
        return self.connect(write=False)

    def sandboxed(self) -> "Store":
        """The same store, read-only, its SQL unable to reach files, folders or URLs."""
        return Store(self.path, True, self.timeout, False)

    def _create(self, settings: Settings, *, init: bool = False) -> None:
        ontology = Ontology.load(settings.data_dir / "cameo.tsv")
        with self.connect(write=True) as conn:
            if not init:
                self._refuse_foreign(conn)
            try:
                conn.begin()
                for statement in schema.ddl():
                    conn.execute(statement)
                version = conn.execute("SELECT value FROM store_meta WHERE key = 'schema_version'").fetchone()
                if version is None:
                    conn.execute("INSERT INTO store_meta VALUES ('schema_version', ?)", [str(schema.SCHEMA_VERSION)])
                    codes = pa.Table.from_pylist(
                        [{"code": c.code, "name": c.name, "goldstein": c.goldstein, "plover": c.plover}
                         for c in ontology], schema=schema.CAMEO.arrow_schema)
                    conn.register("wc_codes", codes)
                    conn.execute("INSERT INTO cameo_codes BY NAME SELECT * FROM wc_codes")
                    conn.unregister("wc_codes")
                elif version[0] != str(schema.SCHEMA_VERSION):
                    raise StoreError(self._version_message(version[0]))
                conn.commit()
            except duckdb.Error as exc:
                conn.rollback()
                raise StoreError(f"cannot create the store schema in {self.path}: {exc}") from exc

    def _refuse_foreign(self, conn: duckdb.DuckDBPyConnection) -> None:
        """A DuckDB file holding tables but no wirecoder store is someone else's database."""
        names = [r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() "
            "ORDER BY table_name").fetchall()]
        if names and "store_meta" not in names:
            shown = ", ".join(names[:5]) + (", ..." if len(names) > 5 else "")
            raise StoreError(f"{self.path} is a DuckDB database with other tables ({shown}) and no wirecoder "
                             f"store: give another --db file, or --init to add the wirecoder tables to it")

    def _version_message(self, found: str) -> str:
        return (f"the store {self.path} has schema version {found}, this wirecoder writes version "
                f"{schema.SCHEMA_VERSION}: export it with the wirecoder that made it, or ingest into a new file")

    def _check_version(self) -> None:
        with self.reading() as conn:
            try:
                row = conn.execute("SELECT value FROM store_meta WHERE key = 'schema_version'").fetchone()
            except duckdb.Error as exc:
                raise StoreError(f"{self.path} is not a wirecoder store (it has no store_meta table): "
                                 f"give --db a store made by `wirecoder ingest SOURCE... --db PATH`") from exc
        if row is None or row[0] != str(schema.SCHEMA_VERSION):
            raise StoreError(self._version_message(row[0] if row else "none"))

    # -- writing -----------------------------------------------------------

    def stored_ids(self, ids: Sequence[str]) -> frozenset[str]:
        """Which of ``ids`` are stored already (one short connection)."""
        if not ids:
            return frozenset()
        with self.connect(write=not self.read_only) as conn:
            return _stored(conn, ids)

    def write(self, batch: Sequence[CodedArticle | Skip]) -> WriteResult:
        """Write a batch of coded articles and skips in ONE transaction.

        Articles already stored (by id) are left alone: writing is exactly-once
        however often the same article comes. Callers producing records
        elsewhere (a Dask cluster) call this with what comes back.
        """
        coded: dict[str, CodedArticle] = {}
        skips: list[Skip] = []
        for item in batch:
            if isinstance(item, CodedArticle):
                coded.setdefault(item.article.id, item)
            elif isinstance(item, Skip):
                skips.append(item)
            else:
                raise StoreError(f"Store.write takes CodedArticle and Skip records, not {type(item).__name__}")
        duplicates = sum(isinstance(i, CodedArticle) for i in batch) - len(coded)
        with self.connect(write=True) as conn:
            try:
                conn.begin()
                existing = _stored(conn, list(coded))
                new = [c for aid, c in coded.items() if aid not in existing]
                tables = batch_tables(new)
                for name, table in tables.items():
                    _insert(conn, name, table)
                if new:
                    conn.register("wc_sources", pa.table({"source": [c.article.source for c in new]}))
                    conn.execute("DELETE FROM skipped WHERE source IN (SELECT source FROM wc_sources)")
                    conn.unregister("wc_sources")
                if skips:
                    conn.register("wc_skips", skipped_table(skips))
                    conn.execute("""INSERT INTO skipped BY NAME SELECT * FROM wc_skips
                                    ON CONFLICT (source, reason) DO UPDATE
                                    SET "at" = excluded."at", attempts = skipped.attempts + 1""")
                    conn.unregister("wc_skips")
                events = tables.events
                recluster(conn, key_starts(
                    (k, d) for k, d in zip(events.column("cluster_key").to_pylist(),
                                           events.column("day").to_pylist()) if k is not None))
                conn.commit()
            except duckdb.Error as exc:
                conn.rollback()
                raise StoreError(f"cannot write to the store {self.path}: {exc}") from exc
            except BaseException:
                conn.rollback()
                raise
        return WriteResult(stored=len(new), already_stored=len(existing) + duplicates, skipped=len(skips),
                           actors=tables.actors.num_rows, events=tables.events.num_rows,
                           quotes=tables.quotes.num_rows)


def _stored(conn: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> frozenset[str]:
    if not ids:
        return frozenset()
    conn.register("wc_ids", pa.table({"id": pa.array(list(ids), pa.string())}))
    try:
        rows = conn.execute("SELECT a.id FROM articles a JOIN wc_ids USING (id)").fetchall()
    finally:
        conn.unregister("wc_ids")
    return frozenset(r[0] for r in rows)


def _insert(conn: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> None:
    if table.num_rows == 0:
        return
    conn.register("wc_rows", table)
    try:
        conn.execute(f"INSERT INTO {name} BY NAME SELECT * FROM wc_rows")  # name: one of schema.TABLES
    finally:
        conn.unregister("wc_rows")
