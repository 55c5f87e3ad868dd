"""`somevakt worker`: analyse new comments, make the outbox's platform calls, catch up by polling.

Run one or several (on several machines against PostgreSQL); each claims its own work.
"""

from __future__ import annotations

import logging
import threading
import time

from django.db import DatabaseError, close_old_connections, connection

from somevakt.platforms.facebook import GraphClient, GraphError
from somevakt.web.accounts.models import LIVE_STATES, OfficialAccount

from .analysis import analyze_pending
from .connection import blocked_accounts, mark_token_expired
from .ingest import fetch_post, graph_client, poll_account
from .models import Post, SyncState
from .outbox import run_due, worker_name

log = logging.getLogger(__name__)


def poll_all() -> int:
    """Poll every live Facebook account that is connected to a page."""
    new = 0
    accounts = (
        OfficialAccount.objects.filter(platform="facebook", status__in=LIVE_STATES)
        .exclude(platform_id="").exclude(pk__in=blocked_accounts())  # a refused token: wait for a new one
    )
    for account in accounts:
        with graph_client(account) as client:
            try:
                new += poll_account(account, client)
            except GraphError as err:
                SyncState.objects.update_or_create(account=account, defaults={"last_error": str(err)[:300]})
                log.warning("polling %s failed: %s", account.pk, err)
                if err.kind == "token":
                    mark_token_expired(account.pk, str(err))
    return new


def fetch_posts(limit: int = 10) -> int:
    n = 0
    posts = Post.objects.filter(fetched=False).exclude(account_id__in=blocked_accounts())
    for post in posts.select_related("account")[:limit]:
        with graph_client(post.account) as client:
            try:
                fetch_post(post, client)
                n += 1
            except GraphError as err:
                if err.kind == "token":
                    mark_token_expired(post.account_id, str(err))
                elif not err.retryable:
                    Post.objects.filter(pk=post.pk).update(fetched=True)
    return n


def _drop_connection() -> None:
    """Close the database connection so the next round opens a fresh one, unless the caller
    holds a transaction around the loop (a test does): closing it there would break the
    caller's transaction, and the caller owns the connection."""
    if not connection.in_atomic_block:
        connection.close()


def loop(
    *,
    once: bool = False,
    analyze: bool = True,
    jobs: bool = True,
    poll_every: float = 0.0,
    idle_sleep: float = 0.5,
    analyze_batch: int = 200,
    job_batch: int = 20,
    stop: threading.Event | None = None,
    name: str | None = None,
) -> None:
    """The worker's main loop. poll_every=0 turns polling off."""
    worker = name or worker_name()
    stop = stop or threading.Event()
    clients: dict[str, GraphClient] = {}
    next_poll = time.monotonic()
    log.info("worker %s started", worker)
    try:
        while not stop.is_set():
            if not connection.in_atomic_block:  # see _drop_connection
                close_old_connections()
            busy = 0
            try:
                if analyze:
                    busy += analyze_pending(analyze_batch)
                if jobs:
                    busy += run_due(worker, job_batch, clients)
                    busy += fetch_posts()
                if poll_every > 0 and time.monotonic() >= next_poll:
                    next_poll = time.monotonic() + poll_every
                    busy += poll_all()
            except DatabaseError as exc:
                # A database hiccup must not end the worker; claimed jobs come back by lease.
                log.warning("worker %s: database error (%s); retrying", worker, type(exc).__name__)
                _drop_connection()
                stop.wait(idle_sleep)
            if once:
                break
            if not busy:
                stop.wait(idle_sleep)
    finally:
        for c in clients.values():
            c.close()
        _drop_connection()
        log.info("worker %s stopped", worker)
