from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from somevakt.web.moderation.worker import loop


class Command(BaseCommand):
    help = "Analyse new comments, make the outbox's platform calls, and poll the pages."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="one round, then exit")
        parser.add_argument("--poll-every", type=float, default=60.0, help="seconds between polls (0: never)")
        parser.add_argument("--no-analysis", action="store_true")
        parser.add_argument("--no-jobs", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        loop(
            once=options["once"],
            analyze=not options["no_analysis"],
            jobs=not options["no_jobs"],
            poll_every=options["poll_every"],
        )
