"""Getting comments in: webhook deliveries, Graph API polling and file imports all end here.

Every path stores by (platform, comment id), so the same comment arriving twice, from two
paths, or out of order (an edit before its add) leaves one row with the latest state.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from django.db import IntegrityError, connection, transaction
from django.db.models import Field
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from somevakt.platforms.facebook import ChangeEvent, GraphClient, parse_time
from somevakt.web.accounts.models import OfficialAccount

from . import conf
from .models import Comment, Post, RawDelivery, SyncState

log = logging.getLogger(__name__)


@dataclass(slots=True)
class IncomingComment:
    platform_id: str
    post_id: str
    parent_id: str
    author_id: str
    author_name: str
    message: str
    created_time: datetime | None
    is_hidden: bool = False


def accounts_by_page(page_ids: Iterable[str]) -> dict[str, OfficialAccount]:
    ids = {p for p in page_ids if p}
    found = OfficialAccount.objects.filter(platform="facebook", platform_id__in=ids)
    return {a.platform_id: a for a in found}


class _IngestCache:
    """Per-process memory of page -> account and of posts already stored, so a webhook
    delivery costs no look-ups for them. Entries live `ttl` seconds; any change to an
    official account clears it (signal below), and a miss always asks the database."""

    def __init__(self, ttl: float = 60.0, max_posts: int = 50_000) -> None:
        self.ttl = ttl
        self.max_posts = max_posts
        self.clear()

    def clear(self) -> None:
        self.accounts: dict[str, tuple[float, OfficialAccount]] = {}
        self.posts: set[str] = set()

    def accounts_by_page(self, page_ids: Iterable[str]) -> dict[str, OfficialAccount]:
        now = time.monotonic()
        ids = {p for p in page_ids if p}
        hit = {p: e[1] for p in ids if (e := self.accounts.get(p)) and now - e[0] < self.ttl}
        missing = ids - hit.keys()
        if missing:
            found = accounts_by_page(missing)
            for page, account in found.items():
                self.accounts[page] = (now, account)
            hit.update(found)
        return hit

    def ensure_posts(self, account: OfficialAccount, post_ids: Iterable[str]) -> None:
        new = {p for p in post_ids if p and p not in self.posts}
        if not new:
            return
        Post.objects.bulk_create([Post(account=account, platform_id=p) for p in sorted(new)], ignore_conflicts=True)
        if len(self.posts) + len(new) > self.max_posts:
            self.posts.clear()
        # Remembered only once the delivery's transaction commits (a rollback forgets nothing).
        transaction.on_commit(lambda: self.posts.update(new))


CACHE = _IngestCache()


@receiver([post_save, post_delete], sender=OfficialAccount)
def _account_changed(**_kwargs: Any) -> None:
    CACHE.clear()


def upsert(account: OfficialAccount, c: IncomingComment, source: str) -> tuple[Comment, bool]:
    """Store a comment seen whole (an add, a poll, an import). Returns (comment, created)."""
    defaults = _fields(account, c, source)
    own = defaults["is_own"]
    existing = Comment.objects.filter(platform="facebook", platform_id=c.platform_id).first()
    if existing is None:
        try:
            with transaction.atomic():
                comment = Comment.objects.create(platform="facebook", platform_id=c.platform_id, **defaults)
            _ensure_post(account, c.post_id)
            return comment, True
        except IntegrityError:  # a concurrent delivery stored it first
            existing = Comment.objects.get(platform="facebook", platform_id=c.platform_id)
    # Seen before: fill in what an out-of-order event left blank; never lose an edit.
    changed: list[str] = []
    for name in ("post_platform_id", "author_id", "author_name", "created_time"):
        if not getattr(existing, name) and defaults[name]:
            setattr(existing, name, defaults[name])
            changed.append(name)
    if not existing.message and c.message:
        existing.message = c.message
        existing.analysis_state = Comment.Analysis.PENDING if not own else Comment.Analysis.SKIPPED
        changed += ["message", "analysis_state"]
    if changed:
        existing.save(update_fields=changed)
    return existing, False


def _fields(account: OfficialAccount, c: IncomingComment, source: str) -> dict[str, Any]:
    own = c.author_id != "" and c.author_id == account.platform_id
    defaults: dict[str, Any] = {
        "account": account,
        "post_platform_id": c.post_id,
        "parent_platform_id": "" if c.parent_id == c.post_id else c.parent_id,
        "author_id": c.author_id,
        "author_name": c.author_name[:200],
        "message": c.message,
        "created_time": c.created_time,
        "source": source,
        "is_hidden": c.is_hidden,
        "is_own": own,
    }
    if own:
        defaults.update(state=Comment.State.OWN, analysis_state=Comment.Analysis.SKIPPED)
    return defaults


def _ensure_post(account: OfficialAccount, post_id: str) -> None:
    if post_id:
        Post.objects.get_or_create(platform_id=post_id, defaults={"account": account})


def apply_edit(account: OfficialAccount, ev: ChangeEvent) -> None:
    assert ev.comment_id
    comment = Comment.objects.select_for_update().filter(platform="facebook", platform_id=ev.comment_id).first()
    if comment is None:  # the edit came before the add: store what we know
        upsert(account, _from_event(ev), "webhook")
        return
    new = ev.message or ""
    if new and new != comment.message:
        comment.edits = [*comment.edits, {"at": timezone.now().isoformat(), "message": comment.message}]
        comment.message = new
        comment.version += 1
        if not comment.is_own:
            comment.analysis_state = Comment.Analysis.PENDING
        comment.save(update_fields=["edits", "message", "version", "analysis_state"])


def apply_flag(account: OfficialAccount, ev: ChangeEvent, **flags: bool) -> None:
    assert ev.comment_id
    updated = Comment.objects.filter(platform="facebook", platform_id=ev.comment_id).update(**flags)
    if not updated:  # removal or hide before the add: keep a row so the add cannot revive it
        comment, _created = upsert(account, _from_event(ev), "webhook")
        Comment.objects.filter(pk=comment.pk).update(**flags)


def _from_event(ev: ChangeEvent) -> IncomingComment:
    assert ev.comment_id
    return IncomingComment(
        platform_id=ev.comment_id,
        post_id=ev.post_id or "",
        parent_id=ev.parent_id or "",
        author_id=ev.from_id or "",
        author_name=ev.from_name or "",
        message=ev.message or "",
        created_time=ev.created_time,
    )


def insert_new(account: OfficialAccount, comments: list[IncomingComment], source: str) -> int:
    """Store comments seen whole, in bulk: one multi-row INSERT that skips ids already stored
    (dedupe by the unique platform id, also against a concurrent delivery) and returns the
    ids it stored, then the ordinary upsert for the few seen before (an edit or a removal
    that came first, or a repeated delivery). Returns how many were new."""
    if not comments:
        return 0
    fresh: dict[str, IncomingComment] = {}
    for c in comments:
        fresh.setdefault(c.platform_id, c)
    stored: set[str] = set()
    rows = list(fresh.values())
    for start in range(0, len(rows), INSERT_CHUNK):
        stored |= _insert_skipping_known(account, rows[start:start + INSERT_CHUNK], source)
    CACHE.ensure_posts(account, {fresh[cid].post_id for cid in stored})
    for c in comments:
        if c.platform_id not in stored:
            upsert(account, c, source)
    return len(stored)


INSERT_CHUNK = 200  # rows per INSERT (SQLite allows 32,766 parameters a statement)


def _insert_skipping_known(account: OfficialAccount, comments: list[IncomingComment], source: str) -> set[str]:
    """INSERT ... ON CONFLICT DO NOTHING RETURNING platform_id (SQLite >= 3.35, PostgreSQL).

    The ORM's bulk_create cannot say which rows it skipped, and building a model instance
    per row cost more than the insert itself: every column but the few a comment sets takes
    its default from one template instance."""
    meta = Comment._meta
    fields = [cast(Field, f) for f in meta.concrete_fields if not f.primary_key]
    by_name = {f.name: f for f in fields}
    template = Comment(account=account, platform="facebook", source=source)
    base = [f.get_db_prep_save(f.pre_save(template, True), connection) for f in fields]
    index = {f.name: i for i, f in enumerate(fields)}
    params: list[Any] = []
    for c in comments:
        values = list(base)
        row = _fields(account, c, source)
        row.pop("account")
        row["platform_id"] = c.platform_id
        for name, value in row.items():
            values[index[name]] = by_name[name].get_db_prep_save(value, connection)
        params.extend(values)
    qn = connection.ops.quote_name
    one = "(" + ", ".join(["%s"] * len(fields)) + ")"
    sql = (
        f"INSERT INTO {qn(meta.db_table)} ({', '.join(qn(str(f.column)) for f in fields)}) "
        f"VALUES {', '.join([one] * len(comments))} "
        f"ON CONFLICT ({qn('platform')}, {qn('platform_id')}) DO NOTHING RETURNING {qn('platform_id')}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {r[0] for r in cursor.fetchall()}


def apply_events(events: list[ChangeEvent]) -> tuple[int, set[str]]:
    """Apply parsed webhook changes. Returns (comment changes applied, unknown page ids).

    Consecutive adds are stored in bulk; other verbs apply in order after them, so an edit
    or removal in the same delivery sees its add."""
    accounts = CACHE.accounts_by_page(ev.page_id for ev in events)
    unknown: set[str] = set()
    applied = 0
    adds: list[IncomingComment] = []
    add_account: OfficialAccount | None = None
    for ev in events:
        if not ev.is_comment:
            continue
        account = accounts.get(ev.page_id)
        if account is None:
            unknown.add(ev.page_id)
            continue
        verb = ev.normalized_verb
        if verb == "add":
            if add_account is not None and add_account.pk != account.pk:
                insert_new(add_account, adds, "webhook")
                adds = []
            add_account = account
            adds.append(_from_event(ev))
            applied += 1
            continue
        if adds and add_account is not None:
            insert_new(add_account, adds, "webhook")
            adds = []
        if verb == "edited":
            apply_edit(account, ev)
        elif verb == "remove":
            apply_flag(account, ev, deleted_on_platform=True)
        elif verb == "hide":
            apply_flag(account, ev, is_hidden=True)
        elif verb == "unhide":
            apply_flag(account, ev, is_hidden=False)
        else:
            continue  # an unknown verb: the raw delivery is kept
        applied += 1
    if adds and add_account is not None:
        insert_new(add_account, adds, "webhook")
    return applied, unknown


def store_delivery(body: bytes, headers: dict[str, str], events: list[ChangeEvent] | None, error: str = "") -> RawDelivery:
    """Keep the raw delivery and apply its changes in one transaction."""
    with transaction.atomic():
        if events is None:
            return RawDelivery.objects.create(
                body=body, headers=headers, status=RawDelivery.Status.MALFORMED, error=error[:300]
            )
        applied, unknown = apply_events(events)
        status = RawDelivery.Status.UNKNOWN_PAGE if unknown and not applied else RawDelivery.Status.PROCESSED
        return RawDelivery.objects.create(
            body=body, headers=headers, status=status, events=applied,
            error=("unknown page id(s): " + ", ".join(sorted(unknown))[:250]) if unknown else "",
        )


# ------------------------------------------------------------------------ polling


def graph_client(account: OfficialAccount) -> GraphClient:
    return GraphClient(
        conf.page_token(account.platform_id),
        base_url=conf.graph_url(),
        app_secret=conf.app_secret() or None,
        timeout=conf.graph_timeout(),
    )


def poll_account(account: OfficialAccount, client: GraphClient, *, max_posts: int = 25) -> int:
    """Catch up on an account through the Graph API (paged, filter=stream). Returns new comments.

    Raises GraphError when the platform fails; what was stored before that stays stored.
    """
    sync, _ = SyncState.objects.get_or_create(account=account)
    started = timezone.now()
    since = sync.last_polled_at
    new = 0
    for n, post in enumerate(client.list_feed(account.platform_id, limit=25)):
        if n >= max_posts:
            break
        pid = str(post.get("id", ""))
        if not pid:
            continue
        Post.objects.update_or_create(
            platform_id=pid,
            defaults={"account": account, "message": str(post.get("message") or ""),
                      "created_time": _time(post.get("created_time")), "fetched": True},
        )
        for raw in client.list_comments(pid, since=since):
            c = comment_from_graph(raw, pid)
            if c is None:
                continue
            _comment, created = upsert(account, c, "poll")
            new += created
    sync.last_polled_at = started
    sync.last_error = ""
    sync.save()
    return new


def _time(value: Any) -> datetime | None:
    try:
        return parse_time(value)
    except (ValueError, OverflowError, OSError):
        return None


def comment_from_graph(raw: dict[str, Any], post_id: str) -> IncomingComment | None:
    cid = raw.get("id")
    if not isinstance(cid, str) or not cid:
        return None
    sender: dict[str, Any] = raw["from"] if isinstance(raw.get("from"), dict) else {}
    parent: dict[str, Any] = raw["parent"] if isinstance(raw.get("parent"), dict) else {}
    return IncomingComment(
        platform_id=cid,
        post_id=post_id,
        parent_id=str(parent.get("id") or post_id),
        author_id=str(sender.get("id") or ""),
        author_name=str(sender.get("name") or ""),
        message=str(raw.get("message") or ""),
        created_time=_time(raw.get("created_time")),
        is_hidden=raw.get("is_hidden") is True,
    )


def fetch_post(post: Post, client: GraphClient) -> None:
    """Fill in a post's text for the thread view (best effort)."""
    doc = client.get_object(post.platform_id, fields="id,message,created_time")
    post.message = str(doc.get("message") or "")
    post.created_time = _time(doc.get("created_time"))
    post.fetched = True
    post.save(update_fields=["message", "created_time", "fetched"])
