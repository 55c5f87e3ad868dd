"""Connect the demo's active Facebook account to the simulator's page (idempotent)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from somevakt.web.accounts.models import OfficialAccount
from somevakt.web.records.audit import record_event


class Command(BaseCommand):
    help = "Connect the demo's active Facebook account to the simulated page."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--page-id", default="100000000000001")

    def handle(self, *args: Any, **options: Any) -> None:
        page_id = options["page_id"]
        if OfficialAccount.objects.filter(platform="facebook", platform_id=page_id).exists():
            return
        account = OfficialAccount.objects.filter(platform="facebook", status="active", platform_id="").order_by("pk").first()
        if account is None:
            self.stderr.write("no active Facebook account to connect")
            return
        account.platform_id = page_id
        account.save()
        record_event(None, "account.connected", account, reason="Demo: connected to the simulated page",
                     data={"platform_id": page_id})
        self.stdout.write(f"{account.name} is connected to page {page_id}")
