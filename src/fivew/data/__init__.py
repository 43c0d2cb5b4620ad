"""Knowledge as data: lexicons, layout cues, ontology and actor dictionaries.

Every file here is loaded once through `load_yaml`, which names the file in any error so
that a user who extends one knows what to fix.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml


class DataFileError(ValueError):
    """A data file is missing or malformed."""


@functools.cache
def load_yaml(name: str) -> Any:
    """Parse `fivew/data/<name>`; raise DataFileError naming the file when it is unusable."""
    try:
        raw = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(f"data file fivew/data/{name} is missing") from exc
    try:
        return yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise DataFileError(f"data file fivew/data/{name} is not valid YAML: {exc}") from exc
