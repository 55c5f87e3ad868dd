"""The approval workflow of an official account: one transition function, one table.

draft -> submitted -> assessed (unit leader: recommend / advise against + comment)
      -> approved | rejected (chief executive) ; approved -> active
active <-> under_review ; active | under_review | approved -> closed ; submitted -> draft

No account becomes active without the chief executive's approval, a purpose, a plan and at
least one active responsible person. The checks live here, so the UI, the admin and any
script share them; OfficialAccount.save() refuses state changes made anywhere else."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from somevakt.web.people.models import User
from somevakt.web.people.notify import notify
from somevakt.web.people.roles import Role
from somevakt.web.records.audit import record_event

from .models import OfficialAccount, Recommendation, Status


class WorkflowError(Exception):
    """The transition is not possible in the account's present state; the message says why."""


def is_unit_leader(user: Any, account: OfficialAccount) -> bool:
    return isinstance(user, User) and user.has_role(Role.ENHETSLEDER) and account.unit.leader_id == user.pk


def is_radmann(user: Any) -> bool:
    return isinstance(user, User) and user.has_role(Role.RADMANN)


def is_applicant_side(user: Any, account: OfficialAccount) -> bool:
    """The applicant, a responsible person, or the unit's leader."""
    if not isinstance(user, User) or not user.is_active:
        return False
    if not user.has_role(Role.ENHETSLEDER, Role.KONTOANSVARLIG, Role.RADMANN):
        return False
    return (
        account.created_by_id == user.pk
        or is_unit_leader(user, account)
        or account.responsible.filter(pk=user.pk).exists()
    )


def can_create(user: Any) -> bool:
    return isinstance(user, User) and user.has_role(Role.ENHETSLEDER, Role.KONTOANSVARLIG, Role.RADMANN)


def can_edit_application(user: Any, account: OfficialAccount) -> bool:
    return account.status == Status.DRAFT and is_applicant_side(user, account)


def can_manage(user: Any, account: OfficialAccount) -> bool:
    """Change responsible persons, review date and information-only on a live account."""
    return account.status in (Status.APPROVED, Status.ACTIVE, Status.UNDER_REVIEW) and (
        is_unit_leader(user, account) or is_radmann(user)
    )


def missing_for_activation(account: OfficialAccount, *, approval: bool = True) -> list[str]:
    """What the account lacks before it may be active (or, without approval, submitted)."""
    missing = []
    if approval and not (account.approved and account.decided_by_id):
        missing.append(_("the chief executive's approval"))
    if not account.purpose.strip():
        missing.append(_("a purpose"))
    if not account.plan.strip():
        missing.append(_("a plan for use and follow-up"))
    if not account.active_responsible().exists():
        missing.append(_("at least one active responsible person"))
    return missing


def missing_for_submission(account: OfficialAccount) -> list[str]:
    return missing_for_activation(account, approval=False)


@dataclass(frozen=True)
class Action:
    label: Any
    sources: tuple[str, ...]
    target: str
    allowed: Callable[[Any, OfficialAccount], bool]
    needs_reason: bool = False


ACTIONS: dict[str, Action] = {
    "submit": Action(gettext_lazy("Submit for assessment"), (Status.DRAFT,), Status.SUBMITTED, is_applicant_side),
    "withdraw": Action(gettext_lazy("Withdraw to draft"), (Status.SUBMITTED,), Status.DRAFT, is_applicant_side),
    "assess": Action(gettext_lazy("Assess"), (Status.SUBMITTED,), Status.ASSESSED, is_unit_leader, needs_reason=True),
    "approve": Action(gettext_lazy("Approve"), (Status.ASSESSED,), Status.APPROVED, lambda u, a: is_radmann(u)),
    "reject": Action(
        gettext_lazy("Reject"), (Status.ASSESSED,), Status.REJECTED, lambda u, a: is_radmann(u), needs_reason=True
    ),
    "activate": Action(
        gettext_lazy("Activate"), (Status.APPROVED,), Status.ACTIVE,
        lambda u, a: is_applicant_side(u, a) or is_radmann(u),
    ),
    "start_review": Action(
        gettext_lazy("Start review"), (Status.ACTIVE,), Status.UNDER_REVIEW,
        lambda u, a: is_unit_leader(u, a) or is_radmann(u),
    ),
    "finish_review": Action(
        gettext_lazy("Finish review and keep active"), (Status.UNDER_REVIEW,), Status.ACTIVE,
        lambda u, a: is_unit_leader(u, a) or is_radmann(u), needs_reason=True,
    ),
    "close": Action(
        gettext_lazy("Close the account"), (Status.APPROVED, Status.ACTIVE, Status.UNDER_REVIEW), Status.CLOSED,
        lambda u, a: is_unit_leader(u, a) or is_radmann(u), needs_reason=True,
    ),
}


def available_actions(user: Any, account: OfficialAccount) -> list[tuple[str, Action]]:
    return [(name, a) for name, a in ACTIONS.items() if account.status in a.sources and a.allowed(user, account)]


def transition(
    account: OfficialAccount,
    action: str,
    actor: Any,
    *,
    reason: str = "",
    recommendation: str = "",
) -> OfficialAccount:
    """Move the account by `action`, as `actor`; the only way to change an account's state.

    Raises PermissionDenied when the actor may not, WorkflowError when the account's state or
    content does not allow it. Records an audit event and notifies the people concerned."""
    spec = ACTIONS.get(action)
    if spec is None:
        raise WorkflowError(_("Unknown action."))
    with transaction.atomic():
        account = OfficialAccount.objects.select_for_update().select_related("unit").get(pk=account.pk)
        if not spec.allowed(actor, account):
            raise PermissionDenied
        if account.status not in spec.sources:
            raise WorkflowError(
                _("Not possible while the account is “%(status)s”.") % {"status": account.get_status_display()}
            )
        reason = reason.strip()
        if spec.needs_reason and not reason:
            raise WorkflowError(_("Write a comment or reason."))
        now = timezone.now()
        previous = account.status
        data: dict[str, Any] = {"from": previous, "to": spec.target}

        if action == "submit":
            missing = missing_for_submission(account)
            if missing:
                raise WorkflowError(_("The application lacks: %(missing)s.") % {"missing": ", ".join(missing)})
            account.submitted_at = now
        elif action == "assess":
            if recommendation not in Recommendation.values:
                raise WorkflowError(_("Choose recommend or advise against."))
            account.recommendation = recommendation
            account.assessment_comment = reason
            account.assessed_by = actor
            account.assessed_at = now
            data["recommendation"] = recommendation
        elif action in ("approve", "reject"):
            account.decided_by = actor
            account.decided_at = now
            account.decision_comment = reason
            account.approved = action == "approve"
        elif action in ("activate", "finish_review"):
            missing = missing_for_activation(account)
            if missing:
                raise WorkflowError(_("The account cannot be active without: %(missing)s.") % {"missing": ", ".join(missing)})
            if action == "finish_review" and account.review_overdue():
                raise WorkflowError(_("Set a new review date first."))
        elif action == "withdraw":
            account.recommendation = ""
        if action == "close":
            account.approved = False

        account.status = spec.target
        account._transition_allowed = True  # type: ignore[attr-defined]
        try:
            account.save()
        finally:
            account._transition_allowed = False  # type: ignore[attr-defined]
        record_event(actor, f"account.{action}", account, reason=reason, data=data)
        _notify_after(account, action, actor)
        if action == "finish_review":
            from .flags import resolve_flags

            resolve_flags(account, actor)
    return account


def _notify_after(account: OfficialAccount, action: str, actor: Any) -> None:
    url = reverse("accounts:detail", args=[account.pk])
    name = str(account)
    if action == "submit":
        notify([account.unit.leader], _("New account application to assess: %(name)s") % {"name": name},
               _("%(who)s has applied for an official account for %(unit)s.") % {"who": actor, "unit": account.unit}, url)
    elif action == "assess":
        chiefs = User.objects.filter(is_active=True, role_grants__role=Role.RADMANN).distinct()
        notify(chiefs, _("Account application ready for decision: %(name)s") % {"name": name},
               _("Assessed by %(who)s: %(rec)s.") % {"who": actor, "rec": account.get_recommendation_display()}, url)
    elif action in ("approve", "reject"):
        subject = (_("Account approved: %(name)s") if action == "approve" else _("Account rejected: %(name)s")) % {"name": name}
        notify([account.created_by, *account.responsible.all(), account.unit.leader], subject, account.decision_comment, url)
