"""The shared lexicon matcher: typo tolerance and the trie-built alternations."""

import re

import pytest

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.health import FILES as HEALTH_FILES
from somevakt.analysis.recognizers.lexicon import _alternation, _one_typo, load_lexicon


@pytest.mark.parametrize(
    "word, key",
    [
        ("diabtes", "diabetes"),  # neighbours swapped
        ("abotr", "abort"),  # swapped at the end of a short entry
        ("asstma", "astma"),  # a doubled letter
        ("sosialhjlp", "sosialhjelp"),  # a dropped letter in a long entry
        ("barnevernn", "barnevern"),  # a doubled last letter
        ("depresjin", "depresjon"),  # a replaced letter in a long entry
    ],
)
def test_one_typo(word, key):
    assert _one_typo(word, key)


@pytest.mark.parametrize(
    "word, key",
    [
        ("iabetes", "diabetes"),  # the first letter is never part of a typo
        ("artist", "autist"),  # short entries take no replaced letter
        ("utviklingshemmede", "utviklingshemmet"),  # another ending, not a typo
        ("diabetesen", "diabetes"),  # two letters more
        ("diabetes", "diabetes"),  # no typo at all
        ("angsten", "angst"),
    ],
)
def test_not_one_typo(word, key):
    assert not _one_typo(word, key)


def test_alternation_matches_the_same_words_longest_first():
    words = ["rus", "rusen", "ruset", "kreft", "tatt for vold", "tatt for tyveri", "tatt"]
    rx = re.compile(rf"(?:{_alternation(words)})$")
    for w in words:
        assert rx.match(w.replace(" ", "  ")), w  # a space stands for any whitespace
    assert not rx.match("ruse") and not rx.match("tatt for")
    assert re.match(_alternation(["rus", "rusen"]), "rusen").group() == "rusen"


def test_typo_matches_keep_offsets_in_the_original_text():
    text = "Mora mi 👵 har fått diabtes igjen"
    [f] = load_lexicon(*HEALTH_FILES).find(TextContext(text), "HELSE")
    assert text[f.start : f.end] == "diabtes" and f.detail == "term:diabetes"


def test_typo_matching_is_deterministic_across_calls():
    lex = load_lexicon(*HEALTH_FILES)
    first = lex.find(TextContext("han har diabtes og asstma"), "HELSE")
    again = lex.find(TextContext("han har diabtes og asstma"), "HELSE")
    assert [(f.start, f.detail) for f in first] == [(f.start, f.detail) for f in again]
    assert [f.detail for f in first] == ["term:diabetes", "term:astma"]
