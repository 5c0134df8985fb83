"""What each imported PETRARCH2 verb block adds or costs on the bench sets; the vetting file.

Converts the verb dictionary with no vetting, codes every gold article of the bench sets
(voa-train, voa-dev, plover-gsr) once with the hand-written patterns only and once with hand +
every converted pattern, then scores, for each *unit* (a verb block's patterns of one CAMEO
root: ``SEND/04``), the hand-only output plus the events that unit produced (imported patterns
only fire where no hand pattern matches, so a unit's events are what it adds).

A unit is kept when it fires on a bench story, lowers dyad F1 on none of the three sets, leaves
the event precision of its root on voa-train and voa-dev at 0.50 or more (or not below the
hand-only figure), and its own events are right at least half of the time (event or dyad level,
all sets together). A unit that fires nowhere stays out: nothing shows that it codes news
right, and unvetted imported patterns mostly code events that did not happen. Prints one line
per unit and set where the unit fired, and the totals; ``--write`` writes the decisions (the
vetting file ``wirecoder kb import-petrarch --vetting`` reads).

    .venv/bin/python bench/vet_lexicon.py [--dictionary CAMEO.2.0.txt] [--write FILE]
"""
from __future__ import annotations

import argparse
import dataclasses
import re
import tempfile
from pathlib import Path

import yaml

from wirecoder import Coder, Settings
from wirecoder.errors import InputError
from wirecoder.evaluate import ArticleResult, combine, score_article
from wirecoder.gold import iter_gold
from wirecoder.ontology import Ontology
from wirecoder.patterns import NOT_AN_EVENT, load_cues
from wirecoder.patterns_petrarch import convert, write_groups
from wirecoder.read.metadata import extract_metadata
from wirecoder.records import Article, CodedArticle

SHARED = Path(__file__).resolve().parents[2] / "shared"
SETS = {"voa-train": SHARED / "bench" / "voa-train", "voa-dev": SHARED / "bench" / "voa-dev",
        "plover-gsr": SHARED / "bench" / "plover-gsr"}
DICTIONARY = SHARED / "reference" / "petrarch2" / "CAMEO.2.0.txt"
UNIT = re.compile(r"^(?P<code>\S+) petrarch2:\S+ (?P<block>\S+):")
MIN_ROOT_PRECISION = 0.50
MIN_UNIT_PRECISION = 0.50
DEVELOPMENT = ("voa-train", "voa-dev")


def unit_of(pattern: str) -> str | None:
    """The vetting unit of an imported pattern id: its verb block and CAMEO root ("SEND/04")."""
    m = UNIT.match(pattern)
    return f"{m.group('block')}/{m.group('code')[:2]}" if m else None


def code_set(coder: Coder, folder: Path) -> list[tuple[object, CodedArticle]]:
    out = []
    for gold in iter_gold(folder):
        article = extract_metadata(Article(text=gold.text, source=str(gold.text_path), published=gold.published))
        try:
            coded = coder.code(article)
        except InputError:
            coded = CodedArticle(article=article, sentences=(), actors=(), events=(), quotes=())
        out.append((gold, coded))
    return out


def with_unit(base: CodedArticle, full: CodedArticle, unit: str) -> CodedArticle:
    """The hand-only events plus the events ``unit`` produced in the run with every pattern
    (the actors of both runs are the same: patterns do not change the actors stage)."""
    have = {(e.sentence, e.source, e.target, e.cameo) for e in base.events}
    added = [e for e in full.events if unit_of(e.pattern) == unit
             and (e.sentence, e.source, e.target, e.cameo) not in have]
    if not added:
        return base
    return dataclasses.replace(base, events=tuple(sorted((*base.events, *added), key=lambda e: e.trigger)))


def score(pairs, coded: list[CodedArticle]):
    results: list[ArticleResult] = [score_article(g, c) for (g, _), c in zip(pairs, coded)]
    return combine("", results)


def root_counts(report) -> dict[str, tuple[int, int]]:
    return {r: (mp, p) for r, mp, p, _mg, _g in report.roots}


def measure(unit: str, runs: dict, base_reports: dict) -> dict:
    """The unit's figures on every set and the decision with its reasons."""
    root = unit.rsplit("/", 1)[1]
    entry: dict = {}
    reasons: list[str] = []
    for name, (pairs, full) in runs.items():
        rep = score(pairs, [with_unit(b, f, unit) for (_, b), f in zip(pairs, full)])
        base = base_reports[name]
        added = rep.score("event").predicted - base.score("event").predicted
        if not added:
            continue
        d_f1 = rep.score("dyad").f1 - base.score("dyad").f1
        mp, p = root_counts(rep).get(root, (0, 0))
        bmp, bp = root_counts(base).get(root, (0, 0))
        entry[name] = {"added": added,
                       "event_right": rep.score("event").matched_pred - base.score("event").matched_pred,
                       "dyad_right": rep.score("dyad").matched_pred - base.score("dyad").matched_pred,
                       "dyad_f1_change": round(d_f1, 4),
                       "root_precision": round(mp / p, 3) if p else None}
        if d_f1 < 0:
            reasons.append(f"lowers dyad F1 on {name} ({d_f1:+.4f})")
        if name in DEVELOPMENT and p and mp / p < MIN_ROOT_PRECISION and (not bp or mp / p < bmp / bp):
            reasons.append(f"root {root} event precision {mp / p:.2f} on {name}")
    if not entry:
        reasons.append("fires on no bench story: unmeasured")
    else:
        added = sum(f["added"] for f in entry.values())
        right = max(sum(f["event_right"] for f in entry.values()), sum(f["dyad_right"] for f in entry.values()))
        if right < MIN_UNIT_PRECISION * added:
            reasons.append(f"its own events are right {right} times in {added}")
    return {"decision": "drop" if reasons else "keep", **({"reason": "; ".join(reasons)} if reasons else {}),
            **entry}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dictionary", default=str(DICTIONARY))
    parser.add_argument("--write", help="write the vetting decisions to this YAML file")
    args = parser.parse_args()
    settings = Settings.from_env(imported_patterns=False)
    ontology = Ontology.load(settings.data_dir / "cameo.tsv")
    speech = load_cues(settings.data_dir / "patterns" / "cues.yaml").speech
    text = Path(args.dictionary).read_text(encoding="utf-8", errors="replace")
    conversion = convert(text, ontology, Path(args.dictionary).name, speech=speech)
    units = sorted({f"{g['block']}/{g['code'][:2]}" for g in conversion.groups if g["code"] != NOT_AN_EVENT})
    with tempfile.TemporaryDirectory() as tmp:
        candidate = Path(tmp) / "petrarch2-all.yaml"
        write_groups(conversion, candidate)
        hand = Coder(settings)
        every = Coder(settings.with_(pattern_files=(candidate,)), nlp=hand.nlp)
        runs = {name: (code_set(hand, folder), [c for _, c in code_set(every, folder)])
                for name, folder in SETS.items()}
    base_reports = {n: score(pairs, [c for _, c in pairs]) for n, (pairs, _) in runs.items()}
    fired = {unit_of(e.pattern) for _, full in runs.values() for c in full for e in c.events} - {None}
    print(f"{'unit':<22}{'set':<11}{'added':>6}{'right':>6}{'dyad':>5}{'dF1':>9}{'rootP':>7}  decision")
    decisions: dict[str, dict] = {}
    for unit in units:
        if unit not in fired:
            decisions[unit] = {"decision": "drop", "reason": "fires on no bench story: unmeasured"}
            continue
        d = decisions[unit] = measure(unit, runs, base_reports)
        for name in SETS:
            if name in d:
                f = d[name]
                rp = f"{f['root_precision']:.2f}" if f["root_precision"] is not None else "-"
                print(f"{unit:<22}{name:<11}{f['added']:>6}{f['event_right']:>6}{f['dyad_right']:>5}"
                      f"{f['dyad_f1_change']:>+9.4f}{rp:>7}  {d['decision']} {d.get('reason', '')}")
    kept = [u for u, d in decisions.items() if d["decision"] == "keep"]
    print(f"\n{len(kept)} of {len(units)} units kept ({len(fired)} fired): {' '.join(kept)}")
    for name, rep in base_reports.items():
        print(f"hand only {name}: event P/R {rep.score('event').precision:.3f}/{rep.score('event').recall:.3f} "
              f"dyad F1 {rep.score('dyad').f1:.3f}")
    if args.write:
        out = {"source": Path(args.dictionary).name,
               "rule": "keep a unit (verb block/CAMEO root) that fires on a bench story, lowers dyad F1 on "
                       "no set, leaves its root's event precision on voa-train and voa-dev at >= "
                       f"{MIN_ROOT_PRECISION} (or not below hand-only) and whose own events are right "
                       f">= {MIN_UNIT_PRECISION} of the time",
               "measured_with": "bench/vet_lexicon.py", "units": decisions}
        Path(args.write).write_text(
            "# Vetting of the imported PETRARCH2 verb blocks, by block/root (generated by bench/vet_lexicon.py;\n"
            "# regenerate the lexicon with `wirecoder kb import-petrarch ... --vetting THIS_FILE`).\n"
            + yaml.safe_dump(out, sort_keys=False, width=200), encoding="utf-8")
        print(f"wrote {args.write}")


if __name__ == "__main__":
    main()
