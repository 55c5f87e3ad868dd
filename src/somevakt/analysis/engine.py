"""Run the recognizers over a text and decide which findings are sensitive."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from somevakt.analysis.language import detect_language
from somevakt.analysis.linking import link_sensitive
from somevakt.analysis.recognizers import Recognizer, TextContext, default_recognizers
from somevakt.analysis.types import IDENTIFIER_TYPES, Analysis, Finding


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
        return Analysis(text=text, lang=detected, findings=findings)

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
            out.append(Analysis(text=ctx.text, lang=ctx.lang, findings=findings))
        return out


def _rank(f: Finding) -> tuple[int, int, float]:
    # Identity numbers beat anything they overlap; then the longer span; then the score.
    return (1 if f.type in IDENTIFIER_TYPES else 0, f.end - f.start, f.score)


def resolve_overlaps(findings: list[Finding]) -> list[Finding]:
    """Drop findings that overlap a better one; return the rest in text order."""
    kept: list[Finding] = []
    for f in sorted(findings, key=_rank, reverse=True):
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    kept.sort(key=lambda f: (f.start, f.end))
    return kept


_default: Analyzer | None = None


def analyze(text: str, lang: str | None = None) -> Analysis:
    """Analyse one text with the default recognizers (loaded on first use)."""
    global _default
    if _default is None:
        _default = Analyzer()
    return _default.analyze(text, lang)
