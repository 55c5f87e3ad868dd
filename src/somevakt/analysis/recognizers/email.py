"""E-mail addresses: personal data, but not sensitive by themselves.

One linear regular expression: the local part and each domain label have bounded lengths,
the number of labels is bounded, and a match can only start where a local part starts.
"""

from __future__ import annotations

import re

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.types import EPOST, Finding

_EMAIL = re.compile(
    r"(?<![\w.+\-])[\w.+\-]{1,64}@[^\W_](?:[\w\-]{0,62}[^\W_])?"
    r"(?:\.[^\W_](?:[\w\-]{0,62}[^\W_])?){0,8}\.[^\W\d_]{2,24}(?![\w\-]|\.\w)"
)


class EmailRecognizer:
    name = "email"

    def find(self, ctx: TextContext) -> list[Finding]:
        if "@" not in ctx.text:
            return []
        return [
            Finding(EPOST, m.start(), m.end(), m.group(), 0.95, sensitive=False)
            for m in _EMAIL.finditer(ctx.text)
        ]
