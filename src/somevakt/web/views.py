"""Project-level pages: the dashboard and a health check."""

from __future__ import annotations

from django.db import connection
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone

from somevakt.web.accounts.models import LIVE_STATES, AccountFlag, OfficialAccount, Status
from somevakt.web.people.models import User
from somevakt.web.people.permissions import any_role_required
from somevakt.web.people.roles import Role


@any_role_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    is_chief = user.has_role(Role.RADMANN)
    mine = Q(unit__leader=user) | Q(responsible=user) | Q(created_by=user)
    scope = OfficialAccount.objects.all() if is_chief else OfficialAccount.objects.filter(mine).distinct()

    tasks = []
    if user.has_role(Role.ENHETSLEDER):
        tasks += list(OfficialAccount.objects.filter(status=Status.SUBMITTED, unit__leader=user))
    if is_chief:
        tasks += list(OfficialAccount.objects.filter(status=Status.ASSESSED))
    tasks += list(scope.filter(status=Status.APPROVED))

    today = timezone.localdate()
    flagged_ids = set(AccountFlag.objects.filter(resolved_at__isnull=True).values_list("account_id", flat=True))
    overdue_ids = set(
        OfficialAccount.objects.filter(status__in=LIVE_STATES, review_date__lt=today).values_list("pk", flat=True)
    )
    flagged = (
        scope.filter(pk__in=flagged_ids | overdue_ids)
        .select_related("unit")
        .prefetch_related("flags")
    )
    return render(
        request,
        "dashboard.html",
        {
            "tasks": tasks,
            "flagged": flagged,
            "today": today,
            "my_accounts": scope.select_related("unit").order_by("name")[:50],
            "notifications": user.notifications.filter(read_at__isnull=True)[:5],
        },
    )


def healthz(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"ok": True})
