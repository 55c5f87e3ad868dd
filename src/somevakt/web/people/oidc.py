"""OpenID Connect sign-in (Entra ID) with Entra `groups` / `roles` claims mapped to somevakt
roles through SOMEVAKT_OIDC_ROLE_MAP. The mapping itself is a pure function, tested alone."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .models import User
from .roles import ROLE_IDS

log = logging.getLogger(__name__)


def roles_from_claims(
    claims: Mapping[str, Any], mapping: Mapping[str, str], default_role: str = ""
) -> set[str]:
    """somevakt roles for a set of ID-token claims.

    `mapping` maps an Entra group object id (from the `groups` claim) or an app role value
    (from the `roles` claim) to a somevakt role id. Unknown values are ignored; a mapping to
    an unknown role id is an error in the configuration and is ignored with a warning.
    `default_role` (if set) is given to everyone who signs in.
    """
    values: list[str] = []
    for claim in ("roles", "groups"):
        raw = claims.get(claim) or []
        if isinstance(raw, str):
            raw = [raw]
        values.extend(str(v) for v in raw)
    roles: set[str] = set()
    for value in values:
        role = mapping.get(value)
        if role is None:
            continue
        if role not in ROLE_IDS:
            log.warning("SOMEVAKT_OIDC_ROLE_MAP maps %r to unknown role %r", value, role)
            continue
        roles.add(role)
    if default_role in ROLE_IDS:
        roles.add(default_role)
    return roles


def subject_of(claims: Mapping[str, Any]) -> str:
    return str(claims.get("oid") or claims.get("sub") or "")


def username_of(claims: Mapping[str, Any]) -> str:
    name = claims.get("preferred_username") or claims.get("upn") or claims.get("email") or subject_of(claims)
    return str(name)[:150]


class SomevaktOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    def get_userinfo(self, access_token: str, id_token: str, payload: dict[str, Any]) -> dict[str, Any]:
        # Entra puts groups/roles in the verified ID token; the userinfo endpoint is optional.
        claims = dict(payload)
        if settings.OIDC_OP_USER_ENDPOINT:
            claims.update(super().get_userinfo(access_token, id_token, payload))
        return claims

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(subject_of(claims)) and bool(self._roles(claims))

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        return User.objects.filter(oidc_subject=subject_of(claims))

    def _roles(self, claims: Mapping[str, Any]) -> set[str]:
        return roles_from_claims(claims, settings.SOMEVAKT_OIDC_ROLE_MAP, settings.SOMEVAKT_OIDC_DEFAULT_ROLE)

    def create_user(self, claims: dict[str, Any]) -> User:
        username = username_of(claims)
        if User.objects.filter(username=username).exists():
            raise SuspiciousOperation("username already taken by another account")
        user = User.objects.create_user(username=username, email=claims.get("email", ""))
        user.set_unusable_password()
        user.oidc_subject = subject_of(claims)
        return self.update_user(user, claims)

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        user.first_name = str(claims.get("given_name", user.first_name))[:150]
        user.last_name = str(claims.get("family_name", user.last_name))[:150]
        user.email = str(claims.get("email", user.email))
        user.save()
        user.set_roles(self._roles(claims))
        return user
