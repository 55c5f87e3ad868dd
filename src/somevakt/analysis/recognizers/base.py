"""The recognizer contract: one small class per detector."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

from somevakt.analysis.normalize import Folded, fold
from somevakt.analysis.types import Finding


@dataclass
class TextContext:
    """What recognizers see: the original text and derived forms, computed once."""

    text: str
    lang: str = "unknown"
    # Account numbers that belong to the municipality or known organisations (from the policy).
    exempt_accounts: frozenset[str] = field(default_factory=frozenset)
    # Derived forms shared between recognizers (e.g. the word index lexicons look up).
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def folded(self) -> Folded:
        return fold(self.text)


class Recognizer(Protocol):
    """Finds spans of one or a few finding types in a text."""

    name: str

    def find(self, ctx: TextContext) -> list[Finding]: ...
