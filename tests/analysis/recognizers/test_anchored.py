"""Patterns tried only at the words their matches can start with."""

import re

import pytest

from somevakt.analysis.recognizers.anchored import (
    Anchored,
    first_words,
    matches_at,
    word_starts,
)


def test_word_starts_finds_whole_words_only():
    text = "min minne, Min_min 3min min"
    assert word_starts(text, ["min"]) == [0, 15, 24]
    assert word_starts(text, ["min", "minne"]) == [0, 4, 15, 24]
    assert word_starts(text, ["inn", "mi"]) == []
    assert word_starts("", ["min"]) == []


def test_matches_at_skips_starts_inside_an_earlier_match():
    rx = re.compile(r"(?<![^\W_])[a-z]+ [a-z]+")
    text = "aa bb cc dd"
    assert [m.group() for m in matches_at(rx, text, [0, 3, 6])] == ["aa bb", "cc dd"]
    assert [m.group() for m in matches_at(rx, text, [3])] == ["bb cc"]
    assert list(matches_at(rx, text, [1, 9])) == []  # no whole word starts there


def test_first_words_of_entries():
    assert first_words(["sønnen min", "far", "ex-mann"]) == {"sønnen", "far", "ex"}
    with pytest.raises(ValueError):
        first_words(["-x"])


def test_anchored_finds_what_finditer_finds():
    rx = re.compile(r"(?<![^\W_])(?:sønnen min|far min)")
    anchored = Anchored(rx, first_words(["sønnen min", "far min"]))
    text = "far min og sønnen min, xfar min"
    words = set(re.findall(r"[^\W_]+", text))
    assert [m.span() for m in anchored.finditer(text, words)] == [
        m.span() for m in rx.finditer(text)
    ] == [(0, 7), (11, 21)]
    assert list(anchored.finditer("mor min", {"mor", "min"})) == []  # no first word in it
