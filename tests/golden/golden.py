"""What the golden suite pins of a coded article: a readable summary of its coding."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from wirecoder import Article
from wirecoder.read.metadata import extract_metadata

HERE = Path(__file__).parent


def articles() -> dict[str, tuple[Path, dt.date]]:
    table = json.loads((HERE / "articles.json").read_text(encoding="utf-8"))
    return {name: ((HERE / v["path"]).resolve(), dt.date.fromisoformat(v["published"]))
            for name, v in table.items() if not name.startswith("_")}


def summary(coder, path: Path, published: dt.date) -> dict:
    text = path.read_text(encoding="utf-8")
    coded = coder.code(extract_metadata(Article(text=text, source=path.name, published=published)))
    t = coded.article.text
    return {
        "actors": [f"{a.name} = {a.code} ({a.resolved_by})" for a in coded.actors],
        "events": [f"{e.cameo} {e.source_code}->{e.target_code} «{t[e.trigger[0]:e.trigger[1]]}»"
                   f"{' background' if e.background else ''}{' ' + e.date.isoformat() if e.date else ''}"
                   for e in coded.events],
        "quotes": [f"{q.kind} {q.speaker_name}: «{q.text[:60]}»" for q in coded.quotes],
    }


def expected_path(name: str) -> Path:
    return HERE / f"{name}.expected.json"
