"""`somevakt demo`: the seed is idempotent and documented; the supervisor stops its children."""

from __future__ import annotations

import sys
import time

from django.core.management import call_command
from django.urls import reverse

from somevakt.commands.web import Child, demo_processes, supervise
from somevakt.web.accounts.models import OfficialAccount
from somevakt.web.people.models import User
from somevakt.web.records.audit import verify_chain

ROLES = ["radmann", "enhetsleder", "kontoansvarlig", "kriseleder", "ansatt", "arkiv"]


def test_seed_is_idempotent_and_every_role_signs_in(client, db):
    call_command("seed_demo")
    counts = (User.objects.count(), OfficialAccount.objects.count())
    call_command("seed_demo")
    assert (User.objects.count(), OfficialAccount.objects.count()) == counts
    states = set(OfficialAccount.objects.values_list("status", flat=True))
    assert {"draft", "submitted", "assessed", "active"} <= states
    assert verify_chain()[1] == []
    for role in ROLES:
        response = client.post(reverse("login"), {"username": role, "password": f"demo-{role}"})
        assert response.status_code == 302, role
        assert User.objects.get(username=role).has_role(role)
        client.post(reverse("logout"))


def test_supervisor_stops_everything_when_one_child_ends():
    started = time.monotonic()
    code = supervise(
        [
            Child("sleeper", [sys.executable, "-c", "import time; time.sleep(60)"]),
            Child("quitter", [sys.executable, "-c", "import sys, time; time.sleep(0.5); sys.exit(3)"]),
        ],
        poll=0.1,
    )
    assert code == 3
    assert time.monotonic() - started < 15


def test_demo_runs_the_web_server():
    names = [c.name for c in demo_processes("127.0.0.1", 8000)]
    assert names[0] == "web"
    web = demo_processes("127.0.0.1", 8123)[0]
    assert web.argv[-4:] == ["--host", "127.0.0.1", "--port", "8123"]
