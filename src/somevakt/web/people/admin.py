from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from somevakt.web.records.audit import record_event

from .models import Notification, RoleGrant, Unit, User


class RoleGrantInline(admin.TabularInline):
    model = RoleGrant
    extra = 1


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    inlines = [RoleGrantInline]
    list_display = ["username", "first_name", "last_name", "unit", "is_active"]
    list_filter = ["is_active", "unit", "role_grants__role"]
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (_("somevakt"), {"fields": ("unit", "oidc_subject")}),
    )

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        super().save_model(request, obj, form, change)
        record_event(request.user, "person.changed" if change else "person.created", obj,
                     data={"fields": form.changed_data})

    def save_formset(self, request, form, formset, change):  # type: ignore[no-untyped-def]
        super().save_formset(request, form, formset, change)
        if formset.has_changed():
            record_event(request.user, "person.roles_changed", form.instance,
                         data={"roles": sorted(form.instance.role_grants.values_list("role", flat=True))})


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "leader"]

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        super().save_model(request, obj, form, change)
        record_event(request.user, "unit.changed" if change else "unit.created", obj,
                     data={"leader": obj.leader.get_username() if obj.leader else None})


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["recipient", "subject", "created_at", "read_at"]
