from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .access import uses_inbox


def moderation(request: HttpRequest) -> dict[str, Any]:
    """`uses_inbox`: show the inbox in the menu to those who may see some account's comments."""
    user = getattr(request, "user", None)
    return {"uses_inbox": bool(user is not None and user.is_authenticated and uses_inbox(user))}
