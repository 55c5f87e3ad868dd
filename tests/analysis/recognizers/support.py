"""Helpers shared by the recognizer tests."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Iterator, Sequence

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.person_name import _lexicon, _scan, _Word


def words_of(text: str) -> list[_Word]:
    """The person-name rules' words of a text, as ``find_many`` makes them."""
    scan = _scan(text)
    return scan.located(_lexicon().kinds(scan.words))


def random_texts(
    parts: Sequence[str], n: int = 20000, seed: int = 5, most_parts: int = 12
) -> Iterator[str]:
    """``n`` texts, each one to ``most_parts`` random picks from ``parts`` joined: the edge
    cases of a pattern's bounds, in every order."""
    rng = random.Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(parts) for _ in range(rng.randint(1, most_parts)))


def match_list(rx: re.Pattern[str], text: str) -> list[tuple[object, ...]]:
    """Every match of ``rx`` in ``text`` as its groups and span, to compare two patterns."""
    return [m.groups() + m.span() for m in rx.finditer(text)]


def count_alike_matches(
    fast: Callable[[TextContext], Iterable[re.Match[str]]],
    rx: re.Pattern[str],
    texts: Iterable[str],
) -> int:
    """Assert that ``fast`` finds in each text's context exactly what ``rx.finditer`` finds
    in its folded text; return how many texts had a match (the texts must exercise it)."""
    found = 0
    for text in texts:
        ctx = TextContext(text)
        got = [m.groups() + m.span() for m in fast(ctx)]
        assert got == match_list(rx, ctx.folded.text), text
        found += bool(got)
    return found
