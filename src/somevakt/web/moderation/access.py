"""Who sees and acts on an account's comments: its responsible persons, its unit's leader and
the chief executive. Nobody else, through any view. Only the responsible persons may reveal
a sensitive comment's original text (each reveal is an audit event)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from somevakt.web.accounts.models import OfficialAccount
from somevakt.web.people.models import User
from somevakt.web.people.roles import Role


def _active_user(user: Any) -> User | None:
    if isinstance(user, User) and user.is_authenticated and user.is_active:
        return user
    return None


def visible_accounts(user: Any) -> QuerySet[OfficialAccount]:
    u = _active_user(user)
    if u is None:
        return OfficialAccount.objects.none()
    if u.has_role(Role.RADMANN):
        return OfficialAccount.objects.all()
    ids = OfficialAccount.objects.filter(Q(responsible=u) | Q(unit__leader=u)).values("pk")
    return OfficialAccount.objects.filter(pk__in=ids)


def can_moderate(user: Any, account: OfficialAccount) -> bool:
    return visible_accounts(user).filter(pk=account.pk).exists()


def can_see_original(user: Any, account: OfficialAccount) -> bool:
    u = _active_user(user)
    return u is not None and account.responsible.filter(pk=u.pk).exists()


def uses_inbox(user: Any) -> bool:
    return visible_accounts(user).exists()
