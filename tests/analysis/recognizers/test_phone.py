import pytest

from somevakt.analysis.engine import Analyzer
from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.fodselsnummer import FodselsnummerRecognizer
from somevakt.analysis.recognizers.kontonummer import KontonummerRecognizer
from somevakt.analysis.recognizers.phone import PhoneRecognizer
from somevakt.analysis.types import TELEFON


def find(text: str):
    return PhoneRecognizer().find(TextContext(text))


@pytest.mark.parametrize(
    "text, number, region",
    [
        ("Ring meg på 912 34 567!", "912 34 567", "NO"),
        ("tlf: 91234567", "91234567", "NO"),
        ("Sentralbord +47 22 33 44 55.", "+47 22 33 44 55", "NO"),
        ("ring 0047 912 34 567 😊", "0047 912 34 567", "NO"),
        ("svensk nr +46 70 123 45 67", "+46 70 123 45 67", "SE"),
    ],
)
def test_finds_norwegian_and_international_numbers(text, number, region):
    [f] = find(text)
    assert f.type == TELEFON and f.text == number and not f.sensitive
    assert f.detail == region and text[f.start : f.end] == number


@pytest.mark.parametrize(
    "text",
    [
        "Det kostet kr 45 000 000 i fjor",  # an amount
        "45 000 000 kroner til konsulenter",
        "Møtet er 12.03.2024 kl 18",  # a date
        "Faktura 12047812345",  # eleven digits
        "Vi er 1234 innbyggere",  # too short
        "Ingen tall her i det hele tatt",
    ],
)
def test_rejects_amounts_dates_and_other_numbers(text):
    assert find(text) == []


def test_identity_numbers_and_accounts_win_over_phone():
    a = Analyzer(
        recognizers=[FodselsnummerRecognizer(), KontonummerRecognizer(), PhoneRecognizer()]
    )
    types = [f.type for f in a.analyze("fnr 15038643670, konto 1234.56.78903").findings]
    assert TELEFON not in types
