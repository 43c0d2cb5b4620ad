"""Near-duplicate detection: MinHash over word shingles, with LSH banding to find candidates.

Wire copies of one story differ by a headline, a byline, a trimmed paragraph or a few edited
words; the share of shared 5-word shingles (Jaccard similarity) stays high. A signature of
`PERMUTATIONS` minimum hashes estimates it: the fraction of equal positions is an unbiased
estimate of the Jaccard similarity. Splitting the signature into `BANDS` bands of `ROWS`
values and hashing each band gives buckets; two texts that share a bucket are candidates,
and their signatures decide (similarity >= THRESHOLD). With 32 bands of 4 rows a pair at
Jaccard 0.7 becomes a candidate with probability 1 - (1 - 0.7**4)**32 > 0.999.

Every hash here is deterministic across processes and machines (no Python `hash()`), so
signatures computed by different workers or runs are comparable.
"""

from __future__ import annotations

import hashlib
import re
import struct

import numpy as np

PERMUTATIONS = 128
BANDS = 32
ROWS = PERMUTATIONS // BANDS
SHINGLE_WORDS = 5
THRESHOLD = 0.7
MIN_SHINGLES = 8  # texts shorter than this are too short to call near-duplicates

_PRIME = np.uint64(4294967311)  # the first prime above 2**32: (a*x + b) fits in uint64
_rng = np.random.default_rng(20240521)  # fixed seed: the same permutations everywhere
_A = _rng.integers(1, 2**32 - 1, PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, 2**32 - 1, PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """The set of k-word windows of the lower-cased words of `text`."""
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def signature(text: str) -> list[int] | None:
    """The MinHash signature of `text` (PERMUTATIONS uint32 values), None if too short."""
    found = shingles(text)
    if len(found) < MIN_SHINGLES:
        return None
    hashes = np.fromiter(
        (int.from_bytes(hashlib.blake2b(s.encode(), digest_size=4).digest(), "little")
         for s in found),
        dtype=np.uint64, count=len(found),
    )
    permuted = (hashes[:, None] * _A[None, :] + _B[None, :]) % _PRIME
    return [int(v) & 0xFFFFFFFF for v in permuted.min(axis=0)]


def bands(sig: list[int]) -> list[int]:
    """One 64-bit bucket per band of the signature (band index is mixed in)."""
    out = []
    for band in range(BANDS):
        chunk = sig[band * ROWS : (band + 1) * ROWS]
        raw = struct.pack(f"<I{ROWS}I", band, *chunk)
        out.append(int.from_bytes(hashlib.blake2b(raw, digest_size=8).digest(), "little"))
    return out


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of two texts from their signatures."""
    return float(np.mean(np.asarray(a) == np.asarray(b)))
