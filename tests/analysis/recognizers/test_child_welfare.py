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


@pytest.mark.parametrize(
    "text, span",
    [
        ("skolen har meldt bekymring for oss", "meldt bekymring"),
        ("dei sende bekymring til barnevernet", "sende bekymring"),
        ("ungane vart henta av barnevernet", "henta av barnevernet"),
        ("han er tatt av barnevrenet", "barnevrenet"),  # a typo in an inflected form
    ],
)
def test_finds_reports_and_typos(text, span):
    assert span in [f.text for f in find(text)]


@pytest.mark.parametrize("text", ["Vi er bekymret for trafikken", "Meld fra om hull i vegen"])
def test_worry_without_a_report_is_not_child_welfare(text):
    assert find(text) == []
