"""Events: what the event stage adds to pipeline time (with vs without it, same texts).

    PYTHONPATH=src python bench/bench_events.py [--articles N] [--repeat R]

Runs the whole fivew pipeline (ingest + parse + every stage) over the synthetic benchmark
corpus (`bench/corpus.py`) twice per round: once with all STAGES, once without the
`events` stage, alternating the order each round to spread machine noise; prints the
median articles/s and words/s of each mode, the wall-time and CPU-time ratios (target: at
most 1.25; CPU time is the steadier figure on a shared machine, since it leaves out time
spent waiting for a core), the event stage's own share of pipeline time measured inside
the full run, events per article, and the process's peak memory.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build  # noqa: E402

from fivew.ingest import from_text  # noqa: E402
from fivew.pipeline import STAGES, Pipeline, Stage  # noqa: E402


def timed_stages(stages: tuple[Stage, ...], clock: dict[str, float]) -> tuple[Stage, ...]:
    """The stages wrapped so that each adds its run time to `clock[name]`."""

    def wrap(stage: Stage) -> Stage:
        def run(doc, article):  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            try:
                return stage.run(doc, article)
            finally:
                clock[stage.name] = clock.get(stage.name, 0.0) + time.perf_counter() - t

        return Stage(stage.name, run)

    return tuple(wrap(s) for s in stages)


def run_once(pipeline: Pipeline, texts: list[str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of this process, events found)."""
    t, c = time.perf_counter(), time.process_time()
    events = 0
    for article in pipeline.run(from_text(text, f"bench-{i}") for i, text in enumerate(texts)):
        events += len(article.events)
    return time.perf_counter() - t, time.process_time() - c, events


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = build(args.articles)
    words = sum(len(t.split()) for t in texts)
    clock: dict[str, float] = {}
    full = Pipeline(stages=timed_stages(STAGES, clock))
    without = Pipeline(stages=tuple(s for s in STAGES if s.name != "events"))
    run_once(full, texts[:5])  # warm up: model, gazetteer, lexicons
    clock.clear()
    wall: dict[str, list[float]] = {"with events": [], "without events": []}
    cpu: dict[str, list[float]] = {"with events": [], "without events": []}
    n_events = 0
    for r in range(args.repeat):
        order = [("with events", full), ("without events", without)]
        for name, pipe in order if r % 2 == 0 else order[::-1]:
            elapsed, used, found = run_once(pipe, texts)
            wall[name].append(elapsed)
            cpu[name].append(used)
            n_events = found or n_events
    print(f"{len(texts)} articles, {words:,} words, {args.repeat} alternating runs per mode (median)")
    print(f"{'mode':<16}{'articles/s':>11}{'words/s':>9}{'wall ratio':>11}{'CPU s':>8}{'CPU ratio':>10}")
    base_wall = statistics.median(wall["without events"])
    base_cpu = statistics.median(cpu["without events"])
    for name in ("without events", "with events"):
        w, c = statistics.median(wall[name]), statistics.median(cpu[name])
        print(f"{name:<16}{len(texts) / w:>11.1f}{words / w:>9,.0f}{w / base_wall:>11.3f}"
              f"{c:>8.1f}{c / base_cpu:>10.3f}")
    share = clock.get("events", 0.0) / sum(wall["with events"])
    print(f"event stage inside the full run: {100 * share:.1f}% of wall time "
          f"({1000 * clock.get('events', 0.0) / (len(texts) * args.repeat):.1f} ms/article); "
          f"links stage {1000 * clock.get('links', 0.0) / (len(texts) * args.repeat):.1f} ms/article")
    print(f"events per article: {n_events / len(texts):.1f}")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
