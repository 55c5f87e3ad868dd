from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: operators can look, nobody can add, change or remove events here."""

    list_display = ["seq", "created_at", "actor_name", "kind", "object_repr"]
    list_filter = ["kind", "object_type"]
    search_fields = ["actor_name", "object_repr", "object_id", "reason"]
    actions = None

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
