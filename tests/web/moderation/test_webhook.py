"""The webhook endpoint: signature first, raw stored, deduplicated, edits and removals applied."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from django.test import Client

from somevakt.platforms.facebook import MAX_WEBHOOK_BYTES, sign
from somevakt.platforms.simulator import Simulator
from somevakt.web.moderation.analysis import analyze_pending
from somevakt.web.moderation.models import Comment, OutboxJob, RawDelivery
from somevakt.web.moderation.worker import loop

from .conftest import PAGE, SECRET, VERIFY

URL = "/webhooks/facebook/"


def body(verb: str = "add", cid: str = "111_222", message: str | None = "Når åpner biblioteket?", page: str = PAGE) -> bytes:
    value: dict[str, Any] = {"item": "comment", "verb": verb, "comment_id": cid, "post_id": f"{page}_111",
                             "parent_id": f"{page}_111", "from": {"id": "42", "name": "Kari Hansen"},
                             "created_time": 1732380000}
    if message is not None:
        value["message"] = message
    return json.dumps({"object": "page", "entry": [{"id": page, "time": 1732380001,
                                                    "changes": [{"field": "feed", "value": value}]}]}).encode()


def post(client: Client, raw: bytes, signature: str | None = "auto") -> Any:
    headers = {}
    if signature == "auto":
        headers["HTTP_X_HUB_SIGNATURE_256"] = sign(raw, SECRET)
    elif signature is not None:
        headers["HTTP_X_HUB_SIGNATURE_256"] = signature
    return client.post(URL, data=raw, content_type="application/json", **headers)


@pytest.fixture
def hook(fb_settings: Any, page_account: Any) -> Client:
    return Client()


def test_verification_get(hook: Client) -> None:
    ok = hook.get(URL, {"hub.mode": "subscribe", "hub.verify_token": VERIFY, "hub.challenge": "8472"})
    assert ok.status_code == 200 and ok.content == b"8472"
    bad = hook.get(URL, {"hub.mode": "subscribe", "hub.verify_token": "nope", "hub.challenge": "8472"})
    assert bad.status_code == 403


def test_signed_delivery_is_stored_once_even_when_repeated(hook: Client) -> None:
    raw = body()
    for _ in range(3):
        assert post(hook, raw).status_code == 200
    assert Comment.objects.count() == 1
    assert RawDelivery.objects.count() == 3
    c = Comment.objects.get()
    assert c.platform_id == "111_222" and c.message == "Når åpner biblioteket?"
    assert c.analysis_state == "pending" and c.post_platform_id == f"{PAGE}_111"
    assert bytes(RawDelivery.objects.first().body) == raw  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("signature", "reason"),
    [(None, "missing"), ("sha256=" + "0" * 64, "does not match"), ("sha1=abc", "must start with"),
     (sign(b"other body", SECRET), "does not match"), (sign(body(), "wrong-secret"), "does not match")],
)
def test_forged_or_unsigned_deliveries_are_refused_and_not_stored(hook: Client, signature: str | None, reason: str) -> None:
    r = post(hook, body(), signature)
    assert r.status_code == 403 and reason in r.content.decode()
    assert not Comment.objects.exists() and not RawDelivery.objects.exists()


def test_replayed_signature_with_a_changed_body_is_refused(hook: Client) -> None:
    original = body()
    assert post(hook, original).status_code == 200
    tampered = body(message="Endret av en angriper")
    assert post(hook, tampered, sign(original, SECRET)).status_code == 403
    assert Comment.objects.get().message == "Når åpner biblioteket?"


def test_malformed_signed_delivery_is_kept_raw_and_answered_400(hook: Client) -> None:
    raw = b'{"object": "page", "entry": [{"id": "1", "changes": [{"field": "feed", "value": {"item": "comment"}}]}]}'
    r = post(hook, raw)
    assert r.status_code == 400 and "verb" in r.content.decode()
    d = RawDelivery.objects.get()
    assert d.status == "malformed" and bytes(d.body) == raw


def test_oversized_delivery_is_refused_before_anything_else(hook: Client) -> None:
    raw = b"{" + b" " * MAX_WEBHOOK_BYTES + b"}"
    r = post(hook, raw)
    assert r.status_code == 413
    assert not RawDelivery.objects.exists()


def test_edits_and_removals_update_the_stored_comment(hook: Client) -> None:
    post(hook, body())
    Comment.objects.update(analysis_state="done", analyzed_version=1)
    post(hook, body("edited", message="Når åpner biblioteket igjen?"))
    c = Comment.objects.get()
    assert c.message == "Når åpner biblioteket igjen?" and c.version == 2
    assert c.edits[0]["message"] == "Når åpner biblioteket?" and c.analysis_state == "pending"
    post(hook, body("hide", message=None))
    assert Comment.objects.get().is_hidden
    post(hook, body("remove", message=None))
    assert Comment.objects.get().deleted_on_platform


def test_out_of_order_remove_before_add(hook: Client) -> None:
    post(hook, body("remove", cid="9_9", message=None))
    post(hook, body("add", cid="9_9"))
    c = Comment.objects.get(platform_id="9_9")
    assert c.deleted_on_platform and c.message == "Når åpner biblioteket?"


def test_unknown_page_is_kept_not_lost(hook: Client) -> None:
    r = post(hook, body(page="555"))
    assert r.status_code == 200
    assert not Comment.objects.exists()
    assert RawDelivery.objects.get().status == "unknown_page"


def test_failed_analysis_keeps_the_comment_visible(hook: Client) -> None:
    post(hook, body())

    class Broken:
        def process(self, rec: Any) -> dict[str, Any]:
            raise RuntimeError("model file missing: " + rec.text)

    for _ in range(3):
        analyze_pending(proc=Broken())
    c = Comment.objects.get()
    assert c.analysis_state == "failed" and c.analysis_error == "analysis failed: RuntimeError"
    assert "biblioteket" not in c.analysis_error
    assert c.state == "new"


@pytest.mark.django_db(transaction=True)
def test_simulator_to_inbox_end_to_end(live_server: Any, sim: Simulator, page_account: Any) -> None:
    """Real signed deliveries over HTTP (some twice), analysis, and the policy's auto-hide."""
    sim.webhook_url = live_server.url + URL
    sim.duplicate_rate = 0.5
    sensitive = sim.add_comment("Fødselsnummeret mitt er 05058767990, kan dere sjekke søknaden?")
    made = [sensitive, *sim.generate(25)]
    ids = {m.id for m in made}
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and (
        sim.pending_deliveries() or Comment.objects.filter(platform_id__in=ids).count() < len(ids)
    ):
        time.sleep(0.05)
    assert sim.deliveries["duplicates"] > 0 and sim.deliveries["failed"] == 0
    assert set(Comment.objects.values_list("platform_id", flat=True)) >= ids
    assert Comment.objects.filter(platform_id__in=ids).count() == len(ids)
    loop(once=True)  # analysis, then the outbox
    loop(once=True)
    c = Comment.objects.get(platform_id=sensitive.id)
    assert c.category == "sensitive" and c.hide_now and "[FØDSELSNUMMER]" in c.redacted
    job = OutboxJob.objects.get(comment=c, kind="hide")
    assert job.state == "done" and sim.comments[sensitive.id].is_hidden
    assert Comment.objects.get(pk=c.pk).is_hidden
    assert not Comment.objects.filter(analysis_state="pending", is_own=False).exists()
    # Each auto-hide is in the audit chain once, naming the comment but not its text.
    from somevakt.web.records.audit import verify_chain
    from somevakt.web.records.models import AuditEvent

    hidden = AuditEvent.objects.filter(kind="comment.auto_hidden")
    auto_jobs = OutboxJob.objects.filter(idempotency_key__startswith="auto-hide:")
    assert sorted(int(e.object_id) for e in hidden) == sorted(auto_jobs.values_list("comment_id", flat=True))
    event = hidden.get(object_id=str(c.pk))
    assert event.data["job"] == job.pk and sensitive.id in event.object_repr
    assert "05058767990" not in json.dumps(event.data) + event.object_repr + event.reason
    assert verify_chain()[1] == []
