"""fivew: who said what, who did what to whom, where, when and why, from news text.

    >>> import fivew
    >>> article = fivew.extract_text("The port will stay closed, harbour master Ana Lima said.")
    >>> article.quotes[0].speaker.name  # doctest: +SKIP

Every record carries character offsets into the text exactly as supplied.
"""

from __future__ import annotations

from fivew.records import Article, as_dict

__version__ = "0.1.0"
__all__ = ["Article", "as_dict", "extract_text", "extract_paths"]


def extract_text(text: str, **metadata: str) -> Article:
    """Run the whole pipeline on one text (its layout is read as a plain-text article)."""
    from fivew.ingest import from_text
    from fivew.pipeline import Pipeline

    return next(Pipeline().run([from_text(text, **metadata)]))  # type: ignore[arg-type]


def extract_paths(*paths: str) -> list[Article]:
    """Run the whole pipeline on files and folders (text, HTML, JSONL...)."""
    from fivew.ingest import read_paths
    from fivew.pipeline import Pipeline

    return list(Pipeline().run(read_paths(paths)))
