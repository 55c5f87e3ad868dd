"""Special categories (GDPR art. 9): ethnicity, religion, sexual orientation, union membership.

Lexicon: ``lexicons/saerlig_kategori.txt`` (format and flags in recognizers/lexicon.py). Findings are not
sensitive here; linking.py decides whether they are tied to a person.
"""

from __future__ import annotations

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.lexicon import load_lexicon
from somevakt.analysis.types import SAERLIG_KATEGORI, Finding

FILES = (("saerlig_kategori", 0.85),)


class SpecialCategoryRecognizer:
    name = "special_category"

    def __init__(self) -> None:
        self._lexicon = load_lexicon(*FILES)

    def find(self, ctx: TextContext) -> list[Finding]:
        return self._lexicon.find(ctx, SAERLIG_KATEGORI)
