"""The worker's analysis step: pending comments through somevakt.processing.CommentProcessor.

A comment whose analysis fails stays in the inbox, marked, with the error (the exception's
type only, never its text) and is retried a few times. When the policy says `hide_now`
(sensitive data), a hide job is queued at once, before any person has seen the comment.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any, cast

from django.db import connection, transaction
from django.db.models import F, Field
from django.utils import timezone

from somevakt.jsonl import InputRecord
from somevakt.web.records.audit import record_event, record_events

from .dbretry import with_retry
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


ANALYSIS_CHUNK = 64  # the name model runs a chunk of texts through its network together


def analyze_pending(batch: int = 256, proc: Any = None, *, shard: tuple[int, int] | None = None) -> int:
    """Analyse up to `batch` pending comments. Returns how many were handled.

    The comments go through `CommentProcessor.process_many` in chunks of 64 (much faster
    than one by one); a chunk that fails is redone one by one so only the failing comment
    errs. The analysis runs outside any transaction (SQLite serializes writers; a long
    transaction would stall the webhook). Results are written in one short transaction per
    chunk, each only if the comment is unchanged since it was read (an edit meanwhile leaves
    it pending for the next round; two workers on the same comment write the same result
    once). `shard=(i, n)` takes only comments with id % n == i, so n analysis workers
    share the queue without doing the same work twice.
    """
    proc = proc or processor()
    qs = Comment.objects.filter(analysis_state=Comment.Analysis.PENDING)
    if shard is not None and shard[1] > 1:
        qs = qs.annotate(_shard=F("id") % shard[1]).filter(_shard=shard[0])
    pending = list(qs.order_by("id").only("id", "message", "version", "analysis_attempts")[:batch])
    if not pending:
        return 0
    for start in range(0, len(pending), ANALYSIS_CHUNK):
        chunk = pending[start:start + ANALYSIS_CHUNK]
        results = _analyse(proc, chunk)
        with_retry(lambda results=results: _store_all(results))  # type: ignore[misc]
    return len(pending)


def _analyse(proc: Any, chunk: list[Comment]) -> list[tuple[Comment, dict[str, Any] | None, str]]:
    recs = [InputRecord(0, c.pk, c.message, None, None, {}) for c in chunk]
    many = getattr(proc, "process_many", None)
    if many is not None:
        try:
            return [(c, out, "") for c, out in zip(chunk, many(recs), strict=True)]
        except Exception:  # redo one by one below, so only the failing comment errs
            log.info("batch analysis failed; analysing %s comments one by one", len(chunk))
    results: list[tuple[Comment, dict[str, Any] | None, str]] = []
    for comment, rec in zip(chunk, recs, strict=True):
        try:
            results.append((comment, proc.process(rec), ""))
        except Exception as exc:  # one failing comment must not stop the others, nor be lost
            results.append((comment, None, f"analysis failed: {type(exc).__name__}"))
            log.warning("analysis of comment %s failed (%s)", comment.pk, type(exc).__name__)
    return results


def _store_all(results: list[tuple[Comment, dict[str, Any] | None, str]]) -> None:
    """Write a chunk's results in one transaction: one read, one prepared UPDATE run for
    every row (executemany), then the rare per-comment steps (failures, auto-hide jobs).

    Django's bulk_update builds a CASE expression per field and row, which cost more than
    the analysis itself; the prepared statement is a few microseconds a row."""
    with transaction.atomic():
        current = set(
            Comment.objects.select_for_update().filter(
                pk__in=[c.pk for c, _o, _e in results], analysis_state=Comment.Analysis.PENDING
            ).values_list("pk", "version")
        )
        done: list[Comment] = []
        hide: list[tuple[Comment, str]] = []
        for read, out, error in results:
            if (read.pk, read.version) not in current:
                continue  # edited or analysed by another worker meanwhile
            if out is None:
                _store(read, out, error)
                continue
            row = _analysed(read, out)
            done.append(row)
            if row.hide_now:
                hide.append((row, row.category))
        if done:
            _write_results(done)
        _auto_hide_all([row for row, _category in hide])


def _write_results(rows: list[Comment]) -> None:
    """UPDATE the result fields of each row, only where it is still the version analysed."""
    meta = Comment._meta
    fields = [cast(Field, meta.get_field(name)) for name in RESULT_FIELDS]
    qn = connection.ops.quote_name
    sql = (
        f"UPDATE {qn(meta.db_table)} SET "
        + ", ".join(f"{qn(str(f.column))} = %s" for f in fields)
        + f" WHERE {qn('id')} = %s AND {qn('version')} = %s AND {qn('analysis_state')} = %s"
    )
    params = [
        [f.get_db_prep_save(getattr(row, f.attname), connection) for f in fields]
        + [row.pk, row.version, Comment.Analysis.PENDING.value]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


RESULT_FIELDS = [
    "lang", "category", "action", "clause_id", "clause_quote", "confidence", "findings", "redacted",
    "has_sensitive", "reply_draft", "hide_now", "analysis_state", "analysis_error",
    "analyzed_version", "urgency",
]


def _analysed(read: Comment, out: dict[str, Any]) -> Comment:
    clause = out.get("clause") or {}
    findings = out.get("findings") or []
    category = str(out.get("category") or "")
    return Comment(
        pk=read.pk,
        version=read.version,
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
        hide_now=bool(out.get("hide_now")),
        analysis_state=Comment.Analysis.DONE,
        analysis_error="",
        analyzed_version=read.version,
        urgency=URGENCY.get(category, URGENCY_DEFAULT),
    )


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
    row = _analysed(read, out)
    updated = current.update(**{f: getattr(row, f) for f in RESULT_FIELDS})
    if updated and row.hide_now:
        _auto_hide(read.pk, read.version, row.category)


def _auto_hide_all(rows: list[Comment]) -> None:
    """Queue a hide job for each analysed comment the policy hides at once, and record it:
    one read, one insert of jobs, one append to the audit chain for the whole chunk."""
    if not rows:
        return
    visible = {
        pk: (account_id, platform_id)
        for pk, account_id, platform_id in Comment.objects.filter(
            pk__in=[r.pk for r in rows], is_hidden=False, deleted_on_platform=False
        ).values_list("pk", "account_id", "platform_id")
    }
    wanted = {f"auto-hide:{r.pk}:v{r.version}": r for r in rows if r.pk in visible}
    known = set(OutboxJob.objects.filter(idempotency_key__in=list(wanted)).values_list("idempotency_key", flat=True))
    new = [OutboxJob(idempotency_key=key, comment_id=r.pk, kind=OutboxJob.Kind.HIDE)
           for key, r in wanted.items() if key not in known]
    if not new:
        return
    OutboxJob.objects.bulk_create(new)
    jobs = dict(OutboxJob.objects.filter(idempotency_key__in=[j.idempotency_key for j in new])
                .values_list("idempotency_key", "pk"))
    record_events([
        (None, "comment.auto_hidden", Comment(pk=r.pk, platform_id=visible[r.pk][1]),
         "Policy: sensitive data is hidden at once, before review",
         {"account": visible[r.pk][0], "category": r.category, "clause": r.clause_id,
          "job": jobs[key]})
        for key, r in wanted.items() if key not in known
    ])


def _auto_hide(pk: int, version: int, category: str) -> None:
    comment = Comment.objects.get(pk=pk)
    if comment.is_hidden or comment.deleted_on_platform:
        return
    job, created = OutboxJob.objects.get_or_create(
        idempotency_key=f"auto-hide:{comment.pk}:v{version}",
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
