from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from .models import User
from .roles import Role


def people(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    ctx: dict[str, Any] = {"oidc_enabled": settings.OIDC_ENABLED, "unread_notifications": 0}
    if isinstance(user, User) and user.is_authenticated:
        ctx["unread_notifications"] = user.notifications.filter(read_at__isnull=True).count()
        ctx["can_read_audit"] = user.has_role(Role.RADMANN, Role.ARKIV)
    return ctx
