"""Dates: placeholder until its issue lands; returns no records."""

from __future__ import annotations

from spacy.tokens import Doc

from fivew.records import Article, TimeExpr


def find_dates(doc: Doc, article: Article) -> list[TimeExpr]:
    return []
