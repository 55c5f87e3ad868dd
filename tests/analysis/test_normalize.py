"""Folding: the fast paths give what the character-by-character fold gives."""

import pytest

from somevakt.analysis.normalize import (
    _SINGLE,
    _fold_slow,
    _moves_offsets,
    fold,
    fold_letters,
)


@pytest.mark.parametrize(
    "lowered, folded",
    [
        ("bæsj på ørret", "basj pa orret"),
        ("kafé, crème brûlée", "kafe, creme brûlee"),  # "û" is not folded
        ("smörgåsbord på ärlig vis", "smorgasbord pa arlig vis"),
        ("ingen norske bokstaver", "ingen norske bokstaver"),
        ("", ""),
    ],
)
def test_fold_letters(lowered, folded):
    assert fold_letters(lowered) == folded == lowered.translate(_SINGLE)


def test_fold_letters_keeps_upper_case_and_other_scripts():
    # Only the lower-case letters of the table fold: callers lower-case first.
    assert fold_letters("ØRRET Σ ø") == "ØRRET Σ o"


@pytest.mark.parametrize(
    "text",
    [
        "Sønnen min går på Ritalin",  # the common case: no digraph, nothing moves
        "Oekonomien er stram, saa vi kutter",  # digraphs collapse in place
        "Paa\u200bae og oe\u200b\u200baa\u200b",  # zero-width characters among digraphs
        "Bar\u200bne\u00advern og ﬁn",  # zero-width characters and a ligature (slow path)
        "ΟΔΟΣ OG OEYVIND",  # "Σ" lower-cases by its neighbours: the slow path
    ],
)
def test_fold_matches_the_slow_fold(text):
    fast, slow = fold(text), _fold_slow(text)
    assert fast.text == slow.text
    n = len(fast.text)
    spans = [(s, e) for s in range(n + 1) for e in range(s, n + 1)]
    assert [fast.span(s, e) for s, e in spans] == [slow.span(s, e) for s, e in spans]


def test_no_folded_letter_is_folded_again():
    # What makes fold_letters' replacements one after another equal to one translate.
    assert not {ord(v) for v in _SINGLE.values()} & _SINGLE.keys()


@pytest.mark.parametrize("lowered", ["kjaere deg", "oekonomi", "paa", "bar\u200bn", "myk\u00adhet"])
def test_folding_moves_offsets_for_digraphs_and_zero_width_characters(lowered):
    assert _moves_offsets(lowered)


@pytest.mark.parametrize("lowered", ["kjære deg", "økonomi", "på", "a e o", ""])
def test_folding_keeps_offsets_without_them(lowered):
    assert not _moves_offsets(lowered)
