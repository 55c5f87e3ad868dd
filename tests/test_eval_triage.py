"""`somevakt eval triage` and the shared metrics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from somevakt.cli import app
from somevakt.evaluation.metrics import ConfusionMatrix

LINES = [
    {"id": "a", "text": "Når åpner biblioteket på lørdager?", "category": "question"},
    {
        "id": "b",
        "text": "Tusen takk til brøytemannskapet, kjempejobb i natt!",
        "category": "feedback",
    },
    {"id": "c", "text": "Saksbehandleren er en 1d10t", "category": "discrimination"},
    # gold says other, the classifier says discrimination: a false removal
    {"id": "d", "text": "Du er en i d i o t", "category": "other"},
    {
        "id": "e",
        "text": "Jeg har MS og kommer meg ikke ut, når kommer brøytebilen?",
        "category": "sensitive",
    },
]


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    p = tmp_path / "gold.jsonl"
    rows = [json.dumps(r, ensure_ascii=False) for r in LINES]
    rows.insert(2, "{not json")
    rows.append(json.dumps({"id": "f", "text": "hei", "category": "spam"}))
    rows.append(json.dumps({"id": "g", "text": "hei"}))
    p.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return p


def test_eval_triage_json(gold_file: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "triage", str(gold_file), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["n"] == 5
    assert out["false_removal_counts"] == [1, 3]
    assert out["false_removal_rate"] == pytest.approx(1 / 3, abs=1e-3)
    assert out["removal_recall_counts"] == [2, 2]
    assert out["sensitive_recall"] == 1.0
    assert out["confusion"]["labels"][0] == "sensitive"
    assert sum(map(sum, out["confusion"]["matrix"])) == 5
    assert out["per_category"]["question"]["recall"] == 1.0
    assert [m["id"] for m in out["misses"]] == ["d"]
    errors = {e["line"]: e["error"] for e in out["errors"]}
    assert "not valid JSON" in errors[3]
    assert "must be one of" in errors[7]
    assert "missing field 'category'" in errors[8]


def test_eval_triage_tables(gold_file: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "triage", str(gold_file), "--misses", "5"])
    assert result.exit_code == 0, result.output
    for needle in (
        "Confusion matrix",
        "macro-F1",
        "removal recall",
        "false-removal rate",
        "sensitive recall",
        "line 3",
        "Misclassified",
    ):
        assert needle in result.output


def test_confusion_matrix_metrics() -> None:
    cm = ConfusionMatrix(["a", "b", "c"])
    cm.update([("a", "a"), ("a", "b"), ("b", "b"), ("c", "a"), ("c", "c")])
    a = cm.scores("a")
    assert (a.precision, a.recall, a.support, a.predicted) == (0.5, 0.5, 2, 2)
    assert cm.scores("b").f1 == pytest.approx(2 / 3)
    assert cm.macro_f1() == pytest.approx((0.5 + 2 / 3 + 2 / 3) / 3)
    assert cm.accuracy() == pytest.approx(3 / 5)
    assert cm.group_recall({"a", "b"}) == (3, 3)
    assert cm.group_false_rate({"a"}) == (1, 3)
    with pytest.raises(ValueError):
        cm.add("a", "z")
