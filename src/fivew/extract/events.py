"""Events: placeholder until its issue lands; returns no records."""

from __future__ import annotations

from spacy.tokens import Doc

from fivew.records import Article, Event


def find_events(doc: Doc, article: Article) -> list[Event]:
    return []
