"""Draw a reproducible random sample of coded events for hand judging.

Reads fivew JSON-lines output (`fivew extract DIR --format jsonl -o out.jsonl`) and prints
N events drawn with `random.seed(SEED)` from all events of all records, each with its
type, mode, negation, modality, confidence, source and target (name, phrase, country,
sector), trigger and the line of text around the trigger, so a person can judge whether
type and actor countries are right. Output is for the judge's eyes only: the articles may
be copyrighted, so keep it out of the repository (devdata/ is git-ignored).

    python bench/sample_events.py devdata/polnear_train.jsonl --seed 2026 -n 60
"""

from __future__ import annotations

import argparse
import json
import random
from typing import Any


def _actor(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "-"
    return f"{actor.get('name')} [{actor.get('text')}] {actor.get('country')}/{actor.get('sector')}"


def _line(text: str, start: int, end: int) -> str:
    """The line (paragraph) holding the trigger, at most 400 characters from the sentence
    start nearest before the trigger."""
    a = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start)) + 1
    b = text.find("\n", end)
    return text[a : len(text) if b < 0 else b][:400].replace("\n", " ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("-n", type=int, default=60)
    args = parser.parse_args()
    events = []
    records = 0
    with open(args.path, encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            records += 1
            events += [(record, e) for e in record.get("events") or []]
    print(f"{len(events)} events in {records} records; seed {args.seed}, sample {args.n}")
    random.seed(args.seed)
    for k, (record, e) in enumerate(random.sample(events, min(args.n, len(events)))):
        trig = e["trigger"]
        print(f"#{k} {str(record.get('source', '')).rsplit('/', 1)[-1][:50]}")
        print(f"  {e['type']}/{e['mode']} neg={e['negated']} {e['modality']} conf={e['confidence']}"
              f" | {_actor(e.get('source'))} -> {_actor(e.get('target'))} | trig={trig['text']}")
        print("   ", _line(record["text"], trig["start"], trig["end"]))


if __name__ == "__main__":
    main()
