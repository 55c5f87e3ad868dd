"""The policy file: the default loads, matches the rubric, and a bad policy fails clearly."""

import re
from pathlib import Path

import pytest

from somevakt.guideline import CATEGORY_IDS, PolicyError, default_policy_file, load_policy

REPO = Path(__file__).resolve().parents[2]
DEFAULT_TEXT = default_policy_file().read_text(encoding="utf-8")

# The rubric's table (shared/docs/triage-rubric.md): category -> action.
RUBRIC_ACTIONS = {
    "sensitive": "delete",
    "discrimination": "hide_and_escalate",
    "rumor": "delete",
    "individual_case": "refer",
    "political": "refer_political",
    "budget_org": "link_website",
    "factual_error": "correct",
    "question": "answer",
    "feedback": "thank",
    "other": "none",
}
RUBRIC_SEVERITY = {
    "personal_data": "block",
    "case_handling": "block",
    "discrimination": "block",
    "political_assessment": "warn",
    "political_religious_statement": "warn",
    "budget_without_link": "warn",
    "internal_information": "warn",
    "crisis_approval_required": "block",
}


def write_variant(tmp_path: Path, old: str, new: str) -> Path:
    assert old in DEFAULT_TEXT, old
    path = tmp_path / "variant.toml"
    path.write_text(DEFAULT_TEXT.replace(old, new, 1), encoding="utf-8")
    return path


def problems(path: Path) -> PolicyError:
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    assert str(path) in str(info.value)
    return info.value


def test_default_policy_loads_and_repository_copy_is_the_packaged_one():
    packaged = load_policy()
    assert packaged.municipality.name == "Birkenes kommune"
    repo_file = REPO / "policies" / "birkenes.toml"
    assert repo_file.read_bytes() == default_policy_file().read_bytes()
    assert load_policy(repo_file) == packaged


def test_categories_actions_and_precedence_follow_the_rubric():
    policy = load_policy()
    assert {c: r.action for c, r in policy.categories.items()} == RUBRIC_ACTIONS
    assert policy.precedence == list(CATEGORY_IDS)  # the rubric's order, highest first
    assert policy.categories["other"].clause is None
    assert {k: r.severity for k, r in policy.draft_check.items()} == RUBRIC_SEVERITY


def test_policy_schema_and_classifier_know_the_same_ten_categories():
    """The analysis library keeps its own tuple (it does not depend on the guideline
    package); the policy schema's Literal must list the same ids, or a policy could name a
    category the classifier never predicts."""
    from somevakt.analysis.classify import CATEGORIES

    assert sorted(CATEGORY_IDS) == sorted(CATEGORIES)
    assert len(set(CATEGORIES)) == 10


def test_clause_quotes_are_exact_passages_of_the_guideline(shared_dir):
    [guideline] = (shared_dir / "guideline").glob("*.txt")
    text = re.sub(r"\s+", " ", guideline.read_text(encoding="utf-8"))
    policy = load_policy()
    for cid, clause in policy.clauses.items():
        assert clause.quote in text, cid


def test_settings_contacts_and_accounts():
    policy = load_policy()
    assert policy.settings.referral_mode == "resident_resubmits"
    assert policy.settings.hide_sensitive_immediately is True
    assert policy.contact.email == "postmottak@birkenes.kommune.no"
    assert policy.links.budget.startswith("https://www.birkenes.kommune.no")
    digits = policy.exempt_account_numbers
    assert len(digits) == len(policy.known_accounts) >= 2
    assert all(d.isdigit() and len(d) == 11 for d in digits)


def test_exempt_accounts_reach_the_analyzer():
    from somevakt.processing import CommentProcessor

    policy = load_policy()
    proc = CommentProcessor(policy=policy)
    assert proc.analyzer.exempt_accounts == policy.exempt_account_numbers


def test_bad_toml_syntax_names_the_line(tmp_path):
    path = write_variant(tmp_path, 'referral_mode = "resident_resubmits"', "referral_mode = resident")
    err = problems(path)
    line = DEFAULT_TEXT.splitlines().index('referral_mode = "resident_resubmits"') + 1
    assert "invalid TOML" in str(err) and f"line {line}" in str(err)


def test_missing_field_is_named_with_its_dotted_path(tmp_path):
    path = write_variant(tmp_path, 'email = "postmottak@birkenes.kommune.no"\n', "")
    err = problems(path)
    assert ("contact.email", "missing") in err.problems


def test_unknown_action_is_rejected(tmp_path):
    path = write_variant(tmp_path, 'action = "hide_and_escalate"', 'action = "slett"')
    err = problems(path)
    [(field, message)] = err.problems
    assert field == "categories.discrimination.action"
    assert "'slett'" in message and "delete" in message


def test_category_not_in_the_ten_is_rejected(tmp_path):
    path = write_variant(tmp_path, "[categories.rumor]", "[categories.rykter]")
    err = problems(path)
    fields = dict(err.problems)
    assert "'rykter'" in fields["categories.rykter"]


def test_missing_category_is_reported(tmp_path):
    text = DEFAULT_TEXT
    start = text.index("[categories.feedback]")
    end = text.index("[categories.other]")
    path = tmp_path / "p.toml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    err = problems(path)
    assert any(f == "categories" and "feedback" in m for f, m in err.problems)


def test_template_that_does_not_render_is_rejected(tmp_path):
    path = write_variant(tmp_path, "{{ contact.web_form }}", "{{ contact.fax }}")
    err = problems(path)
    [(field, message)] = err.problems
    assert field == "templates.refer.nb"
    assert "does not render" in message and "fax" in message


def test_template_syntax_error_names_the_template_line(tmp_path):
    path = write_variant(
        tmp_path, "Hilsen {{ municipality.name }}\n", "Hilsen {{ municipality.name }\n"
    )
    err = problems(path)
    field, message = err.problems[0]
    assert field == "templates.answer.nb"
    assert re.search(r"syntax error at line \d+", message)


def test_template_in_a_sandbox_cannot_reach_python_internals(tmp_path):
    path = write_variant(
        tmp_path,
        "Hilsen {{ municipality.name }}\n",
        "Hilsen {{ municipality.__class__.__mro__ }}\n",
    )
    err = problems(path)
    assert err.problems[0][0] == "templates.answer.nb"


def test_dangling_clause_reference_and_bad_account_number(tmp_path):
    text = DEFAULT_TEXT.replace('clause = "rumor"', 'clause = "rykter"').replace(
        'number = "2801.52.60183"', 'number = "2801.52.60184"'
    )
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    err = problems(path)
    fields = dict(err.problems)
    assert "account number" in fields["known_accounts.0.number"]
    # Structural errors are reported first; fix them and the reference is checked.
    path.write_text(DEFAULT_TEXT.replace('clause = "rumor"', 'clause = "rykter"'), encoding="utf-8")
    err = problems(path)
    assert ("categories.rumor.clause", "no clause with id 'rykter'") in err.problems


def test_unknown_field_is_a_typo_not_silently_ignored(tmp_path):
    path = write_variant(tmp_path, "hide_sensitive_immediately = true", "hide_sensitve = true")
    err = problems(path)
    fields = dict(err.problems)
    assert "unknown field" in fields["settings.hide_sensitve"]


def test_missing_file_and_analyze_cli_report_clearly(tmp_path):
    import subprocess
    import sys

    with pytest.raises(PolicyError, match="cannot read"):
        load_policy(tmp_path / "nope.toml")
    bad = write_variant(tmp_path, 'action = "hide_and_escalate"', 'action = "slett"')
    res = subprocess.run(
        [sys.executable, "-m", "somevakt.cli", "analyze", "--text", "hei", "--policy", str(bad)],
        capture_output=True,
        timeout=120,
    )
    assert res.returncode == 2
    assert b"categories.discrimination.action" in res.stderr and str(bad).encode() in res.stderr
