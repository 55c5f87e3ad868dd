"""Backfill and catch-up: `somevakt import` (JSONL and CSV) and polling the Graph API.

Import: bad rows are reported with their line number and the rest are imported; importing
the same file again adds nothing. Polling: comments made on the simulator while no webhook
was delivered are found through the real Graph API client (paged, filter=stream, replies
included), and nothing is stored twice, neither by a second poll nor next to a webhook.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from typer.testing import CliRunner

from somevakt.cli import app
from somevakt.platforms.facebook import sign
from somevakt.platforms.importer import write_csv
from somevakt.platforms.simulator import Simulator
from somevakt.web.moderation.models import Comment, SyncState
from somevakt.web.moderation.worker import poll_all

from .conftest import PAGE, SECRET

pytestmark = pytest.mark.django_db


def run_import(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["import", *args])
    out = result.output + (getattr(result, "stderr", "") if result.stderr_bytes is not None else "")
    return result.exit_code, out


def jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def row(n: int, **extra: Any) -> dict[str, Any]:
    return {"id": f"555_{n}", "post_id": f"{PAGE}_555", "from": {"id": f"77{n}", "name": f"Innbygger {n}"},
            "message": f"Når er det søppeltømming i uke {n}?", "created_time": "2024-11-23T16:40:00+0000", **extra}


def test_jsonl_import_reports_bad_lines_imports_the_rest_and_does_not_duplicate(
    page_account: Any, tmp_path: Path
) -> None:
    path = jsonl(tmp_path / "export.jsonl", [
        json.dumps(row(1)),
        json.dumps(row(2, parent_id="555_1")),
        "{not json at all",
        json.dumps(row(3)),
        json.dumps({"id": "555_4", "post_id": f"{PAGE}_555"}),  # no message
        json.dumps(row(5, created_time="i går")),
        json.dumps(row(6)),
    ])
    code, out = run_import(str(path), "--account", str(page_account.pk))
    assert code == 1  # errors make the command fail, after importing what it could
    assert "4 new, 0 already known, 3 error(s)" in out
    assert "line 3: not valid JSON" in out
    assert "line 5: missing 'message'" in out
    assert "line 6: 'created_time' is not a valid time" in out
    stored = Comment.objects.filter(account=page_account).order_by("platform_id")
    assert [c.platform_id for c in stored] == ["555_1", "555_2", "555_3", "555_6"]
    assert all(c.source == "import" and c.analysis_state == "pending" for c in stored)
    reply = stored.get(platform_id="555_2")
    assert reply.parent_platform_id == "555_1" and reply.author_name == "Innbygger 2"

    code, out = run_import(str(path), "--account", str(page_account.pk))
    assert "0 new, 4 already known, 3 error(s)" in out
    assert Comment.objects.count() == 4


def test_csv_import_by_page_id_with_multiline_messages(page_account: Any, tmp_path: Path) -> None:
    rows = [
        {**row(1), "page_id": PAGE, "from_id": "771", "from_name": "Kari", "message": "Første linje\nandre linje"},
        {**row(2), "page_id": PAGE, "from_id": "772", "from_name": "Ola"},
        {**row(3), "page_id": "999999", "from_id": "773", "from_name": "Per"},  # a page we do not have
        {**row(4), "page_id": PAGE, "id": ""},  # no comment id
        {**row(5), "page_id": PAGE, "from_id": "775", "from_name": "Åse"},
    ]
    path = tmp_path / "export.csv"
    path.write_text(write_csv(rows), encoding="utf-8")
    code, out = run_import(str(path))
    assert code == 1
    assert "3 new, 0 already known, 2 error(s)" in out
    # The first row spans lines 2-3, so the rows after it start one line later.
    assert "line 5: no connected account for page 999999" in out
    assert "line 6: missing 'id'" in out
    kari = Comment.objects.get(platform_id="555_1")
    assert kari.message == "Første linje\nandre linje" and kari.author_name == "Kari"
    assert sorted(Comment.objects.values_list("platform_id", flat=True)) == ["555_1", "555_2", "555_5"]

    code, out = run_import(str(path))
    assert "0 new, 3 already known, 2 error(s)" in out
    assert Comment.objects.count() == 3


def test_import_error_lines_do_not_echo_comment_text(page_account: Any, tmp_path: Path) -> None:
    secret = "fødselsnummeret mitt er 05058767990"
    path = jsonl(tmp_path / "bad.jsonl", [json.dumps({"message": secret, "post_id": f"{PAGE}_1"})])
    code, out = run_import(str(path), "--account", str(page_account.pk))
    assert code == 1 and "line 1: missing 'id'" in out
    assert "05058767990" not in out and "fødselsnummeret" not in out


def _deliver_by_webhook(sim: Simulator, comment_id: str) -> None:
    """What the simulator would have delivered for this comment, posted to our webhook."""
    c = sim.comments[comment_id]
    value = {"item": "comment", "verb": "add", "comment_id": c.id, "post_id": c.post_id, "parent_id": c.object_id,
             "from": {"id": c.from_id, "name": c.from_name}, "message": c.message,
             "created_time": int(c.created.timestamp())}
    body = json.dumps({"object": "page", "entry": [{"id": PAGE, "time": 1, "changes": [
        {"field": "feed", "value": value}]}]}).encode()
    r = Client().post("/webhooks/facebook/", data=body, content_type="application/json",
                      HTTP_X_HUB_SIGNATURE_256=sign(body, SECRET))
    assert r.status_code == 200


def test_poll_catches_up_on_comments_no_webhook_delivered(sim: Simulator, page_account: Any) -> None:
    # The webhook was down: 230 comments on one post (more than two pages of 100), replies
    # to some of them, and comments on two other posts; none delivered.
    posts = sorted(sim.posts.values(), key=lambda p: p.created, reverse=True)
    busy, others = posts[0], posts[1:3]
    made = [sim.add_comment(post_id=busy.id, deliver=False) for _ in range(230)]
    made += [sim.add_comment(parent_id=made[i].id, deliver=False) for i in (0, 5, 150)]
    made += [sim.add_comment(post_id=p.id, deliver=False) for p in others for _ in range(3)]
    # A few did arrive by webhook before it went down.
    for c in made[:4]:
        _deliver_by_webhook(sim, c.id)
    assert Comment.objects.count() == 4
    calls = sim.stats.calls

    new = poll_all()

    assert new == len(made) - 4
    stored = {c.platform_id: c for c in Comment.objects.all()}
    assert len(stored) == len(made) == Comment.objects.count()
    assert set(stored) == {c.id for c in made}
    for c in made:
        s = stored[c.id]
        assert s.message == c.message and s.post_platform_id == c.post_id and s.author_id == c.from_id
        assert s.parent_platform_id == (c.parent_comment_id or "")
    assert {stored[c.id].source for c in made[4:]} == {"poll"}
    assert {stored[c.id].source for c in made[:4]} == {"webhook"}
    assert sim.stats.calls - calls > 3  # the feed and more than one page of the busy post's comments
    assert SyncState.objects.get(account=page_account).last_error == ""

    # Polling again finds nothing new and stores nothing twice; a later comment is found.
    assert poll_all() == 0
    later = sim.add_comment(post_id=busy.id, deliver=False)
    assert poll_all() == 1
    assert Comment.objects.count() == len(made) + 1
    assert Comment.objects.get(platform_id=later.id).source == "poll"


def test_poll_failure_is_recorded_and_the_next_poll_catches_up(sim: Simulator, page_account: Any) -> None:
    made = [sim.add_comment(deliver=False) for _ in range(5)]
    sim.fault_rate, sim.fault_kinds = 1.0, ("5xx",)
    assert poll_all() == 0
    assert "HTTP 5" in SyncState.objects.get(account=page_account).last_error
    sim.fault_rate = 0.0
    assert poll_all() == 5
    assert set(Comment.objects.values_list("platform_id", flat=True)) == {c.id for c in made}
    assert SyncState.objects.get(account=page_account).last_error == ""
