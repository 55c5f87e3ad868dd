"""Webhook verification and payload parsing (somevakt.platforms.facebook)."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest

from somevakt.platforms.facebook import (
    PayloadError,
    SignatureError,
    parse_payload,
    sign,
    verify_signature,
    verify_subscription,
)

SECRET = "app-secret-for-tests"


def delivery(**value: object) -> bytes:
    base: dict[str, object] = {
        "item": "comment",
        "verb": "add",
        "comment_id": "111_222",
        "post_id": "999_111",
        "parent_id": "999_111",
        "from": {"id": "42", "name": "Kari Hansen"},
        "message": "Når åpner biblioteket?",
        "created_time": 1732380000,
    }
    base.update(value)
    doc = {"object": "page", "entry": [{"id": "999", "time": 1732380001,
                                         "changes": [{"field": "feed", "value": base}]}]}
    return json.dumps(doc).encode()


class TestSignature:
    def test_valid_signature_passes(self) -> None:
        body = delivery()
        expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
        assert sign(body, SECRET) == expected
        verify_signature(body, expected, SECRET)

    def test_uppercase_hex_is_accepted(self) -> None:
        body = delivery()
        verify_signature(body, "sha256=" + sign(body, SECRET)[7:].upper(), SECRET)

    def test_forged_signature_with_other_secret(self) -> None:
        body = delivery()
        with pytest.raises(SignatureError, match="does not match"):
            verify_signature(body, sign(body, "someone-elses-secret"), SECRET)

    def test_missing_header(self) -> None:
        with pytest.raises(SignatureError, match="missing"):
            verify_signature(delivery(), None, SECRET)
        with pytest.raises(SignatureError, match="missing"):
            verify_signature(delivery(), "", SECRET)

    def test_wrong_prefix(self) -> None:
        body = delivery()
        sha1 = "sha1=" + hmac.new(SECRET.encode(), body, hashlib.sha1).hexdigest()
        with pytest.raises(SignatureError, match="must start with"):
            verify_signature(body, sha1, SECRET)
        with pytest.raises(SignatureError, match="must start with"):
            verify_signature(body, sign(body, SECRET)[7:], SECRET)

    def test_not_hex(self) -> None:
        with pytest.raises(SignatureError, match="not a hex"):
            verify_signature(delivery(), "sha256=" + "zz" * 32, SECRET)
        with pytest.raises(SignatureError, match="not a hex"):
            verify_signature(delivery(), "sha256=abc", SECRET)

    def test_replayed_signature_on_a_changed_body(self) -> None:
        original = delivery()
        tampered = delivery(message="Noe helt annet")
        with pytest.raises(SignatureError, match="does not match"):
            verify_signature(tampered, sign(original, SECRET), SECRET)

    def test_a_single_changed_byte_fails(self) -> None:
        body = delivery()
        header = sign(body, SECRET)
        with pytest.raises(SignatureError):
            verify_signature(body + b" ", header, SECRET)

    def test_no_secret_configured_rejects_everything(self) -> None:
        body = delivery()
        with pytest.raises(SignatureError, match="no app secret"):
            verify_signature(body, sign(body, ""), "")


class TestSubscription:
    def test_challenge_returned_for_right_token(self) -> None:
        params = {"hub.mode": "subscribe", "hub.verify_token": "tok", "hub.challenge": "1158201444"}
        assert verify_subscription(params, "tok") == "1158201444"

    @pytest.mark.parametrize(
        "params",
        [
            {"hub.mode": "subscribe", "hub.verify_token": "wrong", "hub.challenge": "1"},
            {"hub.mode": "unsubscribe", "hub.verify_token": "tok", "hub.challenge": "1"},
            {"hub.verify_token": "tok", "hub.challenge": "1"},
            {"hub.mode": "subscribe", "hub.verify_token": "tok"},
        ],
    )
    def test_anything_else_is_refused(self, params: dict[str, str]) -> None:
        assert verify_subscription(params, "tok") is None

    def test_empty_configured_token_refuses(self) -> None:
        params = {"hub.mode": "subscribe", "hub.verify_token": "", "hub.challenge": "1"}
        assert verify_subscription(params, "") is None


class TestPayload:
    def test_add_comment(self) -> None:
        [ev] = parse_payload(delivery())
        assert ev.is_comment and ev.verb == "add"
        assert (ev.page_id, ev.comment_id, ev.post_id) == ("999", "111_222", "999_111")
        assert ev.from_name == "Kari Hansen" and ev.message == "Når åpner biblioteket?"
        assert ev.created_time is not None and ev.created_time.year == 2024

    @pytest.mark.parametrize("verb", ["edited", "remove", "hide", "unhide"])
    def test_other_verbs(self, verb: str) -> None:
        [ev] = parse_payload(delivery(verb=verb))
        assert ev.verb == verb

    def test_edit_is_normalized(self) -> None:
        [ev] = parse_payload(delivery(verb="edit"))
        assert ev.normalized_verb == "edited"

    def test_unknown_verbs_items_and_fields_are_kept(self) -> None:
        [ev] = parse_payload(delivery(verb="pinned", extra={"x": 1}, reaction_type="like"))
        assert ev.verb == "pinned" and ev.raw["reaction_type"] == "like"
        [ev] = parse_payload(delivery(item="reaction", comment_id=None))
        assert not ev.is_comment

    def test_iso_time_and_string_ids(self) -> None:
        [ev] = parse_payload(delivery(created_time="2024-11-23T16:40:00+0000", comment_id=123))
        assert ev.comment_id == "123"
        assert ev.created_time is not None and ev.created_time.hour == 16

    def test_other_fields_are_skipped(self) -> None:
        doc = {"object": "page", "entry": [{"id": "9", "changes": [{"field": "mention", "value": {}}]}]}
        assert parse_payload(json.dumps(doc).encode()) == []

    @pytest.mark.parametrize(
        ("body", "message"),
        [
            (b"\xff\xfe", "not UTF-8"),
            (b"{not json", "not JSON"),
            (b"[]", "JSON object"),
            (b'{"object": "user", "entry": []}', "'object' must be 'page'"),
            (b'{"object": "page"}', "'entry' must be a list"),
            (b'{"object": "page", "entry": [1]}', r"entry\[0\] must be an object"),
            (b'{"object": "page", "entry": [{"changes": []}]}', "missing page 'id'"),
            (b'{"object": "page", "entry": [{"id": "1", "time": "x", "changes": []}]}', "'time'"),
            (b'{"object": "page", "entry": [{"id": "1", "changes": {}}]}', "'changes' must be a list"),
            (b'{"object": "page", "entry": [{"id": "1", "changes": [{"field": "feed"}]}]}', "'value'"),
        ],
    )
    def test_malformed_envelopes(self, body: bytes, message: str) -> None:
        with pytest.raises(PayloadError, match=message):
            parse_payload(body)

    @pytest.mark.parametrize(
        ("change", "message"),
        [
            ({"verb": None}, "'verb'"),
            ({"item": 5}, "'item'"),
            ({"comment_id": None}, "needs 'comment_id'"),
            ({"post_id": None}, "needs 'post_id'"),
            ({"message": ["x"]}, "'message' must be a string"),
            ({"from": "Kari"}, "'from' must be an object"),
            ({"from": {"id": True}}, "'from.id'"),
            ({"created_time": "yesterday"}, "'created_time'"),
        ],
    )
    def test_malformed_changes(self, change: dict[str, object], message: str) -> None:
        with pytest.raises(PayloadError, match=message):
            parse_payload(delivery(**change))

    def test_error_messages_never_echo_the_comment(self) -> None:
        secret_text = "fødselsnummer 05058767990"
        with pytest.raises(PayloadError) as err:
            parse_payload(delivery(message=secret_text, created_time="bad"))
        assert "0505" not in str(err.value)
