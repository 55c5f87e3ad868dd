"""The audit API other apps call: record_event(actor, kind, obj, reason, data)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, models, transaction

from .models import AuditEvent, ChainHead

GENESIS = "0" * 64


def _lock_head() -> ChainHead:
    try:
        return ChainHead.objects.select_for_update().get(pk=1)
    except ChainHead.DoesNotExist:
        try:
            with transaction.atomic():
                ChainHead.objects.create(pk=1, seq=0, hash="")
        except IntegrityError:
            pass  # created by a concurrent writer
        return ChainHead.objects.select_for_update().get(pk=1)


def describe(obj: Any) -> tuple[str, str, str]:
    """(object_type, object_id, object_repr) for a model instance, a (type, id) pair or None."""
    if obj is None:
        return "", "", ""
    if isinstance(obj, models.Model):
        return obj._meta.label_lower, str(obj.pk), str(obj)[:300]
    if isinstance(obj, tuple) and len(obj) == 2:
        return str(obj[0]), str(obj[1]), f"{obj[0]} {obj[1]}"
    raise TypeError(f"cannot describe {obj!r} for the audit log")


def record_event(
    actor: Any, kind: str, obj: Any = None, reason: str = "", data: dict[str, Any] | None = None
) -> AuditEvent:
    """Append one event to the chain, inside the caller's transaction.

    actor: a user (or None/AnonymousUser for the system); kind: dotted verb such as
    "account.submitted"; obj: the model instance acted on; reason: the person's why;
    data: JSON-serialisable details (dates and decimals are turned into strings).
    """
    return record_events([(actor, kind, obj, reason, data)])[0]


def record_events(events: list[tuple[Any, str, Any, str, dict[str, Any] | None]]) -> list[AuditEvent]:
    """Append several events, in order, under one lock of the chain's head and with one insert
    (the worker's auto-hide of a batch). Each item is (actor, kind, obj, reason, data) as for
    record_event; the chain is the same as if each had been recorded alone."""
    if not events:
        return []
    with transaction.atomic():
        head = _lock_head()
        seq, prev = head.seq, head.hash or GENESIS
        rows: list[AuditEvent] = []
        for actor, kind, obj, reason, data in events:
            user = actor if getattr(actor, "is_authenticated", False) else None
            object_type, object_id, object_repr = describe(obj)
            seq += 1
            event = AuditEvent(
                seq=seq, created_at=datetime.now(UTC), actor=user,
                actor_name=(user.get_username() if user else "system"), kind=kind,
                object_type=object_type, object_id=object_id, object_repr=object_repr, reason=reason,
                data=json.loads(json.dumps(data or {}, cls=DjangoJSONEncoder)), prev_hash=prev,
            )
            event.hash = prev = event.compute_hash()
            rows.append(event)
        AuditEvent.objects.bulk_create(rows)
        ChainHead.objects.filter(pk=1).update(seq=seq, hash=prev)
    return rows


@dataclass(frozen=True)
class Problem:
    position: int  # 1-based position in the stored order
    event_id: int | None
    seq: int | None
    what: str  # "edited", "removed", "reordered", "truncated"
    detail: str

    def __str__(self) -> str:
        where = f"position {self.position}"
        if self.event_id is not None:
            where += f", event id {self.event_id} (#{self.seq})"
        return f"{self.what}: {where}: {self.detail}"


def verify_chain(batch: int = 2000) -> tuple[int, list[Problem]]:
    """Walk the chain in order; return (events checked, problems found)."""
    problems: list[Problem] = []
    prev_hash = GENESIS
    expected_seq = 1
    count = 0
    seen: dict[str, int] = {}
    for event in AuditEvent.objects.order_by("seq", "id").iterator(chunk_size=batch):
        count += 1
        if event.compute_hash() != event.hash:
            problems.append(Problem(count, event.id, event.seq, "edited", "its content no longer matches its hash"))
        if event.prev_hash != prev_hash:
            if event.prev_hash in seen:
                problems.append(
                    Problem(count, event.id, event.seq, "reordered",
                            f"it follows #{seen[event.prev_hash]} in the chain but is stored after #{expected_seq - 1}")
                )
            elif event.seq > expected_seq:
                problems.append(
                    Problem(count, event.id, event.seq, "removed",
                            f"event(s) #{expected_seq}..#{event.seq - 1} before it are missing")
                )
            else:
                problems.append(Problem(count, event.id, event.seq, "edited", "the link to the previous event is broken"))
        elif event.seq != expected_seq:
            problems.append(Problem(count, event.id, event.seq, "reordered", f"expected #{expected_seq} here"))
        seen[event.hash] = event.seq
        prev_hash = event.hash
        expected_seq = event.seq + 1
    head = ChainHead.objects.filter(pk=1).first()
    if head is not None and head.seq and (head.hash != prev_hash or head.seq != expected_seq - 1):
        problems.append(
            Problem(count + 1, None, None, "removed",
                    f"the chain should end at #{head.seq}; the last stored event is #{expected_seq - 1}")
        )
    return count, problems
