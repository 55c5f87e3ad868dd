from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from somevakt.web.records.audit import verify_chain


class Command(BaseCommand):
    help = "Check the audit log's hash chain; report any edited, removed or reordered event."

    def handle(self, *args: Any, **options: Any) -> None:
        count, problems = verify_chain()
        for problem in problems:
            self.stderr.write(str(problem))
        if problems:
            raise CommandError(f"audit log BROKEN: {len(problems)} problem(s) in {count} events")
        self.stdout.write(f"audit log intact: {count} events")
