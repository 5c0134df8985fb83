"""Ingest throughput: articles/s with coding, and without (writing pre-coded records).

With coding: the VOA unlabelled stories (../shared/bench/voa-dev/voa-unlabelled.jsonl) read, coded by
wirecoder.Coder and written into a fresh store. Without coding: the same coded records, copied with
a distinct text and dates shifted a day per round (a news stream) up to --records, written by Store.write in
batches: the store's own cost (Arrow tables, one transaction a batch, clustering).
Also times a re-run over the already-stored input (the "checked before coding" path).

    .venv/bin/python bench/ingest.py [--jsonl PATH] [--records 5000] [--batch 64]
"""
from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from wirecoder import Coder, Settings
from wirecoder.records import CodedArticle
from wirecoder.store import Store, ingest
from wirecoder.store.ingest import chunked

DEFAULT_JSONL = Path(__file__).resolve().parents[2] / "shared" / "bench" / "voa-dev" / "voa-unlabelled.jsonl"


def copies(coded: list[CodedArticle], n: int):
    """``n`` distinct coded articles, like a news stream: round k of the originals is published k
    days later (dates shifted), each copy with a marker appended to its text (spans stay valid;
    the id follows the text)."""
    for i in range(n):
        c = coded[i % len(coded)]
        shift = dt.timedelta(days=i // len(coded))
        article = c.article.with_(text=c.article.text + f"\n[copy {i}]",
                                  published=c.article.published + shift if c.article.published else None)
        events = tuple(replace(e, date=e.date + shift if e.date else None) for e in c.events)
        yield CodedArticle(article=article, sentences=c.sentences, actors=c.actors, events=events,
                           quotes=c.quotes, mentions=c.mentions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jsonl", type=Path, default=DEFAULT_JSONL)
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args()
    settings = Settings()
    coder = Coder(settings)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "coded.db"
        summary = ingest([str(args.jsonl)], db, settings=settings, coder=coder, batch_size=args.batch)
        print(f"with coding:    {summary.coded} articles in {summary.seconds:.1f} s = "
              f"{summary.rate:.1f} articles/s ({summary.events} events, {summary.quotes} quotes, "
              f"{summary.skipped} skipped)")
        t = time.perf_counter()
        again = ingest([str(args.jsonl)], db, settings=settings, coder=coder, batch_size=args.batch)
        dt_again = time.perf_counter() - t
        print(f"re-run:         {again.already_stored} already stored, {again.coded} coded in {dt_again:.2f} s")

        from wirecoder.read import read_inputs
        from wirecoder.records import Article
        articles = [a for a in read_inputs([str(args.jsonl)], settings=settings) if isinstance(a, Article)]
        coded = list(coder.code_many(articles))
        store = Store.open(Path(tmp) / "precoded.db")
        events = 0
        t = time.perf_counter()
        for batch in chunked(copies(coded, args.records), args.batch):
            result = store.write(batch)
            events += result.events
        seconds = time.perf_counter() - t
        print(f"without coding: {args.records} articles in {seconds:.1f} s = {args.records / seconds:.0f} "
              f"articles/s, {events / seconds:.0f} events/s (batches of {args.batch})")


if __name__ == "__main__":
    main()
