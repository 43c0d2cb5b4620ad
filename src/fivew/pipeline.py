"""The path of an article through fivew: ingest -> parse -> stages -> records.

`Pipeline.run` parses many articles at once with `nlp.pipe` and hands each parsed `Doc`
to the extraction stages in order. Each stage is a function `(doc, article) -> records`
(or a dict of record lists for a stage that revises several, like `links`);
later stages may read what earlier ones stored on the article (quotes read entities,
events read everything). The body is one parse; the headline and photo captions are a
second, small one hung on it (`fivew.nlp.extra_docs`), read by places and dates only. A stage that raises records a non-fatal error on its article
and the others still run: one bad sentence never loses a document.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from fivew import nlp as nlp_module
from fivew.extract.dates import find_dates
from fivew.extract.entities import find_entities
from fivew.extract.events import find_events
from fivew.extract.links import link_places_and_dates
from fivew.extract.places import find_places
from fivew.extract.quotes import find_quotes
from fivew.records import Article, DocError, Part, quoting

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Stage:
    """A named step. `run` returns a list, stored as `article.<name>`, or a dict of lists,
    each stored under its key (a stage that revises records other stages made, like links)."""

    name: str  # the Article attribute the stage fills, when it returns a list
    run: Callable[[Doc, Article], list[Any] | dict[str, list[Any]]]
    # True: the stage sees only the places and dates read in the body (`body_view`), so a
    # headline's places do not sway who did what (events count the article's countries).
    body_view: bool = False


STAGES: tuple[Stage, ...] = (
    Stage("entities", find_entities),
    Stage("places", find_places),
    Stage("dates", find_dates),
    Stage("quotes", find_quotes),
    Stage("events", find_events, body_view=True),
    Stage("links", link_places_and_dates),  # fills events' and quotes' place and date
)


def analysable_text(article: Article) -> str:
    """The text the model parses: `article.text` with everything but body paragraphs blanked.

    Blanking (spaces, newlines kept) rather than cutting keeps every character offset of
    the parsed `Doc` equal to the offset in `article.text`, so no stage maps offsets.
    """
    body = article.body
    if not body:
        return article.text
    return _keep(article, body)


# Parts parsed apart from the body: places and dates in a headline or photo caption count,
# but a headline is no report of who said or did what, so entities, quotes and events
# read the body parse only.
EXTRA_KINDS = ("title", "caption")


def extra_parts(article: Article) -> list[Part]:
    """The title and caption parts to parse apart from the body: each distinct one once (a
    headline or caption printed twice is one mention), and none whose words a body
    paragraph already holds (its places and dates are read there). Empty without layout."""
    if not article.body:
        return []
    body = " ".join(_words(article, p) for p in article.body)
    seen: set[str] = set()
    parts = []
    for part in article.parts:
        words = _words(article, part)
        if part.kind in EXTRA_KINDS and words and words not in seen and words not in body:
            seen.add(words)
            parts.append(part)
    return parts


def extras_text(article: Article) -> str | None:
    """The `extra_parts` as a second text to parse, blanked like `analysable_text` (offsets
    into `article.text`); None when there are none."""
    parts = extra_parts(article)
    return _keep(article, parts) if parts else None


def body_view(article: Article) -> Article:
    """A shallow copy of the article whose places and dates are those in body paragraphs
    (the ones read from the title and captions left out); other fields are shared."""
    body = article.body
    if not body:
        return article

    def inside(record: Any) -> bool:
        return any(p.start <= record.start < p.end for p in body)

    return replace(article, places=[p for p in article.places if inside(p)],
                   dates=[d for d in article.dates if inside(d)])


def _words(article: Article, part: Part) -> str:
    return " ".join(article.text[part.start : part.end].split())


def _keep(article: Article, parts: list[Part]) -> str:
    chars = [c if c == "\n" else " " for c in article.text]
    for part in parts:
        # A line break inside a paragraph is hard wrapping, not a boundary: parse it as a
        # space (one character for one, so offsets still hold).
        chars[part.start : part.end] = article.text[part.start : part.end].replace("\n", " ")
    return "".join(chars)


class Pipeline:
    """Runs the model and the stages over articles. Create once; reuse for many batches."""

    def __init__(
        self,
        model: str | None = None,
        stages: Iterable[Stage] = STAGES,
        batch_size: int = 8,
    ) -> None:
        self.nlp: Language = nlp_module.load(model)
        self.stages = tuple(stages)
        self.batch_size = batch_size

    def run(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Yield each article, in input order, with its records filled in.

        Articles that already carry a fatal error (from ingest) pass through untouched.
        """
        pending: list[Article] = []
        for article in articles:
            pending.append(article)
            if len(pending) >= self.batch_size * 4:
                yield from self._run_batch(pending)
                pending = []
        yield from self._run_batch(pending)

    def _run_batch(self, articles: list[Article]) -> Iterator[Article]:
        todo = [a for a in articles if a.ok]
        docs = self.nlp.pipe((analysable_text(a) for a in todo), batch_size=self.batch_size)
        parsed = dict(zip((id(a) for a in todo), docs, strict=True))
        extras = [(a, text) for a in todo if (text := extras_text(a)) is not None]
        extra_docs = self.nlp.pipe((text for _, text in extras), batch_size=self.batch_size)
        for (article, _), extra in zip(extras, extra_docs, strict=True):
            parsed[id(article)]._.fivew_extras = extra
        for article in articles:
            doc = parsed.get(id(article))
            if doc is not None:
                self.analyse(article, doc)
            yield article

    def analyse(self, article: Article, doc: Doc) -> Article:
        for stage in self.stages:
            try:
                result = stage.run(doc, body_view(article) if stage.body_view else article)
                for name, records in (result.items() if isinstance(result, dict)
                                      else [(stage.name, result)]):
                    setattr(article, name, quoting(records, article.text))
            except Exception as exc:  # one failing stage must not lose the document
                log.debug("stage %s failed on %s:\n%s", stage.name, article.id, traceback.format_exc())
                article.errors.append(
                    DocError("internal", f"{stage.name} stage failed: {exc!r}", fatal=False)
                )
        return article
