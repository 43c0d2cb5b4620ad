"""The one Pipeline a server process uses for POST /extract, created on first use.

Loading the spaCy model takes seconds and ~200 MB, so it happens once per process and is
shared by every request; a lock serialises runs because a spaCy `Language` is not
documented as safe to call from several threads at once (FastAPI runs sync handlers in a
thread pool).
"""

from __future__ import annotations

import threading
from typing import Any

from fivew.ingest import from_text
from fivew.ingest.jsonl import from_record
from fivew.pipeline import Pipeline
from fivew.records import Article


class Extractor:
    """Runs the whole pipeline on one article at a time; the model loads on the first call
    (unless a ready `pipeline` is given)."""

    def __init__(self, model: str | None = None, pipeline: Pipeline | None = None) -> None:
        self.model = model
        self._pipeline = pipeline
        self._lock = threading.Lock()

    @property
    def pipeline(self) -> Pipeline:
        with self._lock:
            if self._pipeline is None:
                self._pipeline = Pipeline(model=self.model)
            return self._pipeline

    def load(self) -> None:
        """Load the model now (e.g. at server start) rather than on the first request."""
        _ = self.pipeline

    def run(self, article: Article) -> Article:
        pipeline = self.pipeline
        with self._lock:
            return next(pipeline.run([article]))

    def from_fields(self, fields: dict[str, Any]) -> Article:
        """An Article from a JSON request's fields (`text` or `html`, plus metadata)."""
        return self.run(from_record(fields, "<request>"))

    def from_plain(self, text: str) -> Article:
        """An Article from a text/plain body; its first lines are read as the layout."""
        return self.run(from_text(text, "<request>"))
