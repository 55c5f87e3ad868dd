"""Telephone numbers (Norwegian and international): personal data, not sensitive by themselves.

The ``phonenumbers`` library (Google's libphonenumber) decides what is a valid number, with
Norway as the default region, so "+46 70 123 45 67" and "0047 912 34 567" are found as well
as "912 34 567". Its matcher is comparatively slow, so it only sees short candidate stretches
that a cheap regex picked out: a run of at least eight digits with at most a few separators
between them. Texts without such a run (most comments) never reach the library. Amounts
("kr 45 000 000", "45 000 000 kroner") are skipped; identity and account numbers are not
valid phone numbers (eleven digits), and the engine's overlap resolution prefers those.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.types import TELEFON, Finding

# A candidate: optional "+" or "00", then 8 to 15 digits with single separators between
# them. Every repetition is bounded, and separators and digits are disjoint (linear time).
_CANDIDATE = re.compile(r"(?<![\w+])(?:\+|\(\+?)?\d(?:[ .\-\u00a0/()]{0,2}\d){7,15}(?![\d])")
_AMOUNT_BEFORE = re.compile(r"(?:kr|nok|kroner|,-|\$|€)\.?\s*$", re.IGNORECASE)
_AMOUNT_AFTER = re.compile(r"^\s*(?:kr|nok|kroner|,-|mill|millioner|tusen|euro)", re.IGNORECASE)
_REGION = "NO"
_GROUPS = re.compile(r"\d+")


class PhoneRecognizer:
    name = "phone"

    def find(self, ctx: TextContext) -> list[Finding]:
        text = ctx.text
        found: list[Finding] = []
        for cand in _CANDIDATE.finditer(text):
            start = cand.start()
            # Single digits between separators ("1.2.3.4.5") are never a phone format; this
            # also keeps long runs of noise away from the comparatively slow matcher.
            if sum(len(g) == 1 for g in _GROUPS.findall(cand.group())) > 2:
                continue
            if _AMOUNT_BEFORE.search(text, max(0, start - 8), start) or _AMOUNT_AFTER.match(
                text[cand.end() : cand.end() + 12]
            ):
                continue
            for m in PhoneNumberMatcher(cand.group(), _REGION, leniency=Leniency.VALID):
                s, e = start + m.start, start + m.end
                region = phonenumbers.region_code_for_number(m.number) or "?"
                found.append(Finding(TELEFON, s, e, text[s:e], 0.9, sensitive=False, detail=region))
        return found
