"""A local server shaped like the Facebook Graph API, for the demo and the tests.

It keeps one or more pages with posts and comments in memory, generates new comments over
time from the project's corpus (data/simulator/comments.jsonl), delivers signed webhooks to
a configured somevakt URL, and serves the read and write endpoints somevakt uses, with the
Graph API's paging and error shapes (../shared/docs/facebook-graph-api.md).

A fault mode makes a share of Graph calls fail: HTTP 5xx before or after the effect,
timeouts (a delay longer than the client waits) before or after the effect, throttling
errors (codes 4, 17, 32) and an expired token (190). Every effect that took place is
recorded in `actions`, so a test can check that each action happened exactly once.

Endpoints outside the Graph API live under /_sim/ and are never faulted:
    GET  /_sim/state               pages, posts, comments, actions, deliveries, faults
    POST /_sim/comments            add a comment (JSON: message, post_id, parent_id, author)
    POST /_sim/generate            add n comments from the corpus (JSON: n)
    POST /_sim/config              change fault_rate, fault_kinds, rate at run time; "plan":
                                   ["after:timeout", ...] (with "plan_method") fails the next calls
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import random
import secrets
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from queue import Empty, Queue
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx

from somevakt.platforms.facebook import SIGNATURE_HEADER, format_time, sign

CORPUS_DIR = Path(__file__).resolve().parents[3] / "data" / "simulator"
FAULT_KINDS = ("5xx", "timeout", "throttle", "token")
PRIVATE_REPLY_WINDOW = timedelta(days=7)


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line))
    return out


def load_corpus(directory: Path = CORPUS_DIR) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The simulator's comments and posts."""
    return load_jsonl(directory / "comments.jsonl"), load_jsonl(directory / "posts.jsonl")


@dataclass
class SimPage:
    id: str
    name: str


@dataclass
class SimPost:
    id: str
    page_id: str
    message: str
    created: datetime


@dataclass
class SimComment:
    id: str
    page_id: str
    post_id: str
    object_id: str  # what it replies to: the post, or a comment
    message: str
    created: datetime
    from_id: str
    from_name: str
    is_hidden: bool = False
    deleted: bool = False
    category: str | None = None  # the corpus label, for the demo's statistics
    corpus_id: str | None = None
    private_replied: bool = False

    @property
    def parent_comment_id(self) -> str | None:
        return None if self.object_id == self.post_id else self.object_id


@dataclass
class Action:
    seq: int
    kind: str  # hide | unhide | delete | reply | private_reply
    target: str
    changed: bool
    at: float
    result_id: str | None = None
    message: str | None = None


@dataclass
class FaultStats:
    calls: int = 0  # Graph calls with a valid token (the ones a fault may hit)
    requests: int = 0  # every Graph request, refused ones included
    faults: dict[str, int] = field(default_factory=dict)


class GraphFault(Exception):
    def __init__(
        self,
        status: int,
        code: int,
        message: str,
        *,
        subcode: int | None = None,
        etype: str = "OAuthException",
        transient: bool = False,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.subcode = status, code, subcode
        self.etype, self.transient, self.headers = etype, transient, headers or {}
        self.message = message

    def body(self) -> dict[str, Any]:
        err: dict[str, Any] = {
            "message": self.message,
            "type": self.etype,
            "code": self.code,
            "fbtrace_id": secrets.token_urlsafe(8),
        }
        if self.subcode is not None:
            err["error_subcode"] = self.subcode
        if self.transient:
            err["is_transient"] = True
        return {"error": err}


def _not_found(object_id: str) -> GraphFault:
    return GraphFault(
        400,
        100,
        f"Unsupported request. Object with ID '{object_id[:40]}' does not exist, cannot be "
        "loaded due to missing permissions, or does not support this operation.",
        subcode=33,
        etype="GraphMethodException",
    )


def _b64(n: int) -> str:
    return base64.urlsafe_b64encode(str(n).encode()).decode().rstrip("=")


def _unb64(s: str) -> int:
    try:
        return int(base64.urlsafe_b64decode(s + "=" * (-len(s) % 4)).decode())
    except (ValueError, UnicodeDecodeError):
        raise GraphFault(400, 100, "Invalid cursor", etype="OAuthException") from None


class Simulator:
    """The simulated platform. Thread-safe; start() serves it on a local port."""

    def __init__(
        self,
        *,
        pages: Sequence[tuple[str, str]] = (("100000000000001", "Birkenes kommune (simulert)"),),
        app_secret: str = "sim-app-secret",
        access_token: str = "sim-page-token",
        webhook_url: str | None = None,
        corpus: list[dict[str, Any]] | None = None,
        posts: list[dict[str, Any]] | None = None,
        seed: int | None = None,
        fault_rate: float = 0.0,
        fault_kinds: Iterable[str] = FAULT_KINDS,
        timeout_delay: float = 2.0,
        duplicate_rate: float = 0.0,
        batch_max: int = 1,
        rate_per_minute: float = 0.0,
        now: datetime | None = None,
    ) -> None:
        if corpus is None or posts is None:
            c, p = load_corpus()
            corpus = c if corpus is None else corpus
            posts = p if posts is None else posts
        self.pages = {pid: SimPage(pid, name) for pid, name in pages}
        self.app_secret = app_secret
        self.access_token = access_token
        self.webhook_url = webhook_url
        self.corpus = corpus
        self.rng = random.Random(seed)
        self.fault_rng = random.Random(None if seed is None else seed + 1)
        self.fault_rate = fault_rate
        self.fault_kinds = self._check_kinds(fault_kinds)
        self.timeout_delay = timeout_delay
        self.duplicate_rate = duplicate_rate
        # Most changes one delivery may carry (Facebook batches up to 1,000 under load).
        self.batch_max = max(1, batch_max)
        # Minutes a throttled caller is told to wait (X-Business-Use-Case-Usage); 0: no hint.
        self.throttle_wait_minutes = 0
        self.rate_per_minute = rate_per_minute
        self.lock = threading.RLock()
        self.posts: dict[str, SimPost] = {}
        self.comments: dict[str, SimComment] = {}
        self.order: list[str] = []  # comment ids in creation order
        self.actions: list[Action] = []
        self.stats = FaultStats()
        self._planned: list[tuple[str | None, str]] = []  # (method or None, label): see plan_faults
        self.deliveries = {"sent": 0, "failed": 0, "duplicates": 0, "retries": 0}
        self._next = 10_000_000_000
        self._corpus_pos = 0
        self._psids: dict[str, str] = {}
        self._queue: Queue[dict[str, Any] | None] = Queue()
        self._server: ThreadingHTTPServer | None = None
        self._threads: list[threading.Thread] = []
        self._stop = threading.Event()
        base = now or datetime.now(UTC)
        order = self.rng.sample(range(len(posts)), len(posts)) if posts else []
        for n, page_id in enumerate(self.pages):
            for k, i in enumerate(order if n == 0 else order[:3]):
                self._add_post(page_id, posts[i]["message"], base - timedelta(hours=6 * (k + 1)))

    @staticmethod
    def _check_kinds(kinds: Iterable[str]) -> tuple[str, ...]:
        out = tuple(k.strip() for k in kinds if k.strip())
        for k in out:
            if k not in FAULT_KINDS:
                raise ValueError(f"unknown fault kind {k!r}; choose from {', '.join(FAULT_KINDS)}")
        return out

    # ------------------------------------------------------------------ ids and objects

    def _new_number(self) -> int:
        self._next += self.rng.randint(1, 97)
        return self._next

    def _add_post(self, page_id: str, message: str, created: datetime) -> SimPost:
        with self.lock:
            post = SimPost(f"{page_id}_{self._new_number()}", page_id, message, created)
            self.posts[post.id] = post
            return post

    def add_post(self, message: str, page_id: str | None = None) -> SimPost:
        return self._add_post(page_id or next(iter(self.pages)), message, datetime.now(UTC))

    def _page_of(self, object_id: str) -> str | None:
        if object_id in self.pages:
            return object_id
        if object_id in self.posts:
            return self.posts[object_id].page_id
        if object_id in self.comments:
            return self.comments[object_id].page_id
        return None

    # ------------------------------------------------------------------ comments

    def next_corpus_item(self) -> dict[str, Any]:
        with self.lock:
            if not self.corpus:
                return {"text": "Hei!", "author": "Testperson"}
            if self._corpus_pos % len(self.corpus) == 0:
                self.rng.shuffle(self.corpus)
            item = self.corpus[self._corpus_pos % len(self.corpus)]
            self._corpus_pos += 1
            return item

    def add_comment(
        self,
        message: str | None = None,
        *,
        post_id: str | None = None,
        parent_id: str | None = None,
        author: str | None = None,
        author_id: str | None = None,
        created: datetime | None = None,
        deliver: bool = True,
    ) -> SimComment:
        """A resident comments (from the corpus unless `message` is given)."""
        item: dict[str, Any] = {}
        if message is None:
            item = self.next_corpus_item()
            message = str(item["text"])
            author = author or item.get("author")
        with self.lock:
            if parent_id is not None:
                parent = self.comments.get(parent_id)
                if parent is None:
                    raise KeyError(parent_id)
                post_id = parent.post_id
            if post_id is None:
                recent = sorted(self.posts.values(), key=lambda p: p.created)[-4:]
                post_id = self.rng.choice(recent).id
            post = self.posts.get(post_id)
            if post is None:
                raise KeyError(post_id)
            name = author or "Innbygger"
            uid = author_id or self._psids.setdefault(
                name, str(7_000_000_000 + len(self._psids) * 13)
            )
            number = self._new_number()
            cid = f"{post.id.split('_', 1)[1]}_{number}"
            comment = SimComment(
                id=cid,
                page_id=post.page_id,
                post_id=post.id,
                object_id=parent_id or post.id,
                message=message,
                created=created or datetime.now(UTC),
                from_id=uid,
                from_name=name,
                category=item.get("category"),
                corpus_id=item.get("id"),
            )
            self.comments[cid] = comment
            self.order.append(cid)
        if deliver:
            self._enqueue_change(comment, "add")
        return comment

    def edit_comment(self, comment_id: str, message: str) -> None:
        with self.lock:
            c = self.comments[comment_id]
            c.message = message
        self._enqueue_change(c, "edited")

    def remove_comment(self, comment_id: str) -> None:
        """The author removes their own comment."""
        with self.lock:
            c = self.comments[comment_id]
            c.deleted = True
        self._enqueue_change(c, "remove")

    def generate(self, n: int = 1) -> list[SimComment]:
        """n events as residents make them: mostly new comments, some replies, edits, removals."""
        out: list[SimComment] = []
        for _ in range(n):
            with self.lock:
                roll = self.rng.random()
                live = [cid for cid in self.order[-50:] if not self.comments[cid].deleted]
                live_users = [cid for cid in live if self.comments[cid].from_id not in self.pages]
            if roll < 0.12 and live_users:
                out.append(self.add_comment(parent_id=self.rng.choice(live_users)))
            elif roll < 0.15 and live_users:
                cid = self.rng.choice(live_users)
                self.edit_comment(cid, self.comments[cid].message + " (redigert)")
            elif roll < 0.17 and live_users:
                self.remove_comment(self.rng.choice(live_users))
            else:
                out.append(self.add_comment())
        return out

    # ------------------------------------------------------------------ rendering

    def render_comment(self, c: SimComment, fields: set[str] | None) -> dict[str, Any]:
        full: dict[str, Any] = {
            "id": c.id,
            "message": c.message,
            "created_time": format_time(c.created),
            "from": {"id": c.from_id, "name": c.from_name},
            "is_hidden": c.is_hidden,
            "can_hide": c.from_id != c.page_id,
            "permalink_url": f"https://www.facebook.com/{c.post_id.replace('_', '/posts/')}?comment_id={c.id.split('_')[1]}",
        }
        if c.parent_comment_id:
            full["parent"] = {"id": c.parent_comment_id}
        wanted = fields or {"id", "message", "created_time", "from"}
        return {k: v for k, v in full.items() if k in wanted}

    def render_post(self, p: SimPost, fields: set[str] | None) -> dict[str, Any]:
        full = {
            "id": p.id,
            "message": p.message,
            "created_time": format_time(p.created),
            "permalink_url": f"https://www.facebook.com/{p.id.replace('_', '/posts/')}",
            "from": {"id": p.page_id, "name": self.pages[p.page_id].name},
        }
        wanted = fields or {"id", "message", "created_time"}
        return {k: v for k, v in full.items() if k in wanted}

    # ------------------------------------------------------------------ actions

    def _record(
        self,
        kind: str,
        target: str,
        changed: bool,
        result_id: str | None = None,
        message: str | None = None,
    ) -> None:
        self.actions.append(
            Action(len(self.actions) + 1, kind, target, changed, time.time(), result_id, message)
        )

    def _live_comment(self, comment_id: str) -> SimComment:
        c = self.comments.get(comment_id)
        if c is None or c.deleted:
            raise _not_found(comment_id)
        return c

    def do_set_hidden(self, comment_id: str, hidden: bool) -> dict[str, Any]:
        with self.lock:
            c = self._live_comment(comment_id)
            if c.from_id == c.page_id:
                raise GraphFault(400, 100, "(#100) The page cannot hide its own comments")
            changed = c.is_hidden != hidden
            c.is_hidden = hidden
            self._record("hide" if hidden else "unhide", comment_id, changed)
        if changed:
            self._enqueue_change(c, "hide" if hidden else "unhide")
        return {"success": True}

    def do_delete(self, comment_id: str) -> dict[str, Any]:
        with self.lock:
            c = self._live_comment(comment_id)
            c.deleted = True
            self._record("delete", comment_id, True)
        self._enqueue_change(c, "remove")
        return {"success": True}

    def do_reply(self, object_id: str, message: str) -> dict[str, Any]:
        if not message.strip():
            raise GraphFault(400, 100, "(#100) The parameter message is required")
        with self.lock:
            if object_id in self.posts:
                post_id, parent = object_id, None
            else:
                parent = self._live_comment(object_id).id
                post_id = self.comments[object_id].post_id
            page_id = self.posts[post_id].page_id
            c = self.add_comment(
                message,
                post_id=post_id,
                parent_id=parent,
                author=self.pages[page_id].name,
                author_id=page_id,
                deliver=False,
            )
            self._record("reply", object_id, True, result_id=c.id, message=message)
        self._enqueue_change(c, "add")
        return {"id": c.id}

    def do_private_reply(self, page_id: str, recipient: Any, message: Any) -> dict[str, Any]:
        if page_id not in self.pages:
            raise _not_found(page_id)
        rec = _json_param(recipient, "recipient")
        msg = _json_param(message, "message")
        comment_id = rec.get("comment_id") if isinstance(rec, dict) else None
        text = msg.get("text") if isinstance(msg, dict) else None
        if not isinstance(comment_id, str) or not isinstance(text, str) or not text.strip():
            raise GraphFault(400, 100, "(#100) recipient.comment_id and message.text are required")
        with self.lock:
            c = self._live_comment(comment_id)
            if c.page_id != page_id:
                raise GraphFault(400, 100, "(#100) The comment is not on this page")
            if c.private_replied:
                raise GraphFault(
                    400,
                    10900,
                    "Activity already replied to",
                    subcode=2018025,
                    etype="OAuthException",
                )
            if datetime.now(UTC) - c.created > PRIVATE_REPLY_WINDOW:
                raise GraphFault(
                    400, 10903, "This activity can't be replied to", etype="OAuthException"
                )
            c.private_replied = True
            mid = "m_" + secrets.token_urlsafe(12)
            self._record("private_reply", comment_id, True, result_id=mid, message=text)
        return {"recipient_id": self._psids.get(c.from_name, c.from_id), "message_id": mid}

    # ------------------------------------------------------------------ listing

    def list_feed(self, page_id: str, params: dict[str, str]) -> list[dict[str, Any]]:
        if page_id not in self.pages:
            raise _not_found(page_id)
        fields = _fields(params)
        posts = sorted(
            (p for p in self.posts.values() if p.page_id == page_id),
            key=lambda p: p.created,
            reverse=True,
        )
        return [self.render_post(p, fields) for p in posts]

    def list_comments(self, object_id: str, params: dict[str, str]) -> list[dict[str, Any]]:
        with self.lock:
            if object_id in self.posts:
                if params.get("filter") == "stream":
                    items = [
                        c for c in (self.comments[i] for i in self.order) if c.post_id == object_id
                    ]
                else:
                    items = [
                        c
                        for c in (self.comments[i] for i in self.order)
                        if c.object_id == object_id
                    ]
            elif object_id in self.comments:
                items = [
                    c for c in (self.comments[i] for i in self.order) if c.object_id == object_id
                ]
            else:
                raise _not_found(object_id)
            items = [c for c in items if not c.deleted]
            since = params.get("since")
            if since:
                try:
                    floor = datetime.fromtimestamp(int(since), UTC)
                except ValueError:
                    raise GraphFault(400, 100, "(#100) since must be a unix time") from None
                items = [c for c in items if c.created >= floor]
            order = params.get("order", "chronological")
            if order not in ("chronological", "reverse_chronological"):
                raise GraphFault(
                    400, 100, "(#100) order must be one of chronological, reverse_chronological"
                )
            items.sort(key=lambda c: c.created, reverse=order == "reverse_chronological")
            fields = _fields(params)
            return [self.render_comment(c, fields) for c in items]

    # ------------------------------------------------------------------ faults

    def plan_faults(self, *labels: str, method: str | None = None) -> None:
        """Make the next matching Graph calls fail in a given way, in order, whatever the
        fault rate: each label is 'before:<kind>' or 'after:<kind>' ('after:timeout' applies
        the call, then answers only after the client has given up). `method` (GET, POST,
        DELETE) limits them to calls of that method."""
        with self.lock:
            for label in labels:
                when, _, kind = label.partition(":")
                if when not in ("before", "after") or kind not in FAULT_KINDS:
                    raise ValueError(f"a fault is 'before:<kind>' or 'after:<kind>', not {label!r}")
                self._planned.append((method.upper() if method else None, label))

    def _maybe_fault(self, method: str = "GET") -> str | None:
        """None, or a fault plan: 'before:<kind>' or 'after:<kind>'."""
        with self.lock:
            self.stats.calls += 1
            for n, (only, label) in enumerate(self._planned):
                if only is None or only == method:
                    del self._planned[n]
                    self.stats.faults[label] = self.stats.faults.get(label, 0) + 1
                    return label
            if self.fault_rate <= 0 or not self.fault_kinds:
                return None
            if self.fault_rng.random() >= self.fault_rate:
                return None
            kind = self.fault_rng.choice(self.fault_kinds)
            when = (
                "after"
                if kind in ("5xx", "timeout") and self.fault_rng.random() < 0.5
                else "before"
            )
            label = f"{when}:{kind}"
            self.stats.faults[label] = self.stats.faults.get(label, 0) + 1
            return label

    def fault_error(self, kind: str) -> GraphFault:
        if kind == "5xx":
            status = self.fault_rng.choice((500, 502, 503))
            return GraphFault(
                status,
                2,
                "An unexpected error has occurred. Please retry your request later.",
                transient=True,
            )
        if kind == "timeout":
            return GraphFault(504, 2, "Service temporarily unavailable", transient=True)
        if kind == "throttle":
            code = self.fault_rng.choice((4, 17, 32))
            text = {
                4: "(#4) Application request limit reached",
                17: "(#17) User request limit reached",
                32: "(#32) Page request limit reached",
            }[code]
            usage = json.dumps({"call_count": 100, "total_time": 40, "total_cputime": 35})
            headers = {"X-App-Usage": usage}
            if self.throttle_wait_minutes:
                buc = {
                    p: [
                        {
                            "type": "pages",
                            "call_count": 100,
                            "total_cputime": 30,
                            "total_time": 30,
                            "estimated_time_to_regain_access": self.throttle_wait_minutes,
                        }
                    ]
                    for p in self.pages
                }
                headers["X-Business-Use-Case-Usage"] = json.dumps(buc)
            return GraphFault(400, code, text, headers=headers)
        return GraphFault(
            400, 190, "Error validating access token: Session has expired.", subcode=463
        )

    # ------------------------------------------------------------------ webhooks

    def _enqueue_change(self, c: SimComment, verb: str) -> None:
        if not self.webhook_url:
            return
        value: dict[str, Any] = {
            "from": {"id": c.from_id, "name": c.from_name},
            "post_id": c.post_id,
            "comment_id": c.id,
            "parent_id": c.object_id,
            "created_time": int(c.created.timestamp()),
            "item": "comment",
            "verb": verb,
        }
        if verb in ("add", "edited"):
            value["message"] = c.message
        payload = {
            "object": "page",
            "entry": [
                {
                    "id": c.page_id,
                    "time": int(time.time()),
                    "changes": [{"field": "feed", "value": value}],
                }
            ],
        }
        self._queue.put(payload)

    def _deliver_loop(self) -> None:
        client = httpx.Client(timeout=10.0)
        try:
            while not self._stop.is_set():
                try:
                    payload = self._queue.get(timeout=0.2)
                except Empty:
                    continue
                if payload is None:
                    break
                taken = 1
                # Like Facebook under load: changes queued together go out as one delivery.
                while taken < self.batch_max:
                    try:
                        more = self._queue.get_nowait()
                    except Empty:
                        break
                    taken += 1
                    if more is None:
                        self._stop.set()
                        break
                    payload["entry"].extend(more["entry"])
                try:
                    self._deliver(client, payload)
                    if self.duplicate_rate and self.rng.random() < self.duplicate_rate:
                        self.deliveries["duplicates"] += 1
                        self._deliver(client, payload)
                finally:
                    for _ in range(taken):
                        self._queue.task_done()
        finally:
            client.close()

    def _deliver(self, client: httpx.Client, payload: dict[str, Any]) -> bool:
        assert self.webhook_url
        body = json.dumps(payload, ensure_ascii=False).encode()
        headers = {
            "Content-Type": "application/json",
            SIGNATURE_HEADER: sign(body, self.app_secret),
        }
        delay = 0.5
        for attempt in range(6):  # Facebook retries failed deliveries
            if attempt:
                self.deliveries["retries"] += 1
                if self._stop.wait(delay):
                    return False
                delay = min(delay * 2, 15.0)
            try:
                resp = client.post(self.webhook_url, content=body, headers=headers)
                if resp.status_code < 300:
                    self.deliveries["sent"] += 1
                    return True
            except httpx.HTTPError:
                pass
        self.deliveries["failed"] += 1
        return False

    def pending_deliveries(self) -> int:
        """Deliveries queued or still being sent (a duplicate counts until it is answered)."""
        return self._queue.unfinished_tasks

    def _tick_loop(self) -> None:
        while not self._stop.is_set():
            rate = self.rate_per_minute
            if rate <= 0:
                self._stop.wait(0.1)
                continue
            if self._stop.wait(self.rng.expovariate(rate / 60.0)):
                break
            self.generate(1)

    # ------------------------------------------------------------------ state

    def state(self, since_action: int = 0) -> dict[str, Any]:
        with self.lock:
            return {
                "pages": [{"id": p.id, "name": p.name} for p in self.pages.values()],
                "posts": [
                    {"id": p.id, "page_id": p.page_id, "message": p.message}
                    for p in self.posts.values()
                ],
                "comments": [
                    {
                        "id": c.id,
                        "post_id": c.post_id,
                        "parent_id": c.parent_comment_id,
                        "from": {"id": c.from_id, "name": c.from_name},
                        "message": c.message,
                        "is_hidden": c.is_hidden,
                        "deleted": c.deleted,
                        "category": c.category,
                        "private_replied": c.private_replied,
                    }
                    for c in (self.comments[i] for i in self.order)
                ],
                "actions": [a.__dict__ for a in self.actions[since_action:]],
                "deliveries": dict(self.deliveries, pending=self._queue.qsize()),
                "calls": self.stats.calls,
                "faults": dict(self.stats.faults),
                "fault_rate": self.fault_rate,
            }

    # ------------------------------------------------------------------ serving

    def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve on host:port (0 picks a free port); returns the base URL."""
        handler = type("BoundHandler", (_Handler,), {"sim": self})
        server = ThreadingHTTPServer((host, port), handler)
        server.daemon_threads = True
        self._server = server
        self._stop.clear()

        def serve() -> None:
            server.serve_forever(poll_interval=0.05)

        for target in (serve, self._deliver_loop, self._tick_loop):
            t = threading.Thread(target=target, daemon=True, name=f"sim-{target.__name__}")
            t.start()
            self._threads.append(t)
        return self.base_url

    @property
    def base_url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def stop(self) -> None:
        self._stop.set()
        self._queue.put(None)
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        for t in self._threads:
            t.join(timeout=5)
        self._threads.clear()

    def __enter__(self) -> Simulator:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _fields(params: dict[str, str]) -> set[str] | None:
    raw = params.get("fields")
    if not raw:
        return None
    out: set[str] = set()
    depth = 0
    token = ""
    for ch in raw:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == "," and depth == 0:
            out.add(token.strip())
            token = ""
        elif depth == 0:
            token += ch
    if token.strip():
        out.add(token.strip())
    return out


def _json_param(value: Any, name: str) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            raise GraphFault(400, 100, f"(#100) param {name} must be JSON") from None
    return value


class _Handler(BaseHTTPRequestHandler):
    sim: Simulator
    _raw_body: bytes = b""
    disable_nagle_algorithm = True  # one small JSON answer per request: send it at once
    protocol_version = "HTTP/1.1"
    server_version = "somevakt-graph-simulator/1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    # -- io

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _send(self, status: int, doc: Any, headers: dict[str, str] | None = None) -> None:
        raw = json.dumps(doc, ensure_ascii=False).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=UTF-8")
            self.send_header("Content-Length", str(len(raw)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(raw)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _params(self) -> tuple[list[str], dict[str, str]]:
        parts = urlsplit(self.path)
        segs = [s for s in parts.path.split("/") if s]
        if segs and segs[0].startswith("v") and segs[0][1:].replace(".", "").isdigit():
            segs = segs[1:]
        params = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        body = self._raw_body
        if self.command == "POST" and segs[:1] != ["_sim"]:
            ctype = self.headers.get("Content-Type", "")
            if body:
                if "json" in ctype:
                    try:
                        doc = json.loads(body)
                    except ValueError:
                        raise GraphFault(400, 100, "(#100) body is not JSON") from None
                    if isinstance(doc, dict):
                        params.update(
                            {k: v if isinstance(v, str) else json.dumps(v) for k, v in doc.items()}
                        )
                else:
                    params.update(
                        {
                            k: v[-1]
                            for k, v in parse_qs(
                                body.decode("utf-8", "replace"), keep_blank_values=True
                            ).items()
                        }
                    )
        return segs, params

    def _check_token(self, params: dict[str, str]) -> None:
        token = params.get("access_token")
        auth = self.headers.get("Authorization", "")
        if not token and auth.split(" ", 1)[0] in ("Bearer", "OAuth"):
            token = auth.split(" ", 1)[1].strip() if " " in auth else ""
        if not token:
            raise GraphFault(400, 104, "An access token is required to request this resource.")
        if token != self.sim.access_token:
            raise GraphFault(400, 190, "Invalid OAuth access token - Cannot parse access token")
        proof = params.get("appsecret_proof")
        if proof is not None:
            expected = hmac.new(
                self.sim.app_secret.encode(), token.encode(), hashlib.sha256
            ).hexdigest()
            if not hmac.compare_digest(proof, expected):
                raise GraphFault(400, 100, "Invalid appsecret_proof provided in the API argument")

    # -- dispatch

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    def _dispatch(self) -> None:
        sim = self.sim
        self._raw_body = self._body()
        try:
            segs, params = self._params()
            if segs[:1] == ["_sim"]:
                self._sim_endpoint(segs[1:], params)
                return
            with sim.lock:
                sim.stats.requests += 1
            self._check_token(params)
            plan = sim._maybe_fault(self.command)
            if plan and plan.startswith("before:"):
                kind = plan.split(":", 1)[1]
                if kind == "timeout":
                    time.sleep(sim.timeout_delay)
                raise sim.fault_error(kind)
            result = self._graph(segs, params)
            if plan and plan.startswith("after:"):
                kind = plan.split(":", 1)[1]
                if kind == "timeout":
                    time.sleep(sim.timeout_delay)
                    self._send(200, result)  # the client has long given up
                    return
                raise sim.fault_error(kind)
            self._send(200, result)
        except GraphFault as fault:
            self._send(fault.status, fault.body(), fault.headers)

    def _graph(self, segs: list[str], params: dict[str, str]) -> Any:
        sim = self.sim
        method = self.command
        if len(segs) == 1:
            oid = segs[0]
            if method == "GET":
                with sim.lock:
                    if oid in sim.posts:
                        return sim.render_post(sim.posts[oid], _fields(params))
                    if oid in sim.pages:
                        return {"id": oid, "name": sim.pages[oid].name}
                    return sim.render_comment(sim._live_comment(oid), _fields(params))
            if method == "DELETE":
                return sim.do_delete(oid)
            if method == "POST" and "is_hidden" in params:
                value = params["is_hidden"].lower()
                if value not in ("true", "false", "1", "0"):
                    raise GraphFault(400, 100, "(#100) is_hidden must be a boolean")
                return sim.do_set_hidden(oid, value in ("true", "1"))
        if len(segs) == 2:
            oid, edge = segs
            if edge == "feed" and method == "GET":
                return _page(sim.list_feed(oid, params), params, self._url(segs))
            if edge == "comments" and method == "GET":
                return _page(sim.list_comments(oid, params), params, self._url(segs))
            if edge == "comments" and method == "POST":
                return sim.do_reply(oid, params.get("message", ""))
            if edge == "messages" and method == "POST":
                return sim.do_private_reply(oid, params.get("recipient"), params.get("message"))
            if edge == "subscribed_apps" and method == "POST":
                if oid not in sim.pages:
                    raise _not_found(oid)
                return {"success": True}
        raise GraphFault(
            400, 2500, "Unknown path components: /" + "/".join(segs)[:80], etype="OAuthException"
        )

    def _url(self, segs: list[str]) -> str:
        host = self.headers.get("Host") or "127.0.0.1"
        return f"http://{host}/v21.0/{'/'.join(segs)}"

    def _sim_endpoint(self, segs: list[str], params: dict[str, str]) -> None:
        sim = self.sim
        body: dict[str, Any] = {}
        if self.command == "POST":
            raw = self._raw_body
            try:
                parsed = json.loads(raw) if raw else {}
            except ValueError:
                self._send(400, {"error": "body must be JSON"})
                return
            body = parsed if isinstance(parsed, dict) else {}
        if segs == ["state"] and self.command == "GET":
            self._send(200, sim.state(int(params.get("since_action", "0") or 0)))
        elif segs == ["comments"] and self.command == "POST":
            try:
                c = sim.add_comment(
                    body.get("message"),
                    post_id=body.get("post_id"),
                    parent_id=body.get("parent_id"),
                    author=body.get("author"),
                )
            except KeyError:
                self._send(404, {"error": "no such post or parent"})
                return
            self._send(201, {"id": c.id, "post_id": c.post_id})
        elif segs == ["generate"] and self.command == "POST":
            n = int(body.get("n", 1))
            made = sim.generate(max(0, min(n, 10_000)))
            self._send(201, {"ids": [c.id for c in made]})
        elif segs == ["config"] and self.command == "POST":
            with sim.lock:
                if "fault_rate" in body:
                    sim.fault_rate = float(body["fault_rate"])
                if "fault_kinds" in body:
                    try:
                        sim.fault_kinds = sim._check_kinds(body["fault_kinds"])
                    except ValueError as exc:
                        self._send(400, {"error": str(exc)})
                        return
                if "rate" in body:
                    sim.rate_per_minute = float(body["rate"])
                if "plan" in body:
                    try:
                        sim.plan_faults(*body["plan"], method=body.get("plan_method"))
                    except (TypeError, ValueError) as exc:
                        self._send(400, {"error": str(exc)})
                        return
            self._send(
                200,
                {
                    "fault_rate": sim.fault_rate,
                    "fault_kinds": list(sim.fault_kinds),
                    "rate": sim.rate_per_minute,
                },
            )
        else:
            self._send(404, {"error": "unknown simulator endpoint"})


def _page(items: list[dict[str, Any]], params: dict[str, str], url: str) -> dict[str, Any]:
    try:
        limit = max(1, min(int(params.get("limit", "25")), 100))
    except ValueError:
        raise GraphFault(400, 100, "(#100) limit must be a number") from None
    start = _unb64(params["after"]) + 1 if params.get("after") else 0
    chunk = items[start : start + limit]
    doc: dict[str, Any] = {"data": chunk}
    if chunk:
        end = start + len(chunk) - 1
        paging: dict[str, Any] = {"cursors": {"before": _b64(start), "after": _b64(end)}}
        if end + 1 < len(items):
            query = {k: v for k, v in params.items() if k not in ("after", "before")}
            query["after"] = _b64(end)
            paging["next"] = f"{url}?{urlencode(query)}"
        doc["paging"] = paging
    return doc
