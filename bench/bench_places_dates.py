"""What geocoding and date resolution add to pipeline time.

Parses the articles and runs every stage on them, timing each in process CPU time (the
machine is shared, wall time is noisy); prints words/s per step, the ratio of the pipeline
with places, dates and links to the pipeline without them (parse + other stages), the
one-time gazetteer build and peak memory. The small second parse of headlines and captions
("extras"), which only places and dates read, counts on the places/dates side. Corpus
(about `--words` words): `gold` = the seed article, the two whole articles of
tests/gold/places_dates_articles.yaml plus the snippets of tests/gold/places_dates.yaml,
repeated; `shared` = the benchmark articles of bench/corpus.py.

    PYTHONPATH=src:bench python bench/bench_places_dates.py [--words 30000] [--rounds 3]
        [--corpus gold|shared]
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import yaml

from fivew.extract import gazetteer
from fivew.ingest import from_text
from fivew.pipeline import Pipeline, analysable_text, body_view, extras_text
from fivew.records import Article

ROOT = Path(__file__).resolve().parent.parent
SEED = Path("/work/shared/corpus/seed")
# "extras": parsing the headline and captions, which only places and dates read.
GEO_STAGES = {"extras", "places", "dates", "links"}


def corpus(words: int, kind: str = "gold") -> list[tuple[str, str | None]]:
    """(text, published) pairs; published None means: read the layout (date line)."""
    if kind == "shared":  # bench/corpus.py: whole articles recombined from repository text
        import corpus as shared

        n = 1
        while shared.words(shared.build(n)) < words:
            n *= 2
        return [(t, None) for t in shared.build(n)]
    texts: list[tuple[str, str | None]] = []
    gold = yaml.safe_load((ROOT / "tests/gold/places_dates.yaml").read_text(encoding="utf-8"))
    texts += [(item["text"], str(item["published"])) for item in gold]
    texts += [(p.read_text(encoding="utf-8"), None) for p in sorted(SEED.glob("*.txt"))]
    pages = yaml.safe_load((ROOT / "tests/gold/places_dates_articles.yaml").read_text("utf-8"))
    texts += [(item["text"], None) for item in pages]  # whole pages: title, caption, body
    out: list[tuple[str, str | None]] = []
    while sum(len(t.split()) for t, _ in out) < words:
        out += texts
    return out


def articles(texts: list[tuple[str, str | None]]) -> list[Article]:
    # Snippets carry no layout; the seed article's layout (dates, captions) is read.
    return [from_text(t, published=p) if p is None else from_text(t, layout=False, published=p)
            for t, p in texts]


def stage_times(pipeline: Pipeline, texts: list[tuple[str, str | None]]) -> dict[str, float]:
    """CPU seconds for parsing and for each stage over the corpus (process time, so other
    processes on the machine do not count)."""
    batch = [a for a in articles(texts) if a.ok]
    times = {"parse": 0.0, "extras": 0.0, **{s.name: 0.0 for s in pipeline.stages}}
    start = time.process_time()
    docs = list(pipeline.nlp.pipe((analysable_text(a) for a in batch),
                                  batch_size=pipeline.batch_size))
    times["parse"] = time.process_time() - start
    start = time.process_time()
    extras = [(d, text) for a, d in zip(batch, docs, strict=True)
              if (text := extras_text(a)) is not None]
    for (doc, _), extra in zip(extras, pipeline.nlp.pipe((t for _, t in extras),
                                                         batch_size=pipeline.batch_size),
                               strict=True):
        doc._.fivew_extras = extra
    times["extras"] = time.process_time() - start
    for article, doc in zip(batch, docs, strict=True):
        for stage in pipeline.stages:
            start = time.process_time()
            result = stage.run(doc, body_view(article) if stage.body_view else article)
            for name, records in (result.items() if isinstance(result, dict)
                                  else [(stage.name, result)]):
                setattr(article, name, records)
            times[stage.name] += time.process_time() - start
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=30_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", choices=["gold", "shared"], default="gold",
                        help="gold: snippets + seed article; shared: bench/corpus.py articles")
    args = parser.parse_args()
    texts = corpus(args.words, args.corpus)
    n_words = sum(len(t.split()) for t, _ in texts)

    start = time.perf_counter()
    gazetteer.index()
    gazetteer.is_capital(gazetteer.lookup("Kyiv")[0])
    build = time.perf_counter() - start

    pipeline = Pipeline()
    stage_times(pipeline, texts[:5])  # warm up (lexicons, caches)
    rounds = [stage_times(pipeline, texts) for _ in range(args.rounds)]
    best = {k: min(r[k] for r in rounds) for k in rounds[0]}
    geo = sum(v for k, v in best.items() if k in GEO_STAGES)
    base = sum(v for k, v in best.items() if k not in GEO_STAGES)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {len(texts)} articles, {n_words} words; CPU seconds, best of {args.rounds}")
    for name, seconds in best.items():
        print(f"  {name:9s} {seconds:7.3f} s  {n_words / max(seconds, 1e-9):10.0f} words/s")
    print(f"pipeline without places/dates/links: {base:.3f} s ({n_words / base:.0f} words/s)")
    print(f"places + dates + links:              {geo:.3f} s")
    print(f"ratio with/without: {(base + geo) / base:.3f} (+{geo / base * 100:.1f}% time)")
    print(f"one-time gazetteer build: {build:.2f} s; peak RSS {peak_mb:.0f} MB")

if __name__ == "__main__":
    main()
