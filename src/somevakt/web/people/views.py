from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from .models import Notification
from .permissions import any_role_required


@any_role_required
def notification_list(request: HttpRequest) -> HttpResponse:
    items = request.user.notifications.all()[:100]  # type: ignore[union-attr]
    return render(request, "people/notification_list.html", {"items": items})


@require_POST
@any_role_required
def notification_read(request: HttpRequest, pk: int) -> HttpResponse:
    # Only one's own notifications: someone else's id gives 404.
    item = get_object_or_404(Notification, pk=pk, recipient=request.user)
    if item.read_at is None:
        item.read_at = timezone.now()
        item.save(update_fields=["read_at"])
    return redirect(item.url or "people:notifications")


@require_POST
@any_role_required
def notification_read_all(request: HttpRequest) -> HttpResponse:
    request.user.notifications.filter(read_at__isnull=True).update(read_at=timezone.now())  # type: ignore[union-attr]
    return redirect("people:notifications")
