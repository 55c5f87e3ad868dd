import pytest

from somevakt.analysis.engine import Analyzer
from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.fodselsnummer import FodselsnummerRecognizer
from somevakt.analysis.recognizers.kontonummer import KontonummerRecognizer
from somevakt.analysis.types import FODSELSNUMMER, KONTONUMMER


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
