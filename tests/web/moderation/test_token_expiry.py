"""An expired page token (Graph error 190): the account's jobs wait without spending attempts,
the connection is marked as needing a new token, the responsible persons and the unit leader
are told once (in the app and by e-mail), the inbox and outbox say so, and once the token is
renewed the waiting jobs are carried out, each exactly once. Other accounts carry on."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from somevakt.platforms.simulator import Simulator
from somevakt.web.moderation import outbox
from somevakt.web.moderation.models import Comment, OutboxJob, SyncState
from somevakt.web.moderation.worker import loop, poll_all
from somevakt.web.people.models import Notification
from somevakt.web.records.models import AuditEvent
from tests.web.factories import make_account, make_user

from .conftest import PAGE, SECRET, TOKEN

pytestmark = pytest.mark.django_db
PAGE2 = "100000000000002"
SUBJECT = "Tilkoblingen til Birkenes kommune trenger et nytt tilgangstoken"


@pytest.fixture
def two_pages(fb_settings: Any) -> Iterator[Simulator]:
    s = Simulator(seed=3, access_token=TOKEN, app_secret=SECRET,
                  pages=((PAGE, "Birkenes kommune"), (PAGE2, "Birkenes bibliotek")))
    s.start()
    fb_settings.SOMEVAKT_GRAPH_URL = s.base_url + "/v21.0"
    yield s
    s.stop()


def stored(account: Any, sim: Simulator, page: str) -> Comment:
    post = next(p for p in sim.posts.values() if p.page_id == page)
    c = sim.add_comment("Når åpner biblioteket?", post_id=post.id, deliver=False)
    return Comment.objects.create(account=account, platform_id=c.id, post_platform_id=c.post_id,
                                  author_id=c.from_id, author_name=c.from_name, message=c.message,
                                  analysis_state=Comment.Analysis.SKIPPED)


def work(rounds: int = 1) -> None:
    for _ in range(rounds):
        loop(once=True, analyze=False, poll_every=0, idle_sleep=0, name="token-test-worker")


def login(user: Any) -> Client:
    c = Client()
    c.force_login(user)
    return c


def test_expired_token_pauses_the_account_tells_its_people_and_resumes_when_renewed(
    two_pages: Simulator, page_account: Any, municipality: Any, fb_settings: Any
) -> None:
    sim = two_pages
    library = make_account(municipality, "active", name="Birkenes bibliotek")
    library.platform_id = PAGE2
    library.save()
    # The municipality page's token has expired; the library's still works.
    fb_settings.SOMEVAKT_FB_PAGE_TOKENS = json.dumps({PAGE: "expired-token", PAGE2: TOKEN})
    fb_settings.SOMEVAKT_OUTBOX_MAX_ATTEMPTS = "2"
    reply_to, hide_this = stored(page_account, sim, PAGE), stored(page_account, sim, PAGE)
    reply = outbox.enqueue(reply_to, OutboxJob.Kind.REPLY, message="Klokka 10.")
    hide = outbox.enqueue(hide_this, OutboxJob.Kind.HIDE)
    other = outbox.enqueue(stored(library, sim, PAGE2), OutboxJob.Kind.REPLY, message="Velkommen!")
    requests = sim.stats.requests

    work(rounds=5)  # more rounds than the attempts a retryable job would get

    for job in (reply, hide):
        job.refresh_from_db()
        assert job.state == OutboxJob.State.PENDING and job.attempts == 0  # waiting, no attempt spent
    reply.refresh_from_db()
    assert "token" in reply.last_error
    assert "Klokka 10." not in reply.last_error
    other.refresh_from_db()
    assert other.state == OutboxJob.State.DONE  # the library's account carries on
    # One refused call stopped the account: its second job was never sent, nothing was applied.
    assert sim.stats.requests - requests == 2
    hide.refresh_from_db()
    assert hide.last_error == ""
    assert [(a.kind, a.target) for a in sim.actions] == [("reply", other.comment.platform_id)]
    assert SyncState.objects.get(account=page_account).token_expired_at is not None

    # Its responsible person and the unit leader are told, once, in the app and by e-mail.
    leader, responsible = municipality.users["enhetsleder"], municipality.users["kontoansvarlig"]
    notes = Notification.objects.filter(subject=SUBJECT)
    assert sorted(n.recipient.username for n in notes) == ["enhetsleder", "kontoansvarlig"]
    mails = [m for m in mail.outbox if m.subject == SUBJECT]
    assert sorted(m.to[0] for m in mails) == sorted([leader.email, responsible.email])
    assert "venter" in mails[0].body and "/innboks/utboks/" in mails[0].body
    assert AuditEvent.objects.filter(kind="account.token_expired").count() == 1
    work(rounds=2)
    assert Notification.objects.filter(subject=SUBJECT).count() == 2  # not again per job or round

    # The inbox and the outbox say so to those who see the account, and to nobody else.
    for who in ("kontoansvarlig", "enhetsleder"):
        page = login(municipality.users[who]).get(reverse("moderation:inbox")).content.decode()
        assert SUBJECT in page and "Tokenet er fornyet – fortsett" in page
    page = login(responsible).get(reverse("moderation:outbox")).content.decode()
    assert SUBJECT in page and "Venter" in page
    outsider = make_user("annenkonto", ["kontoansvarlig"], municipality.other_unit)
    theirs = make_account(municipality, "active", name="Oppvekst")
    theirs.unit = municipality.other_unit
    theirs.save()
    theirs.responsible.set([outsider])
    assert SUBJECT not in login(outsider).get(reverse("moderation:inbox")).content.decode()
    renew_url = reverse("moderation:token-renewed", args=[page_account.pk])
    assert login(outsider).post(renew_url).status_code == 404

    # An administrator renews the token; the responsible person says so; the jobs go out once.
    fb_settings.SOMEVAKT_FB_PAGE_TOKENS = json.dumps({PAGE: TOKEN, PAGE2: TOKEN})
    client = login(responsible)
    r = client.post(renew_url, follow=True)
    assert "Handlingene som venter for Birkenes kommune, fortsetter." in r.content.decode()
    assert SUBJECT not in client.get(reverse("moderation:inbox")).content.decode()
    work(rounds=2)
    for job in (reply, hide):
        job.refresh_from_db()
        assert job.state == OutboxJob.State.DONE and job.attempts == 1
    kinds = sorted((a.kind, a.target) for a in sim.actions)
    assert kinds == sorted([("reply", other.comment.platform_id), ("reply", reply_to.platform_id),
                            ("hide", hide_this.platform_id)])
    assert AuditEvent.objects.filter(kind="account.token_renewed", actor=responsible).count() == 1


def test_polling_with_an_expired_token_marks_the_account_and_stops_polling_it(
    sim: Simulator, page_account: Any, fb_settings: Any
) -> None:
    fb_settings.SOMEVAKT_FB_PAGE_TOKEN = "expired-token"
    sim.add_comment(deliver=False)
    assert poll_all() == 0
    assert SyncState.objects.get(account=page_account).token_expired_at is not None
    assert Notification.objects.filter(subject=SUBJECT).count() == 2
    requests = sim.stats.requests
    assert poll_all() == 0
    assert sim.stats.requests == requests  # no more refused calls while it waits for a new token
