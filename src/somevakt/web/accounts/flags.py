"""Flags on live accounts: a responsible person left or was deactivated, no active responsible
person remains, or the review date has passed. Raising a flag notifies the unit leader once."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from somevakt.web.people.models import User
from somevakt.web.people.notify import notify
from somevakt.web.people.signals import person_deactivated
from somevakt.web.records.audit import record_event

from .models import LIVE_STATES, AccountFlag, FlagKind, OfficialAccount


def raise_flag(account: OfficialAccount, kind: str, person: User | None = None, actor: Any = None) -> AccountFlag | None:
    """Open a flag unless the same one is open already; notify the unit leader. Returns the new flag."""
    with transaction.atomic():
        if AccountFlag.objects.filter(account=account, kind=kind, person=person, resolved_at__isnull=True).exists():
            return None
        flag = AccountFlag.objects.create(account=account, kind=kind, person=person)
        record_event(actor, "account.flagged", account, data={"flag": kind, "person": person.get_username() if person else None})
        subject = _("Account needs attention: %(name)s") % {"name": account}
        body = str(flag.get_kind_display())
        if person is not None:
            body += f": {person}"
        notify([account.unit.leader], subject, body, reverse("accounts:detail", args=[account.pk]))
    return flag


def resolve_flags(account: OfficialAccount, actor: Any = None) -> int:
    """Close the flags whose cause is gone; return how many were closed."""
    today = timezone.localdate()
    open_flags = list(account.flags.filter(resolved_at__isnull=True))
    active_ids = set(account.active_responsible().values_list("pk", flat=True))
    listed_ids = set(account.responsible.values_list("pk", flat=True))
    closed = 0
    for flag in open_flags:
        gone = (
            (flag.kind == FlagKind.REVIEW_DUE and not account.review_overdue(today))
            or (flag.kind == FlagKind.NO_RESPONSIBLE and active_ids)
            or (flag.kind == FlagKind.RESPONSIBLE_LEFT and flag.person_id not in listed_ids and active_ids)
            or account.status not in LIVE_STATES
        )
        if gone:
            flag.resolved_at = timezone.now()
            flag.save(update_fields=["resolved_at"])
            record_event(actor, "account.flag_resolved", account, data={"flag": flag.kind})
            closed += 1
    return closed


def check_account(account: OfficialAccount, today: date | None = None, actor: Any = None) -> None:
    if account.status not in LIVE_STATES:
        resolve_flags(account, actor)
        return
    if account.review_overdue(today):
        raise_flag(account, FlagKind.REVIEW_DUE, actor=actor)
    if not account.active_responsible().exists():
        raise_flag(account, FlagKind.NO_RESPONSIBLE, actor=actor)
    for person in account.responsible.filter(is_active=False):
        raise_flag(account, FlagKind.RESPONSIBLE_LEFT, person, actor=actor)
    resolve_flags(account, actor)


def check_accounts(today: date | None = None) -> int:
    """Check every live account (run by `manage.py check_accounts`); return open flag count."""
    for account in OfficialAccount.objects.filter(status__in=LIVE_STATES).select_related("unit"):
        check_account(account, today)
    return AccountFlag.objects.filter(resolved_at__isnull=True).count()


@receiver(person_deactivated)
def _on_person_deactivated(sender: Any, user: User, **kwargs: Any) -> None:
    for account in user.responsible_for.filter(status__in=LIVE_STATES).select_related("unit"):
        raise_flag(account, FlagKind.RESPONSIBLE_LEFT, user)
        check_account(account)
