import random
import re

import pytest

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.lexicon import word_index
from somevakt.analysis.recognizers.person_reference import (
    _GENITIVE_TAIL,
    _LITTLE_NAME,
    _NAME_IN_CLASS,
    _POSSESSIVE,
    PersonReferenceRecognizer,
    _alt,
    _patterns,
    _word_lists,
)
from somevakt.analysis.types import PERSONREFERANSE
from tests.analysis.recognizers.support import count_alike_matches, match_list, random_texts


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


# Pieces of the edge cases of the patterns' bounds: every kind of separator (underscore is a
# word character to ``\w`` but not to ``[^\W_]``), digits, capitals, folded letters, a
# non-ASCII digit and a zero-width space.
_EDGE_PARTS = [" ", " ", " ", "  ", "\n", "\u00a0", "\u0663", "\u200b", *"-_.,3bsxåØÆ"]


def _pattern_parts(words: list[str], n: int = 40, seed: int = 1) -> list[str]:
    """A sample of ``words`` (each also capitalised and inside a longer word) and the
    patterns' own small words, mixed with the edge cases."""
    rng = random.Random(seed)
    sample = rng.sample(sorted(set(words)), min(n, len(set(words))))
    small = "som nye eldste i pa på til klasse trinn Kari Karis Lille vesle".split()
    small += [" i ", " på ", " pa ", " i 3b", " i 5. klasse", "7 trinn"]
    spaces = [" "] * (len(sample) + len(small))  # most parts are words between spaces
    capitalised = [w.capitalize() for w in sample[:10]]
    return sample + capitalised + ["x" + sample[0]] + small + spaces + _EDGE_PARTS


_DESCRIBED_WORDS = (
    "han hun ho hen den en ein noen mannen jenta bor jobbar eier nye yngste klassen laget "
    "min mi sonen far"
)


def _anchored_cases() -> list[tuple[str, list[str]]]:
    w = _word_lists()
    poss = _POSSESSIVE.split()
    return [
        ("kinship", w["kinship"] + w["standalone"] + poss),
        ("role", w["role"] + w["unique_role"] + w["kinship"][:20] + poss),
        ("described", [*_DESCRIBED_WORDS.split(), "han som ", "ein i ", "laget til "]),
        ("pupil", "eleven gutten guten jenta jentungen ungen".split()),
    ]


@pytest.mark.parametrize("name, words", _anchored_cases())
def test_anchored_patterns_find_what_a_search_of_the_whole_text_finds(name, words):
    # Each is tried only at the whole words its matches may start with (``Anchored``): it
    # must find exactly what ``finditer`` finds, trying every position.
    anchored = getattr(_patterns(), name)
    found = count_alike_matches(
        lambda ctx: anchored.finditer(ctx.folded.text, word_index(ctx).forms),
        anchored.pattern,
        random_texts(_pattern_parts(words), n=20000, most_parts=10),
    )
    assert found > 30  # the texts do exercise the pattern


def test_mention_pattern_equals_the_lookbehind_first_formulation():
    # The pattern checks its left bound after the "@", for speed.
    plain = re.compile(
        r"(?<![\w.+\-@])@[^\W\d_](?:[\w.\-]{0,38}[^\W_])?(?:[ \u00a0][A-ZÆØÅ][\w\-]{0,29}){0,2}"
    )
    parts = ["@", "@@", "kari", "Kari", "Nordmann", ".", "+", "-", "_", " ", "\u00a0", "3", "é"]
    for text in random_texts(parts):
        assert match_list(_patterns().mention, text) == match_list(plain, text), text


@pytest.mark.parametrize(
    "name, words",
    [
        ("child", ["lille", "Lille", "vesle", "Vesle", "lisle", "alle", "Emma", "Han", "på", "i"]),
        ("genitive", ["Karis ", "Hvis ", "Ola", "s", "mann", "sønn", "døtre", "far", "Mor"]),
    ],
)
def test_quick_tests_pass_wherever_the_original_text_patterns_match(name, words):
    pattern = getattr(_patterns(), name)
    found = 0
    for text in random_texts(_pattern_parts(words), n=20000, most_parts=8):
        if pattern.search(text):
            found += 1
            if name == "child":
                assert _LITTLE_NAME.search(text) or _NAME_IN_CLASS.search(text), text
            else:
                assert _GENITIVE_TAIL.search(text), text
    assert found > 30  # the texts do exercise the pattern
