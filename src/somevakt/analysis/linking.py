"""Decide when a topic (health, child welfare, NAV, crime, special category) is personal.

A health word alone ("helsestasjonen har nye åpningstider") is not sensitive. It becomes
sensitive when the same sentence ties it to an identifiable person: the writer ("jeg har
MS"), a kinship or role phrase ("sønnen min", "naboen"), a name or an @mention.
"""

from __future__ import annotations

import re

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.types import PERSON_ANCHOR_TYPES, TOPIC_TYPES, Finding

# First person in bokmål, nynorsk and dialect; matched on the lower-cased original text.
_FIRST_PERSON = re.compile(
    r"(?<![\w@])(jeg|eg|æ|meg|mæ|min|mitt|mine|vi|oss|vår|våre|vaar|vaare)(?![\w])"
)
_SENTENCE_END = re.compile(r"[.!?\n]+\s")


def _sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((pos, m.end()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


def link_sensitive(ctx: TextContext, findings: list[Finding]) -> None:
    """Mark topic findings (and the person they are tied to) sensitive, in place."""
    topics = [f for f in findings if f.type in TOPIC_TYPES]
    if not topics:
        return
    anchors = [f for f in findings if f.type in PERSON_ANCHOR_TYPES]
    for start, end in _sentences(ctx.text):
        in_sentence = [t for t in topics if start <= t.start < end]
        if not in_sentence:
            continue
        sentence_anchors = [a for a in anchors if start <= a.start < end]
        personal = bool(sentence_anchors) or _has_first_person(ctx, start, end)
        if personal:
            for t in in_sentence:
                t.sensitive = True
            for a in sentence_anchors:
                a.sensitive = True


def _has_first_person(ctx: TextContext, start: int, end: int) -> bool:
    # Placeholder rule refined by the person-reference work; kept strict to avoid false hits.
    return bool(_FIRST_PERSON.search(ctx.text[start:end].lower()))
