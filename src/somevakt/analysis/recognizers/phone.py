"""Telephone numbers (Norwegian and international): personal data, not sensitive by themselves.

The ``phonenumbers`` library (Google's libphonenumber) decides what is a valid number, with
Norway as the default region, so "+46 70 123 45 67" and "0047 912 34 567" are found as well
as "912 34 567". Its matcher is comparatively slow, so it only sees short candidate stretches
that a cheap regex picked out: a run of at least eight digits with at most a few separators
between them. Texts without such a run (most comments) never reach the library, and neither
do candidates in which no number can be valid (see ``_may_hold_valid_number``). Amounts
("kr 45 000 000", "45 000 000 kroner") are skipped; identity and account numbers are not
valid phone numbers (eleven digits), and the engine's overlap resolution prefers those.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers
from phonenumbers import Leniency, PhoneMetadata, PhoneNumberMatcher

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.types import TELEFON, Finding

# A candidate: optional "+", "(" or "(+", then 8 to 16 digits with one or two separators
# between them. Every repetition is bounded, and separators and digits are disjoint (linear time).
_CANDIDATE = re.compile(r"(?<![\w+])(?:\+|\(\+?)?\d(?:[ .\-\u00a0/()]{0,2}\d){7,15}(?![\d])")
# A digit and at least seven more digits or separators. It starts with a character class,
# which the regex engine scans for quickly; _CANDIDATE starts with a lookbehind, which it
# tries at every position (about ten times slower on ordinary text).
_STRETCH = re.compile(r"\d[\d .\-\u00a0/()]{7,}")
_AMOUNT_BEFORE = re.compile(r"(?:kr|nok|kroner|,-|\$|€)\.?\s*$", re.IGNORECASE)
_AMOUNT_AFTER = re.compile(r"^\s*(?:kr|nok|kroner|,-|mill|millioner|tusen|euro)", re.IGNORECASE)
_REGION = "NO"
_GROUPS = re.compile(r"\d+")


def _number_digits_pattern(region: str) -> re.Pattern[str]:
    """The digit strings that ``parse(s, region)`` can turn into a valid number when ``s``
    has no "+": the region's international prefix followed by anything, or a national
    number of the region's country code (shared by several regions: 47 is Norway and
    Svalbard), written with or without that code.

    Built from the library's own metadata, so it follows library updates. Every valid
    number matches its region's general pattern (``is_valid_number`` checks that first).
    Regions with a national prefix ("0" in Sweden) would need it added here.
    """
    metadata = PhoneMetadata.metadata_for_region(region)
    if (
        metadata is None
        or metadata.international_prefix is None
        or metadata.national_prefix_for_parsing is not None
    ):
        raise ValueError(f"{region}: needs an international prefix and no national prefix")
    code = phonenumbers.country_code_for_region(region)
    national = "|".join(
        f"(?:{m.general_desc.national_number_pattern})"
        for r in phonenumbers.COUNTRY_CODE_TO_REGION_CODE[code]
        if (m := PhoneMetadata.metadata_for_region(r)) is not None
        and m.general_desc is not None
    )
    return re.compile(rf"(?:{metadata.international_prefix})\d*|(?:{code})?(?:{national})")


_NUMBER_DIGITS = _number_digits_pattern(_REGION)


def _may_hold_valid_number(candidate: str, groups: list[str]) -> bool:
    """False only when the matcher cannot find a valid number in the candidate.

    The matcher tries the whole candidate and parts of it cut at separators ("/", "(",
    " - ", ".", spaces), so the digits of any number it finds are consecutive whole digit
    groups of the candidate. Without a "+" those digits must fit ``_NUMBER_DIGITS``. A "+"
    or non-ASCII digits (which the library normalises) always go to the library.
    """
    if "+" in candidate or not "".join(groups).isascii():
        return True
    for first in range(len(groups)):
        digits = ""
        for group in groups[first:]:
            digits += group
            if _NUMBER_DIGITS.fullmatch(digits):
                return True
    return False


def _candidates(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_CANDIDATE`` in the text, searched for only around stretches.

    A candidate is at most two lead characters ("+", "(", "(+") and then digits and
    separators, so it lies within a stretch and the two characters before it. The search
    starts there (the lookbehind still sees the text before) and ends with the stretch,
    where neither a digit nor a separator follows, so the candidates are the same.
    """
    for stretch in _STRETCH.finditer(text):
        yield from _CANDIDATE.finditer(text, max(0, stretch.start() - 2), stretch.end())


class PhoneRecognizer:
    name = "phone"

    def find(self, ctx: TextContext) -> list[Finding]:
        text = ctx.text
        found: list[Finding] = []
        for cand in _candidates(text):
            start = cand.start()
            groups = _GROUPS.findall(cand.group())
            # Single digits between separators ("1.2.3.4.5") are never a phone format; this
            # also keeps long runs of noise away from the comparatively slow matcher.
            if sum(len(g) == 1 for g in groups) > 2:
                continue
            if not _may_hold_valid_number(cand.group(), groups):
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
