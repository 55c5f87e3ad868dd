"""The bounds of a number that stands alone in text, shared by the identity-number and
account-number patterns.

A number must not continue a digit run, nor follow or precede ".", "," or "-" joined to more
digits ("5.15038643670", "15038643670,5"): then it is part of another number.
"""

# The number's first digit, with the left bound checked after it: a pattern that starts with
# a digit class is scanned for quickly by the regex engine, while a leading lookbehind is tried
# at every position of the text.
FIRST_DIGIT = r"\d(?<![\d.,\-]\d)"
# After the number's last digit.
AFTER_LAST_DIGIT = r"(?![\d]|[.,\-]\d)"
