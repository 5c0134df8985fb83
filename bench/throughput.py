"""Throughput of wirecoder against the bare spaCy pipeline it runs on.

Codes the same articles (by default the 49 VOA stories of
../shared/bench/voa-dev/voa-unlabelled.jsonl, read with wirecoder's readers) with
``Coder.code_many`` and with ``coder.nlp.pipe`` (same model, same batch size), and
prints articles/s and tokens/s for both and their ratio: the cost of wirecoder's
own stages over spaCy's.

    .venv/bin/python bench/throughput.py [--input FILE_OR_FOLDER ...] [--repeat N]
    .venv/bin/python bench/throughput.py --profile    # + ms an article per stage and sub-pass
    .venv/bin/python bench/throughput.py --rss 1000   # + peak RSS coding 1,000 articles (cycled)

``--profile`` times each stage on the parsed Docs (CPU ms an article), then runs the
stages once more under cProfile and splits each stage's time over the functions its
``__call__`` calls (its sub-passes), scaled to the unprofiled stage time. ``--rss N``
codes N articles (the input cycled) in this process, before anything else, and prints
the resident memory every N/10 articles and the peak, to show it stays flat in corpus size.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import time
from itertools import cycle, islice
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


def rss_mb() -> float:
    """Resident memory of this process now (MB)."""
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def profile_stages(coder: Coder, articles: list[Article], top: int) -> None:
    """Per-stage CPU ms an article, then each stage split over its sub-passes."""
    docs = list(coder.nlp.pipe([a.text for a in articles], batch_size=coder.settings.batch_size))
    spent = {stage.name: 0.0 for stage in coder.stages}

    def run_stages(timed: bool) -> None:
        for doc, article in zip(docs, articles):
            doc.user_data.clear()
            doc._.article = article
            for stage in coder.stages:
                t = time.process_time()
                stage(doc)
                if timed:
                    spent[stage.name] += time.process_time() - t

    run_stages(timed=True)
    n = len(articles)
    total = sum(spent.values())
    print(f"\nstages on {n} parsed articles: {1000 * total / n:.1f} ms an article (CPU)")
    profiler = cProfile.Profile()
    profiler.enable()
    run_stages(timed=False)
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # {func: (cc, nc, tt, ct, callers)}
    for stage in coder.stages:
        call = type(stage).__call__
        key = next((f for f in stats if f[0] == call.__code__.co_filename and f[2] == "__call__"
                    and f[1] == call.__code__.co_firstlineno), None)
        own = 1000 * spent[stage.name] / n
        print(f"  {stage.name:<10}{own:>8.1f} ms  ({100 * spent[stage.name] / total:.0f}% of the stages)")
        if key is None:
            continue
        profiled = stats[key][3]
        parts = []
        for func, (_, _, _, _, callers) in stats.items():
            if key in callers:
                parts.append((callers[key][3], func))
        parts.sort(reverse=True)
        for cum, func in parts[:top]:
            where = f"{Path(func[0]).stem}.{func[2]}"
            print(f"      {where:<44}{own * cum / profiled if profiled else 0:>8.1f} ms")


def rss_run(coder: Coder, articles: list[Article], count: int) -> None:
    """Code ``count`` articles (cycled) and print RSS as it goes."""
    step = max(1, count // 10)
    print(f"\nRSS coding {count:,} articles (the input cycled): start {rss_mb():.0f} MB")
    done = 0
    for _ in coder.code_many(islice(cycle(articles), count)):
        done += 1
        if done % step == 0 or done == count:
            print(f"  after {done:>5,} articles: RSS {rss_mb():>6.0f} MB, peak {peak_rss_mb():>6.0f} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", nargs="+", default=[str(DEFAULT_INPUT)],
                        help="files/folders/globs to read (default: the VOA unlabelled stories)")
    parser.add_argument("--repeat", type=int, default=3, help="code the articles N times (default 3)")
    parser.add_argument("--rounds", type=int, default=2,
                        help="time each path this many times, alternating, and keep the fastest (default 2)")
    parser.add_argument("--batch-size", type=int, default=None, help="spaCy batch size (default: Settings)")
    parser.add_argument("--profile", action="store_true",
                        help="also print CPU ms an article per stage and per sub-pass (cProfile)")
    parser.add_argument("--top", type=int, default=8, help="sub-passes shown per stage (default 8)")
    parser.add_argument("--rss", type=int, default=0, metavar="N",
                        help="also code N articles (cycled) and print the RSS as it goes")
    parser.add_argument("--no-throughput", action="store_true", help="skip the spaCy/wirecoder timing")
    args = parser.parse_args()

    settings = Settings.from_env(batch_size=args.batch_size)
    t0 = time.perf_counter()
    coder = Coder(settings)
    load_s = time.perf_counter() - t0
    articles = load_articles(args.input, settings) * max(1, args.repeat)
    texts = [a.text for a in articles]
    chars = sum(len(t) for t in texts)

    time_wirecoder(coder, articles[:4])  # warm up both paths
    if args.rss:  # first: the peak of this process is the coding's, not the profile's parsed Docs
        rss_run(coder, articles, args.rss)
    if not args.no_throughput:
        report_throughput(coder, articles, texts, chars, load_s, args.repeat, args.rounds)
    if args.profile:
        profile_stages(coder, articles, args.top)


def report_throughput(coder: Coder, articles: list[Article], texts: list[str], chars: int,
                      load_s: float, repeat: int, rounds: int) -> None:
    settings = coder.settings
    spacy_runs, wire_runs = [], []
    for _ in range(max(1, rounds)):
        spacy_runs.append(time_spacy(coder, texts))
        wire_runs.append(time_wirecoder(coder, articles))
    tokens, events = spacy_runs[0][2], wire_runs[0][2]

    n = len(articles)
    print(f"model {settings.model}, batch size {settings.batch_size}, loaded in {load_s:.1f} s; "
          f"fastest of {len(spacy_runs)} round(s)")
    print(f"{n} articles ({repeat} x {n // max(1, repeat)}), {tokens:,} tokens, {chars:,} characters")
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
