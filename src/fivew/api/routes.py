"""The API's endpoints: POST /extract, and paged listings of a fivew database.

Listings return `models.Page` (`total` over all pages, `items` for this one); filters are
query parameters, all optional, combined with AND. Article records follow the JSON output
contract of `fivew.records.article_dict`: offsets index the article's `text`.
"""

from __future__ import annotations

import json
import threading
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from fivew.api.contract import article_record
from fivew.api.errors import APIError, validation_details
from fivew.api.models import ExtractRequest, Page
from fivew.api.paging import count_rows
from fivew.records import as_dict

router = APIRouter()
_store_lock = threading.Lock()  # one DuckDB connection: one query at a time

Limit = Annotated[int, Query(ge=1, le=500, description="Rows per page (1-500).")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip: `offset=limit*page`.")]
Since = Annotated[date | None, Query(description="Only on or after this date (YYYY-MM-DD).")]
Until = Annotated[date | None, Query(description="Only on or before this date (YYYY-MM-DD).")]
Speaker = Annotated[str | None, Query(
    description="Part of the speaker's name, any case: `speaker=smith`.")]
EventType = Annotated[str | None, Query(
    alias="type", description="PLOVER event type, e.g. ASSAULT, ACCUSE, REJECT.")]
Country = Annotated[str | None, Query(
    min_length=3, max_length=3, pattern="^[A-Za-z]{3}$",
    description="ISO 3166-1 alpha-3 country code, e.g. RUS (any case).")]
Between = Annotated[list[str] | None, Query(
    description="Two ISO alpha-3 country codes, given twice (`between=RUS&between=UKR`): "
    "events of either on the other, in either direction.")]
Search = Annotated[str | None, Query(description="Words in the title or text (substring).")]
About = Annotated[str | None, Query(description="A word or phrase in the quote (substring).")]
Actor = Annotated[str | None, Query(description="Part of the source or target actor's name.")]
ArticleId = Annotated[str | None, Query(description="Only records of this article.")]
Status = Annotated[str | None, Query(
    pattern="^(ok|error)$", description="`ok`: analysed; `error`: could not be analysed.")]
Duplicates = Annotated[bool, Query(
    description="Also list near-duplicate copies (wire stories) and their records.")]

EXTRACT_BODY = {
    "requestBody": {
        "required": True,
        "description": "JSON `{text | html, title?, published?, url?}`, or the article as "
        "`text/plain` (UTF-8; its first lines are read as title, byline and dates).",
        "content": {
            "application/json": {"schema": ExtractRequest.model_json_schema()},
            "text/plain": {"schema": {"type": "string"}},
        },
    }
}


@router.post(
    "/extract", summary="Analyse one article", openapi_extra=EXTRACT_BODY,
    response_description="The article record: text, metadata, parts, entities, quotes, "
    "events, places, dates and non-fatal errors; every span's offsets index `text`.",
)
async def extract(request: Request) -> JSONResponse:
    """Run the whole pipeline on one article and return its record.

    Errors: 400 body not valid JSON or not UTF-8, 413 body over the server's limit, 415 a
    content type other than JSON or plain text, 422 missing or empty text, or an article
    that cannot be analysed (the `error` code is the document error's: `binary`,
    `no_article`, ...).
    """
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    extractor = request.app.state.extractor
    if media == "application/json" or media.endswith("+json"):
        fields = _extract_request(body).model_dump(exclude_none=True)
        article = await run_in_threadpool(extractor.from_fields, fields)
    elif media == "text/plain":
        text = _utf8(body)
        if not text.strip():
            raise APIError(422, "the body is empty: send the article's text", "empty")
        article = await run_in_threadpool(extractor.from_plain, text)
    else:
        raise APIError(415, f"unsupported content type {media or '(none)'!r}: send "
                       "application/json {\"text\": ...} or text/plain")
    fatal = [e for e in article.errors if e.fatal]
    if fatal:
        status = 413 if fatal[0].code == "too_large" else 422
        raise APIError(status, fatal[0].message, fatal[0].code, [as_dict(e) for e in fatal])
    return JSONResponse(as_dict(article))


def _utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise APIError(400, f"the body is not UTF-8 (byte {exc.start}): send UTF-8 text",
                       "encoding") from None


def _extract_request(body: bytes) -> ExtractRequest:
    try:
        data = json.loads(_utf8(body))
    except json.JSONDecodeError as exc:
        raise APIError(400, f"the body is not valid JSON: {exc.msg} at line {exc.lineno} "
                       f"column {exc.colno}", "invalid_json") from None
    if not isinstance(data, dict):
        raise APIError(422, "the JSON body must be an object: {\"text\": \"...\"}")
    try:
        return ExtractRequest.model_validate(data)
    except ValidationError as exc:
        details = validation_details(exc.errors())
        summary = "; ".join(d["message"].removeprefix("Value error, ") for d in details)
        raise APIError(422, f"the request is invalid: {summary}", details=details) from None


def _store(request: Request) -> Any:
    store = request.app.state.store
    if store is None:
        raise APIError(503, "this server has no database: start it with "
                       "`fivew serve --db FILE` to list stored articles")
    return store


def _page(request: Request, method: str, limit: int, offset: int, **filters: Any) -> Page:
    store = _store(request)
    filters = {k: v for k, v in filters.items() if v is not None and v != ""}
    with _store_lock:
        items = getattr(store, method)(limit=limit, offset=offset, **filters)
        total = count_rows(store, method, **filters)
    return Page(total=total, limit=limit, offset=offset, items=[_plain(r) for r in items])


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()}


@router.get("/articles", response_model=Page, summary="List stored articles")
def articles(request: Request, limit: Limit = 50, offset: Offset = 0,
             search: Search = None, since: Since = None, until: Until = None,
             status: Status = None, include_duplicates: Duplicates = False) -> Page:
    """Stored articles, newest first, as summaries without `text` (open one with
    `/articles/{id}`); `n_quotes`, `n_events`... count their records. `since`/`until`
    filter on the publication date."""
    return _page(request, "articles", limit, offset, search=search, since=since, until=until,
                 status=status, include_duplicates=include_duplicates)


@router.get("/articles/{article_id}", summary="One stored article with all its records")
def article(request: Request, article_id: str) -> dict[str, Any]:
    """The article in the JSON output contract (as POST /extract answers), or 404.
    Offsets index its `text`; `parts` is its stored layout (title, byline, body...), and
    `duplicate_of`/`copies` link near-copies (wire stories)."""
    store = _store(request)
    with _store_lock:
        found = store.article(article_id)
    if found is None:
        raise APIError(404, f"no article with id {article_id!r} in this database")
    return article_record(found)


@router.get("/quotes", response_model=Page, summary="List quotes")
def quotes(request: Request, limit: Limit = 50, offset: Offset = 0, speaker: Speaker = None,
           about: About = None, since: Since = None, until: Until = None,
           article_id: ArticleId = None, include_duplicates: Duplicates = False) -> Page:
    """Quotes across stored articles, newest first, one row each (columns in
    docs/store.md): `speaker_name`, `text`, `start`/`end` into the article's text, and
    the article's title and URL. `since`/`until` filter on the statement's date."""
    return _page(request, "quotes", limit, offset, speaker=speaker, about=about, since=since,
                 until=until, article_id=article_id, include_duplicates=include_duplicates)


@router.get("/speakers", response_model=Page, summary="List speakers")
def speakers(request: Request, limit: Limit = 50, offset: Offset = 0, about: About = None,
             since: Since = None, until: Until = None,
             include_duplicates: Duplicates = False) -> Page:
    """Who is quoted (about a word or phrase), most quoted first: `speaker`, `role`, number
    of `quotes` and `articles`, first and last date quoted."""
    return _page(request, "speakers", limit, offset, about=about, since=since, until=until,
                 include_duplicates=include_duplicates)


@router.get("/events", response_model=Page, summary="List events")
def events(request: Request, limit: Limit = 50, offset: Offset = 0,
           event_type: EventType = None, source_country: Country = None,
           target_country: Country = None, between: Between = None, actor: Actor = None,
           since: Since = None, until: Until = None, article_id: ArticleId = None,
           include_duplicates: Duplicates = False) -> Page:
    """PLOVER events across stored articles, newest first, one row each (columns in
    docs/store.md) with actors, evidence sentence offsets and the article's title.
    `source_country`/`target_country` filter on the actors' countries in one direction,
    `between` in both; `since`/`until` on the event's date."""
    return _page(request, "events", limit, offset, type=event_type,
                 source_country=source_country, target_country=target_country,
                 between=_country_pair(between), actor=actor, since=since, until=until,
                 article_id=article_id, include_duplicates=include_duplicates)


def _country_pair(between: list[str] | None) -> tuple[str, str] | None:
    if not between:
        return None
    if len(between) != 2 or not all(len(c) == 3 and c.isascii() and c.isalpha()
                                    for c in between):
        raise APIError(422, f"between takes two ISO alpha-3 country codes "
                       f"(between=RUS&between=UKR), not {between!r}", details=[
                           {"location": "query.between", "message": "two 3-letter codes"}])
    return between[0].upper(), between[1].upper()
