"""The DuckDB store: schema, idempotent adds, errors, near-duplicates, queries (real files)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from fivew.api.contract import article_record
from fivew.ingest import from_text, read_paths
from fivew.records import as_dict
from fivew.store import Store
from fivew.store.queries import date_bound
from fivew.store.rows import rows, to_arrow
from fivew.store.schema import MIGRATIONS, TABLES, column_names
from store_helpers import OTHER, TALKS, WIRE, WIRE_COPY, talks_article, write_0001_store


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "test.duckdb")
    yield s  # type: ignore[misc]
    s.close()


def test_schema_matches_definition_and_migrations_are_recorded(store: Store) -> None:
    for table in TABLES:
        cols = [r[0] for r in store.con.execute(f"DESCRIBE {table}").fetchall()]
        assert cols == column_names(table)
    applied = store.con.execute("SELECT name FROM schema_version ORDER BY version").fetchall()
    assert [r[0] for r in applied] == [name for name, _ in MIGRATIONS]
    assert store.migrate() == []  # nothing left to apply


def test_every_offset_column_quotes_the_article_text(store: Store) -> None:
    article = talks_article()
    store.add([article])
    checked: set[tuple[str, str]] = set()
    for table in TABLES:
        cols = column_names(table)
        for prefix in sorted({c[: -len("_start")] for c in cols if c.endswith("_start")} | {""}):
            start, end = (f"{prefix}_start", f"{prefix}_end") if prefix else ("start", "end")
            text_col = f"{prefix}_text" if prefix else "text"
            if start not in cols or end not in cols or text_col not in cols or table == "articles":
                continue
            for s, e, t in store.con.execute(
                f'SELECT "{start}", "{end}", "{text_col}" FROM {table} WHERE "{start}" IS NOT NULL'
            ).fetchall():
                assert article.text[s:e] == t, (table, prefix)
                checked.add((table, prefix))
    assert {("events", p) for p in ("date", "place", "reported_by", "fatalities", "trigger",
                                    "evidence", "source", "target")} <= checked
    assert {("quotes", ""), ("quotes", "cue"), ("quotes", "speaker"), ("places", ""),
            ("dates", ""), ("entities", "")} <= checked


def test_rows_flatten_records_with_deterministic_ids(store: Store) -> None:
    article = talks_article()
    store.add([article])
    full = store.article(article.id)
    assert full is not None
    assert full["title"] == "Ministers reject harbour proposal"
    assert full["published_date"] == dt.date(2022, 3, 14)
    assert [q["quote_id"] for q in full["quotes"]] == [f"{article.id}:q0", f"{article.id}:q1"]
    assert full["quotes"][0]["speaker_name"] == "Mara Vell"
    assert full["quotes"][0]["speaker_role"] == "spokeswoman"
    reject = next(e for e in full["events"] if e["event_type"] == "REJECT")
    assert (reject["source_country"], reject["target_country"]) == ("NLD", "SLD")
    assert reject["event_date"] == dt.date(2022, 3, 14)
    assert reject["place_name"] == "Porto Alto" and reject["latitude"] == pytest.approx(41.1)
    assault = next(e for e in full["events"] if e["event_type"] == "ASSAULT")
    assert assault["fatalities"] == 2 and assault["fatalities_qualifier"] == "exact"
    assert assault["event_date"] == dt.date(2022, 3, 14)  # no own date: publication date
    assert full["entities"][0]["mention_starts"] == [article.entities[0].start]
    assert full["n_quotes"] == 2 and full["n_events"] == 2


def test_adding_twice_adds_nothing(tmp_path: Path) -> None:
    path = tmp_path / "again.duckdb"
    with Store(path) as s:
        first = s.add([talks_article(), from_text(OTHER)])
        counts = s.counts()
    assert first.added == 2
    with Store(path) as s:  # a new process opening the same file
        again = s.add([talks_article(), from_text(OTHER)])
        assert (again.added, again.skipped) == (0, 2)
        assert s.counts() == counts


def test_same_text_under_another_id_is_skipped(store: Store) -> None:
    a, b = from_text(OTHER), from_text(OTHER)
    b.id = "given-by-the-feed"
    result = store.add([a, b])
    assert (result.added, result.skipped) == (1, 1)
    assert store.known_ids() >= {a.id}


def test_two_texts_under_one_given_id_keep_the_first_and_its_records_only(store: Store) -> None:
    first, second = talks_article(), from_text(WIRE)
    second.id = first.id  # a feed that reuses its ids
    second.quotes = first.quotes[:1]
    result = store.add([first, second])
    assert (result.added, result.skipped) == (1, 1)
    assert store.sql("SELECT text FROM articles")[0]["text"] == first.text
    assert len(store.quotes()) == 2


def test_per_document_errors_are_stored_with_reasons(store: Store, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "empty.txt").write_text("   \n")
    (inputs / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    (inputs / "feed.jsonl").write_text(
        '{"text": "' + OTHER.replace("\n", "\\n") + '"}\n{"text": broken\n'
    )
    (inputs / "other-empty.txt").write_text("")
    result = store.add(read_paths([str(inputs / "*")]))
    assert result.added == 5 and result.failed == 4
    codes = {r["source"].rsplit("/", 1)[-1]: r["code"] for r in store.errors()}
    assert codes == {"empty.txt": "empty", "blob.txt": "binary", "feed.jsonl:2": "unreadable",
                     "other-empty.txt": "empty"}
    bad_line = store.errors(code="unreadable")[0]
    assert "not valid JSON" in bad_line["message"]
    failed = store.articles(status="error")
    assert {a["error_code"] for a in failed} == {"empty", "binary", "unreadable"}


def test_wire_copy_is_linked_not_counted_twice(store: Store) -> None:
    original, copy, other = from_text(WIRE), from_text(WIRE_COPY), from_text(OTHER)
    store.add([original, other])
    result = store.add([copy])
    assert result.added == 1 and result.duplicates == 1
    row = store.sql("SELECT duplicate_of, similarity FROM articles WHERE id = ?", [copy.id])[0]
    assert row["duplicate_of"] == original.id
    assert 0.7 <= row["similarity"] < 1.0
    assert {a["id"] for a in store.articles()} == {original.id, other.id}
    assert len(store.articles(include_duplicates=True)) == 3
    assert store.article(original.id)["copies"] == [copy.id]  # type: ignore[index]


def test_copy_of_a_copy_points_at_the_first(store: Store) -> None:
    third = WIRE_COPY.replace("forty vessels", "40 vessels")
    store.add([from_text(WIRE), from_text(WIRE_COPY), from_text(third)])  # one batch
    links = store.sql("SELECT duplicate_of FROM articles WHERE duplicate_of IS NOT NULL")
    assert [r["duplicate_of"] for r in links] == [from_text(WIRE).id] * 2


def test_unrelated_articles_on_one_topic_are_not_duplicates(store: Store) -> None:
    rewrite = (
        "Strike at Calder port\n\n"
        "Union members at Calder stopped work on Tuesday when negotiations on wages broke "
        "down, leaving dozens of cargo ships stuck offshore. Officials from the operator "
        "called the offer generous, while the regional transport minister plans to see "
        "union leaders later this week to look for a way out of the dispute."
    )
    result = store.add([from_text(WIRE), from_text(rewrite)])
    assert result.duplicates == 0


def test_a_failing_batch_leaves_nothing_behind(store: Store) -> None:
    tables = to_arrow(rows([talks_article()]))
    # A shard whose quotes lack a column: articles are inserted first, then this fails.
    tables["quotes"] = tables["quotes"].drop_columns(["kind"])
    with pytest.raises(duckdb.Error):
        store.add_tables(tables)
    assert store.counts()["articles"] == 0
    assert store.add([from_text(OTHER)]).added == 1  # the store is usable afterwards


def test_queries_filter_quotes_events_and_speakers(store: Store) -> None:
    store.add([talks_article()])
    assert [q["speaker_name"] for q in store.quotes(speaker="vell")] == ["Mara Vell"]
    about = store.quotes(about="CEASEFIRE")
    assert [q["speaker_name"] for q in about] == ["Tomas Brek"]
    assert store.speakers(about="ceasefire")[0]["speaker"] == "Tomas Brek"
    assert store.quotes(speaker="vell", since="2022-03-15") == []
    assert len(store.events(type="REJECT", between=("SLD", "NLD"))) == 1
    assert store.events(type="REJECT", source_country="SLD") == []
    march = store.events(since="2022-03-01", until="2022-03-31")
    assert {e["event_type"] for e in march} == {"REJECT", "ASSAULT"}
    assert store.events(until="2022-02-28") == []
    assert len(store.quotes(limit=1)) == 1 and len(store.quotes(limit=1, offset=1)) == 1
    assert store.quotes(speaker="100%_") == []  # LIKE wildcards are matched literally


def test_text_stays_exact(store: Store) -> None:
    text = TALKS.replace("Porto Alto", "Pörto Àlto 🚢")
    store.add([from_text(text)])
    stored = store.sql("SELECT text FROM articles")[0]["text"]
    assert stored == text


def documented_columns() -> dict[str, list[tuple[str, str]]]:
    """(column, type) per table, read from docs/store.md's tables."""
    doc = (Path(__file__).parents[1] / "docs" / "store.md").read_text(encoding="utf-8")
    found: dict[str, list[tuple[str, str]]] = {}
    section = None
    for line in doc.splitlines():
        if line.startswith("### "):
            section = line[4:].strip()
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("| ") or cells[0] in ("column", "table", "---"):
            continue
        if section == "Internal tables":
            found.setdefault(cells[0], []).append((cells[1], cells[2]))
        elif section:
            found.setdefault(section, []).append((cells[0], cells[1]))
    return found


def test_docs_document_every_table_and_column() -> None:
    documented = documented_columns()
    for table, columns in TABLES.items():
        assert documented.get(table) == [(c.name.strip('"'), c.type) for c in columns], table


def test_a_stored_article_reads_back_as_the_record_it_was(store: Store) -> None:
    # The API and web page show stored articles from these rows: nothing they draw may be lost.
    article = talks_article()
    store.add([article])
    stored = article_record(store.article(article.id))  # type: ignore[arg-type]
    expected = as_dict(article)
    for q in expected["quotes"]:  # the store keeps the publication date as a quote's date
        q["date"] = q["date"] or article.published
    for e in expected["events"]:  # and only the name, mention and entity of a reporter
        if e["reported_by"]:
            e["reported_by"].update(role=None, affiliation=None, country=None)
    assert {k: stored[k] for k in expected} == expected
    assert [p["kind"] for p in stored["parts"]][:3] == ["title", "byline", "published"]
    assert stored["events"][0]["date"]["start"] == article.text.index("on Monday")


def test_event_links_keep_their_evidence_offsets(store: Store) -> None:
    article = talks_article()
    store.add([article])
    reject, assault = (store.events(type=t)[0] for t in ("REJECT", "ASSAULT"))
    text = article.text
    for row, prefix, words in ((reject, "date", "on Monday"), (reject, "place", "Porto Alto"),
                               (reject, "reported_by", "officials"),
                               (assault, "fatalities", "Two fishermen")):
        assert text[row[f"{prefix}_start"]:row[f"{prefix}_end"]] == row[f"{prefix}_text"] == words
    assert reject["date_fallback"] is False and reject["place_feature"] == "city"
    assert (reject["target_role"], reject["target_inferred"]) == ("envoy", True)
    assert reject["source_inferred"] is False


def test_layout_parts_are_stored_in_text_order(store: Store) -> None:
    article = talks_article()
    store.add([article])
    parts = store.sql("SELECT * FROM parts ORDER BY start")
    assert [(p["kind"], p["start"], p["end"]) for p in parts] == [
        (p.kind, p.start, p.end) for p in article.parts]
    assert parts[0]["part_id"] == f"{article.id}:l0"
    assert article.text[parts[0]["start"]:parts[0]["end"]] == "Ministers reject harbour proposal"
    mentions = store.sql("SELECT mention_kinds FROM entities WHERE entity_id = 'E2'")
    assert mentions == [{"mention_kinds": ["nominal", "name"]}]


def test_a_file_from_before_a_migration_is_brought_up_to_date(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    write_0001_store(path)
    with Store(path) as s:
        for table in TABLES:
            assert [r[0] for r in s.con.execute(f"DESCRIBE {table}").fetchall()] == \
                column_names(table)
        assert [r["name"] for r in s.sql("SELECT name FROM schema_version ORDER BY 1")] == [
            name for name, _ in MIGRATIONS]
        old = article_record(s.article("old"))  # type: ignore[arg-type]
        assert old["text"] == "An old story." and old["parts"] == []
        assert s.add([talks_article()]).added == 1
        assert s.sql("SELECT count(*) AS n FROM parts")[0]["n"] == len(talks_article().parts)


@pytest.mark.parametrize(("value", "last", "expected"), [
    ("2022-03-14", False, dt.date(2022, 3, 14)), ("2022-03-14", True, dt.date(2022, 3, 14)),
    ("2022-03", False, dt.date(2022, 3, 1)), ("2022-03", True, dt.date(2022, 3, 31)),
    ("2024-02", True, dt.date(2024, 2, 29)), ("2023-02", True, dt.date(2023, 2, 28)),
    ("2022", False, dt.date(2022, 1, 1)), ("2022", True, dt.date(2022, 12, 31)),
    (dt.date(2020, 5, 5), True, dt.date(2020, 5, 5)), (None, False, None), ("", True, None),
])
def test_date_bounds_accept_days_months_and_years(value: object, last: bool,
                                                  expected: dt.date | None) -> None:
    assert date_bound(value, last=last) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["March", "2022-13", "2022-03-32", "22-03-01", "2022/03"])
def test_bad_date_bounds_say_what_is_accepted(value: str) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD, YYYY-MM"):
        date_bound(value)


def test_a_month_selects_the_records_dated_in_it(store: Store) -> None:
    store.add([talks_article()])  # both events and the first quote are dated 2022-03-14
    assert len(store.events(since="2022-03", until="2022-03")) == 2
    assert store.events(since="2022-04", until="2022-04") == []
    assert store.events(until="2022-02") == []
    assert len(store.quotes(since="2022", until="2022")) == 2


def test_a_read_only_open_of_an_old_file_updates_it_first(tmp_path: Path) -> None:
    # `fivew serve` opens read-only; an old file would otherwise lack the tables it reads.
    path = tmp_path / "old.duckdb"
    write_0001_store(path)
    with Store(path, read_only=True) as s:
        assert s.article("old")["parts"] == []  # type: ignore[index]
        with pytest.raises(duckdb.Error):  # still read-only
            s.con.execute("DELETE FROM articles")
    with Store(path, read_only=True) as s:  # up to date: opened read-only at once
        assert not s._pending()
