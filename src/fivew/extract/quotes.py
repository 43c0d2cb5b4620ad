"""Quotes: placeholder until its issue lands; returns no records."""

from __future__ import annotations

from spacy.tokens import Doc

from fivew.records import Article, Quote


def find_quotes(doc: Doc, article: Article) -> list[Quote]:
    return []
