import json
import subprocess
import sys

SOMEVAKT = [sys.executable, "-m", "somevakt.cli"]


def run(args, stdin: bytes | None = None):
    return subprocess.run(SOMEVAKT + args, input=stdin, capture_output=True, timeout=120)


def test_text_option_blocks_a_case_handled_in_public():
    res = run(["check-draft", "--text", "Hei! Vi har sett på klagen din og sender en rørlegger."])
    assert res.returncode == 0, res.stderr
    [rec] = [json.loads(line) for line in res.stdout.splitlines()]
    assert rec["publishable"] is False
    [f] = rec["findings"]
    assert f["kind"] == "case_handling" and f["severity"] == "block"
    assert f["clause"]["id"] == "no_case_handling" and f["text"] == "sett på klagen din"


def test_jsonl_in_order_with_errors_per_line_and_exit_1():
    stdin = b"\n".join(
        [
            b'{"id": 1, "text": "Biblioteket holder stengt i morgen."}',
            b"not json",
            b'{"id": 3, "text": "Budsjettet viser underskudd.", "lang": "nb"}',
            b'{"id": 4}',
            b'{"id": 5, "text": "Til alle tilsette: personalm\xc3\xb8te fredag.", "lang": "nn"}',
        ]
    )
    res = run(["check-draft", "-"], stdin)
    assert res.returncode == 1
    recs = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r.get("id") for r in recs] == [1, None, 3, 4, 5]
    assert recs[0]["findings"] == [] and recs[0]["publishable"] is True
    assert recs[1]["line"] == 2 and "not valid JSON" in recs[1]["error"]
    assert [f["kind"] for f in recs[2]["findings"]] == ["budget_without_link"]
    assert recs[2]["publishable"] is True  # a warning does not block
    assert recs[3]["error"] == "missing field 'text'"
    assert recs[4]["lang"] == "nn"
    assert {f["kind"] for f in recs[4]["findings"]} == {"internal_information"}


def test_crisis_flag_and_text_format(tmp_path):
    res = run(["check-draft", "--text", "God jul!", "--crisis", "--format", "text"])
    assert res.returncode == 0, res.stderr
    out = res.stdout.decode()
    assert "crisis_approval_required" in out and "nei" in out
    path = tmp_path / "drafts.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "God jul!"}) + "\n", encoding="utf-8")
    res = run(["check-draft", str(path), "--crisis", "-o", str(tmp_path / "out.jsonl")])
    assert res.returncode == 0, res.stderr
    [rec] = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert rec["publishable"] is False


def test_eval_drafts_reports_per_kind_and_publishable_accuracy(tmp_path):
    gold = [
        {"id": 1, "text": "Budsjettet viser underskudd.", "findings": ["budget_without_link"]},
        {"id": 2, "text": "Velkommen til julegrantenning!", "findings": []},
        {"id": 3, "text": "Til alle ansatte: husk timelistene.", "findings": []},  # gold is wrong
        {"id": 4, "text": "hei", "findings": ["no_such_kind"]},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(g, ensure_ascii=False) for g in gold), encoding="utf-8")
    res = run(["eval", "drafts", str(path), "--json"])
    assert res.returncode == 0, res.stderr
    report = json.loads(res.stdout)
    assert report["n"] == 3
    assert report["per_kind"]["budget_without_link"] == {
        "precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1, "predicted": 1,
    }
    assert report["per_kind"]["internal_information"]["precision"] == 0.0
    assert report["per_kind"]["internal_information"]["predicted"] == 1
    assert report["exact_match"] == round(2 / 3, 4)
    assert report["publishable_accuracy"] == 1.0  # the extra finding only warns
    assert report["errors"][0]["line"] == 4 and "no_such_kind" in report["errors"][0]["error"]
    text = run(["eval", "drafts", str(path)])
    assert text.returncode == 0 and b"macro-F1" in text.stdout
