from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from somevakt.web.people.permissions import any_role_required, require
from somevakt.web.records.audit import record_event

from . import workflow
from .flags import check_account
from .forms import ApplicationForm, ManageForm, TransitionForm
from .models import OfficialAccount, Status

TRACKED = ["platform", "name", "address", "unit", "purpose", "plan", "information_only", "review_date", "platform_id"]


def _snapshot(account: OfficialAccount) -> dict[str, Any]:
    snap: dict[str, Any] = {f: getattr(account, f) for f in TRACKED}
    snap["unit"] = str(account.unit) if account.unit_id else None
    snap["responsible"] = sorted(u.get_username() for u in account.responsible.all()) if account.pk else []
    return snap


def _diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    return {k: {"from": before[k], "to": after[k]} for k in after if before.get(k) != after[k]}


@any_role_required
def account_list(request: HttpRequest) -> HttpResponse:
    accounts = OfficialAccount.objects.select_related("unit").prefetch_related("responsible")
    status = request.GET.get("status", "")
    if status in Status.values:
        accounts = accounts.filter(status=status)
    return render(
        request,
        "accounts/account_list.html",
        {"accounts": accounts, "statuses": Status.choices, "status": status, "can_create": workflow.can_create(request.user)},
    )


@any_role_required
def account_detail(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(OfficialAccount.objects.select_related("unit", "created_by"), pk=pk)
    actions = workflow.available_actions(request.user, account)
    return render(
        request,
        "accounts/account_detail.html",
        {
            "account": account,
            "actions": actions,
            "form": TransitionForm(),
            "needs_recommendation": any(name == "assess" for name, _a in actions),
            "can_edit": workflow.can_edit_application(request.user, account),
            "can_manage": workflow.can_manage(request.user, account),
            "open_flags": account.flags.filter(resolved_at__isnull=True).select_related("person"),
            "missing": workflow.missing_for_activation(account) if account.status in (Status.APPROVED, Status.DRAFT) else [],
        },
    )


@any_role_required
def account_create(request: HttpRequest) -> HttpResponse:
    require(workflow.can_create(request.user))
    initial = {"unit": getattr(request.user, "unit", None)}
    form = ApplicationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            account = form.save(commit=False)
            account.created_by = request.user
            account.save()
            form.save_m2m()
            record_event(request.user, "account.created", account, data=_snapshot(account))
        messages.success(request, _("The application is saved as a draft. Submit it when it is ready."))
        return redirect(account)
    return render(request, "accounts/account_form.html", {"form": form, "title": _("Apply for an official account")})


def _save_changes(request: HttpRequest, pk: int, form: Any, reason: str = "") -> OfficialAccount:
    """Save an account form and record what changed as one audit event (none if nothing did)."""
    before = _snapshot(OfficialAccount.objects.get(pk=pk))
    account = form.save()
    changes = _diff(before, _snapshot(account))
    if changes:
        record_event(request.user, "account.changed", account, reason=reason, data=changes)
    return account


@any_role_required
def account_edit(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(OfficialAccount, pk=pk)
    require(workflow.can_edit_application(request.user, account))
    form = ApplicationForm(request.POST or None, instance=account)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            account = _save_changes(request, pk, form)
        messages.success(request, _("Changes saved."))
        return redirect(account)
    return render(request, "accounts/account_form.html", {"form": form, "account": account, "title": _("Edit application")})


@any_role_required
def account_manage(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(OfficialAccount, pk=pk)
    require(workflow.can_manage(request.user, account))
    form = ManageForm(request.POST or None, instance=account)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            account = _save_changes(request, pk, form, reason=form.data.get("reason", ""))
            check_account(account, actor=request.user)
        messages.success(request, _("Changes saved."))
        return redirect(account)
    return render(request, "accounts/account_form.html", {"form": form, "account": account, "title": _("Manage account")})


@require_POST
@any_role_required
def account_transition(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    account = get_object_or_404(OfficialAccount, pk=pk)
    spec = workflow.ACTIONS.get(action)
    require(spec is not None and spec.allowed(request.user, account))
    form = TransitionForm(request.POST)
    form.is_valid()
    data = form.cleaned_data if form.is_valid() else {}
    try:
        workflow.transition(
            account, action, request.user,
            reason=data.get("reason", ""), recommendation=data.get("recommendation", ""),
        )
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        account.refresh_from_db()
        messages.success(request, _("Done: the account is now “%(status)s”.") % {"status": account.get_status_display()})
    return redirect("accounts:detail", pk=pk)


def accounts_for(user: Any) -> Any:
    """Accounts the user answers for: as leader of the unit, responsible person or applicant."""
    return OfficialAccount.objects.filter(
        Q(unit__leader=user) | Q(responsible=user) | Q(created_by=user)
    ).distinct()
