"""The cheap checks in front of the phonenumbers matcher must never hide a number it finds."""

import random

import pytest
from phonenumbers import Leniency, PhoneNumberMatcher

from somevakt.analysis.recognizers.phone import (
    _CANDIDATE,
    _GROUPS,
    _REGION,
    _candidates,
    _may_hold_valid_number,
    _number_digits_pattern,
)
from tests.analysis.recognizers.support import random_texts

SEPARATORS = [" ", ".", "-", "\u00a0", "/", "(", ")", "  ", " - ", ". ", "/ ", ") ", " ("]
# Starts that make the library read a number differently: international prefixes, the
# Norwegian country code without "+", Norwegian mobile, landline and five-digit numbers.
STARTS = ["", "", "", "00", "0047", "0046", "001", "47", "9", "4", "2", "0", "02", "05", "8"]
LEADS = ["", "", "", "+", "(", "(+"]


def matches(candidate: str) -> list[str]:
    return [m.raw_string for m in PhoneNumberMatcher(candidate, _REGION, leniency=Leniency.VALID)]


def may_hold(candidate: str) -> bool:
    return _may_hold_valid_number(candidate, _GROUPS.findall(candidate))


def random_candidate(rng: random.Random) -> str:
    """Eight to sixteen digits in groups, with the separators and leads a candidate allows."""
    digits = rng.choice(STARTS) + "".join(rng.choice("0123456789") for _ in range(16))
    digits = digits[: rng.randint(8, 16)]
    # Sometimes a five-digit Norwegian service number as the last group.
    if rng.random() < 0.2:
        digits = digits[: rng.randint(3, 11)] + rng.choice("0235") + "2159"
    pieces, i = [], 0
    while i < len(digits):
        size = rng.choice([1, 2, 2, 3, 3, 4, 5, 6, 8, 11])
        pieces.append(digits[i : i + size])
        i += size
    text = pieces[0]
    for piece in pieces[1:]:
        text += rng.choice(SEPARATORS) + piece
    return rng.choice(LEADS) + text


def generated_candidates(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < n:
        c = random_candidate(rng)
        if _CANDIDATE.fullmatch(c):  # what phone.py can hand to the matcher
            out.append(c)
    return out


def test_precheck_never_skips_a_candidate_the_matcher_accepts():
    found = skipped = 0
    for c in generated_candidates(6000):
        if may_hold(c):
            found += bool(matches(c))
        else:
            assert matches(c) == [], c
            skipped += 1
    # The generated set exercises both sides.
    assert found > 1000 and skipped > 1000


@pytest.mark.parametrize(
    "candidate",
    [
        "912 34 567",  # a mobile number
        "22 33 44 55",  # a landline number
        "+46 70 123 45 67",  # "+": any country
        "(+47) 22334455",
        "0046 70 123 45 67",  # the international prefix
        "4791234567",  # the country code without "+"
        "1234.56.02159",  # a five-digit service number in the last group
        "12.03.2024 22334455",
        # Non-ASCII digits (Arabic-Indic): the library decides.
        "\u0669\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668",
    ],
)
def test_precheck_passes_what_may_be_a_number(candidate):
    assert may_hold(candidate)


@pytest.mark.parametrize(
    "candidate",
    [
        "12345678903",  # eleven digits: an account or identity number
        "123456789",  # nine digits
        "1234567890123",  # thirteen digits without an international prefix
        "12.03.2024",  # a date: eight digits, but no Norwegian number starts with 1
        "150386-43670",
        "1234.56.78903",  # no group combination is a Norwegian number
    ],
)
def test_precheck_skips_what_cannot_be_a_number(candidate):
    assert not may_hold(candidate)
    assert matches(candidate) == []


def test_digit_pattern_follows_the_library_metadata():
    pattern = _number_digits_pattern("NO")
    for digits in ["91234567", "22334455", "02159", "4791234567", "00467012345"]:
        assert pattern.fullmatch(digits), digits
    for digits in ["12345678", "912345678", "1234", "4712345678"]:
        assert not pattern.fullmatch(digits), digits


def test_digit_pattern_refuses_regions_with_a_national_prefix():
    with pytest.raises(ValueError):
        _number_digits_pattern("SE")  # Swedish numbers are written with a leading 0


def test_candidates_are_those_of_the_candidate_pattern_over_the_whole_text():
    parts = ["Ring", "kr", "tlf:", "a", "x", "+", "(", ")", "(+", "-", ".", ",", " ", "  "]
    parts += ["\u00a0", "/", "é", "\u0663", "7", "12", "912", "34", "567", "0047"]
    parts += ["22334455", "12345678903"]
    for text in random_texts(parts, seed=11, most_parts=30):
        expected = [m.span() for m in _CANDIDATE.finditer(text)]
        assert [m.span() for m in _candidates(text)] == expected, text


@pytest.mark.parametrize(
    "text, spans",
    [
        ("ring (+47) 22 33 44 55 nå", [(5, 22)]),
        ("tlf:91234567, eller 0047 912 34 567.", [(4, 12), (20, 35)]),
        ("abc91234567", []),  # glued to a word
        ("1234567", []),  # too short
    ],
)
def test_candidates_examples(text, spans):
    assert [m.span() for m in _candidates(text)] == spans
