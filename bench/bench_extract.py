"""Throughput of `fivew extract` against bare spaCy on the same texts, in one run.

    .venv/bin/python bench/bench_extract.py [--articles 300] [--repeat 2]

Each measurement runs in its own process (so peak memory is that mode's alone), the
modes alternate, and the median of the repeats is reported. The ratios are the numbers to
read: these machines are shared and their absolute speed varies. The CPU ratio compares
process CPU time, which leaves out time spent waiting for a core while other jobs run.

Modes:
  spacy  spacy.load(<model>) with its default components, nlp.pipe over the raw texts
  fivew  ingest (layout reading) + the fivew pipeline with every stage, from raw texts
  fivew:entities,places   the same with only the named stages (separate modes with ';')
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402


def measure(mode: str, n: int, batch_size: int, stages: str | None) -> dict[str, float]:
    texts = corpus.build(n)
    if mode == "spacy":
        import spacy

        from fivew.nlp import DEFAULT_MODEL

        nlp = spacy.load(DEFAULT_MODEL)
        start, cpu_start = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
    else:
        from fivew.ingest import from_text
        from fivew.pipeline import STAGES, Pipeline

        chosen = STAGES if stages is None else tuple(s for s in STAGES if s.name in stages.split(","))
        pipeline = Pipeline(stages=chosen, batch_size=batch_size)
        start, cpu_start = time.perf_counter(), time.process_time()
        for _ in pipeline.run(from_text(t, f"bench-{i}") for i, t in enumerate(texts)):
            pass
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "cpu_seconds": time.process_time() - cpu_start,
        "articles_per_s": n / seconds,
        "words_per_s": corpus.words(texts) / seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def run_child(mode: str, n: int, batch_size: int, stages: str | None) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", mode, "--articles", str(n), "--batch-size", str(batch_size)]
    if stages is not None:
        cmd += ["--stages", stages]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--modes", default="spacy,fivew",
                        help="comma-separated; 'fivew:entities,quotes' runs fivew with only those stages")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--stages", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.articles, args.batch_size, args.stages)))
        return

    modes = args.modes.split(",") if ":" not in args.modes else args.modes.split(";")
    texts = corpus.build(args.articles)
    print(f"{args.articles} articles, {corpus.words(texts):,} words, batch size {args.batch_size}, "
          f"{args.repeat} alternating runs per mode (median)")
    results: dict[str, list[dict[str, float]]] = {m: [] for m in modes}
    for _ in range(args.repeat):
        for mode in modes:
            name, _, stages = mode.partition(":")
            results[mode].append(run_child(name, args.articles, args.batch_size, stages or None))
    base = statistics.median(r["seconds"] for r in results[modes[0]])
    cpu_base = statistics.median(r["cpu_seconds"] for r in results[modes[0]])
    print(f"{'mode':<28}{'articles/s':>12}{'words/s':>12}{'peak MB':>10}{'time ratio':>12}{'CPU ratio':>11}")
    for mode in modes:
        runs = results[mode]
        seconds = statistics.median(r["seconds"] for r in runs)
        cpu = statistics.median(r["cpu_seconds"] for r in runs)
        print(f"{mode:<28}{statistics.median(r['articles_per_s'] for r in runs):>12.1f}"
              f"{statistics.median(r['words_per_s'] for r in runs):>12,.0f}"
              f"{max(r['peak_mb'] for r in runs):>10.0f}{seconds / base:>12.2f}{cpu / cpu_base:>11.2f}")


if __name__ == "__main__":
    main()
