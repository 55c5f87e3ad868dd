"""One module per detector. ``default_recognizers`` lists them in the order they run."""

from __future__ import annotations

from somevakt.analysis.recognizers.base import Recognizer, TextContext
from somevakt.analysis.recognizers.fodselsnummer import FodselsnummerRecognizer


def default_recognizers() -> list[Recognizer]:
    # Identity numbers first: every valid fødselsnummer also passes the account checksum.
    return [FodselsnummerRecognizer()]


__all__ = ["Recognizer", "TextContext", "default_recognizers"]
