import json
import subprocess
import sys

SOMEVAKT = [sys.executable, "-m", "somevakt.cli"]


def run(args, stdin: bytes | None = None):
    return subprocess.run(SOMEVAKT + args, input=stdin, capture_output=True, timeout=120)


def test_text_option_masks_a_fodselsnummer():
    res = run(["analyze", "--text", "Fødselsnummeret mitt er 03045551244"])
    assert res.returncode == 0, res.stderr
    [rec] = [json.loads(line) for line in res.stdout.splitlines()]
    assert rec["redacted"] == "Fødselsnummeret mitt er [FØDSELSNUMMER]"
    assert rec["findings"][0]["start"] == 24


def test_bad_lines_become_errors_and_the_rest_is_processed():
    stdin = b"\n".join(
        [
            b'{"id": "a", "text": "hei"}',
            b"not json",
            b'{"id": "c"}',
            b'{"id": "d", "text": 5}',
            b'{"id": "e", "text": "\xff\xfe"}',
            b'{"id": "f", "text": ""}',
            b'{"id": "g", "text": "siste"}',
        ]
    )
    res = run(["analyze", "-"], stdin)
    assert res.returncode == 1
    recs = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r.get("id") for r in recs] == ["a", None, "c", "d", None, "f", "g"]
    assert "not valid JSON" in recs[1]["error"] and recs[1]["line"] == 2
    assert recs[2]["error"] == "missing field 'text'"
    assert "must be a string" in recs[3]["error"]
    assert "invalid UTF-8" in recs[4]["error"] and recs[4]["line"] == 5
    assert recs[5]["findings"] == [] and recs[5]["redacted"] == ""
    assert recs[6]["redacted"] == "siste"


def test_workers_keep_input_order(tmp_path):
    lines = [json.dumps({"id": i, "text": f"kommentar {i} fnr 03045551244"}) for i in range(300)]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = run(["analyze", str(path), "--workers", "2"])
    assert res.returncode == 0, res.stderr
    recs = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["id"] for r in recs] == list(range(300))
    assert all("[FØDSELSNUMMER]" in r["redacted"] for r in recs)
