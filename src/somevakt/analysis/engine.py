"""Run the recognizers over a text and decide which findings are sensitive."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import pairwise

from somevakt.analysis.language import detect_language
from somevakt.analysis.linking import link_sensitive
from somevakt.analysis.recognizers import Recognizer, TextContext, default_recognizers
from somevakt.analysis.types import (
    D_NUMMER,
    FODSELSNUMMER,
    H_NUMMER,
    KONTONUMMER,
    TOPIC_TYPES,
    Analysis,
    Finding,
)


class Analyzer:
    """Holds the recognizers (loaded once) and analyses texts one at a time."""

    def __init__(
        self,
        recognizers: Sequence[Recognizer] | None = None,
        exempt_accounts: Iterable[str] = (),
    ) -> None:
        self.recognizers = list(recognizers) if recognizers is not None else default_recognizers()
        self.exempt_accounts = frozenset(exempt_accounts)

    def analyze(self, text: str, lang: str | None = None) -> Analysis:
        detected = lang if lang in ("nb", "nn") else detect_language(text)
        ctx = TextContext(text=text, lang=detected, exempt_accounts=self.exempt_accounts)
        findings: list[Finding] = []
        for recognizer in self.recognizers:
            findings.extend(recognizer.find(ctx))
        findings = resolve_overlaps(findings)
        link_sensitive(ctx, findings)
        return Analysis(text=text, lang=detected, findings=findings, folded=ctx.folded)

    def analyze_many(
        self, texts: Sequence[str], langs: Sequence[str | None] | None = None
    ) -> list[Analysis]:
        """Analyse many texts, same results as ``analyze`` on each. Recognizers that have a
        ``find_many(ctxs)`` method (the person-name model) see the texts in one batch."""
        lang_list = list(langs) if langs is not None else [None] * len(texts)
        ctxs = [
            TextContext(
                text=t,
                lang=lg if lg in ("nb", "nn") else detect_language(t),
                exempt_accounts=self.exempt_accounts,
            )
            for t, lg in zip(texts, lang_list, strict=True)
        ]
        found: list[list[Finding]] = [[] for _ in ctxs]
        for recognizer in self.recognizers:
            find_many = getattr(recognizer, "find_many", None)
            results = find_many(ctxs) if find_many else [recognizer.find(c) for c in ctxs]
            for acc, res in zip(found, results, strict=True):
                acc.extend(res)
        out = []
        for ctx, findings in zip(ctxs, found, strict=True):
            findings = resolve_overlaps(findings)
            link_sensitive(ctx, findings)
            out.append(
                Analysis(text=ctx.text, lang=ctx.lang, findings=findings, folded=ctx.folded)
            )
        return out


# Identity numbers beat an account they overlap (every valid fødselsnummer also passes the
# account checksum), which beats anything else. A sensitive topic (health, child welfare,
# social services, criminal matters, special categories) beats the remaining types, names
# and person references above all: a "name" that is a drug or a diagnosis ("Ritalin",
# "Metformin") is far more likely the drug, and losing the topic would lose what makes the
# text sensitive. Not a service or an institution ("legevakta" in "legen på legevakta"): the
# person reference around it says more. Then the longer span; then the score.
_TYPE_PRIORITY = {FODSELSNUMMER: 3, D_NUMMER: 3, H_NUMMER: 3, KONTONUMMER: 2}
_TOPIC_PRIORITY = 1


def _rank(f: Finding) -> tuple[int, int, float]:
    priority = _TYPE_PRIORITY.get(f.type, 0)
    if f.type in TOPIC_TYPES and not (f.detail or "").startswith("institution"):
        priority = _TOPIC_PRIORITY
    return (priority, f.end - f.start, f.score)


def resolve_overlaps(findings: list[Finding]) -> list[Finding]:
    """Drop findings that overlap a better one; return the rest in text order.

    Best first, each finding is kept unless a character of its span is already taken: a
    byte per character, so the work is linear in the spans' lengths, however many findings
    hostile input produces (inserting into a sorted list was quadratic in their number).
    """
    if len(findings) < 2:  # most texts: nothing can overlap, so nothing to rank
        return list(findings)
    in_order = sorted(findings, key=_start)
    if _disjoint(in_order):  # most of the rest: every finding is kept
        return in_order
    ranked = sorted(findings, key=_rank, reverse=True)
    if any(f.end <= f.start for f in ranked):
        return _resolve_with_empty_spans(ranked)
    taken = bytearray(max((f.end for f in ranked), default=0))
    kept: list[Finding] = []
    for f in ranked:
        if taken.find(1, f.start, f.end) != -1:
            continue
        taken[f.start : f.end] = b"\x01" * (f.end - f.start)
        kept.append(f)
    kept.sort(key=_start)  # kept spans are disjoint and not empty: their starts differ
    return kept


def _start(f: Finding) -> int:
    return f.start


def _disjoint(in_order: list[Finding]) -> bool:
    """Whether findings sorted by start have no empty span and none overlaps the next: then
    ``resolve_overlaps`` keeps them all, and in this order (their starts differ)."""
    return all(f.start < f.end for f in in_order) and all(
        a.end <= b.start for a, b in pairwise(in_order)
    )


def _resolve_with_empty_spans(ranked: list[Finding]) -> list[Finding]:
    """``resolve_overlaps`` when a span is empty (an empty kept span takes no character but
    still blocks a span around it): kept spans never overlap, so sorted by start they are
    sorted by end too, and a candidate need only be checked against its two neighbours."""
    starts: list[int] = []
    kept: list[Finding] = []
    for f in ranked:
        i = bisect_right(starts, f.start)
        if i > 0 and kept[i - 1].end > f.start:
            continue
        if i < len(kept) and kept[i].start < f.end:
            continue
        starts.insert(i, f.start)
        kept.insert(i, f)
    return kept


_default: Analyzer | None = None


def analyze(text: str, lang: str | None = None) -> Analysis:
    """Analyse one text with the default recognizers (loaded on first use)."""
    global _default
    if _default is None:
        _default = Analyzer()
    return _default.analyze(text, lang)
