"""Every role x every view: each allowed cell works, each forbidden cell is refused by the
server (403, or the admin's sign-in page) and changes nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from somevakt.web.accounts.models import OfficialAccount
from tests.web.factories import ROLES, make_account

ALL = set(ROLES)
APPLICANT_SIDE = {"kontoansvarlig", "enhetsleder"}  # applicant/responsible + unit leader
LEADER_OR_CHIEF = {"enhetsleder", "radmann"}

# (name, method, account state or None, url builder, allowed roles, state after an allowed POST)
MATRIX = [
    ("dashboard", "get", None, lambda a: reverse("dashboard"), ALL, None),
    ("account list", "get", None, lambda a: reverse("accounts:list"), ALL, None),
    ("account detail", "get", "active", lambda a: reverse("accounts:detail", args=[a.pk]), ALL, None),
    ("apply", "get", None, lambda a: reverse("accounts:create"), {"radmann", "enhetsleder", "kontoansvarlig"}, None),
    ("edit draft", "get", "draft", lambda a: reverse("accounts:edit", args=[a.pk]), APPLICANT_SIDE, None),
    ("manage live", "get", "active", lambda a: reverse("accounts:manage", args=[a.pk]), LEADER_OR_CHIEF, None),
    ("submit", "post", "draft", lambda a: reverse("accounts:transition", args=[a.pk, "submit"]), APPLICANT_SIDE, "submitted"),
    ("withdraw", "post", "submitted", lambda a: reverse("accounts:transition", args=[a.pk, "withdraw"]), APPLICANT_SIDE, "draft"),
    ("assess", "post", "submitted", lambda a: reverse("accounts:transition", args=[a.pk, "assess"]), {"enhetsleder"}, "assessed"),
    ("approve", "post", "assessed", lambda a: reverse("accounts:transition", args=[a.pk, "approve"]), {"radmann"}, "approved"),
    ("reject", "post", "assessed", lambda a: reverse("accounts:transition", args=[a.pk, "reject"]), {"radmann"}, "rejected"),
    ("activate", "post", "approved", lambda a: reverse("accounts:transition", args=[a.pk, "activate"]),
     APPLICANT_SIDE | {"radmann"}, "active"),
    ("start review", "post", "active", lambda a: reverse("accounts:transition", args=[a.pk, "start_review"]),
     LEADER_OR_CHIEF, "under_review"),
    ("close", "post", "active", lambda a: reverse("accounts:transition", args=[a.pk, "close"]), LEADER_OR_CHIEF, "closed"),
    ("audit log", "get", None, lambda a: reverse("records:events"), {"radmann", "arkiv"}, None),
    ("audit csv", "get", None, lambda a: reverse("records:export_csv"), {"radmann", "arkiv"}, None),
    ("audit json", "get", None, lambda a: reverse("records:export_json"), {"radmann", "arkiv"}, None),
    ("notifications", "get", None, lambda a: reverse("people:notifications"), ALL, None),
    ("admin", "get", None, lambda a: reverse("admin:index"), set(), None),
]

CELLS = [(row, role) for row in MATRIX for role in ROLES]


@pytest.mark.parametrize(
    ("row", "role"), CELLS, ids=[f"{row[0]}-{role}" for row, role in CELLS]
)
def test_cell(client, municipality, row, role):
    name, method, state, url_for, allowed, after = row
    account = make_account(municipality, state) if state else None
    client.force_login(municipality.users[role])
    url = url_for(account)
    if method == "get":
        response = client.get(url)
    else:
        response = client.post(url, {"reason": "Vurdert", "recommendation": "recommend"})
    if role in allowed:
        if method == "get":
            assert response.status_code == 200, f"{role} should reach {name}"
        else:
            assert response.status_code == 302
            account.refresh_from_db()
            assert account.status == after, f"{role} should {name}"
    else:
        if name == "admin":
            assert response.status_code == 302 and "/admin/login/" in response["Location"]
        else:
            assert response.status_code == 403, f"{role} must not {name}"
        if account is not None:
            assert OfficialAccount.objects.get(pk=account.pk).status == state


def test_anonymous_is_sent_to_sign_in_everywhere(client, municipality):
    account = make_account(municipality, "active")
    for name, method, _state, url_for, _allowed, _after in MATRIX:
        if name == "admin":
            continue
        url = url_for(account)
        response = client.get(url) if method == "get" else client.post(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("login")), name


def test_leader_of_another_unit_cannot_assess(client, municipality):
    account = make_account(municipality, "submitted")
    client.force_login(municipality.other_leader)
    response = client.post(reverse("accounts:transition", args=[account.pk, "assess"]),
                           {"reason": "x", "recommendation": "recommend"})
    assert response.status_code == 403
    account.refresh_from_db()
    assert account.status == "submitted"


def test_deactivated_user_loses_access(client, municipality):
    user = municipality.users["radmann"]
    client.force_login(user)
    user.is_active = False
    user.save()
    assert client.get(reverse("records:events")).status_code in (302, 403)
