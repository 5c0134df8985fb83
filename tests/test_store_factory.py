"""Hand-built CodedArticle records for the store tests (imported by test_store*, test_ingest*,
test_export*), and a check that they follow the wirecoder/1 contract."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from wirecoder.ontology import Ontology
from wirecoder.records import Actor, Article, CodedArticle, Event, Location, Quote
from wirecoder.settings import DATA_DIR

ONTOLOGY = Ontology.load(DATA_DIR / "cameo.tsv")

# code -> (name, country, sector, role)
PEOPLE = {
    "RUSGOV": ("Vladimir Putin", "RUS", "GOV", "President"),
    "VENGOV": ("Nicolas Maduro", "VEN", "GOV", "President"),
    "VENOPP": ("Maria Corina Machado", "VEN", "OPP", "opposition leader"),
    "USAGOV": ("Antony Blinken", "USA", "GOV", "Secretary of State"),
    "UKRMIL": ("Ukrainian forces", "UKR", "MIL", None),
    "RUSMIL": ("Russian forces", "RUS", "MIL", None),
    "CHN": ("China", "CHN", None, None),
}


def ev(source: str | None, target: str | None, cameo: str, date: str | None = None, *,
       negated: bool = False, background: bool = False, location: Location | None = None,
       quote: str | None = None) -> dict:
    return {"source": source, "target": target, "cameo": cameo, "date": date, "negated": negated,
            "background": background, "location": location, "quote": quote}


def coded(text: str, *events: dict, published: str | None = "2024-07-29", source: str | None = None,
          url: str | None = None, quotes: tuple[tuple[str, str], ...] = ()) -> CodedArticle:
    """A coded article: ``events`` from :func:`ev`; ``quotes`` as (speaker code, quoted text in ``text``)."""
    article = Article(text=text, source=source or f"{abs(hash(text)) % 10**8}.txt", url=url,
                      published=dt.date.fromisoformat(published) if published else None)
    codes = []
    for e in events:
        codes += [c for c in (e["source"], e["target"]) if c and c not in codes]
    codes += [c for c, _ in quotes if c not in codes]
    actors = []
    for i, code in enumerate(codes, 1):
        name, country, sector, role = PEOPLE[code]
        at = text.find(name)
        span = (at, at + len(name)) if at >= 0 else (0, 1)
        actors.append(Actor(f"A{i}", name, code, country, sector, role, "person", (span,), "title"))
    ids = {a.code: a.id for a in actors}
    first_word = (0, len(text.split()[0]))
    out_events = []
    for i, e in enumerate(events, 1):
        info = ONTOLOGY.get(e["cameo"])
        out_events.append(Event(
            id=f"E{i}", cameo=info.code, root=info.root, plover=info.plover, plover_mode=info.plover_mode,
            goldstein=info.goldstein, quad_class=info.quad_class,
            source=ids.get(e["source"]), target=ids.get(e["target"]),
            source_code=e["source"], target_code=e["target"],
            date=dt.date.fromisoformat(e["date"]) if e["date"] else None,
            background=e["background"], negated=e["negated"], trigger=first_word, sentence=(0, len(text)),
            quote=e["quote"], location=e["location"], pattern="test", contexts=("diplomatic",)))
    out_quotes = []
    for i, (code, said) in enumerate(quotes, 1):
        at = text.index(said)
        out_quotes.append(Quote(f"Q{i}", "direct", (at, at + len(said)), said, ids[code],
                                PEOPLE[code][0], None))
    return CodedArticle(article=article, sentences=((0, len(text)),), actors=tuple(actors),
                        events=tuple(out_events), quotes=tuple(out_quotes))


def test_factory_follows_the_contract():
    c = coded("Putin praised Maduro. \"We stand together,\" Putin said.",
              ev("RUSGOV", "VENGOV", "051", "2024-07-29"), quotes=(("RUSGOV", "We stand together,"),))
    d = c.to_dict()
    from wirecoder.contract import validate
    validate(d)
    assert CodedArticle.from_dict(d).to_dict() == d
    assert d["events"][0]["plover"] == "SUPPORT" and d["events"][0]["quad_class"] == 1
    assert d["quotes"][0]["speaker"] == "A1"


def write_jsonl(path: Path, records: list[CodedArticle]) -> Path:
    import json
    path.write_text("".join(json.dumps(r.to_dict()) + "\n" for r in records), encoding="utf-8")
    return path
