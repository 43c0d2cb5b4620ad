"""Events: what the event stage adds to pipeline time (with vs without it, same texts).

    PYTHONPATH=src python bench/bench_events.py [--articles N] [--repeat R]

Runs the whole fivew pipeline (ingest + parse + every stage) over the synthetic benchmark
corpus (`bench/corpus.py`) twice per round: once with all STAGES, once without the
`events` stage, alternating the order each round to spread machine noise; prints the
median articles/s and words/s of each mode, the time ratio (target: at most 1.25), the
event stage's own share of pipeline time measured inside the full run, events per
article, and the process's peak memory.
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


def run_once(pipeline: Pipeline, texts: list[str]) -> tuple[float, int]:
    t = time.perf_counter()
    events = 0
    for article in pipeline.run(from_text(text, f"bench-{i}") for i, text in enumerate(texts)):
        events += len(article.events)
    return time.perf_counter() - t, events


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
    times: dict[str, list[float]] = {"with events": [], "without events": []}
    n_events = 0
    for r in range(args.repeat):
        order = [("with events", full), ("without events", without)]
        for name, pipe in order if r % 2 == 0 else order[::-1]:
            elapsed, found = run_once(pipe, texts)
            times[name].append(elapsed)
            n_events = found or n_events
    total_full = sum(times["with events"])
    print(f"{len(texts)} articles, {words:,} words, {args.repeat} alternating runs per mode (median)")
    print(f"{'mode':<18}{'articles/s':>12}{'words/s':>10}{'time ratio':>12}")
    base = statistics.median(times["without events"])
    for name in ("without events", "with events"):
        med = statistics.median(times[name])
        print(f"{name:<18}{len(texts) / med:>12.1f}{words / med:>10,.0f}{med / base:>12.3f}")
    share = clock.get("events", 0.0) / total_full
    print(f"event stage inside the full run: {100 * share:.1f}% of pipeline time "
          f"({1000 * clock.get('events', 0.0) / (len(texts) * args.repeat):.1f} ms/article)")
    print(f"events per article: {n_events / len(texts):.1f}")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
