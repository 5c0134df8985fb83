"""CAMEO and PLOVER: names, Goldstein values, quad classes and the PLOVER mapping.

Loaded from ``data/cameo.tsv`` (a copy of ../shared/reference/cameo.tsv; see
``data/CAMEO-ATTRIBUTION.md``).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from .errors import KnowledgeError


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    plover: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad_class(self) -> int:
        return quad_class(self.root)


def quad_class(root: str) -> int:
    """1 verbal cooperation (01-05), 2 material cooperation (06-08),
    3 verbal conflict (09-13), 4 material conflict (14-20)."""
    r = int(root)
    if r <= 5:
        return 1
    if r <= 8:
        return 2
    if r <= 13:
        return 3
    return 4


class Ontology:
    """The CAMEO code table with lookups. Immutable once loaded."""

    def __init__(self, codes: dict[str, CameoCode]) -> None:
        self._codes = dict(codes)

    @classmethod
    def load(cls, path: Path) -> "Ontology":
        try:
            with path.open(encoding="utf-8", newline="") as fh:
                rows = list(csv.DictReader(fh, delimiter="\t"))
        except OSError as exc:
            raise KnowledgeError(f"cannot read the CAMEO table {path}: {exc}; reinstall wirecoder") from exc
        codes = {}
        for row in rows:
            codes[row["code"]] = CameoCode(
                code=row["code"], name=row["name"], goldstein=float(row["goldstein"] or 0.0),
                plover=row.get("plover") or None, plover_mode=row.get("plover_mode") or None,
                plover_context=row.get("plover_context") or None,
            )
        return cls(codes)

    def __contains__(self, code: str) -> bool:
        return self.normalise(code) in self._codes

    def __iter__(self):
        return iter(self._codes.values())

    @staticmethod
    def normalise(code: str) -> str:
        """``"05"`` and ``"050"`` name the same thing; the table keeps both; prefer the 3-digit one."""
        code = code.strip()
        return code + "0" if len(code) == 2 else code

    def get(self, code: str) -> CameoCode:
        key = self.normalise(code)
        if key not in self._codes:
            key = code.strip()
        try:
            return self._codes[key]
        except KeyError:
            raise KnowledgeError(f"unknown CAMEO code {code!r}; see data/cameo.tsv for the codes") from None

    def name(self, code: str) -> str:
        return self.get(code).name
