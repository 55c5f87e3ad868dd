"""The pre-publication check: the shared specification and our own drafts (nb and nn)."""

import json
from pathlib import Path

import pytest

from somevakt.guideline import load_policy
from somevakt.guideline.draft_check import DraftChecker, sentences
from somevakt.guideline.loader import policy_from_dict

REPO = Path(__file__).resolve().parents[2]
POLICY = load_policy()
CHECKER = DraftChecker(POLICY)


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_shared_examples_come_out_right(shared_dir):
    examples = _jsonl(shared_dir / "data" / "examples-drafts.jsonl")
    assert len(examples) == 20
    wrong = []
    for ex in examples:
        result = CHECKER.check(ex["text"])
        if sorted(result.kinds) != sorted(ex["findings"]):
            wrong.append((ex["id"], ex["findings"], sorted(result.kinds)))
        blocking = any(POLICY.draft_check[k].severity == "block" for k in ex["findings"])
        assert result.publishable is not blocking, ex["id"]
    assert not wrong


@pytest.mark.parametrize("name", ["drafts-dev.jsonl", "drafts-heldout.jsonl"])
def test_own_drafts_come_out_right(name):
    records = _jsonl(REPO / "data" / "drafts" / name)
    assert any(r.get("lang") == "nn" for r in records)
    wrong = [
        (r["id"], r["findings"], sorted(CHECKER.check(r["text"], r.get("lang")).kinds))
        for r in records
        if sorted(CHECKER.check(r["text"], r.get("lang")).kinds) != sorted(r["findings"])
    ]
    assert not wrong


def test_findings_carry_severity_clause_and_a_span_of_the_original_text():
    text = "Hei Marianne, byggesøknaden din på gnr. 12 bnr. 45 mangler nabovarsel."
    result = CHECKER.check(text)
    assert not result.publishable
    for f in result.findings:
        assert text[f.start : f.end] == f.text and f.text
        assert f.severity == "block"
        assert f.clause == POLICY.clause_ref(POLICY.draft_check[f.kind].clause)
    assert {"personal_data", "case_handling"} <= result.kinds


def test_spans_survive_folding_of_digraphs_and_missing_letters():
    text = "Budsjettet for 2027 er klart. Oekonomien er stram, saa vi kutter i driften."
    result = CHECKER.check(text)
    [f] = [f for f in result.findings if f.kind == "budget_without_link"]
    assert text[f.start : f.end] == f.text == "Budsjettet"


def test_budget_with_a_link_to_the_website_is_clean_but_other_links_are_not():
    ok = "Budsjettet for 2027 er vedtatt: https://www.birkenes.kommune.no/budsjett"
    other = "Budsjettet for 2027 er vedtatt: https://example.com/budsjett"
    assert "budget_without_link" not in CHECKER.check(ok).kinds
    assert "budget_without_link" in CHECKER.check(other).kinds
    assert CHECKER.check(other).publishable  # warn only


def test_reporting_the_chief_executives_recommendation_is_not_an_own_assessment():
    text = "Kommunedirektøren foreslår at skolen bør legges ned. Saken behandles i kommunestyret."
    assert "political_assessment" not in CHECKER.check(text).kinds
    own = "Vi mener at skolen bør legges ned, og kommunestyret bør si ja."
    assert "political_assessment" in CHECKER.check(own).kinds


def test_crisis_blocks_everything_until_approved():
    clean = "Rådhuset holder åpent som vanlig i morgen."
    assert CHECKER.check(clean).publishable
    result = CHECKER.check(clean, crisis=True)
    assert not result.publishable
    [f] = result.findings
    assert f.kind == "crisis_approval_required" and f.clause["id"] == "crisis"


def test_lawful_neutral_posts_about_groups_are_clean():
    for text in (
        "Velkommen til dere pensjonister på seniortreff i kantina på torsdag!",
        "Innvandrere som ikke forstår norsk, kan få tolk på servicetorget.",
        "Eldre over 80 kan få hjelp til snømåking. Ring oss på 37 20 40 00.",
    ):
        assert CHECKER.check(text).kinds == set(), text


def test_slurs_and_threats_in_a_draft_block():
    assert "discrimination" in CHECKER.check("Slike i d i o t e r som parkerer her!").kinds
    assert not CHECKER.check("Typisk muslimer, alltid bråk 🙄").publishable


def test_policy_severity_and_extra_terms_are_used():
    data = POLICY.model_dump()
    data["draft_check"]["internal_information"]["severity"] = "block"
    data["draft_check"]["internal_information"]["extra_terms"] = ["Teams-møte"]
    data["draft_check"]["political_religious_statement"]["enabled"] = False
    checker = DraftChecker(policy_from_dict(data))
    result = checker.check("Husk Teams-møtet? Nei: Teams-møte kl. 10 for enhetslederne.")
    [f] = result.findings
    assert f.kind == "internal_information" and f.severity == "block" and f.text == "Teams-møte"
    assert not result.publishable
    assert checker.check("Jesus er den eneste veien til frelse").kinds == set()


def test_sentences_do_not_end_at_abbreviations_or_dates():
    text = "Møte kl. 10 den 1. mars på gnr. 3 bnr. 4. Velkommen! Neste linje"
    spans = sentences(text)
    assert [text[s:e].strip() for s, e in spans] == [
        "Møte kl. 10 den 1. mars på gnr. 3 bnr. 4.",
        "Velkommen!",
        "Neste linje",
    ]
