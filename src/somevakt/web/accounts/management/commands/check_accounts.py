from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from somevakt.web.accounts.flags import check_accounts


class Command(BaseCommand):
    help = "Flag live accounts whose review date has passed or that lack an active responsible person."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loop", type=float, default=0, help="repeat every N seconds (0: once)")

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            open_flags = check_accounts()
            self.stdout.write(f"accounts checked; {open_flags} open flag(s)")
            if not options["loop"]:
                return
            time.sleep(options["loop"])
