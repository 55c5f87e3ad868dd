"""One module per detector. ``default_recognizers`` lists them in the order they run."""

from __future__ import annotations

from somevakt.analysis.recognizers.base import Recognizer, TextContext
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


def default_recognizers() -> list[Recognizer]:
    # Identity numbers first: every valid fødselsnummer also passes the account checksum.
    return [
        FodselsnummerRecognizer(),
        KontonummerRecognizer(),
        PhoneRecognizer(),
        EmailRecognizer(),
        # Anchors: who a topic below is about (linking.py ties them together).
        PersonNameRecognizer(),
        PersonReferenceRecognizer(),
        # Topics: sensitive only when linked to a person.
        HealthRecognizer(),
        ChildWelfareRecognizer(),
        SocialServicesRecognizer(),
        CriminalMatterRecognizer(),
        SpecialCategoryRecognizer(),
    ]


__all__ = ["Recognizer", "TextContext", "default_recognizers"]
