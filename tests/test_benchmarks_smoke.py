"""The benchmark command runs and prints its figures. No timing is asserted here."""

import json
import subprocess
import sys
from pathlib import Path

from benchmarks.corpus import generate
from stdnum.no import fodselsnummer, kontonr

REPO = Path(__file__).resolve().parents[1]


def test_corpus_is_deterministic_and_its_gold_spans_are_right():
    a = list(generate(300, seed=1))
    b = list(generate(300, seed=1))
    assert [c.text for c in a] == [c.text for c in b]
    assert len({c.kind for c in a}) >= 8
    for c in a:
        for gtype, start, end in c.gold:
            value = c.text[start:end]
            assert value and value == value.strip()
            digits = "".join(ch for ch in value if ch.isdigit())
            if gtype in ("FØDSELSNUMMER", "D-NUMMER", "H-NUMMER"):
                assert fodselsnummer.is_valid(digits)
            if gtype == "KONTONUMMER":
                assert kontonr.is_valid(digits) and not fodselsnummer.is_valid(digits)


def test_a_tiny_run_prints_every_figure():
    cmd = [
        sys.executable, "-m", "benchmarks.run", "--comments", "40", "--workers", "1",
        "--cold-runs", "1", "--adversarial-sizes", "0.001,0.002", "--shapes", "digits",
        "--skip", "presidio,eval",
    ]
    res = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    out = res.stdout
    for name in (
        "throughput end to end",
        "comments/s",
        "in-process, CPU time per comment",
        "cold start",
        "peak memory",
        "adversarial input",
        "recall per gold type",
        "distinct texts",
        "summary against the issue's goals",
    ):
        assert name in out, name
    assert "triage overhead" in out or "triage not wired" in out


def test_json_output_is_one_document():
    cmd = [
        sys.executable, "-m", "benchmarks.run", "--comments", "20", "--json",
        "--skip", "throughput,inprocess,cold,adversarial,presidio,eval",
    ]
    res = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    data = json.loads(res.stdout)
    assert data["corpus"]["comments"] == 20
    assert 0.0 <= data["somevakt_score"]["recall"] <= 1.0
