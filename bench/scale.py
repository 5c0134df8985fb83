"""Scaling out on Dask: articles/s with 1 and 2 worker processes against one process.

Codes the same corpus (by default the 49 VOA stories of
../shared/bench/voa-dev/voa-unlabelled.jsonl, repeated to --articles) three ways:
a Coder in this process (``code_many``), then ``code_on_cluster`` on a
LocalCluster of 1 and of 2 single-threaded worker processes. Each worker loads
spaCy once; that start-up is timed apart, so the rates compare coding only.
Prints articles/s, the ratios, the CPU time spent (this process and the
workers), and the resident memory (RSS, psutil) of each process after coding.

    .venv/bin/python bench/scale.py [--input FILE ...] [--articles 300] [--workers 1 2]

The machine must be otherwise idle for the ratios to mean anything (2 workers
need 2 free cores): run it when nobody else is running tests.
"""
from __future__ import annotations

import argparse
import itertools
import logging
import os
import time
from pathlib import Path

import psutil

from wirecoder import Article, Coder, Settings
from wirecoder.parallel import code_on_cluster
from wirecoder.read import read_inputs

DEFAULT_INPUT = (Path(__file__).resolve().parents[2] / "shared" / "bench" / "voa-dev"
                 / "voa-unlabelled.jsonl")
MB = 1024 * 1024


def load_articles(inputs: list[str], count: int, settings: Settings) -> list[Article]:
    articles = [a for a in read_inputs(inputs, settings=settings) if isinstance(a, Article)]
    if not articles:
        raise SystemExit(f"no articles read from {inputs}")
    return list(itertools.islice(itertools.cycle(articles), count))


def rss(dask_worker=None) -> int:
    return psutil.Process().memory_info().rss


def cpu(dask_worker=None) -> float:
    """CPU seconds (user + system) this process has used."""
    times = psutil.Process().cpu_times()
    return times.user + times.system


def one_process(articles: list[Article], settings: Settings) -> dict[str, float]:
    started = time.perf_counter()
    coder = Coder(settings)
    loaded, cpu0 = time.perf_counter(), cpu()
    events = sum(len(c.events) for c in coder.code_many(articles))
    done = time.perf_counter()
    return {"startup": loaded - started, "seconds": done - loaded, "events": events,
            "rss": rss() / MB, "cpu": cpu() - cpu0}


def on_cluster(articles: list[Article], settings: Settings, workers: int,
               partition_size: int) -> dict[str, float]:
    import dask
    from distributed import Client, LocalCluster
    from wirecoder.parallel.cluster import WORKER_CONFIG
    started = time.perf_counter()
    with dask.config.set(dict(WORKER_CONFIG)), LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=":0", scheduler_kwargs={"dashboard": False},
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        list(code_on_cluster(articles[:workers], cluster=client, settings=settings))  # load spaCy
        loaded, cpu0, workers0 = time.perf_counter(), cpu(), client.run(cpu)
        events = sum(len(r.events) for r in code_on_cluster(
            articles, cluster=client, settings=settings, partition_size=partition_size)
            if hasattr(r, "events"))
        done = time.perf_counter()
        used = cpu() - cpu0 + sum(t - workers0[w] for w, t in client.run(cpu).items())
        memory = sorted(v / MB for v in client.run(rss).values())
    return {"startup": loaded - started, "seconds": done - loaded, "events": events,
            "rss": max(memory), "rss_all": memory, "cpu": used}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", nargs="+", default=[str(DEFAULT_INPUT)],
                        help="files/folders/globs to read (default: the VOA unlabelled stories)")
    parser.add_argument("--articles", type=int, default=300,
                        help="code this many articles, repeating the input (default 300)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2],
                        help="cluster sizes to time (default: 1 2)")
    parser.add_argument("--partition-size", type=int, default=8,
                        help="articles per partition (default 8)")
    args = parser.parse_args()

    settings = Settings.from_env()
    articles = load_articles(args.input, args.articles, settings)
    chars = sum(len(a.text) for a in articles)
    print(f"corpus: {len(articles)} articles, {chars / len(articles):,.0f} characters each "
          f"on average; {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}")

    runs = {"one process": one_process(articles, settings)}
    for n in args.workers:
        runs[f"{n} worker{'s' if n > 1 else ''}"] = on_cluster(articles, settings, n,
                                                               args.partition_size)
    base = runs["one process"]["seconds"]
    first = runs[f"{args.workers[0]} worker{'s' if args.workers[0] > 1 else ''}"]["seconds"]
    print(f"{'run':<12} {'start-up s':>10} {'coding s':>9} {'articles/s':>11} "
          f"{'x one process':>13} {'x ' + str(args.workers[0]) + ' worker':>10} {'RSS MB':>8} "
          f"{'events':>7} {'CPU s':>7}")
    for name, run in runs.items():
        print(f"{name:<12} {run['startup']:>10.1f} {run['seconds']:>9.1f} "
              f"{len(articles) / run['seconds']:>11.1f} {base / run['seconds']:>13.2f} "
              f"{first / run['seconds']:>10.2f} {run['rss']:>8.0f} {run['events']:>7} "
              f"{run['cpu']:>7.1f}")
    events = {run["events"] for run in runs.values()}
    print("same number of events in every run:", "yes" if len(events) == 1 else f"NO {events}")
    for name, run in runs.items():
        if "rss_all" in run:
            print(f"RSS per worker, {name}: " + ", ".join(f"{m:.0f} MB" for m in run["rss_all"]))
    print("CPU s: CPU time of this process and the workers while coding; about equal in every "
          "run when the cluster adds no work, whatever else runs on the machine")
    print(f"load average after: {os.getloadavg()[0]:.2f} (other processes on the machine "
          "lower the ratios)")


if __name__ == "__main__":
    main()
