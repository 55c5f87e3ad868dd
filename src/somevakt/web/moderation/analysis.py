"""The worker's analysis step: pending comments through somevakt.processing.CommentProcessor.

A comment whose analysis fails stays in the inbox, marked, with the error (the exception's
type only, never its text) and is retried a few times. When the policy says `hide_now`
(sensitive data), a hide job is queued at once, before any person has seen the comment.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from somevakt.jsonl import InputRecord
from somevakt.web.records.audit import record_event

from .models import URGENCY, URGENCY_DEFAULT, URGENCY_FAILED, Comment, OutboxJob

log = logging.getLogger(__name__)
MAX_ANALYSIS_ATTEMPTS = 3

_processor: Any = None


def processor() -> Any:
    """One CommentProcessor per process (the models load once)."""
    global _processor
    if _processor is None:
        from somevakt.processing import CommentProcessor

        _processor = CommentProcessor()
    return _processor


def analyze_pending(batch: int = 200, proc: Any = None) -> int:
    """Analyse up to `batch` pending comments. Returns how many were handled.

    The analysis runs outside any transaction (SQLite serializes writers; a long transaction
    would stall the webhook). Results are written in one short transaction, each only if the
    comment is unchanged since it was read (an edit meanwhile leaves it pending for the next
    round; two workers on the same comment write the same result once).
    """
    proc = proc or processor()
    pending = list(
        Comment.objects.filter(analysis_state=Comment.Analysis.PENDING)
        .order_by("id")
        .only("id", "message", "version", "analysis_attempts")[:batch]
    )
    if not pending:
        return 0
    results: list[tuple[Comment, dict[str, Any] | None, str]] = []
    for comment in pending:
        try:
            out = proc.process(InputRecord(0, comment.pk, comment.message, None, None, {}))
            results.append((comment, out, ""))
        except Exception as exc:  # one failing comment must not stop the others, nor be lost
            results.append((comment, None, f"analysis failed: {type(exc).__name__}"))
            log.warning("analysis of comment %s failed (%s)", comment.pk, type(exc).__name__)
    with transaction.atomic():
        for comment, out, error in results:
            _store(comment, out, error)
    return len(results)


def _store(read: Comment, out: dict[str, Any] | None, error: str) -> None:
    current = Comment.objects.filter(
        pk=read.pk, version=read.version, analysis_state=Comment.Analysis.PENDING
    )
    if out is None:
        attempts = read.analysis_attempts + 1
        current.update(
            analysis_attempts=attempts,
            analysis_error=error[:200],
            analysis_state=(
                Comment.Analysis.FAILED if attempts >= MAX_ANALYSIS_ATTEMPTS else Comment.Analysis.PENDING
            ),
            urgency=URGENCY_FAILED,
        )
        return
    clause = out.get("clause") or {}
    findings = out.get("findings") or []
    category = str(out.get("category") or "")
    hide_now = bool(out.get("hide_now"))
    updated = current.update(
        lang=str(out.get("lang") or "")[:10],
        category=category,
        action=str(out.get("action") or "")[:30],
        clause_id=str(clause.get("id") or "")[:60] if isinstance(clause, dict) else "",
        clause_quote=str(clause.get("quote") or "") if isinstance(clause, dict) else str(clause),
        confidence=out.get("confidence"),
        findings=findings,
        redacted=str(out.get("redacted") or ""),
        has_sensitive=any(f.get("sensitive") for f in findings),
        reply_draft=str(out.get("reply") or ""),
        hide_now=hide_now,
        analysis_state=Comment.Analysis.DONE,
        analysis_error="",
        analyzed_version=read.version,
        urgency=URGENCY.get(category, URGENCY_DEFAULT),
    )
    if not (updated and hide_now):
        return
    comment = Comment.objects.get(pk=read.pk)
    if comment.is_hidden or comment.deleted_on_platform:
        return
    job, created = OutboxJob.objects.get_or_create(
        idempotency_key=f"auto-hide:{comment.pk}:v{read.version}",
        defaults={"comment": comment, "kind": OutboxJob.Kind.HIDE},
    )
    if created:
        record_event(
            None, "comment.auto_hidden", comment,
            reason="Policy: sensitive data is hidden at once, before review",
            data={"account": comment.account_id, "category": category,
                  "clause": comment.clause_id, "job": job.pk},
        )


def retry_failed(older_than: timedelta = timedelta(minutes=10)) -> int:
    """Give failed analyses another round (the analysis may have been fixed since)."""
    return Comment.objects.filter(
        analysis_state=Comment.Analysis.FAILED, received_at__lt=timezone.now() - older_than
    ).update(analysis_state=Comment.Analysis.PENDING, analysis_attempts=0)
