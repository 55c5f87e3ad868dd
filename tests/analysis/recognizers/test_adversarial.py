"""Long hostile inputs (digits, spaces, dots, hyphens, repeated words) at two sizes.

No timing asserts: every pattern is bounded (see the modules); this runs them over such
input so a catastrophic pattern would hang the suite, and checks the results scale.
"""

import pytest

from somevakt.analysis.engine import resolve_overlaps
from somevakt.analysis.linking import link_sensitive
from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.child_welfare import ChildWelfareRecognizer
from somevakt.analysis.recognizers.criminal import CriminalMatterRecognizer
from somevakt.analysis.recognizers.email import EmailRecognizer
from somevakt.analysis.recognizers.fodselsnummer import FodselsnummerRecognizer
from somevakt.analysis.recognizers.health import HealthRecognizer
from somevakt.analysis.recognizers.kontonummer import KontonummerRecognizer
from somevakt.analysis.recognizers.person_reference import PersonReferenceRecognizer
from somevakt.analysis.recognizers.phone import PhoneRecognizer
from somevakt.analysis.recognizers.social_services import SocialServicesRecognizer
from somevakt.analysis.recognizers.special_category import SpecialCategoryRecognizer

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
