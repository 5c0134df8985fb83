"""Coding time and memory against article length: is wirecoder linear in the text?

Builds articles of 5k to 200k characters from (i) different VOA stories joined one
after another (../shared/bench/voa-dev: the unlabelled JSON Lines and the .txt
stories) and (ii) the seed article (examples/reuters-putin-maduro.txt) repeated, so
the same names come back many times. Each length is coded in a fresh process, which
prints the model start-up (loading spaCy and the knowledge base) apart from the coding
itself (CPU seconds, so that a busy machine does not blur the curve), spaCy's parse and
wirecoder's stages apart, and the process's peak RSS.

    .venv/bin/python bench/length.py [--sizes 5000 10000 ...] [--source voa|seed|both]

The last column compares each length with the one before: time ratio / length ratio
(1.0 is linear; an article four times longer should take at most five times as long).
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VOA = ROOT.parent / "shared" / "bench" / "voa-dev"
SEED = ROOT / "examples" / "reuters-putin-maduro.txt"
SIZES = (5_000, 10_000, 20_000, 40_000, 100_000, 200_000)
PUBLISHED = "2024-07-29"


def paragraphs(source: str) -> list[str]:
    """The paragraphs an article of this source is built from, in a fixed order."""
    if source == "seed":
        return [p for p in SEED.read_text(encoding="utf-8").splitlines() if p.strip()]
    texts = []
    for path in sorted(VOA.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    texts += [p.read_text(encoding="utf-8") for p in sorted(VOA.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no VOA stories in {VOA}")
    return [p for t in texts for p in t.splitlines() if p.strip()]


def build(source: str, size: int) -> str:
    """Whole paragraphs of ``source`` (cycled) up to about ``size`` characters."""
    paras = paragraphs(source)
    out: list[str] = []
    n = 0
    k = 0
    while n < size:
        p = paras[k % len(paras)]
        if n + len(p) + 1 > size and out:
            break
        out.append(p)
        n += len(p) + 1
        k += 1
    return "\n".join(out) + "\n"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def child(source: str, size: int) -> None:
    """Code one article in this process and print one JSON line of figures."""
    t0 = time.perf_counter()
    from wirecoder import Article, Coder, Settings
    coder = Coder(Settings.from_env(max_chars=max(size * 2, 1_000_000)))
    coder.code(SEED.read_text(encoding="utf-8"), PUBLISHED)  # warm-up: lazy loads (dates, lexicons)
    startup = time.perf_counter() - t0
    rss_loaded = peak_rss_mb()
    text = build(source, size)
    article = Article(text=text, published=__import__("datetime").date.fromisoformat(PUBLISHED))
    clock = time.process_time  # CPU time: the machine may be shared
    t1 = clock()
    doc = coder.nlp(text)
    t2 = clock()
    doc._.article = article
    stages = {}
    for stage in coder.stages:
        stage_t = clock()
        doc = stage(doc)
        stages[stage.name] = clock() - stage_t
    t3 = clock()
    print(json.dumps({"chars": len(text), "tokens": len(doc), "startup": startup, "spacy": t2 - t1,
                      "stages": t3 - t2, "per_stage": stages, "events": len(doc._.events),
                      "rss_loaded": rss_loaded, "rss_peak": peak_rss_mb()}))


def run(source: str, size: int) -> dict:
    cmd = [sys.executable, __file__, "--child", source, str(size)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"coding {size:,} characters of {source} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="article lengths in characters")
    parser.add_argument("--source", choices=("voa", "seed", "both"), default="both")
    parser.add_argument("--child", nargs=2, metavar=("SOURCE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    sources = ("voa", "seed") if args.source == "both" else (args.source,)
    for source in sources:
        print(f"\n{source}: {'different VOA stories joined' if source == 'voa' else 'the seed article repeated'}")
        print(f"{'chars':>9}{'tokens':>8}{'start-up s':>11}{'spaCy s':>9}{'stages s':>9}{'coding s':>9}"
              f"{'actors':>8}{'quotes':>8}{'events':>8}{'RSS MB':>8}{'peak MB':>8}{'growth':>8}")
        prev = None
        for size in args.sizes:
            r = run(source, size)
            coding = r["spacy"] + r["stages"]
            st = r["per_stage"]
            growth = ""
            if prev is not None:
                growth = f"{(coding / prev[1]) / (r['chars'] / prev[0]):.2f}"
            print(f"{r['chars']:>9,}{r['tokens']:>8,}{r['startup']:>11.1f}{r['spacy']:>9.2f}{r['stages']:>9.2f}"
                  f"{coding:>9.2f}{st.get('actors', 0):>8.2f}{st.get('quotes', 0):>8.2f}{st.get('events', 0):>8.2f}"
                  f"{r['rss_loaded']:>8.0f}{r['rss_peak']:>8.0f}{growth:>8}", flush=True)
            prev = (r["chars"], coding)
    print("\ngrowth: (time ratio) / (length ratio) against the line above; 1.00 is linear")


if __name__ == "__main__":
    main()
