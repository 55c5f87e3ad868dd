import pytest

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.criminal import CriminalMatterRecognizer
from somevakt.analysis.types import STRAFFESAK


def find(text: str):
    return CriminalMatterRecognizer().find(TextContext(text))


@pytest.mark.parametrize(
    "text, span",
    [
        ("han er tiltalt for vold", "tiltalt"),
        ("ble dømt i fjor", "dømt"),
        ("vart domt i tingretten", "domt"),
        ("har blitt anmeldt", "anmeldt"),
        ("siktet for underslag", "siktet"),
        ("promillekjøring igjen", "promillekjøring"),
        ("sitter i fengsel", "fengsel"),
        ("er på soning", "soning"),
        ("politiet hentet ham", "politiet hentet"),
        ("politiet henta han i går", "politiet henta"),
        ("fikk bot for det", "fikk bot"),
    ],
)
def test_finds_criminal_matters(text, span):
    [f] = [f for f in find(text) if f.text == span]
    assert f.type == STRAFFESAK and not f.sensitive


@pytest.mark.parametrize(
    "text",
    ["Politiet har nytt nummer", "det var innbrudd i garasjen", "boten på kafeen", "dom og dam"],
)
def test_rejects_everyday_words(text):
    assert find(text) == []
