"""Quotes: wirecoder's quotes stage against textacy's ``direct_quotations``.

Both run on the same spaCy parse of the same gold articles and are scored by the
quote rules of ../shared/spec/gold-format.md (``wirecoder.evaluate.score_quotes``).
Prints precision / recall / F1 per folder for direct quotes, indirect quotes and all
quotes, and the number of predicted quotes (the only figure that means anything on a
folder with no gold quotes, where every prediction is a false positive). textacy has
no indirect quotes (reported speech): its indirect and all-quote rows say so and score
what it finds, so its recall there counts the reported speech it cannot see.

    .venv/bin/python bench/quotes_vs_textacy.py [FOLDER ...]

Needs the ``bench`` extra (``pip install -e .[bench]``: textacy).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from wirecoder import Coder
from wirecoder.evaluate import Score, score_quotes
from wirecoder.gold import iter_gold
from wirecoder.read.metadata import extract_metadata
from wirecoder.records import Article, CodedArticle, Quote

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FOLDERS = (SHARED / "seed", SHARED / "bench" / "voa-dev", SHARED / "bench" / "voa-train",
           SHARED / "bench" / "plover-gsr")
KINDS = (("direct", "direct"), ("indirect", "indirect"), ("all", None))


def textacy_quotes(doc) -> tuple[Quote, ...] | None:
    """textacy's direct quotations of a parsed doc, as wirecoder quote records
    (None when textacy refuses the article: it bails out on an odd number of marks)."""
    from textacy.extract.triples import direct_quotations

    quotes = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return None
    for n, triple in enumerate(triples, 1):
        content = triple.content
        speaker = " ".join(t.text for t in triple.speaker) or None
        cue = (triple.cue[0].idx, triple.cue[-1].idx + len(triple.cue[-1])) if triple.cue else None
        quotes.append(Quote(f"Q{n}", "direct", (content.start_char, content.end_char), content.text,
                            None, speaker, cue))
    return tuple(quotes)


def run(folder: Path, coder: Coder, refused: dict[str, int]) -> dict[tuple[str, str], tuple[Score, float]]:
    """``(system, kind) -> (score, seconds)`` over the gold articles of ``folder``."""
    totals = {(name, kind): Score(kind, 0, 0, 0, 0) for name in ("wirecoder", "textacy") for kind, _ in KINDS}
    seconds = {"wirecoder": 0.0, "textacy": 0.0}
    for gold in iter_gold(folder):
        article = extract_metadata(Article(text=gold.text, source=str(gold.text_path),
                                           published=gold.published))
        t0 = time.perf_counter()
        doc = coder.nlp(article.text)
        parse = time.perf_counter() - t0
        t0 = time.perf_counter()
        coder._run_stages(doc, article)  # the same doc for both: compare the quote finders only
        ours = CodedArticle(article, (), tuple(doc._.actors), (), tuple(doc._.quotes))
        seconds["wirecoder"] += parse + time.perf_counter() - t0
        t0 = time.perf_counter()
        found = textacy_quotes(doc)
        seconds["textacy"] += parse + time.perf_counter() - t0
        if found is None:
            refused[folder.name] = refused.get(folder.name, 0) + 1
        theirs = CodedArticle(article, (), (), (), found or ())
        for name, coded in (("wirecoder", ours), ("textacy", theirs)):
            for kind, which in KINDS:
                score, _, _ = score_quotes(gold, coded, which)
                totals[(name, kind)] = totals[(name, kind)] + score
    return {key: (score, seconds[key[0]]) for key, score in totals.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=list(FOLDERS))
    args = parser.parse_args(argv)
    try:
        import textacy  # noqa: F401
    except ImportError as exc:
        print(f"textacy is not installed ({exc}); pip install -e '.[bench]'", file=sys.stderr)
        return 2
    coder = Coder()
    refused: dict[str, int] = {}
    print(f"{'folder':<14} {'system':<10} {'kind':<9} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5} "
          f"{'right':>5} {'sec':>6}")
    for folder in args.folders:
        if not folder.is_dir():
            print(f"{folder}: not a folder, skipped", file=sys.stderr)
            continue
        for (name, kind), (score, sec) in run(folder, coder, refused).items():
            note = "  (textacy has no indirect quotes)" if name == "textacy" and kind != "direct" else ""
            print(f"{folder.name:<14} {name:<10} {kind:<9} {score.precision:6.3f} {score.recall:6.3f} "
                  f"{score.f1:6.3f} {score.gold:5d} {score.predicted:5d} {score.matched_pred:5d} {sec:6.2f}{note}")
    for name, n in refused.items():
        print(f"textacy refused {n} article(s) of {name} (unbalanced quotation marks): scored as no quotes")
    print("textacy's direct_quotations finds direct quotes only: indirect quotes (reported speech) "
          "are wirecoder's alone")
    return 0


if __name__ == "__main__":
    sys.exit(main())
