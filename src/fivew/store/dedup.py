"""Which rows of a batch are new, and which new articles are near-copies of earlier ones.

Both run inside the writer's transaction, on the batch's Arrow tables, before anything is
inserted; the store's tables are only read (through hash joins on the batch's keys, so the
cost grows with the batch, plus one scan of a key column, not with a row-by-row lookup).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from fivew.store import minhash


def new_tables(con: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table]) -> dict[str, pa.Table]:
    """The batch without articles already stored (by id or content hash) or repeated in it."""
    articles = tables["articles"]
    ids = articles["id"].to_pylist()
    hashes = articles["content_hash"].to_pylist()
    stored = _stored_keys(con, set(ids) | set(hashes))
    keep, seen = [], set(stored)
    for i, (id_, hash_) in enumerate(zip(ids, hashes, strict=True)):
        if id_ in seen or hash_ in seen:
            continue
        seen.update((id_, hash_))
        keep.append(i)
    new_ids = pa.array([ids[i] for i in keep], pa.string())
    out = {"articles": articles.take(pa.array(keep, pa.int64()))}
    for name, table in tables.items():
        if name != "articles":
            out[name] = table.filter(pc.is_in(table["article_id"], value_set=new_ids))
    return out


def _stored_keys(con: duckdb.DuckDBPyConnection, keys: set[str]) -> set[str]:
    con.register("batch_keys", pa.table({"key": pa.array(sorted(keys), pa.string())}))
    try:
        found = con.execute(
            "SELECT a.id FROM articles a JOIN batch_keys k ON a.id = k.key "
            "UNION SELECT a.content_hash FROM articles a JOIN batch_keys k ON a.content_hash = k.key"
        ).fetchall()
    finally:
        con.unregister("batch_keys")
    return {r[0] for r in found}


def link_near_duplicates(con: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table]) -> pa.Table:
    """The batch's articles with `duplicate_of` and `similarity` set for near-copies.

    A new article is a near-copy when its estimated similarity to a stored article, or to
    an earlier article of the batch, that shares an LSH bucket with it is at least
    `minhash.THRESHOLD`; it points at that article's own first copy (its root).
    """
    articles, lsh = tables["articles"], tables["lsh"]
    if lsh.num_rows == 0:
        return articles
    sigs: dict[str, list[int]] = dict(zip(
        tables["minhash"]["article_id"].to_pylist(), tables["minhash"]["signature"].to_pylist(),
        strict=True,
    ))
    candidates, roots = _stored_candidates(con, lsh, sigs)
    order = {id_: i for i, id_ in enumerate(articles["id"].to_pylist())}
    buckets: dict[tuple[int, int], list[str]] = defaultdict(list)
    for id_, band, bucket in zip(*(lsh[c].to_pylist() for c in ("article_id", "band", "bucket")),
                                 strict=True):
        buckets[(band, bucket)].append(id_)
    for members in buckets.values():  # within the batch: earlier articles are the originals
        members.sort(key=order.__getitem__)
        for i, later in enumerate(members):
            candidates[later].update(members[:i])
    duplicate_of: list[str | None] = [None] * articles.num_rows
    similarity: list[float | None] = [None] * articles.num_rows
    for id_, i in sorted(order.items(), key=lambda kv: kv[1]):
        best = max(((minhash.similarity(sigs[id_], sigs[c]), c) for c in candidates.get(id_, ())
                    if c != id_), default=None)
        if best and best[0] >= minhash.THRESHOLD:
            root = roots.get(best[1]) or best[1]
            duplicate_of[i], similarity[i], roots[id_] = root, best[0], root
    articles = articles.set_column(articles.column_names.index("duplicate_of"), "duplicate_of",
                                   pa.array(duplicate_of, pa.string()))
    return articles.set_column(articles.column_names.index("similarity"), "similarity",
                               pa.array(similarity, pa.float64()))


def _stored_candidates(
    con: duckdb.DuckDBPyConnection, lsh: pa.Table, sigs: dict[str, list[int]]
) -> tuple[defaultdict[str, set[str]], dict[str, Any]]:
    """Stored articles sharing a bucket with a batch article; adds their signatures to
    `sigs`; returns candidates per batch article and the candidates' own roots."""
    con.register("batch_lsh", lsh)
    try:
        pairs = con.execute(
            "SELECT DISTINCT b.article_id, s.article_id FROM batch_lsh b "
            "JOIN lsh s ON s.band = b.band AND s.bucket = b.bucket"
        ).fetchall()
    finally:
        con.unregister("batch_lsh")
    candidates: defaultdict[str, set[str]] = defaultdict(set)
    roots: dict[str, Any] = {}
    if not pairs:
        return candidates, roots
    # A literal IN list lets DuckDB look the few candidates up in the primary-key index
    # instead of scanning every stored signature.
    wanted = ", ".join("'" + old.replace("'", "''") + "'" for old in {p[1] for p in pairs})
    for old_id, signature, root in con.execute(
        "SELECT m.article_id, m.signature, a.duplicate_of FROM minhash m "
        f"JOIN articles a ON a.id = m.article_id WHERE m.article_id IN ({wanted})"
    ).fetchall():
        sigs[old_id], roots[old_id] = signature, root
    for new_id, old_id in pairs:
        candidates[new_id].add(old_id)
    return candidates, roots
