"""In the browser: one comment from arrival to answered.

A resident comments on the simulated Facebook page; the simulator delivers it by signed
webhook over HTTP to the live server; the worker analyses it; the account's responsible
person signs in, finds it in the inbox, edits the draft reply and answers; the worker's
outbox job posts the reply to the simulator (exactly one reply there); the item shows as
answered, with the reply in its thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from somevakt.platforms.simulator import Simulator
from somevakt.web.moderation.models import Comment, OutboxJob
from somevakt.web.moderation.worker import loop
from tests.web.factories import make_account, make_municipality

PAGE_ID = "100000000000001"
TOKEN = "sim-page-token"
SECRET = "sim-app-secret"
QUESTION = "Når åpner biblioteket igjen etter sommerferien?"
ANSWER = "Hei! Biblioteket åpner igjen mandag 12. august klokka 10. Velkommen!"
AXE = Axe()


def assert_accessible(page: Page) -> None:
    results = AXE.run(page, options={"resultTypes": ["violations"]})
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    """Wait for an explicit condition (a deadline, not a sleep, decides failure)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


@pytest.fixture
def sim(settings: Any, live_server: Any) -> Iterator[Simulator]:
    settings.SOMEVAKT_FB_APP_SECRET = SECRET
    settings.SOMEVAKT_FB_PAGE_TOKEN = TOKEN
    settings.SOMEVAKT_FB_PAGE_TOKENS = "{}"
    settings.SOMEVAKT_GRAPH_TIMEOUT = "5"
    s = Simulator(seed=5, access_token=TOKEN, app_secret=SECRET,
                  webhook_url=f"{live_server.url}/webhooks/facebook/")
    s.start()
    settings.SOMEVAKT_GRAPH_URL = s.base_url + "/v21.0"
    yield s
    # No delivery may still be on its way into a database that is being torn down.
    wait_until(lambda: s.pending_deliveries() == 0, "the simulator's last deliveries")
    s.stop()


def run_worker(**what: bool) -> None:
    """One round of the real worker loop (`somevakt worker`), in this thread."""
    loop(once=True, poll_every=0, idle_sleep=0, name="browser-test-worker", **what)


@pytest.mark.django_db(transaction=True)
def test_a_comment_from_arrival_to_answered(page: Page, sim: Simulator) -> None:
    m = make_municipality()
    account = make_account(m, "active", name="Birkenes kommune")
    account.platform_id = PAGE_ID
    account.save()

    # A resident asks a question on the page; the webhook brings it in.
    resident = sim.add_comment(QUESTION, author="Kari Nordmann")
    wait_until(lambda: sim.pending_deliveries() == 0, "the webhook delivery")
    comment = Comment.objects.get(platform_id=resident.id)
    assert comment.source == "webhook" and comment.analysis_state == "pending"

    # The worker analyses it.
    run_worker(analyze=True, jobs=False)
    comment.refresh_from_db()
    assert comment.analysis_state == "done" and comment.category == "question"

    # The responsible person signs in and finds it in the inbox.
    page.goto("/logg-inn/")
    page.get_by_label("Brukernavn").fill("kontoansvarlig")
    page.get_by_label("Passord").fill("demo-kontoansvarlig")
    page.get_by_role("button", name="Logg inn").click()
    expect(page.get_by_role("heading", level=1, name="Oversikt")).to_be_visible()
    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Innboks").click()
    expect(page.get_by_role("heading", level=1, name="Innboks")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="Kari Nordmann")
    expect(row).to_contain_text("Spørsmål")
    expect(row).to_contain_text("Ny")
    assert_accessible(page)
    row.get_by_role("link", name=QUESTION).click()

    # The item: the comment in its thread, the guideline's category, a draft reply to edit.
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ny")
    expect(page.get_by_test_id("comment-text")).to_have_text(QUESTION)
    draft = page.get_by_label("Svar (offentlig)")
    expect(draft).not_to_be_empty()  # the analysis drafted a reply
    assert_accessible(page)
    draft.fill(ANSWER)
    page.get_by_role("button", name="Svar", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Svaret er i kø")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Besvart")
    expect(page.get_by_test_id("job")).to_have_text("Offentlig svar: Venter")

    # The worker's outbox job posts the reply: exactly one reply on the platform, the edited one.
    run_worker(analyze=False, jobs=True)
    replies = [a for a in sim.actions if a.kind == "reply"]
    assert len(replies) == 1
    assert replies[0].target == resident.id and replies[0].message == ANSWER
    on_platform = [c for c in sim.comments.values() if c.parent_comment_id == resident.id]
    assert [(c.from_id, c.message) for c in on_platform] == [(PAGE_ID, ANSWER)]
    job = OutboxJob.objects.get(comment=comment)
    assert job.state == "done" and job.result_id == replies[0].result_id

    # The platform tells us about the page's own reply by webhook; the item shows it answered.
    wait_until(lambda: sim.pending_deliveries() == 0, "the reply's webhook delivery")
    wait_until(lambda: Comment.objects.filter(platform_id=replies[0].result_id, is_own=True).exists(),
               "the page's reply stored as its own comment")
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Besvart")
    expect(page.get_by_test_id("job")).to_have_text("Offentlig svar: Ferdig")
    expect(page.locator(".thread .reply")).to_contain_text(ANSWER)
    assert_accessible(page)

    # Back in the inbox the item has left the open queue; under "Besvart" it is there.
    page.get_by_role("link", name="Tilbake til innboksen for Birkenes kommune").click()
    expect(page.get_by_role("row").filter(has_text="Kari Nordmann")).to_have_count(0)
    page.get_by_label("Tilstand").select_option("answered")
    page.get_by_role("button", name="Vis").click()
    expect(page.get_by_role("row").filter(has_text="Kari Nordmann")).to_contain_text("Besvart")
    # Nothing was sent twice, even after the worker ran again.
    run_worker(analyze=True, jobs=True)
    assert len([a for a in sim.actions if a.kind == "reply"]) == 1
