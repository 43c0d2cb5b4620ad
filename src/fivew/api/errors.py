"""The API's one error format, and the handlers that turn every failure into it.

Every error answer is JSON `{"error": code, "message": text[, "details": [...]]}` (see
`models.ErrorBody`): 400 unreadable body, 404 unknown article or path, 413 body over the
size limit, 415 unsupported content type, 422 a request that parses but makes no sense
(or an article that cannot be analysed), 503 listings asked of a server without a database.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from fivew.api.limits import BodyTooLarge

ERROR_CODES = {
    400: "bad_request", 404: "not_found", 405: "method_not_allowed", 413: "too_large",
    415: "unsupported_media_type", 422: "invalid_request", 503: "unavailable",
}


class APIError(Exception):
    """Raised by a route to answer with an error: `APIError(404, "no article 'x'")`."""

    def __init__(self, status: int, message: str, code: str | None = None,
                 details: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.details = status, message, details
        self.code = code or ERROR_CODES.get(status, "error")


def error(status: int, message: str, code: str | None = None,
          details: list[dict[str, Any]] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"error": code or ERROR_CODES.get(status, "error"), "message": message}
    if details:
        body["details"] = details
    return JSONResponse(body, status_code=status)


def validation_details(errors: Any) -> list[dict[str, Any]]:
    """pydantic's error list as `[{location, message}]` (location: dotted path)."""
    return [
        {"location": ".".join(str(p) for p in e.get("loc", ())) or "body",
         "message": e.get("msg", "")}
        for e in errors
    ]


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(APIError)
    async def api_error(request: Request, exc: APIError) -> JSONResponse:
        return error(exc.status, exc.message, exc.code, exc.details)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no such path: {request.url.path} (the API is described at /openapi.json)"
        return error(exc.status_code, detail)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = validation_details(exc.errors())
        summary = "; ".join(f"{d['location']}: {d['message']}" for d in details)
        return error(422, f"the request is invalid: {summary}", details=details)

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge) -> JSONResponse:
        return error(413, f"the request body is larger than the server's limit of "
                     f"{app.state.max_bytes:,} bytes; send a shorter article or start the "
                     "server with a larger --max-bytes")
