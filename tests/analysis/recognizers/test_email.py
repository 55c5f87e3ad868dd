import pytest

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.email import EmailRecognizer
from somevakt.analysis.types import EPOST


def find(text: str):
    return EmailRecognizer().find(TextContext(text))


@pytest.mark.parametrize(
    "text, address",
    [
        ("Send til kari.nordmann@birkenes.kommune.no.", "kari.nordmann@birkenes.kommune.no"),
        ("(post@example.com)", "post@example.com"),
        ("mail: bjørn+fb@gmail.com 👍", "bjørn+fb@gmail.com"),
    ],
)
def test_finds_addresses(text, address):
    [f] = find(text)
    assert f.type == EPOST and f.text == address and not f.sensitive
    assert text[f.start : f.end] == address


@pytest.mark.parametrize(
    "text",
    ["@Kari Nordmann se her", "@kari.nordmann", "kari@localhost", "a@b", "pris 10@5 kr"],
)
def test_rejects_mentions_and_incomplete_addresses(text):
    assert find(text) == []
