"""Backfill from a JSONL or CSV export into the inbox (through the same upsert as webhooks)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from somevakt.platforms.importer import ImportedComment, RowError, read_export
from somevakt.web.accounts.models import OfficialAccount

from .ingest import IncomingComment, accounts_by_page, upsert


@dataclass
class ImportResult:
    new: int = 0
    known: int = 0
    errors: list[RowError] = field(default_factory=list)


def import_file(
    path: Path,
    account: OfficialAccount | None = None,
    progress: Callable[[int], None] | None = None,
    batch: int = 500,
) -> ImportResult:
    result = ImportResult()
    pending: list[ImportedComment] = []

    def flush() -> None:
        pages = accounts_by_page(r.page_id for r in pending) if account is None else {}
        with transaction.atomic():
            for r in pending:
                target = account or pages.get(r.page_id)
                if target is None:
                    result.errors.append(RowError(r.line, f"no connected account for page {r.page_id or '(none)'}"))
                    continue
                _c, created = upsert(target, IncomingComment(
                    platform_id=r.comment_id, post_id=r.post_id, parent_id=r.parent_id or r.post_id,
                    author_id=r.from_id, author_name=r.from_name, message=r.message,
                    created_time=r.created_time), "import")
                if created:
                    result.new += 1
                else:
                    result.known += 1
        if progress:
            progress(len(pending))
        pending.clear()

    for row in read_export(path):
        if isinstance(row, RowError):
            result.errors.append(row)
            if progress:
                progress(1)
            continue
        pending.append(row)
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
    return result
