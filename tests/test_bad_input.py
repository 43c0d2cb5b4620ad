"""Bad input never stops a batch: each document gets a clear error with a stable code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from fivew.cli import main
from fivew.ingest import from_bytes, read_paths
from fivew.ingest.html import from_html
from fivew.ingest.validate import MAX_BYTES

ENGLISH = (
    "The mayor said on Tuesday that the new bridge would open next spring, "
    "after two years of delays caused by a shortage of steel and workers. "
    "Residents have complained about the traffic for months."
)
GERMAN = (
    "Der Bürgermeister sagte am Dienstag, die neue Brücke werde im nächsten Frühjahr "
    "eröffnet, nach zwei Jahren Verzögerung wegen eines Mangels an Stahl und Arbeitern. "
    "Die Anwohner beschweren sich seit Monaten über den Verkehr."
)
RUSSIAN = (
    "Мэр заявил во вторник, что новый мост откроется следующей весной после двух лет "
    "задержек из-за нехватки стали и рабочих. Жители жалуются на пробки уже несколько месяцев."
)


def codes(article) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.code for e in article.errors]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"   \n\n\t  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 200, "binary"),
        (GERMAN.encode(), "not_english"),
        (RUSSIAN.encode(), "not_english"),
    ],
)
def test_bad_documents_get_a_fatal_error(data: bytes, code: str) -> None:
    article = from_bytes(data, "doc")
    assert not article.ok
    assert code in codes(article)
    assert all(e.message for e in article.errors)


@pytest.mark.parametrize("text", [
    "South Sudanese security forces placed First Vice President Riek Machar under house "
    "arrest on Wednesday.",
    "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi last week.",
])
def test_one_english_sentence_dense_with_names_is_english(text: str) -> None:
    assert "not_english" not in codes(from_bytes(text.encode(), "line.txt"))


@pytest.mark.parametrize("text", [
    "Der Präsident Frankreichs Emmanuel Macron traf am Montag in Berlin Bundeskanzler Olaf "
    "Scholz zu Gesprächen über die Ukraine.",
    "Le président français Emmanuel Macron a rencontré lundi à Berlin le chancelier Olaf "
    "Scholz pour parler de l'Ukraine.",
])
def test_one_foreign_sentence_dense_with_names_is_not(text: str) -> None:
    assert "not_english" in codes(from_bytes(text.encode(), "line.txt"))


def test_latin1_is_decoded_with_a_warning() -> None:
    text = ENGLISH.replace("mayor", "mayor, José Núñez,")
    article = from_bytes(text.encode("latin-1"), "latin1.txt")
    assert article.ok
    assert "José Núñez" in article.text
    assert [e for e in article.errors if e.code == "encoding" and not e.fatal]


def test_mojibake_is_reported_and_text_kept_as_supplied() -> None:
    garbled = "The mayor’s office said the bridge’s opening won’t slip. ".encode().decode("cp1252") + ENGLISH
    assert "â€™" in garbled
    article = from_bytes(garbled.encode("utf-8"), "mojibake.txt")
    assert article.text == garbled  # offsets must refer to what the user supplied
    assert [e for e in article.errors if e.code == "encoding" and not e.fatal]


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # 50 MB of plausible text
        chunk = (ENGLISH + "\n\n").encode()
        for _ in range(50_000_000 // len(chunk) + 1):
            fh.write(chunk)
    assert path.stat().st_size > MAX_BYTES
    (article,) = read_paths([str(path)])
    assert codes(article) == ["too_large"]
    assert article.text == ""


def test_html_page_without_an_article() -> None:
    html = (
        "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a>"
        "<a href='/world'>World</a><a href='/sport'>Sport</a></nav><footer>© Paper</footer>"
        "</body></html>"
    )
    assert codes(from_html(html, "index.html")) == ["no_article"]


def test_a_batch_goes_on_past_bad_documents(tmp_path: Path) -> None:
    (tmp_path / "a-empty.txt").write_bytes(b"")
    (tmp_path / "b-binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "c-german.txt").write_text(GERMAN)
    (tmp_path / "d-good.txt").write_text(ENGLISH)
    (tmp_path / "e-lines.jsonl").write_text(
        json.dumps({"text": ENGLISH, "id": "x1"}) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n"
    )
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    by_source = {Path(r["source"].split(":")[0]).name + (":" + r["source"].split(":")[1] if ":" in r["source"] else ""): r for r in records}
    assert len(records) == 7
    assert by_source["a-empty.txt"]["errors"][0]["code"] == "empty"
    assert by_source["b-binary.txt"]["errors"][0]["code"] == "binary"
    assert by_source["c-german.txt"]["errors"][0]["code"] == "not_english"
    assert by_source["d-good.txt"]["errors"] == []
    assert by_source["e-lines.jsonl:1"]["id"] == "x1" and by_source["e-lines.jsonl:1"]["errors"] == []
    assert by_source["e-lines.jsonl:2"]["errors"][0]["code"] == "unreadable"
    assert by_source["e-lines.jsonl:3"]["errors"][0]["code"] == "empty"
    assert "2 processed, 5 failed" in result.stderr


def test_exit_status_is_nonzero_only_when_nothing_was_processed(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "empty.txt")])
    assert result.exit_code == 1
    assert "empty" in result.stderr
    missing = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1 and "no such file" in missing.stderr
