"""Social services and NAV: NAV, AAP, social assistance, disability benefit, housing allowance.

Lexicon: ``lexicons/sosialtjeneste.txt`` (format and flags in recognizers/lexicon.py). Findings are not
sensitive here; linking.py decides whether they are tied to a person.
"""

from __future__ import annotations

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.lexicon import load_lexicon
from somevakt.analysis.types import SOSIALTJENESTE, Finding

FILES = (("sosialtjeneste", 0.85),)


class SocialServicesRecognizer:
    name = "social_services"

    def __init__(self) -> None:
        self._lexicon = load_lexicon(*FILES)

    def find(self, ctx: TextContext) -> list[Finding]:
        return self._lexicon.find(ctx, SOSIALTJENESTE)
