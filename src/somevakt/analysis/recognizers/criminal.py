"""Criminal matters (GDPR art. 10): charged, convicted, reported, drink-driving, prison.

Lexicon: ``lexicons/straffesak.txt`` (format and flags in recognizers/lexicon.py). Findings are not
sensitive here; linking.py decides whether they are tied to a person.
"""

from __future__ import annotations

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.lexicon import load_lexicon
from somevakt.analysis.types import STRAFFESAK, Finding

FILES = (("straffesak", 0.85),)


class CriminalMatterRecognizer:
    name = "criminal"

    def __init__(self) -> None:
        self._lexicon = load_lexicon(*FILES)

    def find(self, ctx: TextContext) -> list[Finding]:
        return self._lexicon.find(ctx, STRAFFESAK)
