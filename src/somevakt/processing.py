"""Turn one input record into one output record: the shared step of analyze and its workers."""

from __future__ import annotations

from typing import Any

from somevakt.analysis.engine import Analyzer
from somevakt.jsonl import InputError, InputRecord


class CommentProcessor:
    """Analyses comments. Built once per process; models load in the constructor."""

    def __init__(self) -> None:
        self.analyzer = Analyzer()

    def process(self, rec: InputRecord) -> dict[str, Any]:
        analysis = self.analyzer.analyze(rec.text, rec.lang)
        out: dict[str, Any] = {"id": rec.id}
        out.update(analysis.to_dict())
        return out


def process_or_error(processor: CommentProcessor, item: InputRecord | InputError) -> dict[str, Any]:
    if isinstance(item, InputError):
        return item.to_dict()
    try:
        return processor.process(item)
    except Exception as exc:  # one failing comment must not stop the batch
        # The message names the exception type only: it must not echo comment text.
        return {"id": item.id, "line": item.line, "error": f"analysis failed: {type(exc).__name__}"}


# Per-process state for --workers N.
_worker_processor: CommentProcessor | None = None


def _init_worker() -> None:
    global _worker_processor
    _worker_processor = CommentProcessor()


def _work(item: InputRecord | InputError) -> dict[str, Any]:
    assert _worker_processor is not None
    return process_or_error(_worker_processor, item)
