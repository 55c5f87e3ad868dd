"""Seed the demo municipality: units, one user per role (password demo-<role>), and official
accounts in different states, made through the real workflow. Safe to run again."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from somevakt.web.accounts.flags import check_accounts
from somevakt.web.accounts.models import OfficialAccount, Platform
from somevakt.web.accounts.workflow import transition
from somevakt.web.people.models import Unit, User
from somevakt.web.people.roles import Role

PEOPLE = [
    # username = role id, password demo-<role>
    ("radmann", "Rita", "Rådmann", "Rådmannens stab", [Role.RADMANN]),
    ("enhetsleder", "Erik", "Enhetsleder", "Kultur og fritid", [Role.ENHETSLEDER, Role.ANSATT]),
    ("kontoansvarlig", "Kari", "Kontoansvarlig", "Kultur og fritid", [Role.KONTOANSVARLIG, Role.ANSATT]),
    ("kriseleder", "Kristian", "Kriseleder", "Rådmannens stab", [Role.KRISELEDER, Role.ANSATT]),
    ("ansatt", "Anne", "Ansatt", "Kultur og fritid", [Role.ANSATT]),
    ("arkiv", "Arne", "Arkivar", "Dokumentsenteret", [Role.ARKIV, Role.ANSATT]),
]
UNIT_LEADERS = {"Rådmannens stab": "radmann", "Kultur og fritid": "enhetsleder", "Dokumentsenteret": "enhetsleder"}

PLAN = (
    "Vi legger ut saker 2–3 ganger i uka. Kontoansvarlig følger med på kommentarer hver arbeidsdag "
    "kl. 8–15 og svarer etter retningslinjene. Enhetsleder går gjennom kontoen hvert halvår."
)

ACCOUNTS: list[dict[str, Any]] = [
    {"name": "Birkenes kommune", "platform": Platform.FACEBOOK, "address": "https://www.facebook.com/birkeneskommune",
     "purpose": "Informere innbyggerne om tjenester, arrangementer og viktige beskjeder.", "steps": "active",
     "review_in_days": 180},
    {"name": "Birkenes kommune på LinkedIn", "platform": Platform.LINKEDIN,
     "address": "https://www.linkedin.com/company/birkenes-kommune",
     "purpose": "Rekruttering og informasjon om kommunen som arbeidsgiver.", "steps": "active",
     "information_only": True, "review_in_days": -10},
    {"name": "Kultur i Birkenes", "platform": Platform.FACEBOOK, "address": "https://www.facebook.com/kulturibirkenes",
     "purpose": "Informere om kulturtilbud og arrangementer i kommunens regi.", "steps": "assessed",
     "review_in_days": 365},
    {"name": "Birkenes bibliotek", "platform": Platform.INSTAGRAM, "address": "@birkenesbibliotek",
     "purpose": "Vise fram bibliotekets tilbud og nye bøker.", "steps": "submitted", "review_in_days": 365},
    {"name": "Ungdomsklubben", "platform": Platform.TIKTOK, "address": "@birkenesungdom",
     "purpose": "Nå ungdom med informasjon om klubbkvelder.", "steps": "draft", "review_in_days": 365},
]

STEPS = {
    "draft": [],
    "submitted": [("submit", "kontoansvarlig")],
    "assessed": [("submit", "kontoansvarlig"), ("assess", "enhetsleder")],
    "active": [("submit", "kontoansvarlig"), ("assess", "enhetsleder"), ("approve", "radmann"), ("activate", "kontoansvarlig")],
}


class Command(BaseCommand):
    help = "Seed the demo municipality (idempotent)."

    @override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")  # no seed mail
    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        units = {name: Unit.objects.get_or_create(name=name)[0] for name in UNIT_LEADERS}
        users: dict[str, User] = {}
        for username, first, last, unit, roles in PEOPLE:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={"first_name": first, "last_name": last, "email": f"{username}@birkenes.example",
                          "unit": units[unit]},
            )
            if created:
                user.set_password(f"demo-{username}")
                user.save()
                user.set_roles(set(roles))
            users[username] = user
        if not User.objects.filter(username="drift").exists():
            User.objects.create_superuser("drift", "drift@birkenes.example", "demo-drift", first_name="Drift")
        for name, leader in UNIT_LEADERS.items():
            if units[name].leader_id is None:
                units[name].leader = users[leader]
                units[name].save()

        today = timezone.localdate()
        made = 0
        for spec in ACCOUNTS:
            if OfficialAccount.objects.filter(name=spec["name"]).exists():
                continue
            account = OfficialAccount.objects.create(
                name=spec["name"], platform=spec["platform"], address=spec["address"],
                unit=units["Kultur og fritid"], purpose=spec["purpose"], plan=PLAN,
                information_only=spec.get("information_only", False),
                review_date=today + timedelta(days=spec["review_in_days"]),
                created_by=users["kontoansvarlig"],
            )
            account.responsible.add(users["kontoansvarlig"])
            for action, who in STEPS[spec["steps"]]:
                transition(account, action, users[who], reason="Demo", recommendation="recommend")
            made += 1
        check_accounts()
        self.stdout.write(f"demo municipality ready ({made} new account(s))")
