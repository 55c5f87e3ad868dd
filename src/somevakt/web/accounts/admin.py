from __future__ import annotations

from django.contrib import admin

from somevakt.web.records.audit import record_event

from .models import AccountFlag, OfficialAccount


@admin.register(OfficialAccount)
class OfficialAccountAdmin(admin.ModelAdmin):
    """Operators can correct descriptive fields; the state is read-only here and changes only
    through the workflow (OfficialAccount.save refuses anything else)."""

    list_display = ["name", "platform", "unit", "status", "review_date"]
    list_filter = ["status", "platform", "unit"]
    search_fields = ["name", "address"]
    readonly_fields = ["status", "created_by", "approved", "decided_by", "decided_at", "assessed_by", "recommendation"]
    filter_horizontal = ["responsible"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False  # applications go through the app's workflow

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        super().save_model(request, obj, form, change)
        record_event(request.user, "account.changed_in_admin", obj, data={"fields": form.changed_data})

    def save_related(self, request, form, formsets, change):  # type: ignore[no-untyped-def]
        super().save_related(request, form, formsets, change)
        from .flags import check_account

        check_account(form.instance, actor=request.user)


@admin.register(AccountFlag)
class AccountFlagAdmin(admin.ModelAdmin):
    list_display = ["account", "kind", "person", "created_at", "resolved_at"]
    list_filter = ["kind"]
