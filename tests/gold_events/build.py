"""Build the event gold JSON files here from tests/gold_events/src/*.yaml (same spec format
as tests/gold/build.py, whose builder this reuses). Run from the repository root:

    PYTHONPATH=src python tests/gold_events/build.py

or, for a set kept elsewhere (its specs in SET/src, built into SET/gold):

    PYTHONPATH=src python tests/gold_events/build.py dev/S
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("gold_build", HERE.parent / "gold" / "build.py")
assert _spec is not None and _spec.loader is not None
gold_build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gold_build)


def main() -> None:
    src, dest = HERE / "src", HERE
    if len(sys.argv) > 1:
        src, dest = Path(sys.argv[1]) / "src", Path(sys.argv[1]) / "gold"
        dest.mkdir(exist_ok=True)
    for spec in sorted(src.glob("*.yaml")):
        gold = gold_build.build(spec)
        out = dest / f"{spec.stem}.json"
        out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{out}: {len(gold['events'])} events")


if __name__ == "__main__":
    main()
