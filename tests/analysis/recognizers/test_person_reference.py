import re

import pytest

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.person_reference import (
    PersonReferenceRecognizer,
    _alt,
    _word_lists,
)
from somevakt.analysis.types import PERSONREFERANSE


def find(text: str):
    return PersonReferenceRecognizer().find(TextContext(text))


@pytest.mark.parametrize(
    "text, span, kind",
    [
        ("sønnen min har feber", "sønnen min", "kinship"),
        ("Dottera mi byrja på skulen", "Dottera mi", "kinship"),
        ("far min fikk diabetes", "far min", "kinship"),
        ("mora mi e sjuk", "mora mi", "kinship"),
        ("min mann jobber", "min mann", "kinship"),
        ("Kona mi har D-nummer", "Kona mi", "kinship"),
        ("naboen vår på Mollestad", "naboen vår", "kinship"),
        ("naboen har fått ny bil", "naboen", "kinship"),
        ("sonen vaar er 5", "sonen vaar", "kinship"),  # no æøå
        ("svigermor kommer", "svigermor", "kinship"),
        ("eksen min 🙄", "eksen min", "kinship"),
        ("læreren til datteren min", "læreren til datteren min", "role"),
        ("læreren til 6. klasse på Engesland", "læreren til 6. klasse", "role"),
        ("rektor på Birkeland skole", "rektor på Birkeland", "role"),
        ("er ordføreren syk?", "ordføreren", "role"),
        ("lille Sofie fikk", "lille Sofie", "child"),
        ("Vesle Ola er flink", "Vesle Ola", "child"),
        ("Emma i 3b på Birkeland", "Emma i 3b", "child"),
        ("Jonas i 5. klasse", "Jonas i 5. klasse", "child"),
        ("@Kari Nordmann se her", "@Kari Nordmann", "mention"),
        ("hei @kari.nordmann.", "@kari.nordmann", "mention"),
    ],
)
def test_finds_references_to_one_person(text, span, kind):
    [f] = [f for f in find(text) if f.text == span]
    assert f.type == PERSONREFERANSE and f.detail == kind and not f.sensitive
    assert text[f.start : f.end] == span


@pytest.mark.parametrize(
    "text",
    [
        "Sønnen var syk",  # "var" is the verb, not "vår" (and "sønnen" alone is not enough)
        "mannen var der",
        "mannen i gata",
        "Han i 3b er flink",  # a pronoun, not a name
        "Alle i 5. klasse",
        "kari@example.no",  # an e-mail, not a mention
        "lille venn",  # no capitalised name
        "Foreldre og barn er velkomne",
    ],
)
def test_rejects_generic_phrases(text):
    assert find(text) == []


@pytest.mark.parametrize(
    "text, span, kind",
    [
        ("Besten fikk slag", "Besten", "kinship"),
        ("vi tok vare på far", "far", "kinship"),
        ("stell til mor", "mor", "kinship"),
        ("søskenbarnet mitt har", "søskenbarnet mitt", "kinship"),
        ("ho lillejenta er sjuk", "lillejenta", "kinship"),
        ("Gutten var fikk diabetes", "Gutten var", "kinship"),  # "vår" without "å"
        ("Var dotter har astma", "Var dotter", "kinship"),
        ("Karis mann er syk", "Karis mann", "kinship"),  # a name in the genitive
        ("han som bor ved kirka", "han som bor", "described"),
        ("ho som jobbar på butikken", "ho som jobbar", "described"),
        ("Hun nye på kontoret", "Hun nye", "described"),
        ("den yngste har astma", "den yngste", "described"),
        ("ein i klassen til sonen min", "ein i klassen til sonen min", "described"),
        ("en på laget vårt", "en på laget vårt", "described"),
        ("eleven i 6b ble", "eleven i 6b", "child"),
        ("Jenta i 4. klasse", "Jenta i 4. klasse", "child"),
    ],
)
def test_finds_more_references_to_one_person(text, span, kind):
    [f] = [f for f in find(text) if f.text == span]
    assert f.type == PERSONREFERANSE and f.detail == kind
    assert text[f.start : f.end] == span


@pytest.mark.parametrize(
    "text",
    [
        "han får ikke svar",  # "får" folds to "far"
        "gutten var glad",  # the verb "was"
        "han som sa det",  # no describing verb
        "den nye skolen",
        "Hvis mor kan komme",  # "Hvis" is no genitive (bare "mor" is found on its own)
    ],
)
def test_rejects_more_generic_phrases(text):
    assert [f.text for f in find(text) if f.text != "mor"] == []


@pytest.mark.parametrize("kind", ["kinship", "standalone", "role", "not_a_name"])
def test_word_alternations_match_the_longest_word_first(kind):
    words = _word_lists()[kind]
    rx = re.compile(f"(?:{_alt(words)})")
    for w in words:  # where shorter words are prefixes of w, w itself must win
        assert rx.match(w).group() == w
    assert rx.match("qqq") is None and rx.match("") is None
