"""`fivew ingest`, `fivew query` and `fivew export`: the corpus commands over a store.

Registered on the main `fivew` group in `fivew.cli`. Every command takes `--db FILE`
(default: $FIVEW_DB or fivew.duckdb).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from fivew.store import DEFAULT_PATH, Store

F = Callable[..., Any]


def db_option(fn: F) -> F:
    return click.option(
        "--db", "db", type=click.Path(dir_okay=False), default=None, metavar="FILE",
        help=f"The store: a DuckDB file, created if missing [default: $FIVEW_DB or {DEFAULT_PATH}].",
    )(fn)


def open_store(db: str | None) -> Store:
    """The store named by --db here, else by `fivew query --db`, $FIVEW_DB, fivew.duckdb."""
    ctx = click.get_current_context(silent=True)
    group_db = ctx.parent.params.get("db") if ctx is not None and ctx.parent else None
    path = db or group_db or os.environ.get("FIVEW_DB") or DEFAULT_PATH
    try:
        return Store(path)
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1),
              help="Local processes that run the model (each loads it once); with "
              "--dask local, the number of Dask workers.")
@click.option("--dask", "dask", metavar="ADDRESS|local", default=None,
              help="Run the chunks on a Dask cluster (scheduler address such as "
              "tcp://10.0.0.5:8786, or 'local' for a LocalCluster on 127.0.0.1). Workers "
              "write Parquet shards to --run-dir, which they must be able to reach.")
@click.option("--batch-size", default=64, show_default=True, type=click.IntRange(1),
              help="Articles per chunk: one task and one store transaction.")
@click.option("--run-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for Dask shards [default: <db>.shards].")
@click.option("--model", default=None, metavar="NAME", help="spaCy pipeline to use.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def ingest(paths: tuple[str, ...], db: str | None, workers: int, dask: str | None, batch_size: int,
           run_dir: Path | None, model: str | None, quiet: bool) -> None:
    """Analyse PATHS and add them to the store; a re-run adds only what is new.

    PATHS are files (.txt, .html, .jsonl, .json, .warc, .warc.gz, .rss, .atom, .xml
    feeds), folders (read recursively) or glob patterns. A document that cannot be read
    or analysed is stored with its error (see `fivew query errors`); the batch goes on.
    """
    from fivew.batch import BatchOptions
    from fivew.batch import ingest as run_ingest
    from fivew.progress import BatchProgress

    options = BatchOptions(workers=workers, dask=dask, chunk_size=batch_size, model=model,
                           run_dir=run_dir)
    with open_store(db) as store, BatchProgress(disable=quiet) as progress:
        report = run_ingest(paths, store, options, on_chunk=progress.update)
    click.echo(
        f"fivew: {report.read} read, {report.added} added, {report.skipped} already stored, "
        f"{report.errors} errors, {report.duplicates} near-duplicates, "
        f"{report.analysed / max(report.seconds, 1e-9):.1f} articles/s -> {store.path}", err=True,
    )


@click.command("export")
@db_option
@click.option("--table", type=click.Choice(["events", "quotes", "entities", "places", "dates",
                                            "errors", "parts", "articles"]), default="events",
              show_default=True, help="What to export.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]),
              default="jsonl", show_default=True)
@click.option("--columns", type=click.Choice(["fivew", "polecat", "icews"]), default="fivew",
              show_default=True, help="Column names: fivew's (docs/store.md), or the headers "
              "of POLECAT or ICEWS event files (events only) followed by the evidence columns.")
@click.option("-o", "--output", required=True, metavar="FILE", help="Output file ('-': stdout).")
@click.option("--include-duplicates", is_flag=True,
              help="Keep rows of near-duplicate articles (wire copies).")
def export_cmd(db: str | None, table: str, fmt: str, columns: str, output: str,
               include_duplicates: bool) -> None:
    """Export a table with its article's story_id, headline, url and publication date."""
    from fivew.store.export import export

    with open_store(db) as store:
        try:
            n = export(store, table, fmt, output, include_duplicates, columns)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"fivew: {n} {table} rows -> {output}", err=True)


# -- fivew query ---------------------------------------------------------------------------

TABLE_COLUMNS = {
    "quotes": ["quote_date", "speaker_name", "kind", "text", "article_title"],
    "events": ["event_date", "event_type", "source_actor", "source_country", "target_actor",
               "target_country", "negated", "evidence_text"],
    "speakers": ["speaker", "role", "quotes", "articles", "first_date", "last_date"],
    "articles": ["id", "published", "title", "source", "status", "n_quotes", "n_events", "duplicate_of"],
    "errors": ["source", "code", "message", "fatal"],
}


def query_options(fn: F) -> F:
    fn = click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]),
                      default="table", show_default=True, help="Output format.")(fn)
    fn = click.option("--limit", default=50, show_default=True, type=click.IntRange(0))(fn)
    fn = click.option("--offset", default=0, show_default=True, type=click.IntRange(0))(fn)
    return db_option(fn)


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from fivew.store.queries import date_bound

    try:
        date_bound(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    return value


def filter_options(fn: F) -> F:
    fn = click.option("--since", metavar="DATE", callback=_date,
                      help="On or after this date: YYYY-MM-DD, or the start of YYYY-MM or YYYY.")(fn)
    fn = click.option("--until", metavar="DATE", callback=_date,
                      help="On or before this date: YYYY-MM-DD, or the end of YYYY-MM or YYYY.")(fn)
    return click.option("--include-duplicates", is_flag=True,
                        help="Also rows from near-duplicate articles (wire copies).")(fn)


@click.group()
@db_option
def query(db: str | None) -> None:
    """Ask the store common questions without SQL (or with: `fivew query sql`).

    \b
      fivew query quotes --speaker Smith
      fivew query speakers --about ceasefire
      fivew query events --type REJECT --between RUS UKR --since 2022-03 --until 2022-03
      fivew query sql "SELECT event_type, count(*) FROM events GROUP BY 1"
    """


@query.command("quotes")
@click.option("--speaker", metavar="NAME", help="Part of the speaker's name (any case).")
@click.option("--about", metavar="WORDS", help="Words the quote contains (any case).")
@filter_options
@query_options
def query_quotes(db: str | None, fmt: str, limit: int, offset: int, **filters: Any) -> None:
    """Quotes, newest first: who said what, with evidence offsets."""
    with open_store(db) as store:
        show(store.quotes(**filters, limit=limit, offset=offset), fmt, "quotes")


@query.command("speakers")
@click.option("--about", metavar="WORDS", help="Only quotes containing these words.")
@filter_options
@query_options
def query_speakers(db: str | None, fmt: str, limit: int, offset: int, **filters: Any) -> None:
    """Who spoke (about WORDS), with how often."""
    with open_store(db) as store:
        show(store.speakers(**filters, limit=limit, offset=offset), fmt, "speakers")


@query.command("events")
@click.option("--type", "types", multiple=True, metavar="TYPE",
              help="PLOVER event type (repeatable): REJECT, ASSAULT, CONSULT, ...")
@click.option("--between", nargs=2, metavar="A B", default=None,
              help="Two ISO alpha-3 countries, either as source and the other as target.")
@click.option("--source-country", metavar="ISO3")
@click.option("--target-country", metavar="ISO3")
@click.option("--actor", metavar="NAME", help="Part of the source or target actor's name.")
@filter_options
@query_options
def query_events(db: str | None, fmt: str, limit: int, offset: int, types: tuple[str, ...],
                 **filters: Any) -> None:
    """Events (who did what to whom), newest first."""
    with open_store(db) as store:
        rows = store.events(type=list(types) or None, **filters, limit=limit, offset=offset)
        show(rows, fmt, "events")


@query.command("articles")
@click.option("--search", metavar="WORDS", help="Words in the title or text.")
@click.option("--errors", "status", flag_value="error", default=None,
              help="Only articles that could not be analysed.")
@filter_options
@query_options
def query_articles(db: str | None, fmt: str, limit: int, offset: int, **filters: Any) -> None:
    """Stored articles, newest first."""
    with open_store(db) as store:
        show(store.articles(**filters, limit=limit, offset=offset), fmt, "articles")


@query.command("errors")
@click.option("--code", help="Only this error code (empty, binary, unreadable, ...).")
@query_options
def query_errors(db: str | None, fmt: str, limit: int, offset: int, code: str | None) -> None:
    """Per-document errors and warnings with their reasons."""
    with open_store(db) as store:
        show(store.errors(code=code, limit=limit, offset=offset), fmt, "errors")


@query.command("article")
@click.argument("article_id")
@db_option
def query_article(db: str | None, article_id: str) -> None:
    """One article with all its records, as JSON."""
    with open_store(db) as store:
        record = store.article(article_id)
    if record is None:
        raise click.ClickException(f"no article with id {article_id!r} in {store.path}")
    click.echo(json.dumps(record, default=_json_default, ensure_ascii=False, indent=2))


@query.command("sql")
@click.argument("statement")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]),
              default="table", show_default=True)
@db_option
def query_sql(db: str | None, statement: str, fmt: str) -> None:
    """Run any SQL over the tables documented in docs/store.md."""
    import duckdb

    with open_store(db) as store:
        try:
            rows = store.sql(statement)
        except duckdb.Error as exc:
            raise click.ClickException(f"SQL failed: {exc}") from exc
    show(rows, fmt, None)


def show(rows: list[dict[str, Any]], fmt: str, kind: str | None) -> None:
    """Print rows as a terminal table (chosen columns) or as json, jsonl, csv (all columns)."""
    out = sys.stdout
    if fmt == "json":
        out.write(json.dumps(rows, default=_json_default, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, default=_json_default, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        if rows:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table

        columns = TABLE_COLUMNS.get(kind or "") or (list(rows[0]) if rows else [])
        table = Table(*columns, show_lines=False)
        for row in rows:
            table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
        Console(file=out, width=None if out.isatty() else 200).print(table)
        click.echo(f"{len(rows)} rows", err=True)


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)


def register(main: click.Group) -> None:
    for command in (ingest, query, export_cmd):
        main.add_command(command)
