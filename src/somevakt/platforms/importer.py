"""Read a JSONL or CSV export of comments for a backfill. Django-free.

Fields (JSONL keys or CSV headers; Graph API names are accepted too):
  id | comment_id            the platform's comment id (required)
  message | text            the comment's text (required)
  post_id                   the post it is on
  parent_id | parent.id     the comment it replies to, if any
  page_id                   the page (or give --account on the command line)
  from_id | from.id, from_name | from.name | author
  created_time              unix seconds or ISO 8601
Each bad row becomes an ImportError naming its line; the rest are read.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from somevakt.platforms.facebook import parse_time


@dataclass(slots=True)
class ImportedComment:
    line: int
    comment_id: str
    message: str
    post_id: str
    parent_id: str
    page_id: str
    from_id: str
    from_name: str
    created_time: datetime | None


@dataclass(slots=True)
class RowError:
    line: int
    error: str


def _pick(row: dict[str, Any], *names: str) -> str:
    for name in names:
        if "." in name:
            outer, inner = name.split(".", 1)
            value = row.get(outer)
            if isinstance(value, dict) and value.get(inner) not in (None, ""):
                return str(value[inner])
        elif row.get(name) not in (None, ""):
            value = row[name]
            return value if isinstance(value, str) else str(value)
    return ""


def from_row(row: dict[str, Any], line: int) -> ImportedComment | RowError:
    cid = _pick(row, "comment_id", "id")
    if not cid:
        return RowError(line, "missing 'id' (the comment id)")
    message = _pick(row, "message", "text")
    if not message:
        return RowError(line, "missing 'message'")
    raw_time = row.get("created_time")
    try:
        created = parse_time(raw_time) if raw_time not in (None, "") else None
    except (ValueError, OverflowError, OSError):
        return RowError(line, "'created_time' is not a valid time")
    return ImportedComment(
        line=line,
        comment_id=cid,
        message=message,
        post_id=_pick(row, "post_id"),
        parent_id=_pick(row, "parent_id", "parent.id"),
        page_id=_pick(row, "page_id"),
        from_id=_pick(row, "from_id", "from.id"),
        from_name=_pick(row, "from_name", "from.name", "author"),
        created_time=created,
    )


def read_export(path: Path) -> Iterator[ImportedComment | RowError]:
    """Rows of a .jsonl/.ndjson or .csv export."""
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            start = 2  # the line a row starts on: a quoted message may span several lines
            for row in reader:
                yield from_row(dict(row), start)
                start = reader.line_num + 1
        return
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                yield RowError(n, "not valid JSON")
                continue
            yield (
                from_row(obj, n) if isinstance(obj, dict) else RowError(n, "expected a JSON object")
            )


def count_rows(path: Path) -> int:
    with path.open("rb") as fh:
        n = sum(1 for line in fh if line.strip())
    return max(0, n - 1) if path.suffix.lower() == ".csv" else n


def write_csv(rows: list[dict[str, Any]]) -> str:
    """Rows as a CSV export (for tests and tools)."""
    out = io.StringIO()
    fields = [
        "id",
        "page_id",
        "post_id",
        "parent_id",
        "from_id",
        "from_name",
        "message",
        "created_time",
    ]
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
