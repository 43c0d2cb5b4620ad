"""A progress line for batch runs: articles done, articles/s, words/s, errors, skipped."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from fivew.batch import BatchReport


class BatchProgress:
    """`with BatchProgress() as p: ingest(..., on_chunk=p.update)`; prints to stderr."""

    def __init__(self, disable: bool = False) -> None:
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.fields[done]} articles"),
            TextColumn("{task.fields[rate]:.1f} articles/s"),
            TextColumn("{task.fields[words]:,.0f} words/s"),
            TextColumn("[red]{task.fields[errors]} errors"),
            TextColumn("{task.fields[skipped]} already stored"),
            TimeElapsedColumn(),
            console=Console(stderr=True), disable=disable, transient=False,
        )
        self.task = self.progress.add_task(
            "ingest", total=None, done=0, rate=0.0, words=0.0, errors=0, skipped=0
        )

    def __enter__(self) -> BatchProgress:
        self.progress.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.progress.stop()

    def update(self, report: BatchReport) -> None:
        seconds = max(report.seconds, 1e-9)
        self.progress.update(
            self.task, done=report.analysed, rate=report.analysed / seconds,
            words=report.words / seconds, errors=report.errors, skipped=report.skipped,
        )
