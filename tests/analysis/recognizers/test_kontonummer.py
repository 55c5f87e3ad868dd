import re

import pytest

from somevakt.analysis.engine import Analyzer
from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.fodselsnummer import FodselsnummerRecognizer
from somevakt.analysis.recognizers.kontonummer import (
    _BARE,
    _FORMATTED,
    KontonummerRecognizer,
    _has_account_word,
)
from somevakt.analysis.types import FODSELSNUMMER, KONTONUMMER
from tests.analysis.recognizers.support import match_list, random_texts


def find(text: str, exempt: frozenset[str] = frozenset()):
    return KontonummerRecognizer().find(TextContext(text, exempt_accounts=exempt))


@pytest.mark.parametrize(
    "text, number",
    [
        ("Kontonummeret mitt er 1234.56.78903.", "1234.56.78903"),
        ("betal til 1234 56 78903 takk", "1234 56 78903"),
        ("(1234-56-78903)", "1234-56-78903"),
        ("kontonr:12345678903", "12345678903"),
        ("Kan dere overføre pengene til 12345678903?", "12345678903"),
        ("12345678903 er kontoen min 🙏", "12345678903"),
        ("innbetaling til 12345678903", "12345678903"),
    ],
)
def test_finds_accounts_in_account_format_or_with_context(text, number):
    [f] = find(text)
    assert f.type == KONTONUMMER and f.text == number and f.sensitive
    assert text[f.start : f.end] == number


@pytest.mark.parametrize(
    "text",
    [
        "Ordrenummer 12345678903 kom i dag",  # bare digits, no account word
        "Konto 1234.56.78904",  # check digit fails
        "kontonr 1234.56.789031",  # too long
        "betal 1234.56 78903",  # inconsistent separators
        "Faktura 12047812345 for vann",  # invoice number
        "Jeg bor overfor 12345678903",  # "overfor" is a preposition, not "overfør"
    ],
)
def test_rejects_numbers_without_format_or_context(text):
    assert find(text) == []


def test_valid_fodselsnummer_is_not_an_account():
    # 15038643670 passes both checksums: it is reported once, as a fødselsnummer.
    assert find("kontonummer 15038643670") == []
    a = Analyzer(recognizers=[FodselsnummerRecognizer(), KontonummerRecognizer()])
    assert [f.type for f in a.analyze("kontonummer 15038643670").findings] == [FODSELSNUMMER]


def test_exempt_account_is_reported_but_not_sensitive():
    [f] = find("Gaver kan betales til 1234.56.78903", frozenset({"12345678903"}))
    assert not f.sensitive and f.detail == "exempt"
    a = Analyzer(recognizers=[KontonummerRecognizer()], exempt_accounts={"12345678903"})
    assert a.analyze("Betal til 1234 56 78903").redacted == "Betal til 1234 56 78903"


@pytest.mark.parametrize(
    "text",
    [
        "Faktura nr 12345678903 må betales innen fredag",
        "Fakturanummer 12345678903, betal snarest",
        "Fakturanummeret mitt er 12345678903, skal jeg betale nå?",
        "Betal med KID 12345678903",
        "Betal med KID-nummer: 12345678903",
        "Ordrenummer 12345678903 er betalt",
        "Betaling: bruk 12345678903 som fakturanummer",
        "12345678903 er fakturanummeret, betal innen 14 dager",
        "betal til 12345678903 (KID)",
    ],
)
def test_invoice_kid_and_order_numbers_are_not_accounts(text):
    assert find(text) == []


def test_a_label_for_another_number_does_not_hide_the_account():
    [f] = find("betal til 12345678903, fakturanummer 1234")
    assert f.text == "12345678903"


@pytest.mark.parametrize(
    "text, found",
    [
        ("12345678903 er kontoen min", True),  # at the very start of the text
        ("1234.56.78903 er kontoen min", True),
        ("kontonr x12345678903", True),  # a letter before is no digit run
        ("kontonr 912345678903", False),  # a twelfth digit before
        ("kontonr 5.12345678903", False),  # ".", "," or "-" before: part of another number
        ("kontonr 5,12345678903", False),
        ("kontonr -1234.56.78903", False),
    ],
)
def test_number_must_start_a_digit_run(text, found):
    assert bool(find(text)) == found


@pytest.mark.parametrize(
    "text, found",
    [
        ("betal 12345678903", True),  # a word before, within the window
        ("12345678903 til kontoen", True),  # a word after
        ("12345678903" + " x" * 25 + " kontoen", False),  # too far away
        ("Jeg bor overfor 12345678903", False),
    ],
)
def test_has_account_word(text, found):
    ftext = TextContext(text).folded.text
    start = ftext.index("12345678903")
    assert _has_account_word(ftext, start, start + 11) == found


def test_patterns_equal_the_lookbehind_first_formulations():
    # The patterns check their left bound after the first digit, for speed; they must find
    # exactly what a leading lookbehind finds.
    plain_formatted = re.compile(
        r"(?<![\d.,\-])(\d{4})([ .\-\u00a0])(\d{2})\2(\d{5})(?![\d]|[.,\-]\d)"
    )
    plain_bare = re.compile(r"(?<![\d.,\-])\d{11}(?![\d]|[.,\-]\d)")
    parts = ["1234", "56", "78903", "1", " ", ".", ",", "-", "a", "\u00a0", "\u0663"]
    for text in random_texts(parts):
        for fast, plain in [(_FORMATTED, plain_formatted), (_BARE, plain_bare)]:
            assert match_list(fast, text) == match_list(plain, text), text
