"""Text normalisation for matching, with a map back to the original offsets.

Recognizers match lexicons and patterns against a *folded* form of the text: NFKC,
zero-width characters removed, lower case, and the Norwegian letters folded so that
"bæsj", "baesj" and "basj" meet ("æ"/"ae" -> "a", "ø"/"oe" -> "o", "å"/"aa" -> "a").
Lexicon entries are folded the same way, so matching stays symmetric. Every folded
character keeps the index of the original character it came from, so a match in the
folded text becomes a span in the original text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_SINGLE = str.maketrans({"ø": "o", "å": "a", "æ": "a", "ö": "o", "ä": "a", "é": "e", "è": "e"})
# The same table as (letter, replacement) pairs, for ``fold_letters``.
_SINGLE_PAIRS = tuple((chr(letter), folded) for letter, folded in _SINGLE.items())
_DIGRAPH = re.compile(r"ae|oe|aa")
_ZERO_WIDTH_RE = re.compile("[" + "".join(sorted(_ZERO_WIDTH)) + "]")


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded text and, per folded character, the original index it came from.

    ``offsets`` is None when folding kept every character in place (the common case).
    """

    text: str
    offsets: list[int] | None
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span in the folded text to the original text."""
        if self.offsets is None:
            return start, end
        o_start = self.offsets[start] if start < len(self.offsets) else self.original_length
        if end <= 0:
            return o_start, o_start
        o_end = self.offsets[end - 1] + 1 if end - 1 < len(self.offsets) else self.original_length
        return o_start, o_end


def fold_letters(lowered: str) -> str:
    """``lowered.translate(_SINGLE)``, several times faster: ``str.translate`` looks every
    character up in the table, while a ``str.replace`` per folded letter scans in C.
    Replacing one letter after another is the same as translating them all at once, because
    no replacement is itself a letter that gets replaced."""
    for letter, folded in _SINGLE_PAIRS:
        lowered = lowered.replace(letter, folded)
    return lowered


def fold_word(word: str) -> str:
    """Fold a lexicon entry exactly as text is folded (no offsets needed)."""
    return fold(word).text


def fold(text: str) -> Folded:
    nfkc = unicodedata.is_normalized("NFKC", text)
    lowered = text.lower()
    if nfkc and len(lowered) == len(text):
        if not _moves_offsets(lowered):
            return Folded(fold_letters(lowered), None, len(text))
        # Every character stays one character in place (NFKC, lower case of the same
        # length), so only zero-width characters and digraphs move offsets; except after
        # "Σ", whose lower case depends on its neighbours ("ς" or "σ").
        if "Σ" not in text:
            return _fold_in_place(lowered)
    return _fold_slow(text)


def _moves_offsets(lowered: str) -> bool:
    """Whether folding removes a character (a digraph's second letter or a zero-width
    character): ``in`` tests and a one-class search, several times faster than one regex
    for all of them."""
    return (
        "ae" in lowered
        or "oe" in lowered
        or "aa" in lowered
        or _ZERO_WIDTH_RE.search(lowered) is not None
    )


def _fold_in_place(lowered: str) -> Folded:
    """``_fold_slow`` for text whose characters each fold to one character in place."""
    if _ZERO_WIDTH_RE.search(lowered) is None:
        kept = lowered
        index: range | list[int] = range(len(lowered))
    else:
        index = [i for i, ch in enumerate(lowered) if ch not in _ZERO_WIDTH]
        kept = "".join(lowered[i] for i in index)
    out: list[str] = []
    out_offsets: list[int] = []
    pos = 0
    for m in _DIGRAPH.finditer(kept):
        start = m.start()
        out.append(kept[pos:start])
        out_offsets.extend(index[pos:start])
        out.append(kept[start])
        out_offsets.append(index[start])
        pos = m.end()
    out.append(kept[pos:])
    out_offsets.extend(index[pos:])
    return Folded(fold_letters("".join(out)), out_offsets, len(lowered))


def _fold_slow(text: str) -> Folded:
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch in _ZERO_WIDTH:
            continue
        norm = unicodedata.normalize("NFKC", ch).lower()
        for c in norm:
            chars.append(c)
            offsets.append(i)
    lowered = "".join(chars)
    # Collapse digraphs to one letter, keeping the first letter's original index.
    out: list[str] = []
    out_offsets: list[int] = []
    pos = 0
    for m in _DIGRAPH.finditer(lowered):
        out.append(lowered[pos : m.start()])
        out_offsets.extend(offsets[pos : m.start()])
        out.append(m.group()[0])
        out_offsets.append(offsets[m.start()])
        pos = m.end()
    out.append(lowered[pos:])
    out_offsets.extend(offsets[pos:])
    folded = fold_letters("".join(out))
    return Folded(folded, out_offsets, len(text))
