import pytest

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.social_services import SocialServicesRecognizer
from somevakt.analysis.types import SOSIALTJENESTE


def find(text: str):
    return SocialServicesRecognizer().find(TextContext(text))


@pytest.mark.parametrize(
    "text, span",
    [
        ("får sosialhjelp fra NAV", "sosialhjelp"),
        ("faar sosialhjelp", "sosialhjelp"),
        ("går på AAP", "AAP"),
        ("fikk arbeidsavklaringspenger", "arbeidsavklaringspenger"),
        ("han er uføretrygdet", "uføretrygdet"),
        ("uforetrygd siden 2019", "uforetrygd"),
        ("ho er ufør", "ufør"),
        ("søkt om bostøtte", "bostøtte"),
        ("han går på NAV", "går på NAV"),
        ("lever på trygd", "på trygd"),
        ("får økonomisk sosialhjelp", "økonomisk sosialhjelp"),
        ("i kvalifiseringsprogrammet", "kvalifiseringsprogrammet"),
    ],
)
def test_finds_social_service_terms(text, span):
    [f] = [f for f in find(text) if f.text == span]
    assert f.type == SOSIALTJENESTE and not f.sensitive


@pytest.mark.parametrize(
    "text",
    [
        "Har søkt om startlån",  # a housing loan: an individual case, not a social service
        "aap app er nede",  # lower-case "aap" is not the benefit
        "Kommunen er i et uføre",  # "i uføre" (in a fix), not disability benefit
        "Navnet på skolen",
        "det er trygt å gå her",
    ],
)
def test_rejects_lookalikes(text):
    assert find(text) == []


def test_nav_office_is_an_institution():
    [f] = find("NAV-kontoret har nye åpningstider")
    assert f.text == "NAV-kontoret" and f.detail.startswith("institution")


@pytest.mark.parametrize(
    "text, span",
    [
        ("går på sosialjhelp", "sosialjhelp"),  # letters swapped
        ("eg har uføretrgyd", "uføretrgyd"),
        ("ho lever av sosialhjelpa", "sosialhjelpa"),
    ],
)
def test_finds_typos_and_inflections(text, span):
    [f] = find(text)
    assert f.text == span and f.type == SOSIALTJENESTE


def test_crisis_centre_is_an_institution():
    [f] = find("Krisesenteret trenger frivillige")
    assert f.detail == "institution:krisesenter"
