"""Live accounts are flagged on the dashboard, and the unit leader is told, when a
responsible person is deactivated or the review date passes."""

from __future__ import annotations

from datetime import date, timedelta

from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from somevakt.web.accounts.flags import check_accounts
from somevakt.web.accounts.models import AccountFlag
from somevakt.web.people.models import Notification
from somevakt.web.records.models import AuditEvent
from tests.web.factories import make_account


def test_deactivating_a_responsible_person_flags_the_account(client, municipality):
    account = make_account(municipality, "active")
    leader = municipality.users["enhetsleder"]
    mail.outbox.clear()
    person = municipality.users["kontoansvarlig"]
    person.is_active = False
    person.save()

    kinds = set(AccountFlag.objects.filter(account=account, resolved_at=None).values_list("kind", flat=True))
    assert kinds == {"responsible_left", "no_responsible"}
    assert Notification.objects.filter(recipient=leader, subject__contains=account.name).exists()
    assert {m.to[0] for m in mail.outbox} == {"enhetsleder@birkenes.example"}
    assert AuditEvent.objects.filter(kind="account.flagged", object_id=str(account.pk)).count() == 2

    client.force_login(leader)
    page = client.get(reverse("dashboard")).content.decode()
    assert "Kontoer som trenger oppfølging" in page
    assert account.name in page and "En ansvarlig person har sluttet eller er deaktivert" in page


def test_replacing_the_person_resolves_the_flags(client, municipality):
    account = make_account(municipality, "active")
    person = municipality.users["kontoansvarlig"]
    person.is_active = False
    person.save()
    client.force_login(municipality.users["enhetsleder"])
    data = {"responsible": [municipality.users["enhetsleder"].pk], "review_date": "2031-01-01"}
    assert client.post(reverse("accounts:manage", args=[account.pk]), data).status_code == 302
    assert not AccountFlag.objects.filter(account=account, resolved_at=None).exists()
    assert "Ingen kontoer trenger oppfølging" in client.get(reverse("dashboard")).content.decode()


def test_a_draft_is_not_flagged(municipality):
    make_account(municipality, "draft")
    person = municipality.users["kontoansvarlig"]
    person.is_active = False
    person.save()
    assert not AccountFlag.objects.exists()


def test_passed_review_date_flags_once_and_notifies_once(municipality):
    account = make_account(municipality, "active", review_date=date.today() - timedelta(days=1))
    mail.outbox.clear()
    check_accounts()
    call_command("check_accounts")
    assert AccountFlag.objects.filter(account=account, kind="review_due", resolved_at=None).count() == 1
    assert len(mail.outbox) == 1 and "trenger oppfølging" in mail.outbox[0].subject


def test_overdue_account_shows_on_the_dashboard_before_any_check(client, municipality):
    account = make_account(municipality, "active", review_date=date.today() - timedelta(days=3))
    client.force_login(municipality.users["radmann"])
    page = client.get(reverse("dashboard")).content.decode()
    assert account.name in page and "er passert" in page


def test_review_cycle_resolves_the_review_flag(municipality):
    from somevakt.web.accounts.workflow import WorkflowError, transition

    account = make_account(municipality, "active", review_date=date.today() - timedelta(days=1))
    check_accounts()
    leader = municipality.users["enhetsleder"]
    transition(account, "start_review", leader)
    try:
        transition(account, "finish_review", leader, reason="Gjennomgått")
    except WorkflowError:
        pass
    else:
        raise AssertionError("finishing a review with a passed review date must be refused")
    account.refresh_from_db()
    account.review_date = date.today() + timedelta(days=365)
    account.save()
    transition(account, "finish_review", leader, reason="Gjennomgått")
    assert not AccountFlag.objects.filter(account=account, resolved_at=None).exists()


def test_notifications_are_private(client, municipality):
    note = Notification.objects.create(recipient=municipality.users["radmann"], subject="Hemmelig")
    client.force_login(municipality.users["ansatt"])
    assert "Hemmelig" not in client.get(reverse("people:notifications")).content.decode()
    assert client.post(reverse("people:notification_read", args=[note.pk])).status_code == 404
    note.refresh_from_db()
    assert note.read_at is None
    client.force_login(municipality.users["radmann"])
    assert client.post(reverse("people:notification_read", args=[note.pk])).status_code == 302
    note.refresh_from_db()
    assert note.read_at is not None
