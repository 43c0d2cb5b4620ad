"""The records fivew produces, and the one `Article` that carries them.

Every span in every record is a pair of character offsets into `Article.text`, the text
exactly as the user supplied it (for HTML input: the text extracted from the page, see
`fivew.ingest.html`). `text[start:end]` always equals the record's `text` field.

Records are small frozen dataclasses; `as_dict` turns any of them (and the Article) into
the JSON output contract documented in the README.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal


@dataclass(frozen=True)
class Span:
    """A stretch of the article's text: `text == article.text[start:end]`."""

    start: int
    end: int
    text: str = ""


@dataclass(frozen=True)
class Part:
    """A labelled region of the article's layout (title, caption, byline, body paragraph…)."""

    kind: Literal[
        "title", "caption", "byline", "published", "updated", "dateline", "body", "bio",
        "boilerplate", "other",
    ]
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """One place where the text names or refers to an entity ("Kovac", "he", "the ministry")."""

    text: str
    start: int
    end: int
    kind: Literal["name", "pronoun", "nominal"] = "name"


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place resolved within one article.

    `entity_id` is unique within the article and shared by every record that refers to the
    entity (quotes' speakers, events' actors). `name` is the fullest name the article uses.
    `text`/`start`/`end` repeat the first mention so that a row reads like an NER span.
    """

    entity_id: str
    name: str
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, LOC, FAC
    text: str
    start: int
    end: int
    mentions: tuple[Mention, ...] = ()
    role: str | None = None  # "Kremlin spokesman"
    affiliation: str | None = None  # "Kremlin", "UK Ministry of Defence"
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # GOV, MIL, REB, CVL, IGO, MED, BUS, ...


@dataclass(frozen=True)
class Speaker:
    """Who a statement is attributed to: the resolved entity and the mention the quote is tied to."""

    name: str
    text: str
    start: int
    end: int
    entity_id: str | None = None
    role: str | None = None
    affiliation: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Quote:
    """An attributed statement. `kind`: direct ("…" said X), mixed (partly quoted) or indirect."""

    text: str
    start: int
    end: int
    kind: Literal["direct", "mixed", "indirect"]
    cue: Span | None
    speaker: Speaker | None
    date: str | None = None  # ISO 8601 date the statement was made (publication date fallback)


@dataclass(frozen=True)
class Actor:
    """A participant in an event, coded by country and sector."""

    name: str
    text: str
    start: int
    end: int
    entity_id: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    # True when the article does not name this participant in the event's own sentence and
    # the events stage took it from context (the span then shows where it was named).
    inferred: bool = False


@dataclass(frozen=True)
class Quantity:
    """A number read from the text with its qualifier: "at least eight" -> 8, "at least"."""

    value: int
    qualifier: Literal["exact", "at least", "at most", "about", "up to", "more than", "fewer than"]
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Place:
    """A place mention resolved offline to a gazetteer entry."""

    name: str
    text: str
    start: int
    end: int
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    feature: Literal["city", "region", "country", "landmark", "other"] = "other"
    precision: Literal["exact", "near", "region", "country"] = "exact"
    dateline: bool = False  # the place named in the story's dateline ("KYIV, Ukraine (AP) -")


@dataclass(frozen=True)
class TimeExpr:
    """A time expression resolved against the publication date."""

    text: str
    start: int
    end: int
    value: str | None  # ISO 8601 date ("2022-03-21") or interval ("2022-03-01/2022-03-31")
    precision: Literal["day", "week", "month", "year", "unknown"] = "unknown"
    direction: Literal["past", "present", "future"] = "present"
    fallback: bool = False  # True: no expression dates the record; this is the publication date


@dataclass(frozen=True)
class Event:
    """Who did what to whom, coded to PLOVER, with the sentence that supports it."""

    type: str  # PLOVER event type: AGREE, CONSULT, ..., ASSAULT
    mode: str | None
    context: tuple[str, ...]
    cameo: str | None  # nearest CAMEO root code
    trigger: Span
    evidence: Span
    source: Actor | None
    target: Actor | None
    negated: bool = False
    modality: Literal["asserted", "reported", "hedged", "planned", "demanded"] = "asserted"
    reported_by: Speaker | None = None
    reason: Span | None = None
    place: Place | None = None
    date: TimeExpr | None = None
    fatalities: Quantity | None = None
    injuries: Quantity | None = None
    confidence: float = 0.5


@dataclass(frozen=True)
class DocError:
    """Why a document could not be (fully) processed. `code` is stable; `message` is for people."""

    code: Literal[
        "empty", "binary", "too_large", "encoding", "not_english", "no_article", "parse",
        "unreadable", "internal",
    ]
    message: str
    fatal: bool = True


@dataclass
class Article:
    """One input document and everything fivew found in it.

    `text` is never modified after ingestion. Ingest fills the metadata and `parts`; the
    extraction stages fill `entities`, `quotes`, `events`, `places` and `dates`.
    """

    id: str
    source: str
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO 8601
    updated: str | None = None
    url: str | None = None
    language: str | None = None
    parts: list[Part] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[TimeExpr] = field(default_factory=list)
    errors: list[DocError] = field(default_factory=list)

    @property
    def body(self) -> list[Part]:
        return [p for p in self.parts if p.kind == "body"]

    @property
    def captions(self) -> list[Part]:
        return [p for p in self.parts if p.kind == "caption"]

    @property
    def ok(self) -> bool:
        return not any(e.fatal for e in self.errors)

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])


def quoting(record: Any, text: str) -> Any:
    """`record` with the `text` of every span in it (nested records too) read from `text`
    at the span's offsets.

    Stages read a parse of a normalised copy of the text (hard line breaks inside a
    paragraph parsed as spaces, so "the regional\ncivil protection agency" is one noun
    phrase); this restores the contract that `text[start:end]` is each span's text.
    """
    if isinstance(record, list):
        return [quoting(r, text) for r in record]
    if isinstance(record, tuple):
        return tuple(quoting(r, text) for r in record)
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        return record
    changes = {f.name: quoting(v, text) for f in dataclasses.fields(record)
               if dataclasses.is_dataclass(v := getattr(record, f.name)) or isinstance(v, list | tuple)}
    start, end, own = (getattr(record, k, None) for k in ("start", "end", "text"))
    if isinstance(start, int) and isinstance(end, int) and isinstance(own, str):
        changes["text"] = text[start:end]
    changes = {k: v for k, v in changes.items() if v is not getattr(record, k) and v != getattr(record, k)}
    return dataclasses.replace(record, **changes) if changes else record


def as_dict(record: Any) -> Any:
    """The JSON-ready view of a record (recursively); `Article` gets the documented contract."""
    if isinstance(record, Article):
        return article_dict(record)
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: as_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, list | tuple):
        return [as_dict(r) for r in record]
    return record


def article_dict(article: Article) -> dict[str, Any]:
    """The output contract (README, "Output"): keys are stable; later stages only add keys."""
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "authors": list(article.authors),
        "published": article.published,
        "updated": article.updated,
        "language": article.language,
        "text": article.text,
        "body": [{"start": p.start, "end": p.end} for p in article.body],
        "captions": [
            {"start": p.start, "end": p.end, "text": article.text[p.start : p.end]}
            for p in article.captions
        ],
        "parts": as_dict(article.parts),
        "entities": as_dict(article.entities),
        "quotes": as_dict(article.quotes),
        "events": as_dict(article.events),
        "places": as_dict(article.places),
        "dates": as_dict(article.dates),
        "errors": as_dict(article.errors),
    }
