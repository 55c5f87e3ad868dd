"""The outbox against the simulator failing 30% of calls: 500 actions through two workers,
each applied exactly once, none lost."""

from __future__ import annotations

import threading
import time
from collections import Counter
from typing import Any

import pytest

from somevakt.platforms.simulator import Simulator
from somevakt.web.moderation import outbox
from somevakt.web.moderation.connection import token_renewed
from somevakt.web.moderation.dbretry import with_retry
from somevakt.web.moderation.models import Comment, OutboxJob
from somevakt.web.moderation.worker import loop

N = 500


def _store(account: Any, sim: Simulator, hidden: bool = False) -> Comment:
    c = sim.add_comment(deliver=False)
    c.is_hidden = hidden
    return Comment.objects.create(
        account=account, platform_id=c.id, post_platform_id=c.post_id, author_id=c.from_id,
        author_name=c.from_name, message=c.message, analysis_state=Comment.Analysis.SKIPPED,
        is_hidden=hidden,
    )


@pytest.mark.django_db(transaction=True)
def test_500_actions_two_workers_30_percent_faults(sim: Simulator, page_account: Any, fb_settings: Any) -> None:
    fb_settings.SOMEVAKT_GRAPH_TIMEOUT = "0.25"
    fb_settings.SOMEVAKT_OUTBOX_MAX_ATTEMPTS = "40"
    plan = ["reply"] * 200 + ["hide"] * 100 + ["unhide"] * 50 + ["delete"] * 75 + ["private_reply"] * 75
    assert len(plan) == N
    jobs: list[OutboxJob] = []
    for i, kind in enumerate(plan):
        comment = _store(page_account, sim, hidden=kind == "unhide")
        message = f"Svar nr. {i} fra kommunen" if kind in ("reply", "private_reply") else ""
        jobs.append(outbox.enqueue(comment, kind, message=message))

    sim.timeout_delay = 0.5
    sim.fault_rate = 0.3
    calls_before = sim.stats.calls
    stop = threading.Event()
    threads = [
        threading.Thread(target=loop, kwargs={"analyze": False, "stop": stop, "idle_sleep": 0.02,
                                              "name": f"test-worker-{n}"})
        for n in range(2)
    ]
    started = time.monotonic()
    for t in threads:
        t.start()
    requeued = 0
    try:
        while time.monotonic() - started < 120:
            open_jobs = with_retry(OutboxJob.objects.filter(state__in=["pending", "running"]).count)
            failed = with_retry(lambda: list(OutboxJob.objects.filter(state="failed")))
            assert failed == [], [j.last_error for j in failed]  # nothing fails for good here
            if not open_jobs:
                break
            # A refused token (190) pauses the account's jobs; the administrator renews it.
            requeued += with_retry(lambda: token_renewed(page_account, None))
            time.sleep(0.1)
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=30)
    elapsed = time.monotonic() - started

    states = Counter(OutboxJob.objects.values_list("state", flat=True))
    assert states == {"done": N}, states
    faults = sim.state()["faults"]
    calls = sim.stats.calls - calls_before
    assert sum(faults.values()) >= 0.2 * calls  # the simulator really failed ~30% of calls
    assert {k.split(":")[1] for k in faults} == {"5xx", "timeout", "throttle", "token"}
    assert faults.get("after:5xx", 0) + faults.get("after:timeout", 0) > 10  # effects with lost answers

    actions = sim.actions
    effective = Counter((a.kind, a.target) for a in actions if a.changed)
    by_job = {j.pk: j for j in OutboxJob.objects.select_related("comment")}
    for job in by_job.values():
        target = job.comment.platform_id
        assert effective[(job.kind, target)] == 1, (job.kind, job.attempts, job.note)
        if job.kind == "reply":
            [reply] = [a for a in actions if a.kind == "reply" and a.target == target]
            assert reply.message == job.message and job.result_id == reply.result_id
    # Nothing happened that no job asked for.
    assert sum(effective.values()) == N
    assert Comment.objects.filter(is_hidden=True).count() == 100
    assert Comment.objects.filter(deleted_on_platform=True).count() == 75
    print(f"\n500 jobs, {calls} calls, faults {faults}, token renewed after 190: {requeued}, {elapsed:.1f}s")
    assert elapsed < 60
