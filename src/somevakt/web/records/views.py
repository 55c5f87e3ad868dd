from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from somevakt.web.people.permissions import AUDIT_READERS, role_required

from .forms import EventFilterForm
from .models import AuditEvent

EXPORT_FIELDS = [
    "seq", "created_at", "actor_name", "kind", "object_type", "object_id",
    "object_repr", "reason", "data", "prev_hash", "hash",
]


def _filtered(request: HttpRequest) -> tuple[EventFilterForm, Any]:
    form = EventFilterForm(request.GET or None)
    qs: QuerySet[AuditEvent] = AuditEvent.objects.select_related("actor").order_by("-seq")
    if form.is_bound:
        qs = form.filter(qs)
    return form, qs


def _row(event: AuditEvent) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "created_at": event.created_at.isoformat(timespec="microseconds"),
        "actor_name": event.actor_name,
        "kind": event.kind,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "object_repr": event.object_repr,
        "reason": event.reason,
        "data": event.data,
        "prev_hash": event.prev_hash,
        "hash": event.hash,
    }


@role_required(*AUDIT_READERS)
def event_list(request: HttpRequest) -> HttpResponse:
    form, qs = _filtered(request)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "records/event_list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


class _Echo:
    def write(self, value: str) -> str:
        return value


@role_required(*AUDIT_READERS)
def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    _, qs = _filtered(request)
    writer = csv.writer(_Echo())

    def rows() -> Iterator[str]:
        yield "\ufeff" + writer.writerow(EXPORT_FIELDS)
        for event in qs.order_by("seq").iterator(chunk_size=1000):
            row = _row(event)
            row["data"] = json.dumps(row["data"], ensure_ascii=False, sort_keys=True)
            yield writer.writerow([row[f] for f in EXPORT_FIELDS])

    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="somevakt-audit-{stamp}.csv"'
    return response


@role_required(*AUDIT_READERS)
def export_json(request: HttpRequest) -> StreamingHttpResponse:
    _, qs = _filtered(request)

    def chunks() -> Iterator[str]:
        yield '{"events": ['
        first = True
        for event in qs.order_by("seq").iterator(chunk_size=1000):
            yield ("" if first else ",") + "\n" + json.dumps(_row(event), ensure_ascii=False)
            first = False
        yield "\n]}\n"

    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="somevakt-audit-{stamp}.json"'
    return response
