"""Notify people: an in-app notification, and an e-mail through Django's e-mail backend."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail

from .models import Notification, User

log = logging.getLogger(__name__)


def notify(recipients: Iterable[User | None], subject: str, body: str = "", url: str = "") -> list[Notification]:
    """Create one notification per distinct active recipient and e-mail those with an address."""
    made: list[Notification] = []
    seen: set[int] = set()
    for user in recipients:
        if user is None or not user.is_active or user.pk in seen:
            continue
        seen.add(user.pk)
        made.append(Notification.objects.create(recipient=user, subject=subject, body=body, url=url))
        if user.email:
            text = body + (f"\n\n{settings.SOMEVAKT_BASE_URL.rstrip('/')}{url}" if url else "")
            try:
                send_mail(subject, text, None, [user.email])
            except Exception:  # the in-app notification stands even when mail is down
                log.exception("could not e-mail %s", user.email)
    return made
