"""Permission helpers that every view uses on the server. Templates only hide what these
refuse; the check that counts is always made here."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase as HttpResponse

from .models import User
from .roles import Role

# Roles that may read the audit log and export it.
AUDIT_READERS = (Role.RADMANN, Role.ARKIV)


def has_role(user: Any, *roles: str) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and isinstance(user, User) and user.has_role(*roles)


def require(allowed: bool) -> None:
    """Refuse the request (403) unless allowed."""
    if not allowed:
        raise PermissionDenied


def role_required(*roles: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Sign-in required, then at least one of roles (403 otherwise)."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            require(has_role(request.user, *roles))
            return view(request, *args, **kwargs)

        return login_required(wrapped)

    return decorator


def any_role_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Sign-in and at least one somevakt role (every employee has `ansatt` at least)."""
    return role_required(*Role.values)(view)
