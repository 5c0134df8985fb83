"""Throughput of wirecoder against the bare spaCy pipeline it runs on.

Codes the same articles (by default the 49 VOA stories of
../shared/bench/voa-dev/voa-unlabelled.jsonl, read with wirecoder's readers) with
``Coder.code_many`` and with ``coder.nlp.pipe`` (same model, same batch size), and
prints articles/s and tokens/s for both and their ratio: the cost of wirecoder's
own stages over spaCy's.

    .venv/bin/python bench/throughput.py [--input FILE_OR_FOLDER ...] [--repeat N]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from wirecoder import Article, Coder, Settings
from wirecoder.read import read_inputs

DEFAULT_INPUT = Path(__file__).resolve().parents[2] / "shared" / "bench" / "voa-dev" / "voa-unlabelled.jsonl"


def load_articles(inputs: list[str], settings: Settings) -> list[Article]:
    articles = [a for a in read_inputs(inputs, settings=settings) if isinstance(a, Article)]
    if not articles:
        raise SystemExit(f"no articles read from {inputs}")
    return articles


def time_spacy(coder: Coder, texts: list[str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, tokens) of the bare spaCy pipeline."""
    wall, cpu = time.perf_counter(), time.process_time()
    tokens = sum(len(doc) for doc in coder.nlp.pipe(texts, batch_size=coder.settings.batch_size))
    return time.perf_counter() - wall, time.process_time() - cpu, tokens


def time_wirecoder(coder: Coder, articles: list[Article]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, events) of wirecoder's whole pipeline."""
    wall, cpu = time.perf_counter(), time.process_time()
    events = sum(len(coded.events) for coded in coder.code_many(articles))
    return time.perf_counter() - wall, time.process_time() - cpu, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", nargs="+", default=[str(DEFAULT_INPUT)],
                        help="files/folders/globs to read (default: the VOA unlabelled stories)")
    parser.add_argument("--repeat", type=int, default=3, help="code the articles N times (default 3)")
    parser.add_argument("--rounds", type=int, default=2,
                        help="time each path this many times, alternating, and keep the fastest (default 2)")
    parser.add_argument("--batch-size", type=int, default=None, help="spaCy batch size (default: Settings)")
    args = parser.parse_args()

    settings = Settings.from_env(batch_size=args.batch_size)
    t0 = time.perf_counter()
    coder = Coder(settings)
    load_s = time.perf_counter() - t0
    articles = load_articles(args.input, settings) * max(1, args.repeat)
    texts = [a.text for a in articles]
    chars = sum(len(t) for t in texts)

    time_wirecoder(coder, articles[:4])  # warm up both paths
    spacy_runs, wire_runs = [], []
    for _ in range(max(1, args.rounds)):
        spacy_runs.append(time_spacy(coder, texts))
        wire_runs.append(time_wirecoder(coder, articles))
    tokens, events = spacy_runs[0][2], wire_runs[0][2]

    n = len(articles)
    print(f"model {settings.model}, batch size {settings.batch_size}, loaded in {load_s:.1f} s; "
          f"fastest of {len(spacy_runs)} round(s)")
    print(f"{n} articles ({args.repeat} x {n // max(1, args.repeat)}), {tokens:,} tokens, {chars:,} characters")
    print(f"{'':12}{'wall s':>9}{'CPU s':>9}{'articles/s':>12}{'tokens/s':>12}  (rates from CPU time)")
    best = {}
    for label, runs in (("spaCy only", spacy_runs), ("wirecoder", wire_runs)):
        wall = min(r[0] for r in runs)
        cpu = min(r[1] for r in runs)
        best[label] = cpu
        print(f"{label:12}{wall:>9.2f}{cpu:>9.2f}{n / cpu:>12.1f}{tokens / cpu:>12,.0f}")
    ratio = best["spaCy only"] / best["wirecoder"]
    print(f"wirecoder / spaCy throughput ratio: {ratio:.2f} (wirecoder takes {1 / ratio:.2f}x spaCy's CPU time); "
          f"{events} events coded")


if __name__ == "__main__":
    main()
