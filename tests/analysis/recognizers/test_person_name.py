"""Person names: the shipped NorNE model plus the social-media rules."""

import pytest

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.person_name import (
    MODEL_DIR,
    PersonNameRecognizer,
    model_available,
)
from somevakt.analysis.types import PERSON
from tests.analysis.recognizers.support import words_of


@pytest.fixture(scope="module")
def rec() -> PersonNameRecognizer:
    assert model_available(), f"the person-name model is missing from {MODEL_DIR}"
    return PersonNameRecognizer()


def names(rec: PersonNameRecognizer, text: str) -> list[str]:
    found = rec.find(TextContext(text))
    assert all(f.type == PERSON and not f.sensitive for f in found)
    assert all(text[f.start : f.end] == f.text for f in found)
    return [f.text for f in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kari Nordmann var ikke på møtet i går.", "Kari Nordmann"),
        ("Jeg snakket med Ola Hansen om saken.", "Ola Hansen"),
        ("Hilsen Torbjørg", "Torbjørg"),
        ("Eg har snakka med Sigrid Haugland om dette.", "Sigrid Haugland"),
    ],
)
def test_names_in_sentences(rec: PersonNameRecognizer, text: str, expected: str) -> None:
    assert expected in names(rec, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lille sofie har vært syk lenge", "sofie"),
        ("send det til kari så ordner hun det", "kari"),
        ("hilsen ola", "ola"),
        ("hilsen per", "per"),
        ("mvh Kjersti", "Kjersti"),
    ],
)
def test_lower_case_first_names_after_cues(
    rec: PersonNameRecognizer, text: str, expected: str
) -> None:
    assert expected in names(rec, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hei bjoern, takk for sist", "bjoern"),
        ("Hilsen Kaare", "Kaare"),
        ("Synnoeve og jeg kommer på møtet.", "Synnoeve"),
    ],
)
def test_names_without_norwegian_letters(
    rec: PersonNameRecognizer, text: str, expected: str
) -> None:
    assert any(expected in n for n in names(rec, text))


def test_first_name_alone_in_lower_case_text(rec: PersonNameRecognizer) -> None:
    assert "kari" in names(rec, "kari har ikke fått svar fra dere enda")


@pytest.mark.parametrize(
    "text",
    [
        "Birkenes kommune har nye åpningstider.",
        "Kommunen stenger biblioteket på fredag.",
        "Vi kjørte fra Birkeland til Engesland og videre til Vegusdal.",
        "Det er kø mellom Lillesand og Kristiansand i dag.",
        "Mandag og Tirsdag er svømmehallen stengt.",
        "Ordføreren svarte ikke på spørsmålet.",
        "Læreren og rektoren var enige.",
        "Takk for info!",
        "Hei! Når åpner Birkenes bibliotek igjen etter jul?",
        "Møtet er flyttet til januar.",
        "og hans kone kom med andre gjester",
        "12.05 kl 14:00 :-)",
    ],
)
def test_no_person_in(rec: PersonNameRecognizer, text: str) -> None:
    assert names(rec, text) == []


def test_mentions_are_left_to_the_person_reference_recognizer(
    rec: PersonNameRecognizer,
) -> None:
    assert names(rec, "@kari_nordmann kan du svare på dette?") == []


def _could_be_name(rec: PersonNameRecognizer, text: str) -> bool:
    from somevakt.analysis.recognizers.person_name import _scan

    scan = _scan(text)
    return rec._could_be_name(scan, rec.lexicon.kinds(scan.words))


def test_text_without_a_candidate_skips_the_model(rec: PersonNameRecognizer) -> None:
    assert not _could_be_name(rec, "takk for at dere svarer så raskt")
    assert not _could_be_name(rec, "123 456 789")
    assert _could_be_name(rec, "Takk til Kari")
    assert _could_be_name(rec, "takk til kari")


def test_batch_gives_the_same_findings_as_one_by_one(rec: PersonNameRecognizer) -> None:
    texts = [
        "Kari Nordmann var ikke på møtet i går.",
        "Takk for info!",
        "hilsen ola",
        "",
        "Vi kjørte fra Birkeland til Engesland.",
    ]
    ctxs = [TextContext(t) for t in texts]
    assert rec.find_many(ctxs) == [rec.find(c) for c in ctxs]


def test_without_the_model_the_rules_still_work() -> None:
    rules_only = PersonNameRecognizer(use_model=False)
    found = rules_only.find(TextContext("lille sofie har feber"))
    assert [f.text for f in found] == ["sofie"]


def test_analyzer_batch_path_matches_one_by_one() -> None:
    from somevakt.analysis.engine import Analyzer

    analyzer = Analyzer()
    texts = [
        "Kari Nordmann har fått kreft.",
        "Vi kjørte fra Birkeland til Engesland.",
        "lille sofie har autisme",
        "",
        "Ring meg på 412 34 567, hilsen Ola",
    ]
    batch = analyzer.analyze_many(texts)
    assert [a.to_dict() for a in batch] == [analyzer.analyze(t).to_dict() for t in texts]
    assert any(f.type == PERSON for f in batch[0].findings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jeg snakket med naboen Gunnhild i går.", "Gunnhild"),
        ("Det blir ikke noe av, sier Haugland.", "Haugland"),
        ("Gulsum (28) satt som forstenet.", "Gulsum"),
    ],
)
def test_context_rules(rec: PersonNameRecognizer, text: str, expected: str) -> None:
    assert expected in names(rec, text)
    # The rules alone find these too, without the model.
    assert expected in names(PersonNameRecognizer(use_model=False), text)


def test_no_single_letters_or_plain_words(rec: PersonNameRecognizer) -> None:
    found = names(rec, "Vi har en plan B hvis det regner, sa matmor Berit Hårklau.")
    assert "B" not in found
    assert "Berit Hårklau" in found


def _with_model_says(text: str, word: str, label: str) -> list[str]:
    """Findings when the model labels `word` with `label` (the rules on top, model faked)."""

    rules = PersonNameRecognizer(use_model=False)
    start = text.index(word)
    found = rules._combine(TextContext(text), words_of(text), [(start, start + len(word), label)])
    return [f.text for f in found]


@pytest.mark.parametrize(
    ("text", "word", "label", "expected"),
    [
        # The speaker of a quote, or a name after a title, whatever the model took it for.
        ("Det kostar for mykje, seier Brekkvoll.", "Brekkvoll", "ORG", "Brekkvoll"),
        ("Dette må vi sjå på, meiner Hugvik.", "Hugvik", "LOC", "Hugvik"),
        ("Spørsmålet er til representanten Vaksvik:", "Vaksvik", "ORG", "Vaksvik"),
        # A patronymic surname the model took for a title or a place.
        ("I dag er Tor Holger Pettersen kritisk.", "Tor Holger Pettersen", "MISC", None),
        ("Saken handler om dommer Gjertsen.", "Gjertsen", "MISC", "Gjertsen"),
        # A known first name and more capitalised words.
        ("Venninnen Kari Fjellvang er uenig.", "Kari Fjellvang", "LOC", None),
    ],
)
def test_context_overrides_the_models_other_labels(
    text: str, word: str, label: str, expected: str | None
) -> None:
    assert (expected or word) in _with_model_says(text, word, label)


@pytest.mark.parametrize(
    ("text", "word", "label"),
    [
        ("Dette er for dårlig, skriv Fjordposten.", "Fjordposten", "ORG"),  # a newspaper
        ("Vi må gjøre mer, sier KrF-leder Knut Arild Hareide.", "KrF-leder", "ORG"),  # a role
        ("Hvorfor det, spør Venstres Trine Skei.", "Venstres", "ORG"),  # a genitive
        ("I år får Hordaland mer penger.", "Hordaland", "LOC"),  # "får" is not "far"
        ("Han fikk Nobelprisen i fjor.", "Nobelprisen", "MISC"),  # a noun, not a surname
        ("Firmaet Jebsen har flyttet.", "Jebsen", "ORG"),  # a firm stays a firm
        ("Vi gikk langs Karl Johan i går.", "Karl Johan", "LOC"),  # a street
    ],
)
def test_context_does_not_override_everything(text: str, word: str, label: str) -> None:
    assert word not in _with_model_says(text, word, label)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Han tar Metformin hver dag.", "Metformin"),
        ("Ritalin hjelper ikke.", "Ritalin"),
        ("Hun har fått Ritalin Zentiva.", "Ritalin"),
    ],
)
def test_a_health_term_taken_for_a_name_is_dropped(text: str, word: str) -> None:
    assert _with_model_says(text, word, "PER") == []


def test_a_health_term_after_a_clear_name_cue_stays_a_name() -> None:
    assert _with_model_says("Hilsen Ritalin", "Ritalin", "PER") == ["Ritalin"]
    assert _with_model_says("Vi snakket med doktor Metformin.", "Metformin", "PER") == ["Metformin"]


def test_a_nouns_definite_form_is_not_a_surname() -> None:
    # "-sen" is a patronymic ending, but "Sluttprisen" is "sluttpris" in the definite form.
    assert _with_model_says("Sluttprisen ble høyere enn ventet.", "Sluttprisen", "PER") == []


def test_a_first_name_that_is_also_a_word_before_a_verb(rec: PersonNameRecognizer) -> None:
    assert "Per" in names(rec, "Per er naboen min. Han er syk.")
    assert "Finn" in names(rec, "Finn har fått sparken.")
    assert "Per" not in names(rec, "Per time koster det 500 kroner.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jeg kjenner Lars Aasen AAP har han fått i flere år.", ["Lars Aasen"]),
        ("Kari Olsen NAV sa nei til meg", ["Kari Olsen"]),
    ],
)
def test_acronym_after_a_name_is_not_part_of_it(
    rec: PersonNameRecognizer, text: str, expected: list[str]
) -> None:
    assert names(rec, text) == expected


def test_name_and_social_service_both_survive_the_analysis() -> None:
    from somevakt.analysis.engine import Analyzer

    found = Analyzer().analyze("Jeg kjenner Lars Aasen AAP har han fått i flere år.").findings
    assert {(f.type, f.text) for f in found} >= {
        ("PERSON", "Lars Aasen"),
        ("SOSIALTJENESTE", "AAP"),
    }


def test_capitalised_kinship_word_is_a_person_reference_not_a_name() -> None:
    from somevakt.analysis.engine import Analyzer

    text = "spør Filip på biblioteket, hun vet Bestefar fikk brystkreft i fjor"
    found = {(f.type, f.text) for f in Analyzer().analyze(text).findings}
    assert ("PERSONREFERANSE", "Bestefar") in found
    assert ("PERSON", "Bestefar") not in found
    assert ("PERSON", "Filip") in found


# -- judging a text from its words as strings ---------------------------------------------


def _words_by_regex(text: str) -> list[tuple[int, int, str, bool, bool]]:
    """The words as the rules define them: _WORD's matches; a word is initial when it starts
    the text or a sentence break lies between it and the word before, and a mention when "@"
    or "#" comes right before it."""
    from somevakt.analysis.recognizers.person_name import _SENTENCE_BREAK, _WORD

    out: list[tuple[int, int, str, bool, bool]] = []
    prev_end = 0
    for m in _WORD.finditer(text):
        initial = not out or bool(_SENTENCE_BREAK.search(text[prev_end : m.start()]))
        mention = m.start() > 0 and text[m.start() - 1] in "@#"
        out.append((m.start(), m.end(), m.group(), initial, mention))
        prev_end = m.end()
    return out


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Hei @ola. Takk #kari,ring 12 per…Kari-Anne",
        "  to  spaces\nand a line break; then: more! ok? yes",
        "@@ola a@b x.@y #tag ##x",
        "emoji 😀 then Kari, arrows → Per",
        "a-b-c d'e f’g -h i- j--k 123abc_def",
        "Ⅻ² ½ numbers that are letters to \\w",
    ],
)
def test_scan_finds_the_words_of_the_word_pattern(text: str) -> None:

    words = [(w.start, w.end, w.text, w.initial, w.mention) for w in words_of(text)]
    assert words == _words_by_regex(text)


def test_scan_marks_sentence_starts_and_mentions() -> None:
    from somevakt.analysis.recognizers.person_name import _scan

    scan = _scan("Hei @ola. Takk #kari,ring 12 per")
    assert scan.words == ["Hei", "ola", "Takk", "kari", "ring", "per"]
    assert [w.start for w in words_of(scan.text)] == [0, 5, 10, 16, 21, 29]
    assert scan.initial == [True, False, True, False, False, False]
    assert scan.mention == [False, True, False, True, False, False]
    assert _scan("123 !").words == []


def test_word_kinds(rec: PersonNameRecognizer) -> None:
    from somevakt.analysis.recognizers import person_name as pn

    lex = rec.lexicon
    assert lex.kind("Kari") & pn._CAPITALISED and lex.kind("Kari") & pn._FIRST_NAME
    assert not lex.kind("kari") & pn._CAPITALISED and lex.kind("kari") & pn._FIRST_NAME
    assert lex.kind("per") & pn._COMMON
    assert lex.kind("NAV") & pn._ACRONYM_SHAPE and lex.kind("NAV") & pn._BLOCKED
    assert lex.kind("Bertelsen") & pn._PATRONYMIC_SHAPE
    assert not lex.kind("bertelsen") & pn._PATRONYMIC_SHAPE
    assert lex.kind("hilsen") & pn._STRONG_CUE and lex.kind("hilsen") & pn._CUE_BEFORE_NAME
    assert lex.kind("sier") & pn._CUE_BEFORE_NAME and not lex.kind("sier") & pn._STRONG_CUE
    assert lex.kind("Hansen") & pn._NAME_TOKEN
    assert lex.kind("Skolen") & pn._LOOKS_COMMON
    assert not lex.kind("skolen") & pn._LOOKS_COMMON  # only asked of capitalised words
    words = ["Kari", "og", "Per", "Kari"]
    assert lex.kinds(words) == [lex.kind(w) for w in words]


def test_located_words_carry_their_offsets_and_forms() -> None:
    text = "Hei Åse-Marie, takk!"
    ws = words_of(text)
    assert [(w.start, w.end, w.text, w.folded) for w in ws] == [
        (0, 3, "Hei", "hei"),
        (4, 13, "Åse-Marie", "ase-marie"),
        (15, 19, "takk", "takk"),
    ]
    assert all(text[w.start : w.end] == w.text for w in ws)


def test_word_kind_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from somevakt.analysis.recognizers import person_name as pn

    monkeypatch.setattr(pn, "_KIND_CACHE_SIZE", 3)
    lex = pn._Lexicon(frozenset({"kari"}), frozenset(), frozenset(), 0)
    words = ["a", "b", "c", "d", "Kari", "e"]
    assert lex.kinds(words) == [lex.kind(w) for w in words]
    assert len(lex._kinds) <= 3


def _may_find(rec: PersonNameRecognizer, text: str) -> bool:
    from somevakt.analysis.recognizers.person_name import _scan

    scan = _scan(text)
    return rec._rules_may_find(scan, rec.lexicon.kinds(scan.words))


@pytest.mark.parametrize(
    "text",
    [
        "hilsen per",  # a first name that is a common word, after a strong cue
        "til kari",  # a first name in lower case
        "Takk til Kari",  # a capitalised first name
        "naboen Gunnhild kom",  # after a title
        "Det blir ikke noe av, sier Haugland.",  # after a reporting verb
        "Gulsum (28) satt som forstenet.",  # before an age
        "Vi møtte Bertelsen",  # a patronymic
        "Vi møtte Stoltenberg",  # a known surname
    ],
)
def test_rules_may_find_where_a_rule_has_a_word_to_start_from(
    rec: PersonNameRecognizer, text: str
) -> None:
    assert _may_find(rec, text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "takk for at dere svarer så raskt",
        "Det var fint. Oslo er fint",
        "med per i dag",  # "per" as a word, not after a strong cue
        "@Kari hei",  # a mention
        "NAV svarer ikke",  # an acronym, a blocked word
    ],
)
def test_rules_may_not_find_without_a_word_to_start_from(
    rec: PersonNameRecognizer, text: str
) -> None:

    assert not _may_find(rec, text)
    assert rec._combine(TextContext(text), words_of(text), []) == []


def test_rules_find_nothing_where_they_have_no_word_to_start_from(
    rec: PersonNameRecognizer,
) -> None:
    # The shortcut in find_many: on comments of the benchmark corpus, every text judged
    # without a starting word gets no findings from the full rules either.
    from benchmarks.corpus import generate


    judged = 0
    for comment in generate(400):
        if not _may_find(rec, comment.text):
            judged += 1
            assert rec._combine(TextContext(comment.text), words_of(comment.text), []) == []
    assert judged > 100
