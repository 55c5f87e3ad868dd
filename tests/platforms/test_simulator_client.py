"""The Graph API client against the real simulator over real HTTP."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from somevakt.platforms.facebook import (
    SIGNATURE_HEADER,
    GraphClient,
    GraphError,
    parse_payload,
    sleep_for,
    verify_signature,
)
from somevakt.platforms.simulator import Simulator

TOKEN = "sim-page-token"
SECRET = "sim-app-secret"
PAGE = "100000000000001"


@pytest.fixture
def sim() -> Iterator[Simulator]:
    s = Simulator(seed=7, access_token=TOKEN, app_secret=SECRET)
    s.start()
    yield s
    s.stop()


@pytest.fixture
def client(sim: Simulator) -> Iterator[GraphClient]:
    with GraphClient(TOKEN, base_url=sim.base_url + "/v21.0", app_secret=SECRET, timeout=2.0) as c:
        yield c


def test_feed_lists_posts_newest_first_across_pages(sim: Simulator, client: GraphClient) -> None:
    posts = list(client.list_feed(PAGE, limit=3))
    assert len(posts) == 8
    times = [p["created_time"] for p in posts]
    assert times == sorted(times, reverse=True)
    assert len({p["id"] for p in posts}) == 8 and all(p["id"].startswith(PAGE + "_") for p in posts)


def test_comments_paging_with_cursors_and_stream(sim: Simulator, client: GraphClient) -> None:
    post = next(iter(sim.posts))
    top = [sim.add_comment(f"kommentar {i}", post_id=post, deliver=False) for i in range(7)]
    replies = [sim.add_comment(f"svar {i}", parent_id=top[0].id, deliver=False) for i in range(3)]
    stream = list(client.list_comments(post, limit=2))
    assert [c["id"] for c in stream] == [c.id for c in top + replies]
    assert stream[-1]["parent"] == {"id": top[0].id}
    assert "parent" not in stream[0] and stream[0]["from"]["id"] != PAGE
    toplevel = list(client.list_comments(post, stream=False, limit=4))
    assert [c["id"] for c in toplevel] == [c.id for c in top]
    on_comment = list(client.list_comments(top[0].id, limit=2))
    assert [c["id"] for c in on_comment] == [c.id for c in replies]
    assert len(list(client.list_comments(post, limit=2, max_pages=2))) == 4


def test_raw_paging_shape(sim: Simulator) -> None:
    post = next(iter(sim.posts))
    for i in range(3):
        sim.add_comment(f"k{i}", post_id=post, deliver=False)
    r = httpx.get(f"{sim.base_url}/v21.0/{post}/comments",
                  params={"access_token": TOKEN, "limit": 2, "filter": "stream"})
    doc = r.json()
    assert set(doc) == {"data", "paging"} and set(doc["paging"]["cursors"]) == {"before", "after"}
    nxt = httpx.get(doc["paging"]["next"]).json()
    assert len(nxt["data"]) == 1 and "next" not in nxt["paging"]


def test_hide_unhide_delete_reply_private_reply(sim: Simulator, client: GraphClient) -> None:
    c = sim.add_comment("Kan noen ringe meg?", deliver=False)
    client.set_hidden(c.id, True)
    client.set_hidden(c.id, True)  # idempotent: no second change
    assert client.get_object(c.id)["is_hidden"] is True
    client.set_hidden(c.id, False)
    reply_id = client.reply(c.id, "Send oss en melding, så tar vi det derfra.")
    assert client.find_reply(c.id, PAGE, "Send oss en melding, så tar vi det derfra.") == reply_id
    assert client.find_reply(c.id, PAGE, "noe annet") is None
    pr = client.private_reply(PAGE, c.id, "Hei! Send en formell henvendelse via post@birkenes.kommune.no.")
    assert pr.message_id and pr.recipient_id
    with pytest.raises(GraphError) as again:
        client.private_reply(PAGE, c.id, "en gang til")
    assert again.value.kind == "already_done" and not again.value.retryable
    client.delete(c.id)
    with pytest.raises(GraphError) as gone:
        client.delete(c.id)
    assert gone.value.kind == "not_found" and gone.value.code == 100 and gone.value.subcode == 33
    kinds = [(a.kind, a.changed) for a in sim.actions]
    assert kinds == [("hide", True), ("hide", False), ("unhide", True), ("reply", True),
                     ("private_reply", True), ("delete", True)]


def test_reply_on_post_is_from_the_page(sim: Simulator, client: GraphClient) -> None:
    post = next(iter(sim.posts))
    rid = client.reply(post, "Takk for spørsmålet!")
    own = client.get_object(rid)
    assert own["from"]["id"] == PAGE and own["can_hide"] is False


def test_token_errors(sim: Simulator) -> None:
    with GraphClient("wrong", base_url=sim.base_url) as bad, pytest.raises(GraphError) as err:
        list(bad.list_feed(PAGE))
    assert err.value.kind == "token" and err.value.code == 190 and not err.value.retryable
    assert "wrong" not in str(err.value)
    r = httpx.get(f"{sim.base_url}/{PAGE}/feed")
    assert r.status_code == 400 and r.json()["error"]["code"] == 104


def test_error_shape_and_unknown_path(sim: Simulator) -> None:
    r = httpx.get(f"{sim.base_url}/v21.0/{PAGE}/nonsense", params={"access_token": TOKEN})
    err = r.json()["error"]
    assert set(err) >= {"message", "type", "code", "fbtrace_id"} and err["code"] == 2500


def test_unreachable_server_is_retryable_not_ambiguous() -> None:
    with GraphClient(TOKEN, base_url="http://127.0.0.1:9", timeout=0.5) as c, pytest.raises(GraphError) as err:
        c.set_hidden("1_2", True)
    assert err.value.retryable and not err.value.ambiguous and err.value.kind == "network"


@pytest.mark.parametrize(
    ("kind", "expected_kind", "retryable"),
    [("5xx", "server", True), ("throttle", "throttled", True), ("token", "token", False),
     ("timeout", "timeout", True)],
)
def test_fault_kinds_map_to_typed_errors(
    sim: Simulator, kind: str, expected_kind: str, retryable: bool
) -> None:
    sim.timeout_delay = 0.6
    sim.fault_rate, sim.fault_kinds = 1.0, (kind,)
    c = sim.add_comment("x", deliver=False)
    seen: set[str] = set()
    with GraphClient(TOKEN, base_url=sim.base_url, timeout=0.3) as client:
        for _ in range(12):
            with pytest.raises(GraphError) as err:
                client.set_hidden(c.id, True)
            assert err.value.kind == expected_kind and err.value.retryable is retryable
            if kind == "throttle":
                assert err.value.code in (4, 17, 32)
            if kind in ("5xx", "timeout"):
                assert err.value.ambiguous
            seen.add(str(err.value.code))
    faults = sim.state()["faults"]
    if kind in ("5xx", "timeout"):  # some faults struck after the effect, some before
        assert f"after:{kind}" in faults and f"before:{kind}" in faults
        assert any(a.kind == "hide" for a in sim.actions)
    else:
        assert faults == {f"before:{kind}": 12} and not sim.actions


def test_fault_rate_share(sim: Simulator, client: GraphClient) -> None:
    sim.fault_rate, sim.fault_kinds = 0.3, ("5xx", "throttle")
    failures = 0
    for _ in range(300):
        try:
            list(client.list_feed(PAGE, limit=100))
        except GraphError:
            failures += 1
    assert 60 <= failures <= 120


def test_backoff_honours_hint() -> None:
    e = GraphError("x", kind="throttled", retryable=True, retry_after=120.0)
    assert sleep_for(e, 0) == 120.0
    assert sleep_for(GraphError("x", kind="server", retryable=True), 3, base=0.5) == 4.0
    assert sleep_for(GraphError("x", kind="server", retryable=True), 30) == 900.0


def test_usage_header_hint_becomes_retry_after(sim: Simulator, client: GraphClient) -> None:
    sim.fault_rate, sim.fault_kinds, sim.throttle_wait_minutes = 1.0, ("throttle",), 2
    with pytest.raises(GraphError) as err:
        client.delete("1_2")
    assert err.value.kind == "throttled" and err.value.retry_after == 120.0
    assert sleep_for(err.value, 0) == 120.0
    assert client.last_usage == 100.0


class _Receiver(BaseHTTPRequestHandler):
    got: list[tuple[bytes, str | None]] = []

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).got.append((body, self.headers.get(SIGNATURE_HEADER)))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()


def test_signed_webhook_deliveries_for_comments_and_page_actions() -> None:
    _Receiver.got = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    sim = Simulator(seed=3, webhook_url=url, access_token=TOKEN, app_secret=SECRET)
    sim.start()
    try:
        made = sim.generate(20)
        c = next(m for m in made if not m.deleted)
        with GraphClient(TOKEN, base_url=sim.base_url) as client:
            client.set_hidden(c.id, True)
        deadline = threading.Event()
        for _ in range(100):
            if sim.pending_deliveries() == 0 and len(_Receiver.got) >= 21:
                break
            deadline.wait(0.05)
    finally:
        sim.stop()
        server.shutdown()
        server.server_close()
    events = []
    for body, header in _Receiver.got:
        verify_signature(body, header, SECRET)
        events.extend(parse_payload(body))
    added = {e.comment_id for e in events if e.verb == "add"}
    assert {m.id for m in made} <= added
    removed = {e.comment_id for e in events if e.verb == "remove"}
    assert removed == {m.id for m in sim.comments.values() if m.deleted}
    assert any(e.verb == "hide" and e.comment_id == c.id for e in events)
    assert all(e.page_id == PAGE for e in events)


def test_sim_control_endpoints(sim: Simulator) -> None:
    r = httpx.post(f"{sim.base_url}/_sim/comments", json={"message": "Hei fra testen", "author": "Test Testesen"})
    assert r.status_code == 201
    r = httpx.post(f"{sim.base_url}/_sim/generate", json={"n": 5})
    assert r.status_code == 201
    r = httpx.post(f"{sim.base_url}/_sim/config", json={"fault_rate": 0.5, "fault_kinds": ["5xx"]})
    assert r.json()["fault_rate"] == 0.5
    state = httpx.get(f"{sim.base_url}/_sim/state").json()
    assert any(c["message"] == "Hei fra testen" for c in state["comments"])
    assert len(state["comments"]) >= 5
    assert httpx.post(f"{sim.base_url}/_sim/config", json={"fault_kinds": ["meteor"]}).status_code == 400


def test_token_never_in_a_url_and_proof_checked(sim: Simulator) -> None:
    urls: list[str] = []
    http = httpx.Client(event_hooks={"request": [lambda req: urls.append(str(req.url))]})
    with GraphClient(TOKEN, base_url=sim.base_url, app_secret=SECRET, client=http) as c:
        c.reply(next(iter(sim.posts)), "Hei")
        list(c.list_comments(next(iter(sim.posts)), limit=1))
    assert urls and not any(TOKEN in u for u in urls)
    http.close()
    with GraphClient(TOKEN, base_url=sim.base_url, app_secret="wrong-secret") as bad, pytest.raises(GraphError) as err:
        list(bad.list_feed(PAGE))
    assert err.value.code == 100 and "appsecret_proof" in err.value.message


class _SlowReceiver(BaseHTTPRequestHandler):
    """Holds the first delivery until `release` is set, so changes queue up behind it."""

    got: list[bytes] = []
    entered = threading.Event()
    release = threading.Event()

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).entered.set()
        type(self).release.wait(10)
        type(self).got.append(body)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()


def test_changes_queued_together_go_out_in_batched_deliveries() -> None:
    _SlowReceiver.got, _SlowReceiver.entered, _SlowReceiver.release = [], threading.Event(), threading.Event()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SlowReceiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sim = Simulator(seed=3, webhook_url=f"http://127.0.0.1:{server.server_address[1]}/hook",
                    access_token=TOKEN, app_secret=SECRET, batch_max=10)
    sim.start()
    try:
        made = [sim.add_comment()]
        assert _SlowReceiver.entered.wait(10)  # the first delivery is on its way, alone
        made += [sim.add_comment() for _ in range(30)]
        assert sim.pending_deliveries() == 31
        _SlowReceiver.release.set()
        done = threading.Event()
        for _ in range(200):
            if sim.pending_deliveries() == 0:
                break
            done.wait(0.05)
        assert sim.pending_deliveries() == 0
    finally:
        sim.stop()
        server.shutdown()
        server.server_close()
    sizes = [len(parse_payload(body)) for body in _SlowReceiver.got]
    assert sizes == [1, 10, 10, 10]
    delivered = [e.comment_id for body in _SlowReceiver.got for e in parse_payload(body)]
    assert sorted(delivered) == sorted(m.id for m in made)  # each change exactly once
    assert sim.deliveries["sent"] == 4
