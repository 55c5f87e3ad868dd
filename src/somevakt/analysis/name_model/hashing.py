"""The two hash functions the spaCy model's features go through, without spaCy.

spaCy turns each token attribute (a string) into a 64-bit id: MurmurHash64A of its UTF-8
bytes with seed 1, except for the few hundred strings of spaCy's symbol table, which have
fixed small ids (``det`` and ``mark`` are dependency labels there, so this matters for
Norwegian). thinc's ``HashEmbed`` then mixes each id with its table's seed into four 32-bit
row numbers (``MurmurHash3_x86_128_uint64`` in thinc's ``numpy_ops.pyx``). Both are ported
here and checked against spaCy and thinc in ``tests/analysis/name_model/test_network.py``.
"""

from __future__ import annotations

import numpy as np

_MASK64 = (1 << 64) - 1
_M = 0xC6A4A7935BD1E995
_R = 47


def murmurhash64a(data: bytes, seed: int = 1) -> int:
    """MurmurHash64A (Austin Appleby), as in the ``murmurhash`` package spaCy uses."""
    n = len(data)
    h = (seed ^ (n * _M)) & _MASK64
    end = n - n % 8
    for i in range(0, end, 8):
        k = int.from_bytes(data[i : i + 8], "little")
        k = (k * _M) & _MASK64
        k ^= k >> _R
        k = (k * _M) & _MASK64
        h ^= k
        h = (h * _M) & _MASK64
    if n % 8:
        # The C switch XORs the tail bytes in little-endian order, then multiplies once.
        h ^= int.from_bytes(data[end:], "little")
        h = (h * _M) & _MASK64
    h ^= h >> _R
    h = (h * _M) & _MASK64
    h ^= h >> _R
    return h


class StringIds:
    """String -> spaCy's 64-bit id: the symbol table's id if it has one, else the hash."""

    def __init__(self, symbols: dict[str, int]) -> None:
        self._ids = dict(symbols)

    def __call__(self, text: str) -> int:
        got = self._ids.get(text)
        if got is None:
            got = murmurhash64a(text.encode("utf-8"))
            if (
                len(self._ids) < 500_000
            ):  # bounded: a stream of new strings must not grow it forever
                self._ids[text] = got
        return got


def embedding_rows(ids: np.ndarray, seed: int, n_rows: int) -> np.ndarray:
    """thinc's ``ops.hash(ids, seed) % n_rows``: (len(ids), 4) row numbers for uint64 ids."""
    with np.errstate(over="ignore"):
        h1 = ids.astype(np.uint64)
        h1 = h1 * np.uint64(0x87C37B91114253D5)
        h1 = (h1 << np.uint64(31)) | (h1 >> np.uint64(33))
        h1 = h1 * np.uint64(0x4CF5AD432745937F)
        h1 ^= np.uint64(seed)
        h1 ^= np.uint64(8)
        h2 = np.full_like(h1, np.uint64(seed) ^ np.uint64(8))
        h1 += h2
        h2 += h1
        h1 = _fmix64(h1)
        h2 = _fmix64(h2)
        h1 += h2
        h2 += h1
    lo32 = np.uint64(0xFFFFFFFF)
    out = np.stack([h1 & lo32, h1 >> np.uint64(32), h2 & lo32, h2 >> np.uint64(32)], axis=1)
    return (out % np.uint64(n_rows)).astype(np.int64)


def _fmix64(h: np.ndarray) -> np.ndarray:
    h ^= h >> np.uint64(33)
    h *= np.uint64(0xFF51AFD7ED558CCD)
    h ^= h >> np.uint64(33)
    h *= np.uint64(0xC4CEB9FE1A85EC53)
    h ^= h >> np.uint64(33)
    return h
