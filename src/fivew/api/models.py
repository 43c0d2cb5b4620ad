"""Request and response shapes of the HTTP API, as pydantic models (they feed /openapi.json).

Records themselves are returned as the JSON output contract of `fivew.records.article_dict`
(documented in the README); the models here describe envelopes around them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class ExtractRequest(BaseModel):
    """One article to analyse: `text` (plain text) or `html` (a whole web page), not both."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(
        None, description="The article as plain text. Offsets in the answer index this text "
        "exactly as sent. Without a `title`, the first lines are read as the article's "
        "layout (title, byline, dates, captions); with one, the whole text is body.",
    )
    html: str | None = Field(
        None, description="A web page; the article body is extracted from it and offsets "
        "index the extracted text (returned as `text`).",
    )
    title: str | None = Field(None, description="The headline, if not part of `text`.")
    published: str | None = Field(
        None, description="Publication date (ISO 8601); relative dates resolve against it.",
        examples=["2022-03-21"],
    )
    url: str | None = Field(None, description="Where the article was published.")

    @field_validator("text", "html", "title", "published", "url")
    @classmethod
    def encodable(cls, value: str | None) -> str | None:
        # JSON may carry lone surrogates ("\ud800"); no UTF-8 text, and no answer, can.
        if value is not None:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise ValueError(
                    f"contains an unpaired surrogate {value[exc.start]!r} at character "
                    f"{exc.start}: not valid Unicode text"
                ) from None
        return value

    @field_validator("published")
    @classmethod
    def iso_date(cls, value: str | None) -> str | None:
        # Relative dates ("on Monday") resolve against it: a date must be a date.
        if value is not None:
            try:
                dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                raise ValueError(
                    f"'published' must be an ISO 8601 date such as 2022-03-21, not {value!r}"
                ) from None
        return value

    @model_validator(mode="after")
    def one_input(self) -> ExtractRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("send exactly one of 'text' or 'html'")
        if not (self.text if self.text is not None else self.html or "").strip():
            field = "text" if self.text is not None else "html"
            raise ValueError(f"'{field}' is empty: there is nothing to analyse")
        return self


class ErrorBody(BaseModel):
    """Every 4xx/5xx answer: a stable `error` code, a message for people, optional details."""

    error: str = Field(description="Stable code, e.g. too_large, invalid_json, not_found.")
    message: str = Field(description="What was wrong and what to do about it.")
    details: list[dict[str, Any]] | None = Field(
        None, description="Per-field problems for validation errors (location, message)."
    )


class Page(BaseModel):
    """One page of a listing: `items[offset : offset + limit]` of `total` matching rows."""

    total: int = Field(description="How many rows match the filters, over all pages.")
    limit: int
    offset: int
    items: list[dict[str, Any]]
