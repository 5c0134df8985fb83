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
class SettingsError(WirecoderError):
    """A setting (a ``WIRECODER_*`` variable or an option) has a value wirecoder cannot use."""


class OutputError(WirecoderError):
    """An output file or folder cannot be written (permissions, a file in the way, a name too long)."""

    def __init__(self, path: object, problem: str, hint: str = "") -> None:
        self.path = str(path)
        message = f"{path}: {problem}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


def output_error(path: object, exc: OSError) -> OutputError:
    """The :class:`OutputError` for an ``OSError`` raised while writing ``path``."""
    return OutputError(path, f"cannot write it: {exc.strerror or exc}",
                       "choose another --out, or check the folder exists and is writable")
