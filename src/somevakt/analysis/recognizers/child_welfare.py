"""Child welfare (barnevern): the service, foster and emergency homes, care orders, measures.

Lexicon: ``lexicons/barnevern.txt`` (format and flags in recognizers/lexicon.py). Findings are not
sensitive here; linking.py decides whether they are tied to a person.
"""

from __future__ import annotations

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.lexicon import load_lexicon
from somevakt.analysis.types import BARNEVERN, Finding

FILES = (("barnevern", 0.85),)


class ChildWelfareRecognizer:
    name = "child_welfare"

    def __init__(self) -> None:
        self._lexicon = load_lexicon(*FILES)

    def find(self, ctx: TextContext) -> list[Finding]:
        return self._lexicon.find(ctx, BARNEVERN)
