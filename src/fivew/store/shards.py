"""Parquet shards: how batch workers hand rows to the one process that writes the store.

A shard is a folder `<run folder>/shard-<key>/` holding one `<table>.parquet` per store
table and a `_SUCCESS` marker. A worker writes into a temporary folder and renames it
into place after the marker is written, so a shard folder either is complete or does not
exist: a worker killed mid-write leaves only a `.tmp-*` folder, which is ignored.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from fivew.store.schema import TABLES, arrow_schema

MARKER = "_SUCCESS"


def shard_dir(run_dir: Path, key: str) -> Path:
    return run_dir / f"shard-{key}"


def write_shard(tables: dict[str, pa.Table], run_dir: Path, key: str) -> Path:
    """Write one shard atomically; return its folder (already complete if it existed)."""
    final = shard_dir(run_dir, key)
    if (final / MARKER).exists():
        return final
    tmp = run_dir / f".tmp-{key}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir(parents=True)
    for name in TABLES:
        pq.write_table(tables[name], tmp / f"{name}.parquet")
    (tmp / MARKER).write_text("")
    try:
        os.rename(tmp, final)
    except OSError:  # another attempt of the same shard got there first: keep that one
        shutil.rmtree(tmp, ignore_errors=True)
    return final


def finished_shards(run_dir: Path) -> list[Path]:
    """Complete shard folders in `run_dir`, in name order."""
    if not run_dir.is_dir():
        return []
    return sorted(p for p in run_dir.glob("shard-*") if (p / MARKER).exists())


def read_shard(folder: Path) -> dict[str, pa.Table]:
    """The tables of one shard, cast to the current schema."""
    return {
        name: pq.read_table(folder / f"{name}.parquet").cast(arrow_schema(name))
        for name in TABLES
    }


def remove(folder: Path) -> None:
    """Delete a shard once the store has committed it."""
    shutil.rmtree(folder, ignore_errors=True)
