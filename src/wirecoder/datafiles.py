"""Folders of YAML data files that extend each other (statements, reduced clauses, ...): every
``*.yaml`` of the folder, in name order, each a mapping; a user adds a file beside the shipped ones."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import KnowledgeError


def yaml_mappings(folder: Path, what: str, shape: str) -> list[tuple[Path, dict[str, Any]]]:
    """``(path, mapping)`` for every ``*.yaml`` in ``folder``. ``what`` names the data in the
    error for an empty folder, ``shape`` says what a file must hold in the error for a file
    that is not a mapping."""
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not files:
        raise KnowledgeError(f"no {what} in {folder}; reinstall wirecoder")
    out = []
    for path in files:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise KnowledgeError(f"{path}: not valid YAML ({exc}); fix the file") from exc
        if not isinstance(data, dict):
            raise KnowledgeError(f"{path}: expected {shape}")
        out.append((path, data))
    return out
