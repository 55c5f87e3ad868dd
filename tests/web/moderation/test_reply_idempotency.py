"""Per-job reply idempotency: a retried reply job never posts a second reply, even when the
first call took effect on the platform and only its answer was lost; and it never mistakes
another job's identical reply for its own."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from somevakt.platforms.simulator import Simulator
from somevakt.web.moderation import outbox
from somevakt.web.moderation.models import Comment, OutboxJob

pytestmark = pytest.mark.django_db
TEXT = "Takk for spørsmålet! Biblioteket åpner klokka 10."


def stored_comment(account: Any, sim: Simulator) -> Comment:
    c = sim.add_comment("Når åpner biblioteket?", deliver=False)
    return Comment.objects.create(account=account, platform_id=c.id, post_platform_id=c.post_id,
                                  author_id=c.from_id, author_name=c.from_name, message=c.message,
                                  analysis_state=Comment.Analysis.SKIPPED)


def replies_on(sim: Simulator, comment: Comment) -> list[Any]:
    return [a for a in sim.actions if a.kind == "reply" and a.target == comment.platform_id]


def run_until_settled(job: OutboxJob, timeout: float = 20.0) -> OutboxJob:
    """Run the worker's outbox step until the job is done or failed (its retry comes due)."""
    deadline = time.monotonic() + timeout
    while True:
        outbox.run_due("test-worker")
        job.refresh_from_db()
        if job.state in (OutboxJob.State.DONE, OutboxJob.State.FAILED):
            return job
        assert time.monotonic() < deadline, f"job still {job.state}: {job.last_error}"
        time.sleep(0.01)


def test_reply_applied_but_answer_lost_to_a_timeout_is_not_posted_twice(
    sim: Simulator, page_account: Any, fb_settings: Any
) -> None:
    fb_settings.SOMEVAKT_GRAPH_TIMEOUT = "0.3"
    sim.timeout_delay = 1.0  # the platform applies the reply, then answers after the client gave up
    comment = stored_comment(page_account, sim)
    job = outbox.enqueue(comment, OutboxJob.Kind.REPLY, message=TEXT)
    sim.plan_faults("after:timeout", method="POST")

    assert outbox.run_due("test-worker") == 1
    job.refresh_from_db()
    assert job.state == OutboxJob.State.PENDING and job.maybe_applied
    assert "did not answer in time" in job.last_error
    assert len(replies_on(sim, comment)) == 1  # it did take effect

    job = run_until_settled(job)
    [reply] = replies_on(sim, comment)
    assert job.state == OutboxJob.State.DONE and job.attempts == 2
    assert job.result_id == reply.result_id and reply.message == TEXT
    assert job.note == "applied by an earlier attempt"
    assert sim.state()["faults"] == {"after:timeout": 1}


def test_a_reply_lost_with_a_dead_worker_is_adopted_when_its_lease_runs_out(
    sim: Simulator, page_account: Any
) -> None:
    comment = stored_comment(page_account, sim)
    job = outbox.enqueue(comment, OutboxJob.Kind.REPLY, message=TEXT)
    [claimed] = outbox.claim("worker-that-dies")
    with outbox.client_for(page_account.platform_id) as client:
        client.reply(comment.platform_id, TEXT)  # the call succeeds; the worker dies before recording it
    OutboxJob.objects.filter(pk=claimed.pk).update(claimed_until=timezone.now() - timedelta(seconds=1))

    job = run_until_settled(job)
    [reply] = replies_on(sim, comment)
    assert job.state == OutboxJob.State.DONE and job.result_id == reply.result_id
    assert job.claimed_by == "test-worker" and job.note == "applied by an earlier attempt"


def test_an_identical_reply_of_another_job_is_not_taken_for_this_one(sim: Simulator, page_account: Any) -> None:
    comment = stored_comment(page_account, sim)
    first = run_until_settled(outbox.enqueue(comment, OutboxJob.Kind.REPLY, message=TEXT))
    assert first.state == OutboxJob.State.DONE
    # The same text again, on purpose; its first attempt fails before the platform applies it.
    second = outbox.enqueue(comment, OutboxJob.Kind.REPLY, message=TEXT)
    sim.plan_faults("before:5xx", method="POST")
    second = run_until_settled(second)

    posted = replies_on(sim, comment)
    assert [a.message for a in posted] == [TEXT, TEXT]
    assert second.state == OutboxJob.State.DONE and second.attempts == 2 and second.maybe_applied
    assert {first.result_id, second.result_id} == {a.result_id for a in posted}
    assert second.note == ""  # posted by this attempt, not adopted


def test_planned_faults_through_the_simulator_control_endpoint(sim: Simulator) -> None:
    import httpx

    from somevakt.platforms.facebook import GraphClient, GraphError

    r = httpx.post(f"{sim.base_url}/_sim/config", json={"plan": ["after:5xx"], "plan_method": "POST"})
    assert r.status_code == 200
    target = sim.add_comment("Hei", deliver=False)
    with GraphClient("sim-page-token", base_url=sim.base_url + "/v21.0") as client:
        assert list(client.list_comments(target.post_id))  # a GET is not affected
        with pytest.raises(GraphError) as err:
            client.reply(target.id, "Hei igjen")
        assert err.value.ambiguous and err.value.retryable
        assert [a.message for a in sim.actions if a.kind == "reply"] == ["Hei igjen"]  # applied, then failed
        client.reply(target.id, "Og en gang til")  # the plan is used up
    r = httpx.post(f"{sim.base_url}/_sim/config", json={"plan": ["sometimes:5xx"]})
    assert r.status_code == 400 and "before:<kind>" in r.json()["error"]
