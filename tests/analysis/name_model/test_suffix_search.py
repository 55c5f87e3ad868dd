"""The suffix search with only the alternatives that can end on the last character: the
same matches as ``re.compile(pattern).search``."""

from __future__ import annotations

import json
import random
import re

import pytest

from somevakt.analysis.name_model.suffix_search import (
    _last_char_tests,
    _may_end_with,
    _SuffixSearch,
    split_alternatives,
    suffix_searcher,
)
from somevakt.analysis.recognizers.person_name import MODEL_DIR
from tests.analysis.name_model.corpora import triage_texts

RULES_FILE = MODEL_DIR / "tokenizer_rules.json"


@pytest.fixture(scope="module")
def suffix_pattern() -> str:
    if not RULES_FILE.is_file():
        pytest.skip("no tokenizer_rules.json")
    pattern: str = json.loads(RULES_FILE.read_text(encoding="utf-8"))["suffix_search"]
    return pattern


def _span(match: re.Match[str] | None) -> tuple[int, int] | None:
    return None if match is None else match.span()


def _assert_same_search(pattern: str, strings: list[str]) -> int:
    fast, full = suffix_searcher(pattern), re.compile(pattern).search
    for string in strings:
        assert _span(fast(string)) == _span(full(string)), (pattern[:40], string)
    return sum(full(string) is not None for string in strings)


def _drawn(pieces: list[str], n: int = 50000, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(pieces, k=rng.randint(0, 6))) for _ in range(n)]


def test_shipped_suffix_rules_are_searched_by_last_character(suffix_pattern: str) -> None:
    assert isinstance(suffix_searcher(suffix_pattern), _SuffixSearch)


def test_shipped_suffix_rules_find_what_the_full_pattern_finds(suffix_pattern: str) -> None:
    # Punctuation, units after numbers, currency, quotes and symbols, in every order, and
    # the chunks of real comments.
    pieces = [*".,:;!?'\"()[]{}%$€£°CFkmgs23aZzÅ…—–-+´’”“\u00a6\u2100\n ²³/", "km", "kg"]
    pieces += ["mph", "'s", "..", "US$", "xyz"]
    chunks = sorted({chunk for text in triage_texts() for chunk in text.split()})
    assert _assert_same_search(suffix_pattern, _drawn(pieces) + chunks) > 10000


def test_every_last_character_gives_the_same_search(suffix_pattern: str) -> None:
    # All of Latin, Greek and Cyrillic, and every 37th character beyond.
    codes = [*range(0x800), *range(0x800, 0x30000, 37)]
    strings = [before + chr(code) for code in codes for before in ("1", "a.", "°C")]
    assert _assert_same_search(suffix_pattern, strings) > 500


@pytest.mark.parametrize(
    "pattern",
    [
        r"a$|b$",
        r"(?<=[0-9])(?:km|m|%)$|\.\.+$|[!?]$",
        r"x(?:y|z)*$|[^a-c]$|q?$|\d$|(?:ab|c)+$",
        r"(?<=\w)'s$|(?:(?<=[a-z])|^)\.$|(?i:K)$|\W$",
        r"[\]|]$|\|$|a\Z",
    ],
)
def test_small_suffix_patterns_find_what_the_full_pattern_finds(pattern: str) -> None:
    searcher = suffix_searcher(pattern)
    assert isinstance(searcher, _SuffixSearch)
    pieces = [*"abcxyzqKk0123.!?%'s]|_ \n", "km", "ab"]
    assert _assert_same_search(pattern, _drawn(pieces, n=20000)) > 1000


@pytest.mark.parametrize(
    "pattern",
    [r"a$", r"(a)$|b$", r"(?i)a$|b$", r"(?m)a$|b$", r"a$|b", r"(?:a$|b$)", r"a$|b$(?=x)"],
)
def test_other_patterns_keep_the_plain_search(pattern: str) -> None:
    assert not isinstance(suffix_searcher(pattern), _SuffixSearch)
    _assert_same_search(pattern, _drawn([*"abx ", "ab"], n=2000))


@pytest.mark.parametrize(
    "pattern, parts",
    [
        (r"a$|b$", ["a$", "b$"]),
        (r"[|]$|\|$|(?:x|y)$", ["[|]$", r"\|$", "(?:x|y)$"]),
        (r"[]|]$|[^]|]$|[\]|]$", ["[]|]$", "[^]|]$", r"[\]|]$"]),
        (r"abc", ["abc"]),
    ],
)
def test_split_alternatives(pattern: str, parts: list[str]) -> None:
    assert split_alternatives(pattern) == parts


@pytest.mark.parametrize(
    "pattern, may, may_not",
    [
        (r"(?<=[0-9])km$", "m", "k"),
        (r"[a-c]$", "b", "d"),
        (r"[^a-c]$", "d", "b"),
        (r"\.\.+$", ".", "a"),
        (r"(?:km|kg)$", "g", "k"),
        (r"(?:a|[^b-d]|[x-z])$", "e", "c"),
    ],
)
def test_may_end_with(pattern: str, may: str, may_not: str) -> None:
    import re._parser as sre_parse

    tests = _last_char_tests(sre_parse.parse(pattern))
    assert _may_end_with(tests, ord(may))
    assert not _may_end_with(tests, ord(may_not))


@pytest.mark.parametrize("pattern", [r"\w$", r"a?$", r".$", r"(?i:a)$", r"(?:a|)$", r"$"])
def test_may_end_with_anything_not_understood(pattern: str) -> None:
    import re._parser as sre_parse

    assert _last_char_tests(sre_parse.parse(pattern)) is None
