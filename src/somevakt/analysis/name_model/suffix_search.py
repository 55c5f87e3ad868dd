"""``re.compile(pattern).search`` for a suffix pattern, tried only with the alternatives that
can end on the searched string's last character.

spaCy's suffix pattern is some 80 alternatives, each ending in ``$``, and ``search`` tries
every one of them at every position of the string, several µs per new chunk of text. A match
of an alternative that ends in ``$`` ends at the end of the string (the string has no final
line break, or the full pattern is used), so its last character is the string's; an
alternative that cannot end with that character can match nowhere in the string. Leaving such
alternatives out, the others kept in their order, therefore changes no result of ``search``:
the leftmost position where one matches, and there the first that matches, stay the same.
Which characters an alternative can end with is read off the parsed pattern; anything not
understood counts as able to end with any character.
"""

from __future__ import annotations

import re
import re._constants as sre  # the stdlib's regex parser, to read what a pattern can consume
import re._parser as sre_parse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_Search = Callable[[str], "re.Match[str] | None"]

_NOT_CONSUMING = (sre.ASSERT, sre.ASSERT_NOT, sre.AT)  # lookarounds, anchors
_ENDS = (sre.AT_END, sre.AT_END_STRING)  # ``$``, ``\Z``
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_MAX_CACHED = 4096  # last characters, and sets of alternatives, whose search is kept


def suffix_searcher(pattern: str) -> _Search:
    """A function equal to ``re.compile(pattern).search``, faster for a suffix pattern (a
    top-level alternation whose every alternative ends in ``$``); otherwise that search."""
    alternatives = _end_anchored_alternatives(pattern)
    full = re.compile(pattern).search
    return full if alternatives is None else _SuffixSearch(full, alternatives)


class _SuffixSearch:
    """The search of a suffix pattern by last character. Its caches only ever gain entries
    equal to what would be built again, so threads may share it."""

    def __init__(self, full: _Search, alternatives: list[tuple[str, Any]]) -> None:
        self._full = full
        # (source, tests of its last character) of each alternative
        self._alternatives = [(source, _last_char_tests(parsed)) for source, parsed in alternatives]
        # Last character -> the search with the alternatives that can end with it, compiled
        # once per set of alternatives (most characters share one). Both bounded: past the
        # limit, searches are built but not kept.
        self._by_ending: dict[str, _Search] = {}
        self._by_kept: dict[tuple[int, ...], _Search] = {}

    def __call__(self, string: str) -> re.Match[str] | None:
        if not string or string[-1] == "\n":  # ``$`` also matches before a final "\n"
            return self._full(string)
        search = self._by_ending.get(string[-1])
        if search is None:
            search = self._search_ending_with(string[-1])
        return search(string)

    def _search_ending_with(self, last: str) -> _Search:
        code = ord(last)
        alternatives = self._alternatives
        kept = tuple(i for i, (_, tests) in enumerate(alternatives) if _may_end_with(tests, code))
        search = self._by_kept.get(kept)
        if search is None:
            sources = [alternatives[i][0] for i in kept]
            search = re.compile("|".join(sources)).search if kept else _no_match
            if len(self._by_kept) < _MAX_CACHED:
                self._by_kept[kept] = search
        if len(self._by_ending) < _MAX_CACHED:
            self._by_ending[last] = search
        return search


def _no_match(string: str) -> None:
    return None


def _end_anchored_alternatives(pattern: str) -> list[tuple[str, Any]] | None:
    """(source, parsed) of each top-level alternative of ``pattern`` when every one ends in
    ``$`` or ``\\Z`` and the pattern has no groups (which the split would renumber) nor
    global flags; else None."""
    parsed = sre_parse.parse(pattern)
    if parsed.state.groups > 1 or parsed.state.flags & ~sre.SRE_FLAG_UNICODE:
        return None  # groups, or flags such as (?i) or (?m) that the split could lose
    sources = split_alternatives(pattern)
    if len(sources) < 2:
        return None
    alternatives = []
    for source in sources:
        try:
            items = sre_parse.parse(source, parsed.state.flags)
        except re.error:
            return None  # not split where the parser splits
        if not items.data or items.data[-1][0] is not sre.AT or items.data[-1][1] not in _ENDS:
            return None
        alternatives.append((source, items))
    top = parsed.data
    if not (len(top) == 1 and top[0][0] is sre.BRANCH and len(top[0][1][1]) == len(sources)):
        return None  # the parser saw other alternatives than the split
    return alternatives


def split_alternatives(pattern: str) -> list[str]:
    """The source of each top-level alternative of a pattern: split at each ``|`` outside
    groups and character classes (and not escaped)."""
    parts: list[str] = []
    depth = 0
    in_class = False
    start = i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1  # the escaped character
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += pattern.startswith("^", i + 1)
            i += pattern.startswith("]", i + 1)  # "]" first in a class is a member
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


@dataclass(frozen=True, slots=True)
class _CharTest:
    """A character set: listed characters and ranges, possibly negated."""

    codes: frozenset[int]
    ranges: tuple[tuple[int, int], ...]
    negated: bool

    def holds(self, code: int) -> bool:
        listed = code in self.codes or any(lo <= code <= hi for lo, hi in self.ranges)
        return listed != self.negated


def _may_end_with(tests: list[_CharTest] | None, code: int) -> bool:
    """Whether the character ``code`` passes one of ``_last_char_tests`` (None: any does)."""
    return tests is None or any(test.holds(code) for test in tests)


def _last_char_tests(items: Any) -> list[_CharTest] | None:
    """Character sets one of which holds the last character of every match of parsed
    (sub)pattern items, a sequence of (op, argument); None when that is not read off (an
    optional part, any character, a category, ...). Decided by the last item that consumes
    a character."""
    for op, av in reversed(list(items)):
        if op in _NOT_CONSUMING:
            continue
        if op is sre.LITERAL:
            return [_CharTest(frozenset([av]), (), False)]
        if op is sre.IN:
            test = _set_test(av)
            return None if test is None else [test]
        if op is sre.SUBPATTERN and not (av[1] or av[2]) and av[3].getwidth()[0] > 0:
            return _last_char_tests(av[3])  # a group without flags that consumes
        if op is sre.BRANCH and all(branch.getwidth()[0] > 0 for branch in av[1]):
            return _union([_last_char_tests(branch) for branch in av[1]])
        if op in _REPEATS and av[0] > 0 and av[2].getwidth()[0] > 0:
            return _last_char_tests(av[2])
        return None
    return None  # consumes nothing: the character before may end it


def _union(alternatives: list[list[_CharTest] | None]) -> list[_CharTest] | None:
    """The tests of any of ``alternatives``, the plain (not negated) sets merged into one."""
    if any(tests is None for tests in alternatives):
        return None
    tests = [test for found in alternatives if found is not None for test in found]
    plain = [test for test in tests if not test.negated]
    merged = _CharTest(
        frozenset().union(*(test.codes for test in plain)),
        tuple(r for test in plain for r in test.ranges),
        False,
    )
    return [merged, *(test for test in tests if test.negated)]


def _set_test(items: list[tuple[Any, Any]]) -> _CharTest | None:
    """The test of a character set (``[...]``); None when it has a category (``\\d``, ...)."""
    codes = set()
    ranges = []
    negated = False
    for op, av in items:
        if op is sre.NEGATE:
            negated = True
        elif op is sre.LITERAL:
            codes.add(av)
        elif op is sre.RANGE:
            ranges.append(av)
        else:
            return None
    return _CharTest(frozenset(codes), tuple(ranges), negated)
