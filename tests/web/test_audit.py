"""The audit log is append-only and hash-chained; verify finds edits, removals and reorders
and says where."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import threading

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from somevakt.web.records.audit import record_event, verify_chain
from somevakt.web.records.models import AppendOnlyError, AuditEvent, ChainHead


def _events(municipality, n=5):
    actor = municipality.users["radmann"]
    return [record_event(actor, "test.event", municipality.unit, reason=f"r{i}", data={"i": i}) for i in range(n)]


def _sql(statement, params=()):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def test_events_chain_and_verify_intact(municipality):
    events = _events(municipality)
    assert [e.seq for e in events] == [1, 2, 3, 4, 5]
    assert events[0].prev_hash == "0" * 64
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(events))
    assert verify_chain() == (5, [])
    assert events[2].actor_name == "radmann" and events[2].object_type == "people.unit"


def test_events_cannot_be_changed_or_removed_through_django(municipality):
    event = _events(municipality, 1)[0]
    event.reason = "changed"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(reason="x")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).reason == "r0"


def test_edited_event_is_found(municipality):
    events = _events(municipality)
    _sql("UPDATE records_auditevent SET reason = %s WHERE id = %s", ["rewritten", events[2].pk])
    count, problems = verify_chain()
    assert count == 5
    assert [(p.what, p.event_id, p.position) for p in problems] == [("edited", events[2].pk, 3)]


def test_edited_payload_is_found(municipality):
    events = _events(municipality)
    _sql("UPDATE records_auditevent SET data = %s WHERE id = %s", ['{"i": 99}', events[1].pk])
    _, problems = verify_chain()
    assert problems and problems[0].event_id == events[1].pk and problems[0].what == "edited"


def test_removed_event_is_found(municipality):
    events = _events(municipality)
    _sql("DELETE FROM records_auditevent WHERE id = %s", [events[1].pk])
    _, problems = verify_chain()
    assert [(p.what, p.seq) for p in problems] == [("removed", 3)]
    assert "#2" in str(problems[0])


def test_removed_last_event_is_found(municipality):
    events = _events(municipality)
    _sql("DELETE FROM records_auditevent WHERE id = %s", [events[-1].pk])
    _, problems = verify_chain()
    assert [p.what for p in problems] == ["removed"]
    assert "#5" in str(problems[0])


def test_reordered_events_are_found(municipality):
    events = _events(municipality)
    # Swap the positions of events 2 and 3.
    _sql("UPDATE records_auditevent SET seq = 1000 WHERE id = %s", [events[1].pk])
    _sql("UPDATE records_auditevent SET seq = 2 WHERE id = %s", [events[2].pk])
    _sql("UPDATE records_auditevent SET seq = 3 WHERE id = %s", [events[1].pk])
    _, problems = verify_chain()
    kinds = {p.what for p in problems}
    assert problems and problems[0].position == 2
    assert kinds <= {"edited", "reordered"} and problems[0].event_id == events[2].pk


def test_management_command_fails_on_a_broken_chain(municipality, capsys):
    events = _events(municipality, 3)
    call_command("audit_verify")
    assert "intact: 3 events" in capsys.readouterr().out
    _sql("UPDATE records_auditevent SET kind = %s WHERE id = %s", ["x", events[0].pk])
    with pytest.raises(CommandError, match="BROKEN"):
        call_command("audit_verify")
    assert f"event id {events[0].pk}" in capsys.readouterr().err


def test_cli_audit_verify(tmp_path):
    env = {**os.environ, "SOMEVAKT_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "SOMEVAKT_DATA_DIR": str(tmp_path)}
    cli = [sys.executable, "-m", "somevakt.cli"]
    subprocess.run([*cli, "manage", "migrate", "-v", "0"], env=env, check=True, timeout=120)
    code = "from somevakt.web.records.audit import record_event as r\nfor i in range(3): r(None, 'cli.test', None)"
    subprocess.run([*cli, "manage", "shell", "-c", code], env=env, check=True, timeout=60)
    ok = subprocess.run([*cli, "audit", "verify"], env=env, capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0 and "intact: 3 events" in ok.stdout
    import sqlite3

    db = sqlite3.connect(tmp_path / "db.sqlite3")
    db.execute("UPDATE records_auditevent SET reason = 'x' WHERE seq = 2")
    db.commit()
    bad = subprocess.run([*cli, "audit", "verify"], env=env, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1
    assert "edited: position 2" in bad.stderr


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_keep_one_chain():
    errors: list[BaseException] = []

    def write() -> None:
        try:
            for _ in range(15):
                record_event(None, "concurrency.test", None)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=write) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert verify_chain() == (60, [])
    assert ChainHead.objects.get(pk=1).seq == 60


def test_concurrent_processes_on_a_sqlite_file_keep_one_chain(tmp_path):
    env = {**os.environ, "SOMEVAKT_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
           "SOMEVAKT_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "somevakt.web.settings"}
    setup = "import django; django.setup()\n"
    subprocess.run([sys.executable, "-c", setup + "from django.core.management import call_command as c; c('migrate', verbosity=0)"],
                   env=env, check=True, timeout=120)
    writer = setup + (
        "from somevakt.web.records.audit import record_event\n"
        "for i in range(15): record_event(None, 'proc.test', None, data={'i': i})\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", writer], env=env) for _ in range(3)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0]
    check = setup + "from somevakt.web.records.audit import verify_chain; n, p = verify_chain(); print(n, len(p))"
    out = subprocess.run([sys.executable, "-c", check], env=env, check=True, capture_output=True, text=True).stdout
    assert out.split() == ["45", "0"]
