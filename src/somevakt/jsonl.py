"""Read JSON Lines input robustly: each line becomes a record or a clear error.

A bad line never stops the run: it yields an error record in its place, naming the
line number and what is wrong, and the rest are processed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

MAX_TEXT_CHARS = 100_000  # a longer text is an error, not a silent truncation


@dataclass(slots=True)
class InputRecord:
    line: int
    id: Any
    text: str
    context: str | None
    lang: str | None
    raw: dict[str, Any]


@dataclass(slots=True)
class InputError:
    line: int
    id: Any
    error: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "line": self.line, "error": self.error}


def parse_line(raw: bytes, line_no: int) -> InputRecord | InputError | None:
    """Parse one line of bytes. Blank lines are skipped (None)."""
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return InputError(line_no, None, f"invalid UTF-8 at byte {exc.start}")
    if not decoded.strip():
        return None
    try:
        obj = json.loads(decoded)
    except json.JSONDecodeError as exc:
        return InputError(line_no, None, f"not valid JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(obj, dict):
        return InputError(line_no, None, "expected a JSON object with a 'text' field")
    rec_id = obj.get("id")
    if "text" not in obj:
        return InputError(line_no, rec_id, "missing field 'text'")
    text = obj["text"]
    if not isinstance(text, str):
        return InputError(
            line_no, rec_id, f"field 'text' must be a string, got {type(text).__name__}"
        )
    if len(text) > MAX_TEXT_CHARS:
        return InputError(
            line_no,
            rec_id,
            f"field 'text' is {len(text)} characters, over the limit of {MAX_TEXT_CHARS}",
        )
    context = obj.get("context")
    if context is not None and not isinstance(context, str):
        return InputError(line_no, rec_id, "field 'context' must be a string when given")
    lang = obj.get("lang")
    if lang is not None and lang not in ("nb", "nn"):
        lang = None
    return InputRecord(line_no, rec_id, text, context, lang, obj)


def read_records(lines: Iterable[bytes]) -> Iterator[InputRecord | InputError]:
    for i, raw in enumerate(lines, start=1):
        parsed = parse_line(raw.rstrip(b"\r\n"), i)
        if parsed is not None:
            yield parsed
