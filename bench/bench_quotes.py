"""Quotes: fivew vs textacy's `direct_quotations`, on the same parsed texts (quality and time).

    PYTHONPATH=src python bench/bench_quotes.py [GOLD] [--limit N]

GOLD is anything `fivew evaluate` reads (default: tests/gold; PolNeAR dev:
devdata/polnear/data/dev). Each text is parsed once with fivew's model; then, on the same
`Doc`s, the script times every fivew stage and textacy's extractor, and scores both with
fivew's quote scorer against all gold quotes and against the gold quotes that are direct
(textacy finds only those). It prints articles/s, words/s, peak memory, and the share of
pipeline time the quotes stage adds. textacy is an optional extra: `pip install fivew[bench]`.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

from fivew.evaluate import load_gold, score_quotes
from fivew.evaluate.gold import GoldArticle, text_hash
from fivew.evaluate.quotes import PredQuote
from fivew.ingest import from_text
from fivew.pipeline import STAGES, Pipeline, analysable_text
from fivew.records import as_dict


def textacy_quotes(doc, dq) -> tuple[list[PredQuote], bool]:  # type: ignore[no-untyped-def]
    """textacy's direct quotations as PredQuotes; (quotes, raised)."""
    try:
        triples = list(dq(doc))
    except Exception:  # textacy raises on an odd number of quote marks
        return [], True
    out = []
    for t in triples:
        speaker = list(t.speaker)
        span = (speaker[0].idx, speaker[-1].idx + len(speaker[-1])) if speaker else None
        name = " ".join(tok.text for tok in speaker) if speaker else None
        content = t.content
        out.append(PredQuote(content.start_char, content.end_char, "direct", name, span,
                             content.text))
    return out, False


def direct_only(gold: list[GoldArticle]) -> list[GoldArticle]:
    return [replace(g, quotes=[q for q in g.quotes if q.kind == "direct"]) for g in gold]


def line(label: str, scores) -> str:  # type: ignore[no-untyped-def]
    return (f"  {label:<34} P {100 * scores.precision:5.1f}  R {100 * scores.recall:5.1f}  "
            f"F1 {100 * scores.f1:5.1f}  speaker(span) "
            f"{100 * (scores.speaker_span.value or 0):5.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", default="tests/gold")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    args = ap.parse_args()
    gold = load_gold(Path(args.gold))
    if args.limit:
        gold = gold[: args.limit]
    pipeline = Pipeline()
    articles = [from_text(g.text, source=g.source, layout=g.layout, published=g.published)
                for g in gold]
    words = sum(len(a.text.split()) for a in articles)

    t0 = time.perf_counter()
    docs = list(pipeline.nlp.pipe((analysable_text(a) for a in articles), batch_size=8))
    parse_time = time.perf_counter() - t0

    stage_time = {s.name: 0.0 for s in STAGES}
    fivew_pred: dict[str, list[PredQuote]] = {}
    for article, doc in zip(articles, docs, strict=True):
        for stage in STAGES:
            t = time.perf_counter()
            try:
                setattr(article, stage.name, stage.run(doc, article))
            except Exception as exc:  # the pipeline records these; the bench reports them
                print(f"fivew {stage.name} failed on {article.source}: {exc!r}", file=sys.stderr)
            stage_time[stage.name] += time.perf_counter() - t
        fivew_pred[text_hash(article.text)] = [
            PredQuote.from_record(q) for q in as_dict(article.quotes)]

    # textacy finds cue verbs by lemma: give it the same model with its lemmatizer on.
    import spacy
    from textacy.extract.triples import direct_quotations  # imported late: it patches spaCy

    from fivew.nlp import DEFAULT_MODEL

    full = spacy.load(DEFAULT_MODEL)
    t = time.perf_counter()
    tx_docs = list(full.pipe((analysable_text(a) for a in articles), batch_size=8))
    tx_parse = time.perf_counter() - t
    tx_pred: dict[str, list[PredQuote]] = {}
    tx_failed = 0
    t = time.perf_counter()
    for article, doc in zip(articles, tx_docs, strict=True):
        found, raised = textacy_quotes(doc, direct_quotations)
        tx_failed += raised
        tx_pred[text_hash(article.text)] = found
    tx_time = time.perf_counter() - t

    total = parse_time + sum(stage_time.values())
    without_quotes = total - stage_time["quotes"]
    n = len(articles)
    print(f"{n} articles, {words} words, gold from {args.gold}")
    print(f"fivew pipeline: {total:.2f} s = {n / total:.1f} articles/s, {words / total:,.0f} words/s"
          f" (parse {parse_time:.2f} s; " + ", ".join(
              f"{k} {v:.2f} s" for k, v in stage_time.items()) + ")")
    print(f"quotes stage: {stage_time['quotes']:.2f} s = {1000 * stage_time['quotes'] / n:.1f} ms/article,"
          f" adds {100 * stage_time['quotes'] / without_quotes:.1f}% to the rest of the pipeline")
    print(f"textacy direct_quotations: {tx_time:.2f} s = {1000 * tx_time / n:.1f} ms/article "
          f"(on docs parsed with the lemmatizer on: parse {tx_parse:.2f} s); "
          f"raised on {tx_failed}/{n} documents (each loses all its quotes)")
    print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    direct = direct_only(gold)
    for threshold in (0.3, 0.8):
        print(f"at {int(100 * threshold)}% coverage:")
        print(line("fivew, all gold quotes", score_quotes(gold, fivew_pred, threshold)[0]))
        print(line("textacy, all gold quotes", score_quotes(gold, tx_pred, threshold)[0]))
        fivew_direct = {k: [q for q in v if q.kind == "direct"] for k, v in fivew_pred.items()}
        print(line("fivew direct, direct gold only", score_quotes(direct, fivew_direct, threshold)[0]))
        print(line("textacy, direct gold only", score_quotes(direct, tx_pred, threshold)[0]))


if __name__ == "__main__":
    main()
