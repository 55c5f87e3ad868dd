import re

import pytest

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.fodselsnummer import _PATTERN, FodselsnummerRecognizer
from somevakt.analysis.types import D_NUMMER, FODSELSNUMMER, H_NUMMER
from tests.analysis.recognizers.support import match_list, random_texts


def find(text: str):
    return FodselsnummerRecognizer().find(TextContext(text))


@pytest.mark.parametrize(
    "text, number",
    [
        ("Fødselsnummeret mitt er 03045551244, kan noen se?", "03045551244"),
        ("fnr 15038643670.", "15038643670"),
        ("(15038643670)", "15038643670"),
        ("nr:15038643670", "15038643670"),
    ],
)
def test_finds_whole_fodselsnummer(text, number):
    [f] = find(text)
    assert f.type == FODSELSNUMMER and f.text == number and f.sensitive
    assert text[f.start : f.end] == number


@pytest.mark.parametrize("sep", [" ", ".", "-"])
def test_finds_number_split_after_the_date(sep):
    text = f"Sjekk 150386{sep}43670 takk"
    [f] = find(text)
    assert f.text == f"150386{sep}43670"


def test_d_and_h_numbers_get_their_own_types():
    # D-nummer: day + 40 (15 -> 55); H-nummer: month + 40 (03 -> 43).
    from stdnum.no import fodselsnummer as fnr

    def with_check_digits(base9: str) -> str:
        k1 = fnr.calc_check_digit1(base9)
        return base9 + k1 + fnr.calc_check_digit2(base9 + k1)

    d = with_check_digits("550386437")
    h = with_check_digits("154386436")
    assert [f.type for f in find(f"D-nummer {d}")] == [D_NUMMER]
    assert [f.type for f in find(f"H-nummer {h}")] == [H_NUMMER]


@pytest.mark.parametrize(
    "text",
    [
        "Fakturanummer 12345678901 er betalt",  # check digits fail
        "Ring 004791234567",  # twelve digits
        "KID 150386436711",  # a valid number inside a longer digit run
        "Konto 1503.86.43670",  # account formatting is not a fødselsnummer
        "15038643671",  # one check digit off
    ],
)
def test_rejects_numbers_that_do_not_validate(text):
    assert find(text) == []


@pytest.mark.parametrize(
    "text, found",
    [
        ("15038643670 er mitt", True),  # at the very start of the text
        ("150386 43670 er mitt", True),
        ("fnr:15038643670", True),
        ("fnr x15038643670", True),  # a letter before is no digit run
        ("fnr 915038643670", False),  # a twelfth digit before
        ("fnr 5.15038643670", False),  # ".", "," or "-" before: part of another number
        ("fnr 5,15038643670", False),
        ("fnr -15038643670", False),
    ],
)
def test_number_must_start_a_digit_run(text, found):
    assert bool(find(text)) == found


def test_pattern_equals_the_lookbehind_first_formulation():
    # The pattern checks its left bound after the first digit, for speed; it must find
    # exactly what a leading lookbehind finds.
    plain = re.compile(r"(?<![\d.,\-])(\d{6})[ .\-\u00a0]?(\d{5})(?![\d]|[.,\-]\d)")
    parts = ["150386", "43670", "1", "12", " ", ".", ",", "-", "a", "\u00a0", "\u0663"]
    for text in random_texts(parts):
        assert match_list(_PATTERN, text) == match_list(plain, text), text
