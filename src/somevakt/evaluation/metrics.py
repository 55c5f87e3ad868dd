"""Classification metrics shared by the evaluations (triage, drafts, ...).

Plain Python, no scikit-learn: a confusion matrix over a fixed label order, per-label
precision, recall, F1 and support, and macro-F1 over the labels that occur in the gold
data or the predictions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class LabelScores:
    label: str
    precision: float
    recall: float
    f1: float
    support: int  # gold count
    predicted: int  # predicted count

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.support,
            "predicted": self.predicted,
        }


class ConfusionMatrix:
    """Counts of (gold, predicted) pairs over a fixed label order."""

    def __init__(self, labels: Sequence[str]) -> None:
        self.labels = list(labels)
        self._index = {label: i for i, label in enumerate(self.labels)}
        self.counts = [[0] * len(self.labels) for _ in self.labels]

    def add(self, gold: str, predicted: str) -> None:
        for label in (gold, predicted):
            if label not in self._index:
                raise ValueError(f"unknown label {label!r}; expected one of {self.labels}")
        self.counts[self._index[gold]][self._index[predicted]] += 1

    def update(self, pairs: Iterable[tuple[str, str]]) -> None:
        for gold, predicted in pairs:
            self.add(gold, predicted)

    @property
    def total(self) -> int:
        return sum(map(sum, self.counts))

    def count(self, gold: str, predicted: str) -> int:
        return self.counts[self._index[gold]][self._index[predicted]]

    def gold_total(self, label: str) -> int:
        return sum(self.counts[self._index[label]])

    def predicted_total(self, label: str) -> int:
        j = self._index[label]
        return sum(row[j] for row in self.counts)

    def accuracy(self) -> float:
        correct = sum(self.counts[i][i] for i in range(len(self.labels)))
        return correct / self.total if self.total else 0.0

    def scores(self, label: str) -> LabelScores:
        tp = self.count(label, label)
        gold = self.gold_total(label)
        pred = self.predicted_total(label)
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return LabelScores(label, p, r, f1, gold, pred)

    def per_label(self) -> list[LabelScores]:
        return [self.scores(label) for label in self.labels]

    def macro_f1(self) -> float:
        """Mean F1 over labels that occur in the gold data or the predictions."""
        present = [s for s in self.per_label() if s.support or s.predicted]
        return sum(s.f1 for s in present) / len(present) if present else 0.0

    def group_recall(self, group: Iterable[str]) -> tuple[int, int]:
        """(gold items in ``group`` predicted as any label in ``group``, gold items in it)."""
        g = set(group)
        hit = sum(self.count(a, b) for a in g for b in g)
        return hit, sum(self.gold_total(a) for a in g)

    def group_false_rate(self, group: Iterable[str]) -> tuple[int, int]:
        """(gold items outside ``group`` predicted into it, gold items outside it)."""
        g = set(group)
        others = [a for a in self.labels if a not in g]
        hit = sum(self.count(a, b) for a in others for b in g)
        return hit, sum(self.gold_total(a) for a in others)

    def to_dict(self) -> dict[str, Any]:
        return {
            "labels": self.labels,
            "matrix": [list(row) for row in self.counts],
            "rows": "gold",
            "columns": "predicted",
        }


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None
