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


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML's rule is that a repeated key silently replaces the first one; in a lexicon
    that a user extends by appending, that would drop an entry without a word. Refuse it."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} appears twice in one mapping", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


@functools.cache
def load_yaml(name: str) -> Any:
    """Parse `fivew/data/<name>`; raise DataFileError naming the file when it is unusable."""
    try:
        raw = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(f"data file fivew/data/{name} is missing") from exc
    return parse_yaml(raw, f"fivew/data/{name}")


def parse_yaml(raw: str, name: str) -> Any:
    """Parse the YAML text of the data file `name` (for error messages), refusing a key
    repeated in one mapping."""
    try:
        return yaml.load(raw, Loader=_UniqueKeyLoader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as exc:
        raise DataFileError(f"data file {name} is not valid YAML: {exc}") from exc
