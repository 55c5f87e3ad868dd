"""An account's connection to its platform: an expired or invalid page token (Graph error 190).

When the platform refuses the token, retrying is useless until a person renews it. So the
account's connection is marked as needing a new token, its outbox jobs wait (they are not
failed and their attempts are not spent), polling of the account stops, and the account's
responsible persons and its unit's leader are told, in the app and by e-mail, once per
expiry. When a person says the token has been renewed, the waiting jobs continue.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from somevakt.web.accounts.models import OfficialAccount
from somevakt.web.people.notify import notify
from somevakt.web.records.audit import record_event

from .models import SyncState

log = logging.getLogger(__name__)


def token_expired(account_id: int) -> bool:
    return SyncState.objects.filter(account_id=account_id, token_expired_at__isnull=False).exists()


def blocked_accounts() -> Any:
    """The ids of accounts whose token must be renewed (a subquery)."""
    return SyncState.objects.filter(token_expired_at__isnull=False).values("account_id")


def mark_token_expired(account_id: int, error: str = "") -> bool:
    """Mark the account's connection as needing a new token. Returns True the first time
    (only then are people notified), False when it was already marked."""
    with transaction.atomic():
        SyncState.objects.get_or_create(account_id=account_id)
        first = SyncState.objects.filter(account_id=account_id, token_expired_at__isnull=True).update(
            token_expired_at=timezone.now(), last_error=error[:300]
        )
        if not first:
            return False
        account = OfficialAccount.objects.select_related("unit__leader").get(pk=account_id)
        record_event(None, "account.token_expired", account,
                     reason="The platform refused the page token (Graph error 190)",
                     data={"account": account.pk})
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("The connection to %(account)s needs a new access token") % {"account": account.name}
            body = _(
                "Facebook no longer accepts the page access token for %(account)s. Replies, hiding and "
                "other actions on the account wait, and no comments are fetched by polling, until an "
                "administrator has renewed the token. Nothing is lost: the waiting actions are carried "
                "out when the token works again."
            ) % {"account": account.name}
        recipients = [*account.active_responsible(), account.unit.leader if account.unit_id else None]
        notify(recipients, subject, body, reverse("moderation:outbox"))
    log.error("the page token for account %s was refused; its outbox jobs wait for a new token", account_id)
    return True


def token_renewed(account: OfficialAccount, user: Any) -> bool:
    """A person says the token has been renewed: the account's waiting jobs continue."""
    with transaction.atomic():
        cleared = SyncState.objects.filter(account=account, token_expired_at__isnull=False).update(
            token_expired_at=None, last_error=""
        )
        if cleared:
            record_event(user, "account.token_renewed", account, data={"account": account.pk})
    return bool(cleared)
