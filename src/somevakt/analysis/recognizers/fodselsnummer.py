"""Norwegian national identity numbers: fødselsnummer, D-nummer and H-nummer.

Eleven digits, optionally split after the six-digit date by a space, dot or dash. Only
numbers whose two check digits validate (python-stdnum) are reported, so invoice, KID,
customer and phone numbers are not. A D-nummer adds 4 to the first digit of the day,
an H-nummer adds 4 to the first digit of the month.
"""

from __future__ import annotations

import re

from stdnum.no import fodselsnummer as fnr

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.digit_run import (
    AFTER_LAST_DIGIT,
    FIRST_DIGIT,
    has_four_digits,
)
from somevakt.analysis.types import D_NUMMER, FODSELSNUMMER, H_NUMMER, Finding

# A number standing alone (see digit_run); no nested quantifiers (linear time).
_PATTERN = re.compile(rf"({FIRST_DIGIT}\d{{5}})[ .\-\u00a0]?(\d{{5}}){AFTER_LAST_DIGIT}")


def classify_number(digits: str) -> str | None:
    """Return the finding type for a valid identity number, or None."""
    if len(digits) != 11 or not fnr.is_valid(digits):
        return None
    if int(digits[0]) >= 4:
        return D_NUMMER
    if int(digits[2]) >= 4:
        return H_NUMMER
    return FODSELSNUMMER


class FodselsnummerRecognizer:
    name = "fodselsnummer"

    def find(self, ctx: TextContext) -> list[Finding]:
        if not has_four_digits(ctx.text):
            return []  # the pattern starts with six digits
        found: list[Finding] = []
        for m in _PATTERN.finditer(ctx.text):
            kind = classify_number(m.group(1) + m.group(2))
            if kind is not None:
                found.append(Finding(kind, m.start(), m.end(), m.group(), 1.0, sensitive=True))
        return found
