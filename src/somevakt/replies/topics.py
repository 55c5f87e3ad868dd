"""What a comment is about, as a fixed label that a reply may name.

Replies acknowledge the topic ("takk for spørsmålet om brøyting") without ever quoting the
comment: the label comes from this table, never from the comment's text. Patterns run on the
folded text (lower case, æ/ae -> a, ø/oe -> o, å/aa -> a; see analysis.normalize).
"""

from __future__ import annotations

import re

from somevakt.analysis.normalize import Folded, fold
from somevakt.analysis.triage_signals import PatternGate

# (pattern on folded text, bokmål label, nynorsk label); the first match wins.
_TOPICS: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(p), nb, nn)
    for p, nb, nn in (
        (
            r"\b(?:broyt\w*|snomak\w*|strod\w*|sandstro\w*|glatt\w*|snoen|snoe)",
            "brøyting",
            "brøyting",
        ),
        (r"\bbibliotek\w*", "biblioteket", "biblioteket"),
        (r"\b(?:barnehage\w*|bhg)\b", "barnehage", "barnehage"),
        (r"\b(?:sfo|skolefritidsordning\w*|aks)\b", "SFO", "SFO"),
        (r"\b(?:skole\w*|skule\w*|elev\w*|laerer\w*|larar\w*)", "skole", "skule"),
        (
            r"\b(?:renovasjon\w*|soppel\w*|avfall\w*|tomming\w*|kildesort\w*|gjenvinning\w*|dunk\w*)",
            "renovasjon og avfall",
            "renovasjon og avfall",
        ),
        (
            r"\b(?:vann\w*|vatn\w*|avlop\w*|kloakk\w*|vannmaler\w*)",
            "vann og avløp",
            "vatn og avløp",
        ),
        (
            r"\b(?:bygges\w*|byggjes\w*|reguler\w*|tomt\w*|dispensasjon\w*)",
            "byggesaker",
            "byggjesaker",
        ),
        (
            r"\b(?:helsestasjon\w*|vaksin\w*|jordmor\w*|legevakt\w*|fastleg\w*)",
            "helsetjenester",
            "helsetenester",
        ),
        (
            r"\b(?:hjemmetjenest\w*|heimeteneste\w*|sykehjem\w*|sjukeheim\w*|omsorgssenter\w*)",
            "pleie og omsorg",
            "pleie og omsorg",
        ),
        (
            r"\b(?:svommehall\w*|basseng\w*|idrett\w*|idrotts\w*|ballbinge\w*|turstig\w*|lysloype\w*)",
            "idrett og fritid",
            "idrett og fritid",
        ),
        (
            r"\b(?:vei\w*|veg\w*|fortau\w*|gatelys\w*|gang- og sykkel\w*|asfalt\w*|hull i)",
            "veier",
            "vegar",
        ),
        (r"\b(?:buss\w*|skoleskyss\w*|skuleskyss\w*|skyss\w*)", "skyss", "skyss"),
        (
            r"\b(?:arrangement\w*|konsert\w*|julegate\w*|17\. mai|festival\w*|marked\w*)",
            "arrangementet",
            "arrangementet",
        ),
        (r"\b(?:apningstid\w*|opningstid\w*|servicetorg\w*)", "åpningstider", "opningstider"),
    )
)

# Words that make link_website point to the organisation page rather than the budget page.
_ORGANISATION_RE = re.compile(
    r"\b(?:organis\w*|omorganis\w*|ansatte|tilsette|enhet\w*|eining\w*|avdeling\w*|"
    r"leder\w*|leiar\w*|kommunalsjef\w*|arsverk\w*|stilling\w*|organisasjonskart\w*)"
)


# All topics in one pass: group i is topic i; the lowest index among the matches wins.
_ANY_TOPIC_RE = re.compile(
    "|".join(f"(?P<t{i}>{p.pattern})" for i, (p, _, _) in enumerate(_TOPICS))
)
# Where a topic word can begin, from one scan: most texts name no topic, and the pattern
# then runs nowhere (see PatternGate; the matches are those of _ANY_TOPIC_RE.finditer).
_TOPIC_GATE = PatternGate({"topic": _ANY_TOPIC_RE})


def topic_of(text: str, lang: str, *, folded: Folded | None = None) -> str | None:
    """A fixed label for the comment's subject in the reply's language, or None.

    ``folded``: ``fold(text)`` if the caller already has it."""
    best: int | None = None
    ft = folded.text if folded is not None else fold(text).text
    for m in _TOPIC_GATE.scan(ft).finditer(1):
        i = int(m.lastgroup[1:]) if m.lastgroup else len(_TOPICS)
        best = i if best is None else min(best, i)
        if best == 0:
            break
    if best is None or best >= len(_TOPICS):
        return None
    _, nb, nn = _TOPICS[best]
    return nn if lang == "nn" else nb


def is_about_organisation(text: str, *, folded: Folded | None = None) -> bool:
    ft = folded.text if folded is not None else fold(text).text
    return bool(_ORGANISATION_RE.search(ft))
