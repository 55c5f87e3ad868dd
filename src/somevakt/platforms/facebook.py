"""Facebook Pages: webhook verification, webhook payload parsing, and a Graph API client.

The facts relied on are collected in ../shared/docs/facebook-graph-api.md. Nothing here
imports Django: the web app, the worker, the CLI and the simulator's tests share it.

Webhooks
    `verify_subscription` answers the verification GET; `verify_signature` checks the
    `X-Hub-Signature-256` header against the raw body in constant time and must run before
    `parse_payload` looks at the body.

Graph API
    `GraphClient` lists posts and comments (paged by cursor), hides, unhides, deletes,
    replies in public and in private. Every failure becomes a `GraphError` that says whether
    a retry may help (`retryable`), whether the call may have taken effect anyway
    (`ambiguous`), and how long the platform asked us to wait (`retry_after`).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx

SIGNATURE_HEADER = "X-Hub-Signature-256"
SIGNATURE_PREFIX = "sha256="
# Facebook's deliveries are small; anything far larger is not a delivery. The webhook view
# rejects a body over this size before computing anything on it.
MAX_WEBHOOK_BYTES = 1_000_000

DEFAULT_GRAPH_URL = "https://graph.facebook.com/v21.0"
COMMENT_FIELDS = (
    "id,message,created_time,from{id,name},parent{id},is_hidden,can_hide,permalink_url,attachment"
)
POST_FIELDS = "id,message,created_time,permalink_url"

# Throttling codes (4 app, 17 user, 32 page, 613 custom, 80001 page business use case).
THROTTLE_CODES = frozenset({4, 17, 32, 613, 80001})
# Codes Facebook marks as transient server-side trouble.
TRANSIENT_CODES = frozenset({1, 2})
TOKEN_CODE = 190
# "Object with ID ... does not exist": error code 100 with subcode 33.
NOT_FOUND_CODE, NOT_FOUND_SUBCODE = 100, 33
# A private reply was already sent for this comment (one message per comment) (check).
ALREADY_REPLIED_CODE = 10900


# ---------------------------------------------------------------------------- signatures


class SignatureError(Exception):
    """A webhook delivery whose signature is missing, malformed or wrong."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def sign(body: bytes, app_secret: str | bytes) -> str:
    """The `X-Hub-Signature-256` header value for a body, as Facebook computes it."""
    key = app_secret.encode() if isinstance(app_secret, str) else app_secret
    return SIGNATURE_PREFIX + hmac.new(key, body, hashlib.sha256).hexdigest()


def verify_signature(body: bytes, header: str | None, app_secret: str | bytes) -> None:
    """Raise SignatureError unless `header` is the HMAC-SHA256 of `body` with the secret.

    Works on the raw bytes as received; compares in constant time.
    """
    if not app_secret:
        raise SignatureError("no app secret configured")
    if header is None or header == "":
        raise SignatureError(f"missing {SIGNATURE_HEADER} header")
    if not header.startswith(SIGNATURE_PREFIX):
        raise SignatureError(f"{SIGNATURE_HEADER} must start with '{SIGNATURE_PREFIX}'")
    given = header[len(SIGNATURE_PREFIX) :].strip().lower()
    if len(given) != 64 or any(c not in "0123456789abcdef" for c in given):
        raise SignatureError(f"{SIGNATURE_HEADER} is not a hex SHA-256 digest")
    expected = sign(body, app_secret)[len(SIGNATURE_PREFIX) :]
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise SignatureError("signature does not match the body")


def verify_subscription(params: Mapping[str, str], verify_token: str) -> str | None:
    """The challenge to echo back for a valid verification GET, or None to answer 403."""
    if not verify_token:
        return None
    if params.get("hub.mode") != "subscribe":
        return None
    token = params.get("hub.verify_token", "")
    if not hmac.compare_digest(token.encode(), verify_token.encode()):
        return None
    challenge = params.get("hub.challenge")
    return challenge if challenge else None


# ---------------------------------------------------------------------------- payloads


class PayloadError(ValueError):
    """A webhook body that is not a well-formed page delivery. The message says why."""


KNOWN_VERBS = frozenset({"add", "edited", "edit", "remove", "hide", "unhide", "update"})


@dataclass(frozen=True, slots=True)
class ChangeEvent:
    """One change from a `feed` delivery. Unknown verbs and items are kept, not dropped:
    the consumer decides (and `is_comment` / `verb` say what it is)."""

    page_id: str
    entry_time: int | None
    item: str
    verb: str
    comment_id: str | None
    post_id: str | None
    parent_id: str | None
    from_id: str | None
    from_name: str | None
    message: str | None
    created_time: datetime | None
    raw: dict[str, Any] = field(repr=False, compare=False)

    @property
    def is_comment(self) -> bool:
        return self.item == "comment" and self.comment_id is not None

    @property
    def normalized_verb(self) -> str:
        """`edit` and `edited` are the same thing; the rest are as given."""
        return "edited" if self.verb == "edit" else self.verb


def _opt_str(value: Any, name: str, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise PayloadError(f"{where}: '{name}' must be a string")
    if isinstance(value, int):  # ids sometimes arrive as numbers
        return str(value)
    if not isinstance(value, str):
        raise PayloadError(f"{where}: '{name}' must be a string")
    return value


def parse_time(value: Any) -> datetime | None:
    """Graph times: unix seconds (webhooks) or ISO 8601 like 2024-11-23T16:40:00+0000."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError("a time cannot be a boolean")
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value, tz=UTC)
    if isinstance(value, str):
        s = value.strip()
        if s.isdigit():
            return datetime.fromtimestamp(int(s), tz=UTC)
        if len(s) >= 5 and s[-5] in "+-" and s[-4:].isdigit():
            s = s[:-2] + ":" + s[-2:]
        dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
        return dt if dt.tzinfo else dt.replace(tzinfo=UTC)
    raise ValueError(f"unsupported time value of type {type(value).__name__}")


def format_time(dt: datetime) -> str:
    """Graph API's ISO form: 2024-11-23T16:40:00+0000."""
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


def parse_payload(body: bytes) -> list[ChangeEvent]:
    """Parse a (signature-checked) webhook body into change events.

    Raises PayloadError, naming where, for anything that is not a well-formed page
    delivery. Unknown fields are ignored; changes to other fields than `feed` are skipped.
    """
    try:
        doc = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise PayloadError(f"body is not UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise PayloadError(f"body is not JSON: {exc.msg} at line {exc.lineno}") from None
    if not isinstance(doc, dict):
        raise PayloadError("body must be a JSON object")
    if doc.get("object") != "page":
        raise PayloadError(f"'object' must be 'page', got {doc.get('object')!r:.40}")
    entries = doc.get("entry")
    if not isinstance(entries, list):
        raise PayloadError("'entry' must be a list")
    events: list[ChangeEvent] = []
    for i, entry in enumerate(entries):
        where = f"entry[{i}]"
        if not isinstance(entry, dict):
            raise PayloadError(f"{where} must be an object")
        page_id = _opt_str(entry.get("id"), "id", where)
        if not page_id:
            raise PayloadError(f"{where}: missing page 'id'")
        entry_time = entry.get("time")
        if entry_time is not None and (
            isinstance(entry_time, bool) or not isinstance(entry_time, int | float)
        ):
            raise PayloadError(f"{where}: 'time' must be a number")
        changes = entry.get("changes", [])
        if not isinstance(changes, list):
            raise PayloadError(f"{where}: 'changes' must be a list")
        for j, change in enumerate(changes):
            cwhere = f"{where}.changes[{j}]"
            if not isinstance(change, dict):
                raise PayloadError(f"{cwhere} must be an object")
            if change.get("field") != "feed":
                continue
            value = change.get("value")
            if not isinstance(value, dict):
                raise PayloadError(f"{cwhere}: 'value' must be an object")
            events.append(
                _parse_value(page_id, int(entry_time) if entry_time else None, value, cwhere)
            )
    return events


def _parse_value(
    page_id: str, entry_time: int | None, value: dict[str, Any], where: str
) -> ChangeEvent:
    item = value.get("item")
    verb = value.get("verb")
    if not isinstance(item, str) or not item:
        raise PayloadError(f"{where}: 'item' must be a non-empty string")
    if not isinstance(verb, str) or not verb:
        raise PayloadError(f"{where}: 'verb' must be a non-empty string")
    comment_id = _opt_str(value.get("comment_id"), "comment_id", where)
    post_id = _opt_str(value.get("post_id"), "post_id", where)
    parent_id = _opt_str(value.get("parent_id"), "parent_id", where)
    message = value.get("message")
    if message is not None and not isinstance(message, str):
        raise PayloadError(f"{where}: 'message' must be a string")
    sender = value.get("from")
    from_id = from_name = None
    if sender is not None:
        if not isinstance(sender, dict):
            raise PayloadError(f"{where}: 'from' must be an object")
        from_id = _opt_str(sender.get("id"), "from.id", where)
        from_name = _opt_str(sender.get("name"), "from.name", where)
    try:
        created = parse_time(value.get("created_time"))
    except (ValueError, OverflowError, OSError):
        raise PayloadError(f"{where}: 'created_time' is not a valid time") from None
    if item == "comment":
        if not comment_id:
            raise PayloadError(f"{where}: a comment change needs 'comment_id'")
        if verb == "add" and not post_id:
            raise PayloadError(f"{where}: an added comment needs 'post_id'")
    return ChangeEvent(
        page_id=page_id,
        entry_time=entry_time,
        item=item,
        verb=verb,
        comment_id=comment_id,
        post_id=post_id,
        parent_id=parent_id,
        from_id=from_id,
        from_name=from_name,
        message=message,
        created_time=created,
        raw=value,
    )


# ---------------------------------------------------------------------------- errors


class GraphError(Exception):
    """A failed Graph API call.

    retryable  a later attempt may succeed (5xx, timeouts, connection trouble, throttling)
    ambiguous  the call may have taken effect even though it failed (timeout after sending,
               5xx): before repeating a non-idempotent call, check the platform
    retry_after seconds the platform asked us to wait, when it said
    """

    def __init__(
        self,
        message: str,
        *,
        kind: str,
        retryable: bool,
        ambiguous: bool = False,
        status: int | None = None,
        code: int | None = None,
        subcode: int | None = None,
        error_type: str | None = None,
        fbtrace_id: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind  # server | timeout | network | throttled | token | not_found | already_done | permission | invalid
        self.retryable = retryable
        self.ambiguous = ambiguous
        self.status = status
        self.code = code
        self.subcode = subcode
        self.error_type = error_type
        self.fbtrace_id = fbtrace_id
        self.retry_after = retry_after

    def __str__(self) -> str:
        bits = [self.kind]
        if self.status is not None:
            bits.append(f"HTTP {self.status}")
        if self.code is not None:
            bits.append(f"code {self.code}" + (f"/{self.subcode}" if self.subcode else ""))
        return f"{self.message} ({', '.join(bits)})"


def _usage_wait(headers: Mapping[str, str]) -> float | None:
    """Seconds to wait according to the usage headers, if they say."""
    wait: float | None = None
    buc = headers.get("x-business-use-case-usage")
    if buc:
        try:
            doc = json.loads(buc)
            for entries in doc.values() if isinstance(doc, dict) else []:
                for e in entries if isinstance(entries, list) else []:
                    minutes = (
                        e.get("estimated_time_to_regain_access") if isinstance(e, dict) else None
                    )
                    if isinstance(minutes, int | float) and minutes > 0:
                        wait = max(wait or 0.0, float(minutes) * 60.0)
        except (ValueError, AttributeError):
            pass
    retry_after = headers.get("retry-after")
    if retry_after:
        with contextlib.suppress(ValueError):
            wait = max(wait or 0.0, float(retry_after))
    return wait


def usage_percent(headers: Mapping[str, str]) -> float | None:
    """The highest usage percentage in X-App-Usage / X-Page-Usage / BUC headers, if any."""
    best: float | None = None
    for name in ("x-app-usage", "x-page-usage", "x-business-use-case-usage"):
        raw = headers.get(name)
        if not raw:
            continue
        try:
            doc = json.loads(raw)
        except ValueError:
            continue
        items: list[Any] = []
        if isinstance(doc, dict) and name == "x-business-use-case-usage":
            for v in doc.values():
                if isinstance(v, list):
                    items.extend(v)
        else:
            items.append(doc)
        for it in items:
            if not isinstance(it, dict):
                continue
            for key in ("call_count", "total_time", "total_cputime"):
                v = it.get(key)
                if isinstance(v, int | float):
                    best = max(best or 0.0, float(v))
    return best


def error_from_response(resp: httpx.Response) -> GraphError:
    """Map a non-2xx Graph response to a GraphError."""
    status = resp.status_code
    code = subcode = None
    etype = trace = None
    message = f"Graph API answered HTTP {status}"
    transient_flag = False
    try:
        doc = resp.json()
        err = doc.get("error") if isinstance(doc, dict) else None
    except ValueError:
        err = None
    if isinstance(err, dict):
        if isinstance(err.get("message"), str):
            message = err["message"][:300]
        code = err.get("code") if isinstance(err.get("code"), int) else None
        subcode = err.get("error_subcode") if isinstance(err.get("error_subcode"), int) else None
        etype = err.get("type") if isinstance(err.get("type"), str) else None
        trace = err.get("fbtrace_id") if isinstance(err.get("fbtrace_id"), str) else None
        transient_flag = err.get("is_transient") is True
    wait = _usage_wait(resp.headers)
    common: dict[str, Any] = {
        "status": status,
        "code": code,
        "subcode": subcode,
        "error_type": etype,
        "fbtrace_id": trace,
    }
    if code in THROTTLE_CODES or status == 429:
        return GraphError(message, kind="throttled", retryable=True, retry_after=wait, **common)
    if code == TOKEN_CODE:
        return GraphError(message, kind="token", retryable=False, **common)
    if code == NOT_FOUND_CODE and subcode == NOT_FOUND_SUBCODE:
        return GraphError(message, kind="not_found", retryable=False, **common)
    if code == ALREADY_REPLIED_CODE:
        return GraphError(message, kind="already_done", retryable=False, **common)
    if status >= 500 or code in TRANSIENT_CODES or transient_flag:
        # The server may have done the work before failing.
        return GraphError(
            message, kind="server", retryable=True, ambiguous=True, retry_after=wait, **common
        )
    if code in (10, 200) or (code is not None and 200 <= code < 300):
        return GraphError(message, kind="permission", retryable=False, **common)
    return GraphError(message, kind="invalid", retryable=False, **common)


# ---------------------------------------------------------------------------- client


@dataclass(slots=True)
class PrivateReply:
    recipient_id: str | None
    message_id: str | None


class GraphClient:
    """A small Graph API client for one page token.

    The token is sent in the Authorization header (Graph accepts `Bearer`/`OAuth` as well as
    the `access_token` parameter), with `appsecret_proof` when the app secret is known.
    Error messages never include URLs or tokens.
    """

    def __init__(
        self,
        access_token: str,
        *,
        base_url: str = DEFAULT_GRAPH_URL,
        app_secret: str | None = None,
        timeout: float = 10.0,
        client: httpx.Client | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._token = access_token
        self._proof = (
            hmac.new(app_secret.encode(), access_token.encode(), hashlib.sha256).hexdigest()
            if app_secret
            else None
        )
        # The token goes in a header, never in a URL that a log line or a proxy might keep.
        self._headers = {"Authorization": f"Bearer {access_token}"}
        self._own_client = client is None
        self._http = client or httpx.Client(timeout=timeout)
        self.timeout = timeout
        self.last_usage: float | None = None  # highest usage % from the last response

    def close(self) -> None:
        if self._own_client:
            self._http.close()

    def __enter__(self) -> GraphClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing

    def _auth(self) -> dict[str, str]:
        return {"appsecret_proof": self._proof} if self._proof else {}

    def _request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> Any:
        url = f"{self.base_url}/{path.lstrip('/')}"
        q = dict(params or {})
        body: dict[str, str] | None = None
        if method in ("POST",):
            body = {
                k: (v if isinstance(v, str) else json.dumps(v)) for k, v in (data or {}).items()
            }
            body.update(self._auth())
        else:
            q.update(self._auth())
        writes = method != "GET"
        try:
            resp = self._http.request(
                method, url, params=q, data=body, timeout=self.timeout, headers=self._headers
            )
        except httpx.ConnectError:
            raise GraphError(
                "could not connect to the Graph API", kind="network", retryable=True
            ) from None
        except httpx.TimeoutException as exc:
            # A connect timeout means nothing was sent; any later one may have had effect.
            sent = not isinstance(exc, httpx.ConnectTimeout)
            raise GraphError(
                "the Graph API did not answer in time",
                kind="timeout",
                retryable=True,
                ambiguous=writes and sent,
            ) from None
        except httpx.TransportError as exc:
            raise GraphError(
                f"connection to the Graph API failed ({type(exc).__name__})",
                kind="network",
                retryable=True,
                ambiguous=writes,
            ) from None
        self.last_usage = usage_percent(resp.headers)
        if resp.status_code >= 400:
            raise error_from_response(resp)
        try:
            return resp.json()
        except ValueError:
            raise GraphError(
                "the Graph API answered with something that is not JSON",
                kind="server",
                retryable=True,
                ambiguous=writes,
                status=resp.status_code,
            ) from None

    def _paged(
        self, path: str, params: dict[str, Any], max_pages: int | None
    ) -> Iterator[dict[str, Any]]:
        pages = 0
        while True:
            doc = self._request("GET", path, params=params)
            data = doc.get("data") if isinstance(doc, dict) else None
            if not isinstance(data, list):
                raise GraphError(
                    "a list answer had no 'data' list", kind="invalid", retryable=False
                )
            for item in data:
                if isinstance(item, dict):
                    yield item
            pages += 1
            paging = doc.get("paging") or {}
            nxt = paging.get("next")
            after = (paging.get("cursors") or {}).get("after")
            if not nxt or not data or (max_pages is not None and pages >= max_pages):
                return
            if after:
                params = {**params, "after": after}
            else:
                # Follow `next` only to the same origin: it must never send our token elsewhere.
                parts, base = urlsplit(nxt), urlsplit(self.base_url)
                if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
                    return
                params = {
                    k: v
                    for k, v in parse_qsl(parts.query)
                    if k not in ("access_token", "appsecret_proof")
                }

    # -- reading

    def list_feed(
        self, page_id: str, *, limit: int = 25, max_pages: int | None = None
    ) -> Iterator[dict[str, Any]]:
        """The page's posts, newest first, across pages of results."""
        return self._paged(f"{page_id}/feed", {"fields": POST_FIELDS, "limit": limit}, max_pages)

    def list_comments(
        self,
        object_id: str,
        *,
        stream: bool = True,
        order: str = "chronological",
        limit: int = 100,
        since: datetime | None = None,
        max_pages: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Comments on a post or a comment; with `stream` every comment, replies included."""
        params: dict[str, Any] = {"fields": COMMENT_FIELDS, "order": order, "limit": limit}
        if stream:
            params["filter"] = "stream"
        if since is not None:
            params["since"] = int(since.timestamp())
        return self._paged(f"{object_id}/comments", params, max_pages)

    def get_object(self, object_id: str, fields: str = COMMENT_FIELDS) -> dict[str, Any]:
        doc = self._request("GET", object_id, params={"fields": fields})
        if not isinstance(doc, dict):
            raise GraphError(
                "an object answer was not a JSON object", kind="invalid", retryable=False
            )
        return doc

    # -- acting

    def set_hidden(self, comment_id: str, hidden: bool) -> None:
        doc = self._request("POST", comment_id, data={"is_hidden": "true" if hidden else "false"})
        self._expect_success(doc)

    def delete(self, comment_id: str) -> None:
        doc = self._request("DELETE", comment_id)
        self._expect_success(doc)

    def reply(self, object_id: str, message: str) -> str:
        """Reply in public; returns the new comment's id."""
        doc = self._request("POST", f"{object_id}/comments", data={"message": message})
        new_id = doc.get("id") if isinstance(doc, dict) else None
        if not isinstance(new_id, str) or not new_id:
            raise GraphError(
                "a reply answer had no 'id'", kind="server", retryable=True, ambiguous=True
            )
        return new_id

    def find_reply(
        self, object_id: str, page_id: str, message: str, *, exclude: frozenset[str] | set[str] = frozenset()
    ) -> str | None:
        """The id of a reply from the page with exactly this message, if there is one;
        replies whose ids are in `exclude` (known to be another job's) do not count.

        Used before repeating a reply whose earlier attempt may have taken effect.
        """
        for c in self.list_comments(object_id, stream=False, order="reverse_chronological"):
            sender = c.get("from") or {}
            cid = c.get("id")
            if (sender.get("id") == page_id and c.get("message") == message
                    and isinstance(cid, str) and cid not in exclude):
                return cid
        return None

    def private_reply(self, page_id: str, comment_id: str, text: str) -> PrivateReply:
        """Send the commenter a private message tied to the comment (one per comment)."""
        doc = self._request(
            "POST",
            f"{page_id}/messages",
            data={"recipient": {"comment_id": comment_id}, "message": {"text": text}},
        )
        if not isinstance(doc, dict):
            doc = {}
        rid, mid = doc.get("recipient_id"), doc.get("message_id")
        return PrivateReply(
            rid if isinstance(rid, str) else None, mid if isinstance(mid, str) else None
        )

    @staticmethod
    def _expect_success(doc: Any) -> None:
        if not (isinstance(doc, dict) and doc.get("success") is True):
            raise GraphError(
                "the Graph API did not confirm success",
                kind="server",
                retryable=True,
                ambiguous=True,
            )


def sleep_for(error: GraphError, attempt: int, base: float = 1.0, cap: float = 900.0) -> float:
    """Exponential backoff with the platform's hint as the floor: base * 2**attempt, capped."""
    delay = min(cap, base * (2 ** max(0, attempt)))
    if error.retry_after:
        delay = max(delay, min(error.retry_after, 3600.0))
    return delay


def now_unix() -> int:
    return int(time.time())
