"""Norwegian bank account numbers (kontonummer), validated with python-stdnum.

Eleven digits with a mod-11 check digit. About 9% of random eleven-digit strings pass that
check, so a number is only reported when it is written the way accounts are written
(``1234.56.78903``, ``1234 56 78903``: 4-2-5 with one consistent separator) or, as eleven
bare digits, when an account or payment word stands close by ("kontonummer", "kto",
"betal", "overføre", ...).

Every valid fødselsnummer also passes the account checksum; eleven bare digits that are a
valid fødselsnummer are left to the fødselsnummer recognizer (an identity number is the
graver finding). Accounts the policy lists as the municipality's or an organisation's own
(``ctx.exempt_accounts``) are still reported, with ``sensitive=False`` and
``detail="exempt"``, so the evidence stays but nothing is masked.
"""

from __future__ import annotations

import re

from stdnum.no import fodselsnummer as fnr
from stdnum.no import kontonr

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.digit_run import (
    AFTER_LAST_DIGIT,
    FIRST_DIGIT,
    has_four_digits,
)
from somevakt.analysis.types import KONTONUMMER, Finding

# Numbers standing alone (see digit_run); no nested quantifiers (linear time).
_FORMATTED = re.compile(
    rf"({FIRST_DIGIT}\d{{3}})([ .\-\u00a0])(\d{{2}})\2(\d{{5}}){AFTER_LAST_DIGIT}"
)
_BARE = re.compile(rf"{FIRST_DIGIT}\d{{10}}{AFTER_LAST_DIGIT}")
# Matched on the folded text (ø -> o), so "overføre" is "overfore". Bare "overfor" is left
# out: it is also the everyday preposition ("overfor skolen").
_CONTEXT = re.compile(
    r"(?<![^\W_])(?:(?:bank)?konto\w{0,12}|kontonr|kto|betal\w{0,12}|innbetal\w{0,12}"
    r"|tilbakebetal\w{0,12}|utbetal\w{0,12}|overfor(?:e|er|es|t|te|ing)\w{0,6}|refusjon\w{0,4}"
    r"|iban|bankkort|vipps)"
)
# An invoice, KID, customer or order number is not an account: a label like this right
# before the number ("Faktura nr 31796825688", "KID: 31796825688", "fakturanummeret mitt er
# 31796825688") or right after it ("31796825688 er fakturanummeret", "bruk 31796825688 som
# KID") rules it out. Every repetition is bounded.
_LABEL = (
    r"(?:faktura\w{0,8}|kid\w{0,8}|kunde\w{0,8}|ordre\w{0,8}|bestilling\w{0,8}"
    r"|referanse\w{0,4}|ref|saks\w{0,8}|polise\w{0,6}|mal(?:er)?nummer|forsendelse\w{0,6})"
)
_OTHER_NUMBER = re.compile(
    rf"(?<![^\W_]){_LABEL}\W{{0,3}}(?:n(?:umme)?r\w{{0,3}}|no)?"
    r"(?:\W{1,3}(?:er|mitt|min|vart|var|lyder|blir|pa)){0,2}\W{0,3}$"
)
_OTHER_NUMBER_AFTER = re.compile(
    r"[\s(:=]{0,3}(?:(?:er|var|blir|som)\s{1,3})?(?:(?:et|en|ein|eit|mitt|min|vart|var)\s+)?"
    rf"{_LABEL}(?![^\W_])"
)
_WINDOW = 40  # characters either side of a bare number searched for a context word


def _has_account_word(ftext: str, start: int, end: int) -> bool:
    """Whether an account or payment word stands within _WINDOW characters of text[start:end]."""
    return bool(
        _CONTEXT.search(ftext, max(0, start - _WINDOW), start)
        or _CONTEXT.search(ftext, end, end + _WINDOW)
    )


class KontonummerRecognizer:
    name = "kontonummer"

    def find(self, ctx: TextContext) -> list[Finding]:
        ftext = ctx.folded.text
        if not has_four_digits(ftext):
            return []  # both patterns start with four digits
        found: list[Finding] = []
        taken: set[int] = set()
        for m in _FORMATTED.finditer(ftext):
            digits = m.group(1) + m.group(3) + m.group(4)
            if kontonr.is_valid(digits):
                found.append(self._finding(ctx, m.start(), m.end(), digits))
                taken.add(m.start())
        for m in _BARE.finditer(ftext):
            digits = m.group()
            # Every condition must hold, so their order is free: the context word comes
            # first because most bare numbers have none, and it is cheaper than the checksums.
            if m.start() in taken or not _has_account_word(ftext, m.start(), m.end()):
                continue
            if not kontonr.is_valid(digits) or fnr.is_valid(digits):
                continue
            if _OTHER_NUMBER.search(ftext, max(0, m.start() - 40), m.start()):
                continue
            if _OTHER_NUMBER_AFTER.match(ftext, m.end(), m.end() + 30):
                continue
            found.append(self._finding(ctx, m.start(), m.end(), digits))
        return found

    @staticmethod
    def _finding(ctx: TextContext, fs: int, fe: int, digits: str) -> Finding:
        start, end = ctx.folded.span(fs, fe)
        exempt = digits in ctx.exempt_accounts
        return Finding(
            KONTONUMMER,
            start,
            end,
            ctx.text[start:end],
            1.0,
            sensitive=not exempt,
            detail="exempt" if exempt else None,
        )
