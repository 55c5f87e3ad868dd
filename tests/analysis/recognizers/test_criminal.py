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


@pytest.mark.parametrize(
    "text, span",
    [
        ("han ble tatt for tyveri i fjor", "tatt for tyveri"),
        ("har sittet inne for vold", "inne for vold"),
        ("eleven vart utvist for vold", "utvist for vold"),
        ("ho blei tatt i butikktyveri", "tatt i butikktyveri"),
        ("han ble tatt av politiet", "ble tatt av politiet"),
        ("er på fotlenke nå", "på fotlenke"),
        ("han er straffedomt", "straffedomt"),
        ("han ble arrrestert", "arrrestert"),  # a doubled letter
    ],
)
def test_finds_phrases_and_typos(text, span):
    assert span in [f.text for f in find(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Jeg sitter inne og venter på brøytebilen",  # indoors, not in prison
        "Vi ble tatt godt imot",
        "Det var et voldsomt uvær",  # one letter from "voldsdømt"
        "Tiltakene foreligger nå",  # "forelegg"
        "Vi hadde innbrudd i garasjen",  # a victim
    ],
)
def test_rejects_lookalike_phrases(text):
    assert find(text) == []
