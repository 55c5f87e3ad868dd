"""Real `somevakt analyze` output validates against docs/analysis-record.schema.json."""

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

REPO = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((REPO / "docs" / "analysis-record.schema.json").read_text(encoding="utf-8"))

LINES = [
    {"id": "a", "text": "Fødselsnummeret mitt er 03045551244, kan noen sjekke startlånet?"},
    {"id": "b", "text": "Når åpner biblioteket igjen etter oppussingen?"},
    {"id": "c", "text": "Kor tid kjem brøytebilen? Vegen vår er ikkje brøyta", "lang": "nn"},
    {"id": "d", "text": "Hva mener kommunen om å legge ned Herefoss skole?"},
    {"id": "e", "text": "Tusen takk til alle på servicetorget, dere er gull ❤️"},
    {"id": "f", "text": "Hvor mye har den nye rundkjøringen kostet?", "context": "Ny rundkjøring åpnet"},
    {"id": "g", "text": "@Kari se her 😂"},
    {"id": "h", "text": ""},
]


@pytest.fixture(scope="module")
def records():
    stdin = "\n".join(json.dumps(x, ensure_ascii=False) for x in LINES) + "\nnot json\n"
    res = subprocess.run(
        [sys.executable, "-m", "somevakt.cli", "analyze", "-"],
        input=stdin.encode(),
        capture_output=True,
        timeout=120,
    )
    assert res.returncode == 1, res.stderr  # the bad line makes the exit status 1
    return [json.loads(line) for line in res.stdout.splitlines()]


def test_schema_itself_is_valid():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_every_output_line_validates(records):
    assert len(records) == len(LINES) + 1
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for rec in records:
        errors = sorted(validator.iter_errors(rec), key=str)
        assert not errors, (rec.get("id"), [e.message for e in errors])
    assert "error" in records[-1]


def test_schema_rejects_a_record_without_triage(records):
    validator = jsonschema.Draft202012Validator(SCHEMA)
    broken = dict(records[0])
    del broken["category"]
    assert not validator.is_valid(broken)
    broken = dict(records[0], action="slett")
    assert not validator.is_valid(broken)


def test_triage_fields_are_consistent_with_the_policy(records):
    from somevakt.guideline import load_policy

    policy = load_policy()
    for rec in records[:-1]:
        rule = policy.categories[rec["category"]]
        assert rec["action"] == rule.action
        assert rec["clause"] == policy.clause_ref(rule.clause)
        if rule.action in ("delete", "hide_and_escalate", "none"):
            assert rec["reply"] is None
        else:
            assert isinstance(rec["reply"], str) and rec["reply"]
        for ev in rec["evidence"]:
            assert LINES[records.index(rec)]["text"][ev["start"] : ev["end"]] == ev["text"]
    by_id = {r["id"]: r for r in records[:-1]}
    assert by_id["a"]["category"] == "sensitive" and by_id["a"]["hide_now"] is True
    assert by_id["a"]["reply"] is None
