"""Long hostile inputs (digits, spaces, dots, hyphens, repeated words) at two sizes.

No timing asserts: every pattern is bounded (see the modules); this runs them over such
input so a catastrophic pattern would hang the suite, and checks the results scale.
"""

import sys

import pytest

from somevakt.analysis.engine import resolve_overlaps
from somevakt.analysis.linking import link_sensitive
from somevakt.analysis.recognizers import person_name
from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.child_welfare import ChildWelfareRecognizer
from somevakt.analysis.recognizers.criminal import CriminalMatterRecognizer
from somevakt.analysis.recognizers.email import EmailRecognizer
from somevakt.analysis.recognizers.fodselsnummer import FodselsnummerRecognizer
from somevakt.analysis.recognizers.health import HealthRecognizer
from somevakt.analysis.recognizers.kontonummer import KontonummerRecognizer
from somevakt.analysis.recognizers.person_name import PersonNameRecognizer
from somevakt.analysis.recognizers.person_reference import PersonReferenceRecognizer
from somevakt.analysis.recognizers.phone import PhoneRecognizer
from somevakt.analysis.recognizers.social_services import SocialServicesRecognizer
from somevakt.analysis.recognizers.special_category import SpecialCategoryRecognizer
from tests.analysis.recognizers.support import words_of

RECOGNIZERS = [
    FodselsnummerRecognizer(),
    KontonummerRecognizer(),
    PhoneRecognizer(),
    EmailRecognizer(),
    PersonReferenceRecognizer(),
    HealthRecognizer(),
    ChildWelfareRecognizer(),
    SocialServicesRecognizer(),
    CriminalMatterRecognizer(),
    SpecialCategoryRecognizer(),
]

PIECES = {
    "digits": "1234567890",
    "digits and spaces": "1 2 3 4 5 6 7 8 9 0 ",
    "digits and dots": "1.2.3.4.",
    "long digit groups": "9123 4567 ",
    "hyphens": "adhd-a-",
    "at signs": "a.a@a.a.",
    "one long word": "a",
    "repeated words": "far min har diabetes og går på NAV. ",
    "at signs before a topic": "@@@@@@@@ kreft er en ",
    "descriptions": "han som bor en i klassen til ",
    "groups and thanks": "mange eldre har takk til de ",
    "typos": "diabtes sosialjhelp barnevrenet ",
    "invoice labels": "12345678903 er fakturanummeret betal ",
}


def run(text: str) -> int:
    ctx = TextContext(text)
    findings = resolve_overlaps([f for r in RECOGNIZERS for f in r.find(ctx)])
    link_sensitive(ctx, findings)
    return len(findings)


@pytest.mark.parametrize("name", PIECES)
def test_hostile_input_scales_linearly(name):
    piece = PIECES[name]
    repeats = 20_000 // len(piece)
    small = run(piece * repeats)
    large = run(piece * (10 * repeats))
    # Ten times the input gives ten times the findings (or none at all).
    assert large == pytest.approx(10 * small, abs=2)


def test_repeated_sentences_are_all_found_and_linked():
    ctx_text = "far min har diabetes og går på NAV. " * 1000
    assert run(ctx_text) == 3000


# -- person names ------------------------------------------------------------------------
#
# The person-name rules once compared every candidate word with every span found before it
# (and listed the words of a span by scanning the whole text): a 100,000-character comment
# of repeated names took a minute. Wall-clock limits would be flaky on a busy machine, so
# these count the lines of person_name.py executed (a trace hook, comprehension steps
# included) at two sizes: four times the text must cost about four times the lines, where a
# quadratic rule costs sixteen times.

NAME_PIECES = {
    "first name and surname": "Kari Nordmann ",
    "first names and a cue": "Per og Pål ",
    "names after titles and quotes": "«Nei», sier Vaksdal. Naboen Tveit og Hansen kom. ",
    "patronymics in lower-case text": "tor holger Bertelsen møtte Karlsson og ",
}


def _lines_executed(run) -> int:
    """Lines of person_name.py executed by run()."""
    target = person_name.__file__
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def hook(frame, event, arg):
        return local if frame.f_code.co_filename == target else None

    previous = sys.gettrace()
    sys.settrace(hook)
    try:
        run()
    finally:
        sys.settrace(previous)
    return count


def _model_says(text: str, piece_spans: list[tuple[int, int, str]], piece: str):
    """The entities a model would give for `piece` repeated in `text` (faked, so that the
    count does not depend on what the model makes of hostile text)."""
    return [
        (k + s, k + e, label)
        for k in range(0, len(text) - len(piece) + 1, len(piece))
        for s, e, label in piece_spans
    ]


@pytest.mark.parametrize("name", NAME_PIECES)
def test_person_name_rules_scale_linearly(name):
    rules = PersonNameRecognizer(use_model=False)
    assert rules.lexicon.first_names  # read the word lists before counting
    piece = NAME_PIECES[name]

    def lines(repeats: int) -> tuple[int, int]:
        text = piece * repeats
        found: list = []
        count = _lines_executed(lambda: found.extend(rules.find(TextContext(text))))
        return count, len(found)

    small, n_small = lines(100)
    large, n_large = lines(400)
    assert n_large == pytest.approx(4 * n_small, abs=4)
    assert large < 6 * small, (small, large)


# What a model might say about the pieces: names as persons, places and organisations, and
# a surname with first names taken for a title (MISC), which sends the patronymic rule back
# over the first names.
MODEL_PIECES = {
    "persons": ("Kari Nordmann og Per ", [(0, 13, "PER"), (17, 20, "PER")]),
    "places after a quote": ("«Nei», sier Vaksdal. ", [(12, 19, "LOC")]),
    "first name and surname as a place": ("Noreen Walsh kom. ", [(0, 12, "LOC")]),
    "patronymic as a title": ("Tor Holger Bertelsen og ", [(0, 20, "MISC")]),
}


@pytest.mark.parametrize("name", MODEL_PIECES)
def test_person_name_rules_over_model_entities_scale_linearly(name):
    rules = PersonNameRecognizer(use_model=False)
    assert rules.lexicon.first_names  # read the word lists before counting
    piece, spans = MODEL_PIECES[name]

    def lines(repeats: int) -> tuple[int, int]:
        text = piece * repeats
        ctx, ws, ents = TextContext(text), words_of(text), _model_says(text, spans, piece)
        found: list = []
        count = _lines_executed(lambda: found.extend(rules._combine(ctx, ws, ents)))
        return count, len(found)

    small, n_small = lines(100)
    large, n_large = lines(400)
    assert n_large == pytest.approx(4 * n_small, abs=4)
    assert large < 6 * small, (small, large)


def test_person_name_one_long_entity_of_surnames_is_linear():
    """Many patronymic surnames inside one entity the model took for a title: each reaches
    back over the names before it, which must not mean reading them all again."""
    rules = PersonNameRecognizer(use_model=False)
    assert rules.lexicon.first_names  # read the word lists before counting

    def lines(repeats: int) -> int:
        text = "Tor " + "Bertelsen Karlsson Hansen " * repeats
        ctx, ws = TextContext(text), words_of(text)
        ents = [(0, len(text) - 1, "MISC")]
        return _lines_executed(lambda: rules._combine(ctx, ws, ents))

    small, large = lines(100), lines(400)
    assert large < 6 * small, (small, large)
