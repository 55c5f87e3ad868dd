"""`somevakt eval triage FILE.jsonl`: the full analysis plus triage against gold categories.

Each record needs ``text`` and a gold ``category`` (one of the rubric's ten); ``context``
(the post the comment answers) and ``lang`` are optional. A bad line is reported with its
line number and skipped; the rest are evaluated.

Besides the confusion matrix and per-category precision/recall/F1 and macro-F1, it reports
the figures the guideline cares most about:
- removal recall: gold sensitive, discrimination or rumor predicted as one of those three;
- false-removal rate: any other gold category predicted as one of those three;
- sensitive recall.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from somevakt.analysis.classify import CATEGORIES, REMOVAL_CATEGORIES, TriageClassifier
from somevakt.analysis.engine import Analyzer
from somevakt.evaluation.metrics import ConfusionMatrix, ratio
from somevakt.jsonl import InputError, read_records


@dataclass
class Miss:
    line: int
    id: Any
    gold: str
    predicted: str
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "id": self.id,
            "gold": self.gold,
            "predicted": self.predicted,
            "confidence": round(self.confidence, 3),
        }


@dataclass
class TriageReport:
    confusion: ConfusionMatrix
    errors: list[InputError] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)
    analysis_seconds: float = 0.0
    triage_seconds: float = 0.0

    @property
    def n(self) -> int:
        return self.confusion.total

    def summary(self) -> dict[str, Any]:
        cm = self.confusion
        rr = cm.group_recall(REMOVAL_CATEGORIES)
        fr = cm.group_false_rate(REMOVAL_CATEGORIES)
        sens = cm.scores("sensitive")
        return {
            "n": self.n,
            "accuracy": cm.accuracy() if self.n else None,
            "macro_f1": cm.macro_f1() if self.n else None,
            "removal_recall": ratio(*rr),
            "removal_recall_counts": list(rr),
            "false_removal_rate": ratio(*fr),
            "false_removal_counts": list(fr),
            "sensitive_recall": sens.recall if sens.support else None,
            "ms_per_comment_analysis": 1000 * self.analysis_seconds / self.n if self.n else None,
            "ms_per_comment_triage": 1000 * self.triage_seconds / self.n if self.n else None,
        }

    def to_dict(self) -> dict[str, Any]:
        summary = {
            k: (round(v, 4) if isinstance(v, float) else v) for k, v in self.summary().items()
        }
        return {
            **summary,
            "per_category": {s.label: s.to_dict() for s in self.confusion.per_label()},
            "confusion": self.confusion.to_dict(),
            "misses": [m.to_dict() for m in self.misses],
            "errors": [e.to_dict() for e in self.errors],
        }


def evaluate_triage(
    lines: Iterable[bytes],
    analyzer: Analyzer | None = None,
    classifier: TriageClassifier | None = None,
) -> TriageReport:
    analyzer = analyzer or Analyzer()
    classifier = classifier or TriageClassifier()
    report = TriageReport(ConfusionMatrix(CATEGORIES))
    for item in read_records(lines):
        if isinstance(item, InputError):
            report.errors.append(item)
            continue
        gold = item.raw.get("category")
        if not isinstance(gold, str) or gold not in CATEGORIES:
            msg = (
                "missing field 'category'"
                if gold is None
                else f"field 'category' must be one of {', '.join(CATEGORIES)}; got {gold!r}"
            )
            report.errors.append(InputError(item.line, item.id, msg))
            continue
        t0 = time.perf_counter()
        analysis = analyzer.analyze(item.text, item.lang)
        t1 = time.perf_counter()
        result = classifier.classify(item.text, analysis, item.context)
        t2 = time.perf_counter()
        report.analysis_seconds += t1 - t0
        report.triage_seconds += t2 - t1
        report.confusion.add(gold, result.category)
        if result.category != gold:
            report.misses.append(Miss(item.line, item.id, gold, result.category, result.confidence))
    return report


_SHORT = {
    "sensitive": "sens",
    "discrimination": "discr",
    "rumor": "rumor",
    "individual_case": "indiv",
    "political": "polit",
    "budget_org": "budget",
    "factual_error": "fact",
    "question": "quest",
    "feedback": "feedb",
    "other": "other",
}


def _fmt(v: float | None) -> str:
    return "–" if v is None else f"{v:.3f}"


def print_report(report: TriageReport, show_misses: int = 0, stream: Any = None) -> None:
    """Rich tables for people: confusion matrix, per-category scores, headline figures."""
    import sys

    from rich.console import Console
    from rich.table import Table

    out = stream if stream is not None else sys.stdout
    console = Console(file=out, width=None if out.isatty() else 160)
    cm = report.confusion
    short = {c: _SHORT.get(c, c[:6]) for c in cm.labels}
    matrix = Table(title="Confusion matrix (rows: gold, columns: predicted)")
    matrix.add_column("gold \\ pred")
    for c in cm.labels:
        matrix.add_column(short[c], justify="right")
    for g in cm.labels:
        cells = []
        for p in cm.labels:
            n = cm.count(g, p)
            cells.append(f"[bold]{n}[/bold]" if g == p and n else str(n) if n else "·")
        matrix.add_row(g, *cells)
    console.print(matrix)

    per = Table(title="Per category")
    for col in ("category", "precision", "recall", "F1", "gold", "predicted"):
        per.add_column(col, justify="left" if col == "category" else "right")
    for s in cm.per_label():
        per.add_row(
            s.label, _fmt(s.precision), _fmt(s.recall), _fmt(s.f1), str(s.support), str(s.predicted)
        )
    console.print(per)

    summary = report.summary()
    head = Table(title="Headline figures")
    head.add_column("measure")
    head.add_column("value", justify="right")
    head.add_column("goal", justify="right")
    rr, fr = summary["removal_recall_counts"], summary["false_removal_counts"]
    head.add_row("comments", str(report.n), "")
    head.add_row("accuracy", _fmt(summary["accuracy"]), "")
    head.add_row("macro-F1", _fmt(summary["macro_f1"]), "≥ 0.90")
    head.add_row(f"removal recall ({rr[0]}/{rr[1]})", _fmt(summary["removal_recall"]), "≥ 0.97")
    head.add_row(
        f"false-removal rate ({fr[0]}/{fr[1]})", _fmt(summary["false_removal_rate"]), "≤ 0.02"
    )
    head.add_row("sensitive recall", _fmt(summary["sensitive_recall"]), "≥ 0.97")
    head.add_row("ms per comment, analysis", _fmt(summary["ms_per_comment_analysis"]), "")
    head.add_row("ms per comment, triage", _fmt(summary["ms_per_comment_triage"]), "")
    console.print(head)

    if show_misses and report.misses:
        misses = Table(title=f"Misclassified (first {min(show_misses, len(report.misses))})")
        for col in ("line", "id", "gold", "predicted", "confidence"):
            misses.add_column(col)
        for m in report.misses[:show_misses]:
            misses.add_row(str(m.line), str(m.id), m.gold, m.predicted, f"{m.confidence:.2f}")
        console.print(misses)
    for e in report.errors:
        console.print(f"[red]line {e.line}[/red] (id {e.id}): {e.error}")
    if report.errors:
        console.print(f"{len(report.errors)} line(s) skipped, {report.n} evaluated")
