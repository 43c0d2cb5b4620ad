"""`fivew evaluate`: score fivew's output against gold answers (docs/evaluation.md).

Gold comes as fivew gold JSON files (`fivew.evaluate.gold`) or PolNeAR brat folders
(`fivew.evaluate.brat`); predictions as fivew's JSON or JSONL output, or made on the spot
by running the pipeline on the gold texts. Predictions are paired with gold articles by
the SHA-256 of the article text, so file names need not agree.

Scorers are per record kind: `fivew.evaluate.quotes` for the gold files' `quotes` and
`fivew.evaluate.events` for their `events`; both match one to one with
`fivew.evaluate.matching`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from fivew.evaluate.brat import load_brat_folder
from fivew.evaluate.gold import GoldArticle, GoldError, load_gold_json, text_hash
from fivew.evaluate.quotes import PredQuote, QuoteScores, score_article

__all__ = ["GoldArticle", "GoldError", "PredQuote", "QuoteScores", "load_gold",
           "annotates_quotes", "load_predictions", "predict", "score_quotes"]


def load_gold(path: str | Path) -> list[GoldArticle]:
    """Gold articles from a gold JSON file, a folder of them, or a brat folder (any folder
    holding .ann files, directly or under attributions/). Folders are read recursively."""
    path = Path(path)
    if path.is_file():
        if path.suffix == ".ann":
            raise GoldError(f"{path}: give the folder holding the .ann and .txt files")
        return [load_gold_json(path)]
    if not path.is_dir():
        raise GoldError(f"{path}: no such gold file or folder")
    if any(path.glob("*.ann")) or (path / "attributions").is_dir():
        return load_brat_folder(path)
    articles = []
    for file in sorted(path.rglob("*.json")):
        articles.append(load_gold_json(file))
    for sub in sorted(p for p in path.rglob("*") if p.is_dir() and any(p.glob("*.ann"))):
        if sub.name != "attributions":
            articles.extend(load_brat_folder(sub))
    if not articles:
        raise GoldError(f"{path}: no gold files (*.json or brat *.ann) found")
    return articles


def _records(path: Path) -> Iterable[dict[str, Any]]:
    files = sorted(p for p in path.rglob("*") if p.suffix in (".json", ".jsonl")) \
        if path.is_dir() else [path]
    for file in files:
        raw = file.read_text(encoding="utf-8")
        if file.suffix == ".jsonl":
            for line in raw.splitlines():
                if line.strip():
                    yield json.loads(line)
            continue
        data = json.loads(raw)
        yield from data if isinstance(data, list) else [data]


def load_predictions(path: str | Path, events: dict[str, list[Any]] | None = None
                     ) -> dict[str, list[PredQuote]]:
    """fivew output (JSON array, one JSON object, or JSONL; a file or a folder of them)
    as {sha256 of the article text: predicted quotes}; with `events`, also fills it with
    {sha256: the article's predicted events as JSON dicts}."""
    preds: dict[str, list[PredQuote]] = {}
    for rec in _records(Path(path)):
        if isinstance(rec, dict) and isinstance(rec.get("text"), str):
            preds[text_hash(rec["text"])] = [
                PredQuote.from_record(q) for q in rec.get("quotes") or []]
            if events is not None:
                events[text_hash(rec["text"])] = list(rec.get("events") or [])
    return preds


def predict(gold: list[GoldArticle], model: str | None = None, save: IO[str] | None = None,
            events: dict[str, list[Any]] | None = None,
            failures: list[str] | None = None) -> dict[str, list[PredQuote]]:
    """Run the pipeline on the gold texts (read with the layout each gold file asks for);
    with `save`, also write each article's fivew record there as JSONL; with `events`,
    also collect each article's predicted events (JSON dicts) by text hash; with
    `failures`, also collect "source: error" for each stage that failed on an article (its
    records are then incomplete, and the scores say less than they seem to)."""
    from fivew.ingest import from_text
    from fivew.pipeline import Pipeline
    from fivew.records import as_dict

    pipeline = Pipeline(model=model)
    articles = (from_text(g.text, source=g.source, layout=g.layout,
                          published=g.published) for g in gold)
    preds = {}
    for article in pipeline.run(articles):
        if save is not None:
            save.write(json.dumps(as_dict(article), ensure_ascii=False) + "\n")
        preds[text_hash(article.text)] = [
            PredQuote.from_record(q) for q in as_dict(article.quotes)]
        if events is not None:
            events[text_hash(article.text)] = as_dict(article.events)
        if failures is not None:
            failures += [f"{article.source}: {e.message}" for e in article.errors
                         if e.code == "internal"]
    return preds


def annotates_quotes(article: GoldArticle) -> bool:
    """Whether the gold article's quotes were annotated: it lists some, or it lists no
    events either (a quote gold file for an article without quotes)."""
    return bool(article.quotes) or not article.events


def score_quotes(gold: list[GoldArticle], preds: dict[str, list[PredQuote]],
                 threshold: float, merge_fragments: bool = False
                 ) -> tuple[QuoteScores, list[str]]:
    """Scores at one coverage threshold, and the names of gold articles with no prediction
    (scored as if nothing was predicted). `merge_fragments`: see `score_article`.

    An article whose gold lists events but no quotes is event gold only: its quotes were
    not annotated, so it is left out here (else every quote found in it would count as
    spurious)."""
    scores = QuoteScores(threshold, merge_fragments)
    missing = []
    for article in filter(annotates_quotes, gold):
        pred = preds.get(text_hash(article.text))
        if pred is None:
            missing.append(article.name)
        score_article(scores, article, pred or [])
    return scores, missing
