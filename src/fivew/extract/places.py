"""Places: placeholder until its issue lands; returns no records."""

from __future__ import annotations

from spacy.tokens import Doc

from fivew.records import Article, Place


def find_places(doc: Doc, article: Article) -> list[Place]:
    return []
