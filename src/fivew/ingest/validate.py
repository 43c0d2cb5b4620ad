"""Checks every document passes before parsing: size, binary content, encoding, language.

Each check returns a `DocError` with a stable code and a message that names what was wrong
and what to do; nothing here raises for a bad document.
"""

from __future__ import annotations

import re

from fivew.records import DocError

MAX_BYTES = 5_000_000  # ~800k words: far beyond any news article; protects memory and time
MIN_WORDS_FOR_LANGUAGE = 12

# The most frequent English function words, and a few frequent news words no other
# Latin-script language shares; running English text has ~25-45% of them, and a one-line
# text dense with names ("... placed First Vice President Riek Machar under house arrest on
# Wednesday") still has two.
ENGLISH_FUNCTION_WORDS = frozenset(
    """the of and to a in is that for it on was with as he said by at from his be
    have has are not this but they an were which will who their had would been its
    or we she her been more than also after over there about into could one all
    under against between during while before since until through when where what
    these those them him our you your did does should can because out up off
    says told two three first last new year years week people
    """.split()
)
MOJIBAKE = re.compile("[ÃÂâ][\u0080-\u00bf€™œ\u201a-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a]")


def too_large(size: int, max_bytes: int = MAX_BYTES) -> DocError:
    return DocError(
        "too_large",
        f"the document has {size:,} bytes, over the limit of {max_bytes:,}: no single news "
        "article is this long; split it into articles (one per file or JSONL line)",
    )


def decode(data: bytes, max_bytes: int = MAX_BYTES) -> tuple[str | None, list[DocError]]:
    """Bytes to text: UTF-8 (with or without BOM), else Windows-1252 with a warning."""
    if not data.strip():
        return None, [DocError("empty", "the document is empty: nothing to analyse")]
    if len(data) > max_bytes:
        return None, [too_large(len(data), max_bytes)]
    if b"\x00" in data[:8192] or _control_ratio(data[:8192]) > 0.1:
        return None, [DocError("binary", "the document is binary, not text (NUL or control bytes)")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="replace")
        return text, [DocError(
            "encoding",
            f"not valid UTF-8 (byte {exc.start}); decoded as Windows-1252/Latin-1 instead",
            fatal=False,
        )]


def check_text(text: str, max_bytes: int = MAX_BYTES) -> list[DocError]:
    """Problems with decoded text: empty, too large, mojibake, not English."""
    if not text.strip():
        return [DocError("empty", "the document has no text: nothing to analyse")]
    if len(text) > max_bytes:
        return [too_large(len(text), max_bytes)]
    errors = []
    if len(MOJIBAKE.findall(text)) >= 3:
        errors.append(DocError(
            "encoding",
            "the text looks double-encoded (mojibake such as 'â€™'); offsets refer to the "
            "text as supplied, but quotes and names may be missed: re-decode it as UTF-8",
            fatal=False,
        ))
    language_error = check_english(text)
    if language_error:
        errors.append(language_error)
    return errors


def check_english(text: str) -> DocError | None:
    """A cheap, offline language check: share of English function words among words."""
    words = re.findall(r"[^\W\d_]+", text[:20_000].lower())
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return None
    latin = sum(1 for w in words if w.isascii())
    english = sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS)
    if latin / len(words) < 0.5 or english / len(words) < 0.08:
        return DocError(
            "not_english",
            f"the text does not look English ({english} of {len(words)} words are common "
            "English words); fivew's models read English only",
        )
    return None


def _control_ratio(data: bytes) -> float:
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return controls / max(len(data), 1)
