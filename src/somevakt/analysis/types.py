"""The records the analysis library produces. Documented in docs/schema.md."""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from somevakt.analysis.normalize import Folded

# Finding types. The id is also the redaction label: "[FØDSELSNUMMER]".
FODSELSNUMMER = "FØDSELSNUMMER"
D_NUMMER = "D-NUMMER"
H_NUMMER = "H-NUMMER"
KONTONUMMER = "KONTONUMMER"
TELEFON = "TELEFON"
EPOST = "E-POST"
PERSON = "PERSON"
PERSONREFERANSE = "PERSONREFERANSE"  # kinship/role phrase: "sønnen min", "naboen"
HELSE = "HELSE"
BARNEVERN = "BARNEVERN"
SOSIALTJENESTE = "SOSIALTJENESTE"  # NAV, sosialhjelp, AAP, ...
STRAFFESAK = "STRAFFESAK"
SAERLIG_KATEGORI = "SÆRLIG_KATEGORI"  # ethnicity, religion, sexual orientation, union

# Topic findings are sensitive only when tied to an identifiable person (the writer included).
TOPIC_TYPES = frozenset({HELSE, BARNEVERN, SOSIALTJENESTE, STRAFFESAK, SAERLIG_KATEGORI})
# Identifiers that are sensitive on their own.
IDENTIFIER_TYPES = frozenset({FODSELSNUMMER, D_NUMMER, H_NUMMER, KONTONUMMER})
# Personal data that is not sensitive by itself, but anchors a topic to a person.
PERSON_ANCHOR_TYPES = frozenset({PERSON, PERSONREFERANSE})


@dataclass(slots=True)
class Finding:
    """One span of interest. start/end are character offsets into the original text."""

    type: str
    start: int
    end: int
    text: str
    score: float
    sensitive: bool = False
    # Free-form detail for evidence and debugging (e.g. the lexicon entry that matched).
    detail: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # Built by hand, in field order (what dataclasses.asdict gave, without its deep
        # copies: every field is a str, int, float, bool or None).
        d: dict[str, Any] = {
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": round(self.score, 3),
            "sensitive": self.sensitive,
        }
        if self.detail is not None:
            d["detail"] = self.detail
        return d


_start = attrgetter("start")  # (a sort key: without a lambda's Python call per finding)


@dataclass(slots=True)
class Analysis:
    """The result of analysing one text."""

    text: str
    lang: str  # "nb" | "nn" | "unknown"
    findings: list[Finding] = field(default_factory=list)
    # fold(text), as the analysis computed it: triage and replies reuse it instead of
    # folding again. Not part of the record (to_dict) or of equality.
    folded: Folded | None = field(default=None, repr=False, compare=False)

    @property
    def sensitive_findings(self) -> list[Finding]:
        return [f for f in self.findings if f.sensitive]

    @property
    def has_sensitive(self) -> bool:
        return any(f.sensitive for f in self.findings)

    @property
    def redacted(self) -> str:
        """The text with each sensitive finding replaced by its type in brackets."""
        spans = [f for f in self.findings if f.sensitive]
        if not spans:  # (most texts)
            return self.text
        spans.sort(key=_start)
        out: list[str] = []
        pos = 0
        for f in spans:
            if f.start < pos:  # overlapping sensitive spans: the first one already covers it
                continue
            out.append(self.text[pos : f.start])
            out.append(f"[{f.type}]")
            pos = f.end
        out.append(self.text[pos:])
        return "".join(out)

    def to_dict(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "findings": [f.to_dict() for f in self.findings],
            "redacted": self.redacted,
        }
