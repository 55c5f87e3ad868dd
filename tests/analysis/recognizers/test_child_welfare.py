import pytest

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.child_welfare import ChildWelfareRecognizer
from somevakt.analysis.types import BARNEVERN


def find(text: str):
    return ChildWelfareRecognizer().find(TextContext(text))


@pytest.mark.parametrize(
    "text, span",
    [
        ("Barnevernet var her i går", "Barnevernet"),
        ("barnevernstenesta kom", "barnevernstenesta"),
        ("barnevernstjenesten søker fosterhjem", "barnevernstjenesten"),
        ("han bor i fosterhjem", "fosterhjem"),
        ("ho budde i fosterheim", "fosterheim"),
        ("de fikk omsorgsovertakelse", "omsorgsovertakelse"),
        ("akuttplassert i natt", "akuttplassert"),
        ("de er beredskapshjem", "beredskapshjem"),
        ("tiltak fra barnevernet", "tiltak fra barnevernet"),
        ("har fått tiltak frå barnevernet", "tiltak frå barnevernet"),
        ("ei barnevernssak", "barnevernssak"),
    ],
)
def test_finds_child_welfare_terms(text, span):
    [f] = [f for f in find(text) if f.text == span]
    assert f.type == BARNEVERN and not f.sensitive


@pytest.mark.parametrize(
    "text",
    ["Barnehagen har foreldremøte", "Barna bor hjemme", "vern av skog", "fosterlandet vårt"],
)
def test_rejects_everyday_words(text):
    assert find(text) == []


def test_the_service_is_an_institution():
    [f] = find("barnevernstjenesten søker fosterhjem")[:1]
    assert f.detail.startswith("institution")
