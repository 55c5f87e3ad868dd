"""The approval workflow: the only road to an active account goes through the unit leader's
assessment and the chief executive's approval, with a purpose, a plan and an active
responsible person. No shortcut through save(), the admin or the views."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from somevakt.web.accounts.models import OfficialAccount, StateChangeRefused
from somevakt.web.accounts.workflow import ACTIONS, WorkflowError, transition
from somevakt.web.people.models import Notification
from somevakt.web.records.models import AuditEvent
from tests.web.factories import make_account


def test_full_road_to_active_records_every_step(municipality):
    account = make_account(municipality, "active")
    assert account.status == "active"
    assert account.approved and account.decided_by == municipality.users["radmann"]
    assert account.recommendation == "recommend"
    kinds = list(AuditEvent.objects.filter(object_id=str(account.pk)).values_list("kind", flat=True))
    assert kinds == ["account.submit", "account.assess", "account.approve", "account.activate"]


def test_setting_the_state_directly_is_refused(municipality):
    account = make_account(municipality, "assessed")
    account.status = "active"
    with pytest.raises(StateChangeRefused):
        account.save()
    assert OfficialAccount.objects.get(pk=account.pk).status == "assessed"


def test_a_new_account_cannot_start_active(municipality):
    with pytest.raises(StateChangeRefused):
        OfficialAccount.objects.create(
            platform="facebook", name="Snarvei", address="x", unit=municipality.unit,
            purpose="p", plan="p", created_by=municipality.users["radmann"], status="active",
        )


@pytest.mark.parametrize("state", ["draft", "submitted", "assessed", "rejected", "closed"])
def test_activate_is_refused_before_approval(municipality, state):
    account = make_account(municipality, state)
    with pytest.raises(WorkflowError):
        transition(account, "activate", municipality.users["radmann"])
    account.refresh_from_db()
    assert account.status == state


def test_no_action_leads_to_active_except_from_approved_or_review():
    sources = {s for a in ACTIONS.values() if a.target == "active" for s in a.sources}
    assert sources == {"approved", "under_review"}


def test_activation_needs_an_active_responsible_person(municipality):
    account = make_account(municipality, "approved")
    person = municipality.users["kontoansvarlig"]
    person.is_active = False
    person.save()
    with pytest.raises(WorkflowError, match=r"ansvarlig person"):
        transition(account, "activate", municipality.users["radmann"])
    assert OfficialAccount.objects.get(pk=account.pk).status == "approved"


def test_submission_needs_purpose_plan_and_responsible(municipality):
    account = make_account(municipality, "draft", purpose="", plan="")
    account.responsible.clear()
    with pytest.raises(WorkflowError) as err:
        transition(account, "submit", municipality.users["kontoansvarlig"])
    message = str(err.value)
    assert "formål" in message and "plan" in message
    assert OfficialAccount.objects.get(pk=account.pk).status == "draft"


def test_assessment_needs_a_recommendation_and_a_comment(municipality):
    account = make_account(municipality, "submitted")
    leader = municipality.users["enhetsleder"]
    with pytest.raises(WorkflowError):
        transition(account, "assess", leader, reason="", recommendation="recommend")
    with pytest.raises(WorkflowError):
        transition(account, "assess", leader, reason="Bra", recommendation="")
    transition(account, "assess", leader, reason="Frarådes", recommendation="advise_against")
    account.refresh_from_db()
    assert account.status == "assessed" and account.recommendation == "advise_against"


def test_the_chief_can_approve_against_advice_but_others_cannot_approve(municipality):
    account = make_account(municipality, "submitted")
    transition(account, "assess", municipality.users["enhetsleder"], reason="Nei", recommendation="advise_against")
    for role in ("enhetsleder", "kontoansvarlig", "kriseleder", "arkiv", "ansatt"):
        with pytest.raises(PermissionDenied):
            transition(account, "approve", municipality.users[role])
    transition(account, "approve", municipality.users["radmann"], reason="Likevel ja")
    assert OfficialAccount.objects.get(pk=account.pk).status == "approved"


def test_each_step_notifies_the_next_person(municipality):
    account = make_account(municipality, "draft")
    transition(account, "submit", municipality.users["kontoansvarlig"])
    assert Notification.objects.filter(recipient=municipality.users["enhetsleder"]).count() == 1
    assert mail.outbox[-1].to == ["enhetsleder@birkenes.example"]
    transition(account, "assess", municipality.users["enhetsleder"], reason="Ok", recommendation="recommend")
    assert Notification.objects.filter(recipient=municipality.users["radmann"]).count() == 1
    transition(account, "approve", municipality.users["radmann"], reason="Godkjent")
    assert Notification.objects.filter(recipient=municipality.users["kontoansvarlig"]).exists()


def test_admin_shows_the_state_read_only(admin_client, municipality):
    account = make_account(municipality, "assessed")
    url = reverse("admin:accounts_officialaccount_change", args=[account.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert 'name="status"' not in page.content.decode()
    assert admin_client.get(reverse("admin:accounts_officialaccount_add")).status_code == 403
