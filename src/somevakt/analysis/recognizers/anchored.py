r"""Regular expressions tried only at the words their matches can start with.

A pattern that starts with a lookbehind for a word's start (``(?<![^\W_])``) is tried by the
regex engine's own search at every position of the text, tens of ns each. When every match
starts at a whole word from a known set (the first words of a pattern's entries), the words
of the text that are in the set say where to try it, and most texts have none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

_WORD_RUN = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Anchored:
    """A pattern each of whose matches starts at a whole word of ``first_words`` (with a
    lookbehind for the word's start): ``finditer`` tries it only at those words."""

    pattern: re.Pattern[str]
    first_words: frozenset[str]

    def finditer(self, text: str, words: AbstractSet[str]) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``, given a set that holds every word of ``text``."""
        starts = word_starts(text, self.first_words.intersection(words))
        return matches_at(self.pattern, text, starts)


def first_words(entries: Iterable[str]) -> frozenset[str]:
    """The first word (run of letters and digits) of each entry."""
    firsts = set()
    for entry in entries:
        m = _WORD_RUN.match(entry)
        if m is None:
            raise ValueError(f"{entry!r} does not start with a letter or digit")
        firsts.add(m.group())
    return frozenset(firsts)


def word_starts(text: str, words: Iterable[str]) -> list[int]:
    r"""The sorted start offsets of the whole-word occurrences of ``words`` in ``text``.

    A whole word has no letter or digit right before or after it (``str.isalnum`` is the
    regex class ``[^\W_]``).
    """
    starts = []
    n = len(text)
    for word in words:
        i = text.find(word)
        while i >= 0:
            j = i + len(word)
            if (i == 0 or not text[i - 1].isalnum()) and (j == n or not text[j].isalnum()):
                starts.append(i)
            i = text.find(word, i + 1)
    starts.sort()
    return starts


def matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose (non-empty) matches can only start at
    the sorted offsets ``starts``.

    ``finditer`` returns the leftmost match at or after the end of the previous one: that is
    the first of ``starts`` there at which the pattern matches. ``match`` at an offset still
    sees the text before it, so lookbehinds are unchanged.
    """
    end = 0
    for start in starts:
        if start >= end:
            m = pattern.match(text, start)
            if m is not None:
                end = m.end()
                yield m
