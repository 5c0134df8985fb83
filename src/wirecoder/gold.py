"""Gold files (``NAME.txt`` + ``NAME.gold.json``) as typed records.

The format is ../shared/spec/gold-format.md; :func:`load_gold` checks it and
turns every ``where`` into a character offset in the article text.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .errors import GoldError
from .read.text import read_text_file
from .records import Skip
from .settings import Settings


@dataclass(frozen=True, slots=True)
class GoldEvent:
    where: str
    start: int  # offset of ``where`` in the text (-1 when it is not found)
    source: str | None
    target: str | None
    cameo: tuple[str, ...]
    plover: str | None = None
    date: dt.date | None = None
    optional: bool = False
    background: bool = False

    def accepts(self, code: str) -> bool:
        """A gold entry accepts that code and its children (``"11"`` accepts ``112``)."""
        return any(code.startswith(g) for g in self.cameo)


@dataclass(frozen=True, slots=True)
class GoldQuote:
    where: str
    start: int
    speaker: str
    kind: str  # direct | indirect
    speaker_span: tuple[int, int] | None = None  # where the story names the speaker, when given


@dataclass(frozen=True, slots=True)
class GoldActor:
    name: str
    code: str | None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    name: str
    text_path: Path
    gold_path: Path
    text: str
    published: dt.date | None
    events: tuple[GoldEvent, ...]
    quotes: tuple[GoldQuote, ...]
    actors: tuple[GoldActor, ...]
    notes: tuple[str, ...] = ()  # what the reader had to do (an encoding fallback)


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _locate(text: str, where: str, path: Path) -> int:
    if not where:
        raise GoldError(f"{path}: an entry has an empty 'where'; every entry needs a verbatim substring")
    return text.find(where)


def _speaker_span(text: str, value: Any, near: int, path: Path) -> tuple[int, int] | None:
    """A quote's ``speaker_span``: ``[start, end]`` offsets, or a verbatim substring (the
    occurrence nearest the quote's ``where`` is taken)."""
    if value is None:
        return None
    if isinstance(value, str) and value:
        starts = [m.start() for m in re.finditer(re.escape(value), text)]
        if not starts:
            return None
        best = min(starts, key=lambda s: abs(s - near))
        return (best, best + len(value))
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return (value[0], value[1])
    raise GoldError(f"{path}: a quote's 'speaker_span' must be a verbatim substring or [start, end] "
                    f"offsets, got {value!r}; fix the gold file")


def load_gold(gold_path: Path, text_path: Path | None = None, text: str | None = None) -> GoldArticle:
    """Load one gold file and the article it describes."""
    gold_path = Path(gold_path)
    try:
        data = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GoldError(f"{gold_path}: cannot read the gold file ({exc}); it must be JSON as in gold-format.md") from exc
    if text_path is None:
        name = gold_path.name[: -len(".gold.json")] if gold_path.name.endswith(".gold.json") else gold_path.stem
        text_path = gold_path.with_name(data.get("article") or f"{name}.txt")
    notes: tuple[str, ...] = ()
    if text is None:
        read = read_text_file(Path(text_path), Settings())  # the reader `wirecoder code` uses
        if isinstance(read, Skip):
            raise GoldError(f"{text_path}: {read.reason} (the article of {gold_path.name} must be a text file)")
        text, notes = read.text, read.notes
    events = []
    for e in data.get("events") or []:
        cameo = e.get("cameo") or []
        if isinstance(cameo, str):
            cameo = [cameo]
        events.append(GoldEvent(
            where=e.get("where", ""), start=_locate(text, e.get("where", ""), gold_path),
            source=e.get("source"), target=e.get("target"), cameo=tuple(str(c) for c in cameo),
            plover=e.get("plover"), date=_date(e.get("date")), optional=bool(e.get("optional")),
            background=bool(e.get("background")),
        ))
    quotes = []
    for q in data.get("quotes") or []:
        start = _locate(text, q.get("where", ""), gold_path)
        quotes.append(GoldQuote(where=q.get("where", ""), start=start, speaker=q.get("speaker") or "",
                                kind=q.get("kind") or "direct",
                                speaker_span=_speaker_span(text, q.get("speaker_span"), start, gold_path)))
    actors = [GoldActor(name=a.get("name", ""), code=a.get("code")) for a in data.get("actors") or []]
    name = text_path.name[:-4] if text_path.name.endswith(".txt") else text_path.stem
    return GoldArticle(
        name=name, text_path=text_path, gold_path=gold_path, text=text,
        published=_date(data.get("published")), events=tuple(events), quotes=tuple(quotes),
        actors=tuple(actors), notes=notes,
    )


def gold_pairs(folder: Path) -> list[tuple[Path, Path]]:
    """(``NAME.gold.json``, ``NAME.txt``) pairs of ``folder``, sorted by name; a folder
    with none is a :class:`GoldError`."""
    folder = Path(folder)
    if not folder.is_dir():
        raise GoldError(f"{folder} is not a folder; give a folder of NAME.txt + NAME.gold.json files")
    pairs = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        text_path = gold_path.with_name(gold_path.name[: -len(".gold.json")] + ".txt")
        if text_path.exists():
            pairs.append((gold_path, text_path))
    if not pairs:
        raise GoldError(f"{folder}: no gold pairs (NAME.txt with a NAME.gold.json beside it) to score; "
                        "see ../shared/spec/gold-format.md")
    return pairs


def iter_gold(folder: Path) -> Iterator[GoldArticle]:
    """Every ``NAME.txt`` that has a ``NAME.gold.json`` in ``folder``, sorted by name."""
    for gold_path, text_path in gold_pairs(folder):
        yield load_gold(gold_path, text_path)


def country_part(code: str | None) -> str | None:
    """``RUSGOV`` -> ``RUS``; ``IGO`` -> ``IGO``; None stays None."""
    return code[:3] if code else None


def sector_part(code: str | None) -> str | None:
    return code[3:6] or None if code and len(code) > 3 else None


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower()


def last_word(name: str | None) -> str:
    """The last word of a name, folded: the unit of speaker agreement in gold-format.md."""
    if not name:
        return ""
    words = re.findall(r"[\w-]+", _fold(name).replace("'s", "").replace("’s", ""))
    return words[-1] if words else ""


def name_words(name: str | None) -> list[str]:
    """The folded words of a name (possessive "'s" dropped)."""
    if not name:
        return []
    return re.findall(r"[\w-]+", _fold(name).replace("'s", "").replace("’s", ""))


def same_speaker(predicted: str | None, gold: str) -> bool:
    """Speaker agreement of gold-format.md: the names share their last word, or one name's
    last word is among the other's words ("China Newsweek magazine" for "China Newsweek")."""
    if not predicted or not gold:
        return False
    p, g = name_words(predicted), name_words(gold)
    if not p or not g:
        return False
    return p[-1] == g[-1] or p[-1] in g or g[-1] in p
