"""Health information (GDPR art. 9): diagnoses, conditions, medication, treatment,
pregnancy, disability, substance abuse.

Two lexicons, matched in this order: ``health_lay.txt`` (hand-written lay terms and their
flags: "ADHD-diagnosen", "kreftsyk", "MS" only in capitals) and ``health_normedterm.txt``
(built from NorMedTerm by ``scripts/build_health_lexicon.py``; credit: NorMedTerm, Language
Technology Group, University of Oslo, CC BY 4.0). Services such as "helsestasjonen" are
flagged ``institution``. Findings are not sensitive here; linking.py decides whether they
are tied to a person.
"""

from __future__ import annotations

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.lexicon import load_lexicon
from somevakt.analysis.types import HELSE, Finding

# Lay terms are the common, unambiguous ones: a higher score than the clinical long tail.
FILES = (("health_lay", 0.9), ("health_normedterm", 0.7))


class HealthRecognizer:
    name = "health"

    def __init__(self) -> None:
        self._lexicon = load_lexicon(*FILES)

    def find(self, ctx: TextContext) -> list[Finding]:
        return self._lexicon.find(ctx, HELSE)
