"""The outbox: every platform call is a job in the database, made by `somevakt worker`.

Claiming: in a short transaction, `SELECT ... FOR UPDATE SKIP LOCKED` on PostgreSQL (on
SQLite the IMMEDIATE transaction serializes claimers), the job is marked running with a
lease. The platform call runs outside any transaction. A job whose lease ran out (its worker
died) is claimed again and treated as possibly applied.

Exactly once:
- hide/unhide are idempotent on the platform: repeating them is harmless.
- reply: the platform's comment id is stored with the job's `done` state in one update. If an
  earlier attempt may have taken effect (timeout, 5xx, a dead worker: `maybe_applied`), the
  worker first lists the parent comment's replies and adopts the page's reply with exactly
  this text that no other job has recorded as its own; only if there is none does it post.
- private reply: the platform allows one per comment; "already replied" after a possibly
  applied attempt means it took effect.
- delete: "does not exist" after a possibly applied attempt means it took effect.
Retryable errors (5xx, timeouts, throttling) back off exponentially, with the platform's hint
as the floor. An expired or invalid token (190) fails no job and spends no attempt: the
account's jobs wait until a person says the token is renewed (connection.py). Other permanent
errors (permissions, invalid) fail the job visibly; a person can requeue it after the cause
is fixed.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from datetime import timedelta
from functools import partial
from typing import Any

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from somevakt.platforms.facebook import GraphClient, GraphError, sleep_for

from . import conf
from .connection import blocked_accounts, mark_token_expired
from .dbretry import with_retry
from .models import Comment, OutboxJob

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=2)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def enqueue(comment: Comment, kind: str, *, message: str = "", user: Any = None, key: str | None = None) -> OutboxJob:
    """Queue one platform call. The same key never queues twice."""
    job, _created = OutboxJob.objects.get_or_create(
        idempotency_key=key or f"{kind}:{comment.pk}:{uuid.uuid4().hex}",
        defaults={
            "comment": comment,
            "kind": kind,
            "message": message,
            "created_by": user if getattr(user, "is_authenticated", False) else None,
        },
    )
    return job


def claim(worker: str, limit: int = 1) -> list[OutboxJob]:
    """Claim up to `limit` due jobs for this worker."""
    return with_retry(lambda: _claim(worker, limit))


def _claim(worker: str, limit: int) -> list[OutboxJob]:
    now = timezone.now()
    due = Q(state=OutboxJob.State.PENDING, next_attempt_at__lte=now) | Q(
        state=OutboxJob.State.RUNNING, claimed_until__lt=now
    )
    with transaction.atomic():
        # Jobs of an account whose token must be renewed wait (see connection.py).
        qs = OutboxJob.objects.filter(due).exclude(comment__account_id__in=blocked_accounts())
        qs = qs.order_by("next_attempt_at", "id")
        if connection.features.has_select_for_update_skip_locked:
            qs = qs.select_for_update(skip_locked=True, of=("self",))
        jobs = list(qs[:limit])
        for job in jobs:
            if job.state == OutboxJob.State.RUNNING:  # its worker died mid-call
                job.maybe_applied = True
            job.state = OutboxJob.State.RUNNING
            job.claimed_by = worker
            job.claimed_until = now + LEASE
            job.attempts += 1
            job.save(update_fields=["state", "claimed_by", "claimed_until", "attempts", "maybe_applied"])
    return jobs


def _finish(job: OutboxJob, worker: str, **fields: object) -> bool:
    """Write the outcome if this worker still holds the job."""
    fields.setdefault("claimed_until", None)
    n = with_retry(
        lambda: OutboxJob.objects.filter(pk=job.pk, claimed_by=worker, state=OutboxJob.State.RUNNING).update(
            **fields
        )
    )
    if not n:
        log.warning("outbox job %s was taken over before it finished", job.pk)
    return bool(n)


def run(job: OutboxJob, client: GraphClient, worker: str) -> str:
    """Make the platform call for a claimed job. Returns its new state."""
    comment = job.comment
    page_id = comment.account.platform_id
    try:
        result, note = _call(job, comment, page_id, client)
    except GraphError as err:
        return _failed(job, worker, err)
    return with_retry(lambda: _done(job, worker, result, note))


def _done(job: OutboxJob, worker: str, result: str, note: str) -> str:
    comment_id = job.comment_id
    with transaction.atomic():
        if not _finish(job, worker, state=OutboxJob.State.DONE, result_id=result, note=note[:200],
                       done_at=timezone.now(), last_error=""):
            return OutboxJob.State.RUNNING
        if job.kind == OutboxJob.Kind.HIDE:
            Comment.objects.filter(pk=comment_id).update(is_hidden=True)
        elif job.kind == OutboxJob.Kind.UNHIDE:
            Comment.objects.filter(pk=comment_id).update(is_hidden=False)
        elif job.kind == OutboxJob.Kind.DELETE:
            Comment.objects.filter(pk=comment_id).update(deleted_on_platform=True)
    return OutboxJob.State.DONE


def _call(job: OutboxJob, comment: Comment, page_id: str, client: GraphClient) -> tuple[str, str]:
    kind = job.kind
    if kind in (OutboxJob.Kind.HIDE, OutboxJob.Kind.UNHIDE):
        try:
            client.set_hidden(comment.platform_id, kind == OutboxJob.Kind.HIDE)
        except GraphError as err:
            if err.kind == "not_found":
                return "", "the comment no longer exists on the platform"
            raise
        return "", ""
    if kind == OutboxJob.Kind.DELETE:
        try:
            client.delete(comment.platform_id)
        except GraphError as err:
            if err.kind == "not_found":
                return "", "already gone" if not job.maybe_applied else "applied by an earlier attempt"
            raise
        return "", ""
    if kind == OutboxJob.Kind.REPLY:
        if job.maybe_applied:
            # Another job's reply with the same text (a person answered the same twice on
            # purpose) is not this job's: only a reply no other job has claimed is adopted.
            others = set(with_retry(lambda: list(
                OutboxJob.objects.filter(comment_id=comment.pk, kind=OutboxJob.Kind.REPLY)
                .exclude(pk=job.pk).exclude(result_id="").values_list("result_id", flat=True)
            )))
            found = client.find_reply(comment.platform_id, page_id, job.message, exclude=others)
            if found:
                return found, "applied by an earlier attempt"
        return client.reply(comment.platform_id, job.message), ""
    if kind == OutboxJob.Kind.PRIVATE_REPLY:
        try:
            sent = client.private_reply(page_id, comment.platform_id, job.message)
        except GraphError as err:
            if err.kind == "already_done":
                note = "applied by an earlier attempt" if job.maybe_applied else "a private reply was already sent"
                return "", note
            raise
        return sent.message_id or "", ""
    raise GraphError(f"unknown job kind {kind!r}", kind="invalid", retryable=False)


def _failed(job: OutboxJob, worker: str, err: GraphError) -> str:
    text = str(err)[:300]
    maybe = job.maybe_applied or err.ambiguous
    if err.retryable and job.attempts < conf.max_attempts():
        delay = sleep_for(err, job.attempts - 1, base=conf.backoff_base())
        _finish(job, worker, state=OutboxJob.State.PENDING, last_error=text, maybe_applied=maybe,
                next_attempt_at=timezone.now() + timedelta(seconds=delay))
        return OutboxJob.State.PENDING
    if err.kind == "token":
        # Retrying cannot help until the token is renewed: the job waits with the account's
        # other jobs, this attempt not counted, and the responsible persons are told.
        text = f"the page token has expired or is invalid; waiting for a new token: {text}"[:300]
        _finish(job, worker, state=OutboxJob.State.PENDING, last_error=text, maybe_applied=maybe,
                attempts=max(0, job.attempts - 1), next_attempt_at=timezone.now())
        with_retry(lambda: mark_token_expired(job.comment.account_id, text))
        return OutboxJob.State.PENDING
    if err.retryable:
        text = f"gave up after {job.attempts} attempts: {text}"[:300]
    _finish(job, worker, state=OutboxJob.State.FAILED, last_error=text, maybe_applied=maybe)
    log.error("outbox job %s (%s) failed for good: %s", job.pk, job.kind, text)
    return OutboxJob.State.FAILED


def requeue(job: OutboxJob) -> bool:
    """Try a failed job again (after the cause, e.g. an expired token, has been fixed)."""
    return bool(
        OutboxJob.objects.filter(pk=job.pk, state=OutboxJob.State.FAILED).update(
            state=OutboxJob.State.PENDING, attempts=0, next_attempt_at=timezone.now()
        )
    )


def client_for(account_platform_id: str) -> GraphClient:
    return GraphClient(
        conf.page_token(account_platform_id),
        base_url=conf.graph_url(),
        app_secret=conf.app_secret() or None,
        timeout=conf.graph_timeout(),
    )


def run_due(worker: str, limit: int = 10, clients: dict[str, GraphClient] | None = None) -> int:
    """Claim and run up to `limit` due jobs one by one. Returns how many were run."""
    clients = clients if clients is not None else {}
    done = 0
    for _ in range(limit):
        jobs = claim(worker, 1)
        if not jobs:
            break
        job = with_retry(partial(OutboxJob.objects.select_related("comment__account").get, pk=jobs[0].pk))
        page = job.comment.account.platform_id
        if page not in clients:
            clients[page] = client_for(page)
        run(job, clients[page], worker)
        done += 1
    return done
