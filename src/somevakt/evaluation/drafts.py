"""`somevakt eval drafts FILE.jsonl`: the pre-publication check against gold findings.

Each record needs ``text`` and gold ``findings``: a list of finding kinds (or of objects with
a ``kind``). Optional: ``publishable`` (gold; otherwise derived from the gold kinds and the
policy's severities), ``crisis`` (true: check as under crisis management) and ``lang``.
A bad line is reported with its line number and skipped; the rest are evaluated.

Reported: per finding kind precision, recall and F1 (a kind counts once per draft), macro-F1
over the kinds that occur, the share of drafts whose set of kinds is exactly right, and
publishable accuracy with its 2x2 confusion matrix.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from somevakt.evaluation.metrics import ConfusionMatrix, LabelScores
from somevakt.guideline.draft_check import DraftChecker
from somevakt.guideline.schema import DRAFT_KINDS, Policy
from somevakt.jsonl import InputError, InputRecord

_ABSENT = "-"
PUBLISHABLE_LABELS = ("publishable", "not_publishable")


@dataclass
class DraftMiss:
    line: int
    id: Any
    gold: list[str]
    predicted: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "id": self.id, "gold": self.gold, "predicted": self.predicted}


@dataclass
class DraftsReport:
    per_kind: dict[str, ConfusionMatrix]
    publishable: ConfusionMatrix
    exact: int = 0
    errors: list[InputError] = field(default_factory=list)
    misses: list[DraftMiss] = field(default_factory=list)

    @property
    def n(self) -> int:
        return self.publishable.total

    def kind_scores(self) -> list[LabelScores]:
        return [cm.scores(kind) for kind, cm in self.per_kind.items()]

    def macro_f1(self) -> float:
        present = [s for s in self.kind_scores() if s.support or s.predicted]
        return sum(s.f1 for s in present) / len(present) if present else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "per_kind": {s.label: s.to_dict() for s in self.kind_scores()},
            "macro_f1": round(self.macro_f1(), 4),
            "exact_match": round(self.exact / self.n, 4) if self.n else None,
            "publishable_accuracy": round(self.publishable.accuracy(), 4) if self.n else None,
            "publishable_confusion": self.publishable.to_dict(),
            "misses": [m.to_dict() for m in self.misses],
            "errors": [e.to_dict() for e in self.errors],
        }


def gold_of(raw: dict[str, Any]) -> list[str]:
    """The gold finding kinds of one record; ValueError says what is wrong."""
    if "findings" not in raw:
        raise ValueError("missing field 'findings' (the gold finding kinds)")
    items = raw["findings"]
    if not isinstance(items, list):
        raise ValueError("field 'findings' must be a list")
    kinds = []
    for item in items:
        kind = item.get("kind") if isinstance(item, dict) else item
        if kind not in DRAFT_KINDS:
            raise ValueError(f"unknown finding kind {kind!r}")
        kinds.append(kind)
    return sorted(set(kinds))


def evaluate_drafts(
    items: Iterable[InputRecord | InputError], policy: Policy, checker: DraftChecker | None = None
) -> DraftsReport:
    checker = checker if checker is not None else DraftChecker(policy)
    report = DraftsReport(
        per_kind={k: ConfusionMatrix([k, _ABSENT]) for k in DRAFT_KINDS},
        publishable=ConfusionMatrix(PUBLISHABLE_LABELS),
    )
    for item in items:
        if isinstance(item, InputError):
            report.errors.append(item)
            continue
        try:
            gold = gold_of(item.raw)
            gold_pub = item.raw.get("publishable")
            if gold_pub is not None and not isinstance(gold_pub, bool):
                raise ValueError("field 'publishable' must be true or false when given")
        except ValueError as exc:
            report.errors.append(InputError(item.line, item.id, str(exc)))
            continue
        if gold_pub is None:
            gold_pub = not any(policy.draft_check[k].severity == "block" for k in gold)  # type: ignore[index]
        result = checker.check(item.text, item.lang, crisis=item.raw.get("crisis") is True)
        predicted = sorted(result.kinds)
        for kind, cm in report.per_kind.items():
            cm.add(kind if kind in gold else _ABSENT, kind if kind in predicted else _ABSENT)
        report.publishable.add(_pub(gold_pub), _pub(result.publishable))
        if predicted == gold:
            report.exact += 1
        else:
            report.misses.append(DraftMiss(item.line, item.id, gold, predicted))
    return report


def _pub(value: bool) -> str:
    return PUBLISHABLE_LABELS[0] if value else PUBLISHABLE_LABELS[1]


def format_report(report: DraftsReport) -> str:
    """A plain-text report for people."""
    lines = [f"drafts: {report.n}   errors: {len(report.errors)}", ""]
    lines.append(f"{'finding kind':<32} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6} {'pred':>6}")
    for s in report.kind_scores():
        lines.append(
            f"{s.label:<32} {s.precision:>7.3f} {s.recall:>7.3f} {s.f1:>7.3f} "
            f"{s.support:>6} {s.predicted:>6}"
        )
    lines.append("")
    lines.append(f"macro-F1 (kinds that occur): {report.macro_f1():.3f}")
    if report.n:
        lines.append(f"exact set of kinds:          {report.exact / report.n:.3f}")
        lines.append(f"publishable accuracy:        {report.publishable.accuracy():.3f}")
    cm = report.publishable
    lines.append("")
    header = "gold / predicted"
    lines.append(f"{header:<18} {'publishable':>12} {'not_publishable':>16}")
    for gold in PUBLISHABLE_LABELS:
        lines.append(
            f"{gold:<18} {cm.count(gold, 'publishable'):>12} {cm.count(gold, 'not_publishable'):>16}"
        )
    if report.misses:
        lines.append("")
        lines.append("misses (line, id: gold -> predicted):")
        for m in report.misses:
            lines.append(f"  {m.line}, {m.id}: {m.gold} -> {m.predicted}")
    for e in report.errors:
        lines.append(f"line {e.line}: {e.error}")
    return "\n".join(lines)
