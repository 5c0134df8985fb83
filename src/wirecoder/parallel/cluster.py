"""Reaching a Dask cluster, and the one Coder each worker keeps.

``connect("local:4")`` starts a :class:`~distributed.LocalCluster` of four
single-threaded worker processes (and stops it afterwards);
``connect("tcp://host:8786")`` joins a running ``dask scheduler``. Every worker
gets a :class:`CoderPlugin`: it loads the spaCy pipeline and the knowledge base
once, when the worker starts (or when the plugin is registered), and the coding
tasks borrow that Coder. Nothing is kept in a module-level global.
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import dask
import distributed
from distributed.diagnostics.plugin import WorkerPlugin

from ..errors import ClusterError
from ..settings import DATA_DIR, Settings

if TYPE_CHECKING:
    from distributed import Client
    from ..pipeline import Coder

log = logging.getLogger(__name__)

LOCAL = "local"
WORKER_CONFIG: tuple[tuple[str, object], ...] = (
    ("distributed.worker.profile.enabled", False),
    ("distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_", None),
)
"""Dask settings for the local workers wirecoder starts: without the statistical profiler
and the aggressive malloc trimming, a worker spends no more CPU per article than one
process does (bench/scale.py; docs/scale.md shows the same for `dask worker`)."""
PACKAGED = Path("<wirecoder-packaged-data>")


@dataclass(frozen=True, slots=True)
class ClusterSpec:
    """Where to code: ``local`` with ``workers`` processes, or a scheduler ``address``."""

    workers: int = 0
    address: str | None = None

    @classmethod
    def parse(cls, text: str) -> "ClusterSpec":
        """``local``, ``local:N`` or ``tcp://HOST:PORT`` (any Dask scheduler address)."""
        value = text.strip()
        if value == LOCAL or value.startswith(LOCAL + ":"):
            count = value[len(LOCAL) + 1:] or "0"
            if not count.isdigit():
                raise ClusterError(
                    f"{text!r} is not a cluster: write local:N with N the number of worker "
                    "processes (local:2), or a scheduler address (tcp://host:8786)")
            return cls(workers=int(count))
        if "://" in value:
            return cls(address=value)
        raise ClusterError(
            f"{text!r} is not a cluster: write local:N (N worker processes on this machine) "
            "or the address of a running dask scheduler (tcp://host:8786)")


def versions() -> dict[str, str]:
    """What a worker must share with the client for the same answer."""
    import spacy
    from .. import __version__
    return {"wirecoder": __version__, "spacy": spacy.__version__}


def plugin_name(settings: Settings) -> str:
    """One plugin (one Coder) per distinct Settings and versions on a worker."""
    key = repr((settings, sorted(versions().items())))
    return "wirecoder-coder-" + hashlib.sha1(key.encode()).hexdigest()[:12]


def _has_coder(name: str, dask_worker=None) -> bool:
    plugin = dask_worker.plugins.get(name) if dask_worker is not None else None
    return getattr(plugin, "coder", None) is not None


def _registered(name: str, dask_scheduler=None) -> bool:
    return dask_scheduler is not None and name in dask_scheduler.worker_plugins


def _ready(client: "Client", name: str) -> bool:
    """Whether every worker already keeps a coder for these settings (a cluster that
    coded before): then it is not loaded again."""
    return bool(client.run_on_scheduler(_registered, name)) and all(
        client.run(_has_coder, name).values())


def portable_settings(settings: Settings) -> Settings:
    """The settings as a worker on another machine can use them: the packaged data
    folder of the client is replaced by the worker's own."""
    if settings.data_dir.resolve() == DATA_DIR.resolve():
        return settings.with_(data_dir=PACKAGED)
    return settings


def worker_settings(settings: Settings) -> Settings:
    if settings.data_dir == PACKAGED:
        return settings.with_(data_dir=DATA_DIR)
    return settings


class CoderPlugin(WorkerPlugin):
    """Builds one :class:`~wirecoder.Coder` on each worker and lends it to tasks.

    ``setup`` runs on every worker, also on one that joins or restarts later;
    a worker whose wirecoder or spaCy version differs from the client's refuses
    to start the plugin (the same corpus must give the same answer everywhere).
    """

    idempotent = False

    def __init__(self, settings: Settings, client_versions: dict[str, str]) -> None:
        self.settings = portable_settings(settings)
        self.client_versions = dict(client_versions)
        self.coder: "Coder | None" = None
        self.error: str | None = None
        self.lock = threading.Lock()

    def __getstate__(self) -> dict:
        return {"settings": self.settings, "client_versions": self.client_versions}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["settings"], state["client_versions"])

    def setup(self, worker=None) -> None:
        here = versions()
        if here != self.client_versions:
            self.error = (f"worker {getattr(worker, 'address', '?')} has {here}, the client has "
                          f"{self.client_versions}: install the same versions on every worker")
            raise ClusterError(self.error)
        from ..pipeline import Coder
        try:
            self.coder = Coder(worker_settings(self.settings))
        except Exception as exc:
            self.error = f"worker {getattr(worker, 'address', '?')} cannot build the coder: {exc}"
            raise
        log.info("wirecoder coder ready on worker %s", getattr(worker, "address", "?"))

    def teardown(self, worker=None) -> None:
        self.coder = None


@contextlib.contextmanager
def borrowed_coder(name: str) -> Iterator["Coder"]:
    """The Coder of the worker running the current task (one task at a time)."""
    from distributed import get_worker
    worker = get_worker()
    plugin = worker.plugins.get(name)
    if plugin is None or plugin.coder is None:
        problem = getattr(plugin, "error", None) or "the wirecoder plugin is not set up"
        raise ClusterError(f"worker {worker.address}: {problem}")
    with plugin.lock:
        yield plugin.coder


@contextlib.contextmanager
def connect(cluster: "str | ClusterSpec | Client | object", settings: Settings,
            ) -> Iterator[tuple["Client", str]]:
    """A Client on ``cluster`` with the coder plugin registered; yields (client, plugin name).

    ``cluster`` is ``local:N``, a scheduler address, a :class:`ClusterSpec`, a
    running :class:`distributed.Client` (used as is, not closed) or a Dask cluster
    object (``LocalCluster(...)``; not closed either).
    """
    with contextlib.ExitStack() as stack:
        if isinstance(cluster, distributed.Client):
            client = cluster
        else:
            if isinstance(cluster, str):
                cluster = ClusterSpec.parse(cluster)
            if isinstance(cluster, ClusterSpec):
                client = stack.enter_context(_client_for(cluster))
            else:
                client = stack.enter_context(distributed.Client(cluster))
        name = plugin_name(settings)
        if not client.scheduler_info().get("workers"):
            log.info("waiting for a worker on %s", client.scheduler.address)
            try:
                client.wait_for_workers(1, timeout=60)
            except Exception as exc:  # TimeoutError
                raise ClusterError(
                    f"no dask worker joined {client.scheduler.address} within 60 s: start "
                    f"workers with `dask worker {client.scheduler.address}`") from exc
        try:
            # a learned file grows between runs: then the coders are built again
            if settings.learned_path is not None or not _ready(client, name):
                client.register_plugin(CoderPlugin(settings, versions()), name=name)
        except ClusterError:
            raise
        except Exception as exc:
            raise ClusterError(f"the workers could not load wirecoder's coder: {exc}") from exc
        yield client, name


@contextlib.contextmanager
def _client_for(spec: ClusterSpec) -> Iterator["Client"]:
    if spec.address:
        try:
            client = distributed.Client(spec.address, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise ClusterError(
                f"cannot reach the dask scheduler at {spec.address}: {exc}. Start it with "
                "`dask scheduler` and check the address and the firewall (port 8786)") from exc
        with client:
            yield client
        return
    import os
    workers = spec.workers or max(1, (os.cpu_count() or 1))
    with _quiet_distributed(), dask.config.set(dict(WORKER_CONFIG)), \
            distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                     dashboard_address=":0", scheduler_kwargs={"dashboard": False},
                                     silence_logs=logging.ERROR) as local, \
            distributed.Client(local) as client:
        yield client


@contextlib.contextmanager
def _quiet_distributed() -> Iterator[None]:
    """Dask's own loggers speak at INFO; while wirecoder runs a local cluster they
    follow the application's level (the CLI's -v), then go back to what they were."""
    logger = logging.getLogger("distributed")
    before = logger.level
    wanted = logging.getLogger().getEffectiveLevel()
    if wanted > logger.getEffectiveLevel():
        logger.setLevel(wanted)
    try:
        yield
    finally:
        logger.setLevel(before)
