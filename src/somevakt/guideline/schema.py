"""The policy schema: what a municipality's guideline says, as validated data.

The default policy is ``policies/birkenes.toml``; another municipality edits a copy. Every
cross-reference (a category's clause, a draft rule's clause, templates for the actions the
categories use) is checked here, so a policy that loads is a policy the code can use.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

CategoryId = Literal[
    "sensitive",
    "discrimination",
    "rumor",
    "individual_case",
    "political",
    "budget_org",
    "factual_error",
    "question",
    "feedback",
    "other",
]
CATEGORY_IDS: tuple[str, ...] = CategoryId.__args__  # type: ignore[attr-defined]

Action = Literal[
    "delete",
    "hide_and_escalate",
    "refer",
    "refer_political",
    "link_website",
    "correct",
    "answer",
    "thank",
    "none",
]
ACTIONS: tuple[str, ...] = Action.__args__  # type: ignore[attr-defined]
# Actions that get a draft reply; the others (delete, hide_and_escalate, none) never do.
REPLY_ACTIONS: tuple[str, ...] = (
    "answer",
    "correct",
    "thank",
    "refer",
    "refer_political",
    "link_website",
)

DraftKind = Literal[
    "personal_data",
    "case_handling",
    "discrimination",
    "political_assessment",
    "political_religious_statement",
    "budget_without_link",
    "internal_information",
    "crisis_approval_required",
]
DRAFT_KINDS: tuple[str, ...] = DraftKind.__args__  # type: ignore[attr-defined]
Severity = Literal["block", "warn", "info"]
ReferralMode = Literal["resident_resubmits", "municipality_forwards"]
Lang = Literal["nb", "nn"]

_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
_URL_RE = re.compile(r"^https?://[^\s/]+\.[^\s/]+(/\S*)?$")


def _url(value: str) -> str:
    if not _URL_RE.match(value):
        raise ValueError(f"not an http(s) address: {value!r}")
    return value


def _email(value: str) -> str:
    if not _EMAIL_RE.match(value):
        raise ValueError(f"not an e-mail address: {value!r}")
    return value


def _nonblank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _account_number(value: str) -> str:
    from stdnum.no import kontonr

    if not kontonr.is_valid(value):
        raise ValueError(f"{value!r} is not a valid Norwegian account number (check digit)")
    return value


Url = Annotated[str, AfterValidator(_url)]
Email = Annotated[str, AfterValidator(_email)]
Text = Annotated[str, AfterValidator(_nonblank)]
AccountNumber = Annotated[str, AfterValidator(_account_number)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Municipality(_Strict):
    name: Text
    guideline_title: Text
    website: Url


class Clause(_Strict):
    """One passage of the guideline, quoted exactly, with its legal basis as editable text."""

    quote: Text
    legal_basis: list[str] = Field(default_factory=list)
    note: str = ""


class Label(_Strict):
    nb: Text
    nn: Text


class CategoryRule(_Strict):
    action: Action
    clause: str | None = None  # only 'none' may go without
    also: list[str] = Field(default_factory=list)  # further clauses cited beside the main one
    precedence: int = Field(ge=1, le=10)
    label: Label


class Contact(_Strict):
    """Channels for formal inquiries (the referral replies point here)."""

    email: Email
    web_form: Url
    phone: Text
    postal_address: Text
    visiting_address: Text
    opening_hours: Label  # nb and nn: replies in both written standards quote it


class Links(_Strict):
    website: Url
    budget: Url
    organisation: Url
    political_documents: Url


class KnownAccount(_Strict):
    """An account number of the municipality or a known organisation: not personal data."""

    number: AccountNumber
    owner: Text

    @property
    def digits(self) -> str:
        return re.sub(r"\D", "", self.number)


class Templates(_Strict):
    nb: Text
    nn: Text


class Settings(_Strict):
    referral_mode: ReferralMode
    hide_sensitive_immediately: bool = True
    # Platform ids of accounts where comments are closed ("information only").
    closed_comment_accounts: list[str] = Field(default_factory=list)


class DraftRule(_Strict):
    severity: Severity
    clause: str
    enabled: bool = True
    # Extra lexicon entries for this kind, matched case- and æøå-insensitively.
    extra_terms: list[Text] = Field(default_factory=list)


class Policy(_Strict):
    municipality: Municipality
    settings: Settings
    contact: Contact
    links: Links
    known_accounts: list[KnownAccount] = Field(default_factory=list)
    clauses: dict[str, Clause]
    categories: dict[CategoryId, CategoryRule]
    templates: dict[Action, Templates]
    draft_check: dict[DraftKind, DraftRule]

    # --- conveniences for the code that uses a policy ---------------------------------------

    @property
    def precedence(self) -> list[str]:
        """The ten category ids, highest precedence first."""
        ranked = sorted(self.categories.items(), key=lambda kv: kv[1].precedence)
        return [cid for cid, _ in ranked]

    @property
    def exempt_account_numbers(self) -> frozenset[str]:
        """Known account numbers as bare digits (for the Analyzer's exempt_accounts)."""
        return frozenset(a.digits for a in self.known_accounts)

    def clause_ref(self, clause_id: str | None) -> dict[str, str] | None:
        if clause_id is None:
            return None
        return {"id": clause_id, "quote": self.clauses[clause_id].quote}


def reference_problems(policy: Policy) -> list[tuple[str, str]]:
    """Cross-references pydantic cannot see field by field: (dotted field, what is wrong)."""
    errors: list[tuple[str, str]] = []
    for cid in policy.clauses:
        if not _ID_RE.match(cid):
            errors.append((f"clauses.{cid}", "clause ids are lower-case letters, digits and _"))
    missing = [c for c in CATEGORY_IDS if c not in policy.categories]
    if missing:
        errors.append(("categories", f"missing categories: {', '.join(missing)}"))
    ranks = sorted(r.precedence for r in policy.categories.values())
    if not missing and ranks != list(range(1, 11)):
        errors.append(("categories", "precedence must number the ten categories 1 to 10"))
    for cat, rule in policy.categories.items():
        for i, ref in enumerate([rule.clause, *rule.also]):
            where = f"categories.{cat}.clause" if i == 0 else f"categories.{cat}.also"
            if ref is not None and ref not in policy.clauses:
                errors.append((where, f"no clause with id {ref!r}"))
        if rule.clause is None and rule.action != "none":
            errors.append((f"categories.{cat}.clause", "every action but 'none' must cite a clause"))
        if rule.action in REPLY_ACTIONS and rule.action not in policy.templates:
            errors.append(
                (f"templates.{rule.action}", f"missing (category {cat!r} uses this action)")
            )
    for action in policy.templates:
        if action not in REPLY_ACTIONS:
            errors.append((f"templates.{action}", "this action never replies: no template"))
    missing_kinds = [k for k in DRAFT_KINDS if k not in policy.draft_check]
    if missing_kinds:
        errors.append(("draft_check", f"missing finding kinds: {', '.join(missing_kinds)}"))
    for kind, draft_rule in policy.draft_check.items():
        if draft_rule.clause not in policy.clauses:
            errors.append((f"draft_check.{kind}.clause", f"no clause with id {draft_rule.clause!r}"))
    return errors
