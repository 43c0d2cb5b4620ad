"""`create_app`: the FastAPI application behind `fivew serve` (API, web page, error format).

The application is the routes (`routes.py`), the static web page (`fivew/web/`), the
JSON error format (`errors.py`) and two middlewares (`limits.py`): a request body cap and
security headers (a strict Content-Security-Policy) on every answer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response
from starlette.types import Scope

from fivew import __version__
from fivew.api.errors import ERROR_CODES, install_error_handlers
from fivew.api.extract import Extractor
from fivew.api.limits import BodyLimit, SecurityHeaders
from fivew.api.models import ErrorBody
from fivew.api.routes import router

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
DEFAULT_MAX_BYTES = 1_000_000  # a long news article is ~50 kB; HTML pages run to ~1 MB


DESCRIPTION = """\
Evidence-linked records from news text: quotes (who said what), PLOVER events (who did
what to whom), places and dates. Every record carries character offsets into the
article's `text`: for every span, `text[start:end] == span.text`.

`POST /extract` analyses one article. `GET /articles`, `/quotes`, `/speakers` and
`/events` page through a fivew database (`fivew serve --db FILE`). The web page is at `/`.
"""


def create_app(
    db_path: str | Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    model: str | None = None,
    extractor: Extractor | None = None,
    store: Any = None,
) -> FastAPI:
    """The application. `db_path`: a fivew DuckDB file for the listings (opened read-only);
    `max_bytes`: the largest request body accepted; `extractor`/`store`: ready objects to
    use instead (tests, embedding). The model is loaded on the first POST /extract and
    reused by every later request.
    """
    app = FastAPI(
        title="fivew", version=__version__, description=DESCRIPTION,
        # FastAPI's /docs and /redoc pages load their scripts from a CDN: nothing here may.
        docs_url=None, redoc_url=None,
        responses={code: {"model": ErrorBody, "description": name.replace("_", " ")}
                   for code, name in ERROR_CODES.items() if code != 405},
    )
    app.state.extractor = extractor or Extractor(model=model)
    app.state.store = store if store is not None else _open_store(db_path)
    app.state.max_bytes = max_bytes
    app.include_router(router)
    app.mount("/static", RevalidatedFiles(directory=WEB_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html", media_type="text/html", headers=REVALIDATE)

    install_error_handlers(app)
    app.add_middleware(BodyLimit, max_bytes=max_bytes)
    app.add_middleware(SecurityHeaders)
    return app


# The page's files change with the installed version: browsers may keep them but must
# check (a cheap 304 thanks to the ETag) before using them again.
REVALIDATE = {"cache-control": "no-cache"}


class RevalidatedFiles(StaticFiles):
    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        response.headers.update(REVALIDATE)
        return response


def _open_store(db_path: str | Path | None) -> Any:
    if db_path is None:
        return None
    from fivew.store import Store

    if not Path(db_path).is_file():
        raise FileNotFoundError(
            f"{db_path}: no such database file; create one with `fivew ingest PATH... --db "
            f"{db_path}`")
    # Read-only: the server only answers questions, and a read-only open never migrates.
    return Store(db_path, read_only=True)
