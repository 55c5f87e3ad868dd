"""The account pages as a user meets them: apply, edit, submit, assess, approve, activate."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from somevakt.web.accounts.models import OfficialAccount
from somevakt.web.records.models import AuditEvent
from tests.web.factories import make_account


def _apply(client, m, **override):
    data = {
        "platform": "instagram", "name": "Birkenes bibliotek", "address": "@birkenesbibliotek",
        "unit": m.unit.pk, "purpose": "Vise fram biblioteket", "plan": "To innlegg i uka",
        "responsible": [m.users["kontoansvarlig"].pk], "review_date": "2030-01-01",
    }
    data.update(override)
    return client.post(reverse("accounts:create"), data)


def test_apply_creates_a_draft_with_an_audit_event(client, municipality):
    client.force_login(municipality.users["kontoansvarlig"])
    response = _apply(client, municipality)
    account = OfficialAccount.objects.get(name="Birkenes bibliotek")
    assert response.status_code == 302 and response["Location"] == account.get_absolute_url()
    assert account.status == "draft" and account.created_by == municipality.users["kontoansvarlig"]
    assert AuditEvent.objects.filter(kind="account.created", object_id=str(account.pk)).exists()
    page = client.get(account.get_absolute_url()).content.decode()
    assert "Send til vurdering" in page


def test_apply_without_purpose_or_responsible_shows_errors(client, municipality):
    client.force_login(municipality.users["kontoansvarlig"])
    response = _apply(client, municipality, purpose="", responsible=[])
    assert response.status_code == 200
    assert not OfficialAccount.objects.exists()
    assert "Feltet er påkrevet" in response.content.decode()


def test_edit_records_what_changed(client, municipality):
    account = make_account(municipality, "draft")
    client.force_login(municipality.users["kontoansvarlig"])
    data = {
        "platform": "facebook", "name": account.name, "address": account.address, "unit": municipality.unit.pk,
        "purpose": "Nytt formål", "plan": account.plan, "responsible": [municipality.users["kontoansvarlig"].pk],
        "review_date": "2030-06-01",
    }
    assert client.post(reverse("accounts:edit", args=[account.pk]), data).status_code == 302
    event = AuditEvent.objects.get(kind="account.changed")
    assert event.data["purpose"] == {"from": "Informere om kultur", "to": "Nytt formål"}
    assert event.actor == municipality.users["kontoansvarlig"]


def test_submitted_application_can_no_longer_be_edited(client, municipality):
    account = make_account(municipality, "submitted")
    client.force_login(municipality.users["kontoansvarlig"])
    assert client.get(reverse("accounts:edit", args=[account.pk])).status_code == 403


def test_refused_step_is_explained_and_changes_nothing(client, municipality):
    account = make_account(municipality, "assessed")
    client.force_login(municipality.users["radmann"])
    response = client.post(reverse("accounts:transition", args=[account.pk, "reject"]), {"reason": ""}, follow=True)
    assert "Skriv en kommentar eller begrunnelse" in response.content.decode()
    account.refresh_from_db()
    assert account.status == "assessed"


def test_forms_require_csrf(municipality):
    account = make_account(municipality, "draft")
    client = Client(enforce_csrf_checks=True)
    client.force_login(municipality.users["kontoansvarlig"])
    response = client.post(reverse("accounts:transition", args=[account.pk, "submit"]))
    assert response.status_code == 403
    account.refresh_from_db()
    assert account.status == "draft"


def test_get_cannot_change_state(client, municipality):
    account = make_account(municipality, "draft")
    client.force_login(municipality.users["kontoansvarlig"])
    assert client.get(reverse("accounts:transition", args=[account.pk, "submit"])).status_code == 405


def test_manage_replaces_responsible_person(client, municipality):
    account = make_account(municipality, "active")
    client.force_login(municipality.users["enhetsleder"])
    data = {"responsible": [municipality.users["enhetsleder"].pk], "review_date": "2031-01-01", "platform_id": "123"}
    assert client.post(reverse("accounts:manage", args=[account.pk]), data).status_code == 302
    account.refresh_from_db()
    assert list(account.responsible.all()) == [municipality.users["enhetsleder"]]
    assert not account.information_only
    event = AuditEvent.objects.filter(kind="account.changed").last()
    assert event.data["responsible"] == {"from": ["kontoansvarlig"], "to": ["enhetsleder"]}
