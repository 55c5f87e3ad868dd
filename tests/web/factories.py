from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from somevakt.web.accounts.models import OfficialAccount
from somevakt.web.accounts.workflow import transition
from somevakt.web.people.models import Unit, User
from somevakt.web.people.roles import Role

ROLES = [r.value for r in Role]


@dataclass
class Municipality:
    users: dict[str, User]
    unit: Unit
    other_unit: Unit
    other_leader: User
    accounts: dict[str, OfficialAccount] = field(default_factory=dict)


def make_user(username: str, roles: list[str], unit: Unit | None = None, **extra: object) -> User:
    user = User.objects.create_user(username, f"{username}@birkenes.example", f"demo-{username}", unit=unit, **extra)
    user.set_roles(set(roles))
    return user


def make_municipality() -> Municipality:
    unit = Unit.objects.create(name="Kultur og fritid")
    other = Unit.objects.create(name="Oppvekst")
    users = {role: make_user(role, [role], unit) for role in ROLES}
    unit.leader = users["enhetsleder"]
    unit.save()
    other_leader = make_user("leder2", [Role.ENHETSLEDER], other)
    other.leader = other_leader
    other.save()
    return Municipality(users=users, unit=unit, other_unit=other, other_leader=other_leader)


def make_account(m: Municipality, state: str = "draft", name: str = "Kultur i Birkenes", **extra: object) -> OfficialAccount:
    """An account in `state`, reached through the real workflow."""
    fields: dict[str, object] = {
        "platform": "facebook", "name": name, "address": "https://facebook.com/kultur",
        "unit": m.unit, "purpose": "Informere om kultur", "plan": "Poster ukentlig, svarer daglig",
        "review_date": date.today() + timedelta(days=180), "created_by": m.users["kontoansvarlig"],
    }
    fields.update(extra)
    account = OfficialAccount.objects.create(**fields)
    account.responsible.add(m.users["kontoansvarlig"])
    path = {
        "draft": [],
        "submitted": ["submit"],
        "assessed": ["submit", "assess"],
        "approved": ["submit", "assess", "approve"],
        "rejected": ["submit", "assess", "reject"],
        "active": ["submit", "assess", "approve", "activate"],
        "under_review": ["submit", "assess", "approve", "activate", "start_review"],
        "closed": ["submit", "assess", "approve", "activate", "close"],
    }[state]
    who = {"submit": "kontoansvarlig", "assess": "enhetsleder", "approve": "radmann", "reject": "radmann",
           "activate": "kontoansvarlig", "start_review": "enhetsleder", "close": "enhetsleder"}
    for action in path:
        transition(account, action, m.users[who[action]], reason="ok", recommendation="recommend")
    account.refresh_from_db()
    return account
