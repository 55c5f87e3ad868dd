"""Entra ID claims -> somevakt roles, and the OIDC backend's user creation (no network)."""

from __future__ import annotations

import pytest

from somevakt.web.people.models import User
from somevakt.web.people.oidc import SomevaktOIDCBackend, roles_from_claims

MAP = {
    "11111111-aaaa-4bbb-8ccc-000000000001": "radmann",  # group object id
    "22222222-aaaa-4bbb-8ccc-000000000002": "enhetsleder",
    "Somevakt.Arkiv": "arkiv",  # app role value
    "Somevakt.Krise": "kriseleder",
    "broken": "superuser",  # not a somevakt role: ignored
}


def test_groups_map_to_roles():
    claims = {"groups": ["11111111-aaaa-4bbb-8ccc-000000000001", "unrelated-group"]}
    assert roles_from_claims(claims, MAP) == {"radmann"}


def test_app_roles_map_to_roles():
    assert roles_from_claims({"roles": ["Somevakt.Arkiv", "Somevakt.Krise"]}, MAP) == {"arkiv", "kriseleder"}


def test_groups_and_roles_combine_and_default_role_is_added():
    claims = {"roles": "Somevakt.Arkiv", "groups": ["22222222-aaaa-4bbb-8ccc-000000000002"]}
    assert roles_from_claims(claims, MAP, "ansatt") == {"arkiv", "enhetsleder", "ansatt"}


def test_unknown_target_role_and_missing_claims_give_nothing():
    assert roles_from_claims({"roles": ["broken"]}, MAP) == set()
    assert roles_from_claims({}, MAP) == set()


@pytest.fixture
def backend(settings):
    settings.SOMEVAKT_OIDC_ROLE_MAP = MAP
    settings.SOMEVAKT_OIDC_DEFAULT_ROLE = "ansatt"
    for name in ("OIDC_RP_CLIENT_ID", "OIDC_RP_CLIENT_SECRET", "OIDC_OP_TOKEN_ENDPOINT", "OIDC_OP_USER_ENDPOINT",
                 "OIDC_OP_JWKS_ENDPOINT", "OIDC_OP_AUTHORIZATION_ENDPOINT"):
        setattr(settings, name, "x" if "ENDPOINT" not in name else "https://login.example/x")
    settings.OIDC_OP_USER_ENDPOINT = ""
    return SomevaktOIDCBackend()


def test_backend_creates_user_with_mapped_roles_and_updates_them(db, backend):
    claims = {"oid": "abc-123", "preferred_username": "rita@birkenes.kommune.no", "email": "rita@birkenes.kommune.no",
              "given_name": "Rita", "family_name": "Rådmann", "groups": ["11111111-aaaa-4bbb-8ccc-000000000001"]}
    assert backend.verify_claims(claims)
    user = backend.create_user(claims)
    assert user.username == "rita@birkenes.kommune.no" and not user.has_usable_password()
    assert user.role_ids == {"radmann", "ansatt"}
    assert list(backend.filter_users_by_claims(claims)) == [user]
    # Next sign-in: she left the chief executive group.
    backend.update_user(user, {**claims, "groups": []})
    assert User.objects.get(pk=user.pk).role_ids == {"ansatt"}


def test_backend_refuses_when_no_role_and_no_default(db, backend, settings):
    settings.SOMEVAKT_OIDC_DEFAULT_ROLE = ""
    assert not backend.verify_claims({"oid": "x", "groups": ["unrelated"]})
    assert backend.verify_claims({"oid": "x", "roles": ["Somevakt.Arkiv"]})


def test_id_token_claims_are_used_without_userinfo_endpoint(backend):
    payload = {"oid": "abc", "groups": ["g"]}
    assert backend.get_userinfo("token", "idtoken", payload) == payload
