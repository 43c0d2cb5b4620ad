"""fivew's HTTP API and web page: `create_app()` builds the FastAPI app `fivew serve` runs."""

from fivew.api.app import create_app

__all__ = ["create_app"]
