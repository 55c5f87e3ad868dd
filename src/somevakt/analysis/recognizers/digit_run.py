"""The bounds of a number that stands alone in text, shared by the identity-number and
account-number patterns, and the quick test that lets most texts skip those patterns.

A number must not continue a digit run, nor follow or precede ".", "," or "-" joined to more
digits ("5.15038643670", "15038643670,5"): then it is part of another number.
"""

import re

# The number's first digit, with the left bound checked after it: a pattern that starts with
# a digit class is scanned for quickly by the regex engine, while a leading lookbehind is tried
# at every position of the text.
FIRST_DIGIT = r"\d(?<![\d.,\-]\d)"
# After the number's last digit.
AFTER_LAST_DIGIT = r"(?![\d]|[.,\-]\d)"

# Written out: the regex engine searches for this faster than for "\d{4}".
_FOUR_DIGITS = re.compile(r"\d\d\d\d")


def has_four_digits(text: str) -> bool:
    """Whether ``text`` has four digits in a row, as every identity and account number
    pattern starts with (most comments have none). The search costs a fraction of the
    patterns' own, whose first digit is checked by a lookbehind."""
    return _FOUR_DIGITS.search(text) is not None
