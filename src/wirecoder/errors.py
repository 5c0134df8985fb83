"""One exception hierarchy. Every message says what went wrong and what to do."""
from __future__ import annotations


class WirecoderError(Exception):
    """Base of every error wirecoder raises on purpose."""


class InputError(WirecoderError):
    """An input cannot be read or is not an article (empty, binary, too large, ...)."""

    def __init__(self, source: str, problem: str, hint: str = "") -> None:
        self.source = source
        self.problem = problem
        self.hint = hint
        message = f"{source}: {problem}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class ModelError(WirecoderError):
    """The spaCy pipeline named in the settings cannot be loaded."""


class KnowledgeError(WirecoderError):
    """A knowledge file (actors, patterns, user overrides) is missing or malformed."""


class GoldError(WirecoderError):
    """A gold file does not follow ../shared/spec/gold-format.md."""


class StoreError(WirecoderError):
    """The event store cannot be opened, written or queried."""


class ClusterError(WirecoderError):
    """The Dask cluster cannot be reached or a partition keeps failing."""


class AccessError(WirecoderError):
    """A request asks for something this server does not allow (storing without
    ``serve --allow-writes``)."""


class LimitError(WirecoderError):
    """A request asks for more work than the server's limits allow (too many characters,
    or coding longer than its time budget)."""

    def __init__(self, message: str, *, status: int) -> None:
        self.status = status  # 413 too large, 503 out of time
        super().__init__(message)
