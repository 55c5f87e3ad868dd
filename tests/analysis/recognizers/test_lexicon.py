"""The shared lexicon matcher: typo tolerance and the trie-built alternations."""

import re
from collections.abc import Iterator

import pytest

from somevakt.analysis.recognizers import default_recognizers, lexicon
from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.health import FILES as HEALTH_FILES
from somevakt.analysis.recognizers.lexicon import (
    Lexicon,
    _File,
    _forms,
    _one_typo,
    _test_word,
    _triggers,
    _typo_candidates,
    alternation,
    base_forms,
    load_lexicon,
    word_index,
)
from tests.analysis.recognizers.support import count_alike_matches, random_texts


@pytest.mark.parametrize(
    "word, key",
    [
        ("diabtes", "diabetes"),  # neighbours swapped
        ("abotr", "abort"),  # swapped at the end of a short entry
        ("asstma", "astma"),  # a doubled letter
        ("sosialhjlp", "sosialhjelp"),  # a dropped letter in a long entry
        ("barnevernn", "barnevern"),  # a doubled last letter
        ("depresjin", "depresjon"),  # a replaced letter in a long entry
    ],
)
def test_one_typo(word, key):
    assert _one_typo(word, key)


@pytest.mark.parametrize(
    "word, key",
    [
        ("iabetes", "diabetes"),  # the first letter is never part of a typo
        ("artist", "autist"),  # short entries take no replaced letter
        ("utviklingshemmede", "utviklingshemmet"),  # another ending, not a typo
        ("diabetesen", "diabetes"),  # two letters more
        ("diabetes", "diabetes"),  # no typo at all
        ("angsten", "angst"),
    ],
)
def test_not_one_typo(word, key):
    assert not _one_typo(word, key)


def test_alternation_matches_the_same_words_longest_first():
    words = ["rus", "rusen", "ruset", "kreft", "tatt for vold", "tatt for tyveri", "tatt"]
    rx = re.compile(rf"(?:{alternation(words)})$")
    for w in words:
        assert rx.match(w.replace(" ", "  ")), w  # a space stands for any whitespace
    assert not rx.match("ruse") and not rx.match("tatt for")
    assert re.match(alternation(["rus", "rusen"]), "rusen").group() == "rusen"


def test_typo_matches_keep_offsets_in_the_original_text():
    text = "Mora mi 👵 har fått diabtes igjen"
    [f] = load_lexicon(*HEALTH_FILES).find(TextContext(text), "HELSE")
    assert text[f.start : f.end] == "diabtes" and f.detail == "term:diabetes"


def test_typo_matching_is_deterministic_across_calls():
    lex = load_lexicon(*HEALTH_FILES)
    first = lex.find(TextContext("han har diabtes og asstma"), "HELSE")
    again = lex.find(TextContext("han har diabtes og asstma"), "HELSE")
    assert [(f.start, f.detail) for f in first] == [(f.start, f.detail) for f in again]
    assert [f.detail for f in first] == ["term:diabetes", "term:astma"]


def test_word_index_holds_each_word_and_its_base_forms():
    forms = word_index(TextContext("Insulinen og ADHD-medisiner")).forms
    assert {"insulinen", "insulin", "og", "adhd", "medisiner", "medisin"} <= forms
    assert "insuli" not in forms and "adhd-medisiner" not in forms


def test_occurrences_are_the_words_that_are_or_inflect_a_form_in_text_order():
    index = word_index(TextContext("Rus, rusen og russ; narkorus og rus-problem"))
    assert index.occurrences("rus") == [(0, 3, False), (5, 10, True), (32, 35, False)]
    assert index.occurrences("russ") == [(14, 18, False)]
    assert index.occurrences("ruse") == []  # "rusen" is "rus" inflected, not "ruse"


@pytest.mark.parametrize(
    "text",
    ["Sønnen min har diabetes, diabetesen er ille", "ADHD-diagnosen — adhd_adhd adhd2 adhd"],
)
def test_occurrences_of_every_form_are_the_words_that_have_it(text):
    index = word_index(TextContext(text))
    for form in index.forms:
        expected = [
            (m.start(), m.end(), m.group() != form)
            for m in re.finditer(r"[^\W_]+", index.text)
            if m.group() == form or form in base_forms(m.group())
        ]
        assert index.occurrences(form) == expected, form


def test_occurrences_never_start_inside_a_word():
    index = word_index(TextContext("narkorus narkorusen"))
    assert index.occurrences("rus") == []
    assert index.occurrences("narkorus") == [(0, 8, False), (9, 19, True)]


def test_triggers_note_typos_and_possible_compounds_per_lexicon():
    lex = load_lexicon(*HEALTH_FILES)
    trig = _triggers(TextContext("han har diabtes og lungekreft"))[lex]
    assert trig.typos == [("diabtes", "diabetes")]
    assert trig.compound_end  # "lungekreft" ends with the tail entry "kreft"


def test_triggers_leave_out_lexicons_nothing_in_the_text_can_match():
    lex = load_lexicon(*HEALTH_FILES)
    assert lex not in _triggers(TextContext("hei og takk for sist"))
    assert lex.find(TextContext("hei og takk for sist"), "HELSE") == []


def test_numbers_have_no_base_forms():
    assert base_forms("150386") == () and base_forms("12345678901") == ()
    assert "insulin" in base_forms("insulinen")  # a word still has its own


def test_typo_candidates_share_a_delete_one_variant_with_the_word():
    health = load_lexicon(*HEALTH_FILES)
    assert "diabetes" in _typo_candidates("diabtes")[health]
    assert "astma" in _typo_candidates("asstma")[health]
    # Too short, too long, or not made of letters: never a typo, so no candidates at all.
    for word in ("diab", "d" + "iabetes" * 7, "diab3tes", "4945", "150386"):
        assert _typo_candidates(word) == {}, word


@pytest.mark.parametrize(
    "word",
    ["diabtes", "asstma", "sosialhjlp", "barnevernn", "depresjin", "barnevenret", "kreftt",
     "avkastning", "diabetes", "hjemmet", "skjaevesland", "gundersen", "fiskeboller"],
)
def test_typos_from_the_shared_index_are_those_of_each_lexicon_alone(word):
    default_recognizers()  # every lexicon loaded
    found = {t.lexicon: t.typo_of for t in _test_word(word) if t.typo_of}
    for lex in lexicon._TESTED_LEXICONS:
        # By brute force: the alphabetically first typo-matchable entry one typo away.
        keys = sorted({key for keys in lex._fuzzy.values() for key in keys})
        expected = ""
        if word not in lex.single and word not in lex._nofuzzy and word.isalpha():
            expected = next((k for k in keys if _one_typo(word, k)), "")
        assert found.get(lex, "") == expected, (word, expected)


def test_numbers_are_tested_only_by_lexicons_with_a_numeric_compound_part(monkeypatch):
    # Fresh registries, so that the lexicons made here do not outlive the test.
    for name, value in (
        ("_ENTRY_FORMS", {}),
        ("_TESTED_LEXICONS", []),
        ("_NUMBER_TESTED_LEXICONS", []),
        ("_TYPO_VARIANTS", {}),
        ("_TESTED_WORDS", set()),
        ("_WORD_TESTS", {}),
    ):
        monkeypatch.setattr(lexicon, name, value)
    files = {
        "words": _File([("kreft", "kreft", frozenset({"prefix", "tail"}))], ["syk"], True, []),
        "numbers": _File([("112", "112", frozenset({"prefix"}))], ["sentral"], False, []),
    }
    monkeypatch.setattr(lexicon, "_read", files.__getitem__)
    words = Lexicon((("words", 0.9),))
    assert not words.tests_numbers
    assert lexicon._test_word("4945") == ()
    numbers = Lexicon((("numbers", 0.9),))
    assert numbers.tests_numbers
    assert [t.lexicon for t in lexicon._test_word("112")] == [numbers]
    assert lexicon._test_word("4945") == ()
    assert "112" not in lexicon._WORD_TESTS  # numbers are not cached
    [test] = lexicon._test_word("lungekreft")
    assert test.lexicon is words and test.compound_end and "lungekreft" in lexicon._WORD_TESTS


_TOPIC_RECOGNIZERS = ["health", "child_welfare", "social_services", "criminal", "special_category"]


@pytest.mark.parametrize("name", _TOPIC_RECOGNIZERS)
def test_multi_word_matches_tried_at_first_words_are_those_of_the_whole_text(name):
    [lex] = [r._lexicon for r in default_recognizers() if r.name == name]
    assert lex._multi_anchored is not None and lex._multi_re is not None
    entries = sorted(lex.multi)[:20]
    words = sorted({w for key in entries for w in key.split()})
    parts = [*entries, *(e + "en" for e in entries[:5]), *words, " ", " ", "  ", "\n", "-", "x"]
    found = count_alike_matches(
        lambda ctx: lex._multi_matches(ctx.folded.text, word_index(ctx).forms),
        lex._multi_re,
        random_texts(parts, n=5000, most_parts=10),
    )
    assert found > 10  # the texts do exercise the pattern


def test_multi_word_regex_searches_the_whole_text_when_an_entry_starts_otherwise(monkeypatch):
    files = {"signs": _File([("(hiv) positiv", "(hiv) positiv", frozenset())], [], False, [])}
    monkeypatch.setattr(lexicon, "_ENTRY_FORMS", {})
    monkeypatch.setattr(lexicon, "_read", files.__getitem__)
    signs = Lexicon((("signs", 0.9),))
    assert signs._multi_anchored is None
    [f] = signs.find(TextContext("han er (hiv) positiv"), "HELSE")
    assert f.text == "(hiv) positiv"


@pytest.mark.parametrize("name", ["health", "social_services", "child_welfare", "special_category"])
def test_compounds_tried_at_words_with_a_prefix_are_those_of_the_whole_text(name):
    [lex] = [r._lexicon for r in default_recognizers() if r.name == name]
    assert lex._prefix_re is not None and lex._prefix_anchored
    prefixes = sorted(lex._prefix_tuple)[:15]
    heads = ["syk", "sjuk", "problem", "diagnose", "sak", "soknad", "mottaker", "barn", "medlem"]
    parts = [*prefixes, *heads, "s", "e", "ene", " ", " ", "-", "x"]

    def fast(ctx: TextContext) -> Iterator[re.Match[str]]:
        starting = [w for w in word_index(ctx).forms if w.startswith(lex._prefix_tuple)]
        return lex._prefix_matches(ctx.folded.text, starting)

    found = count_alike_matches(fast, lex._prefix_re, random_texts(parts, n=5000, most_parts=8))
    assert found > 10  # the texts do exercise the pattern


def test_compounds_are_searched_in_the_whole_text_when_a_prefix_is_not_a_word(monkeypatch):
    files = {"signs": _File([("hiv+", "hiv+", frozenset({"prefix"}))], ["syk"], False, [])}
    for name, value in (
        ("_ENTRY_FORMS", {}),
        ("_TESTED_LEXICONS", []),
        ("_TESTED_WORDS", set()),
        ("_WORD_TESTS", {}),
    ):
        monkeypatch.setattr(lexicon, name, value)
    monkeypatch.setattr(lexicon, "_read", files.__getitem__)
    signs = Lexicon((("signs", 0.9),))
    assert not signs._prefix_anchored
    assert signs._prefix_re is not None
    assert [m.group() for m in signs._prefix_matches("han er hiv+syk", [])] == ["hiv+syk"]


def test_forms_of_a_word_are_the_word_and_its_base_forms():
    assert _forms("insulinen") == ("insulinen", *base_forms("insulinen"))
    assert "insulin" in _forms("insulinen")
    assert _forms("150386") == ("150386",) and _forms("x" * 41) == ("x" * 41,)


def test_triggers_note_the_entries_and_phrases_a_text_may_hold_per_lexicon():
    lex = load_lexicon(*HEALTH_FILES)
    trig = _triggers(TextContext("han har diabetesen"))[lex]
    assert "diabetes" in trig.keys and not trig.typos
    gate = next(  # a multi-word entry's gate word
        w for w, hits in lexicon._ENTRY_FORMS.items() for lx, _, is_gate in hits
        if lx is lex and is_gate
    )
    assert _triggers(TextContext(f"ja {gate} ja"))[lex].multi
