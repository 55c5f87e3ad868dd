from __future__ import annotations

from datetime import datetime, time
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from somevakt.web.people.models import User

from .models import AuditEvent


class DateInput(forms.DateInput):
    input_type = "date"


class EventFilterForm(forms.Form):
    person = forms.ModelChoiceField(
        label=_("Person"), queryset=User.objects.order_by("username"), required=False, empty_label=_("Everyone")
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    object_type = forms.ChoiceField(label=_("Object type"), required=False)
    object_id = forms.CharField(label=_("Object id"), required=False, max_length=100)
    date_from = forms.DateField(label=_("From date"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("To date"), required=False, widget=DateInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        kinds = AuditEvent.objects.order_by("kind").values_list("kind", flat=True).distinct()
        types = AuditEvent.objects.exclude(object_type="").order_by("object_type").values_list("object_type", flat=True).distinct()
        self.fields["kind"].choices = everything + [(k, k) for k in kinds]  # type: ignore[attr-defined]
        self.fields["object_type"].choices = everything + [(t, t) for t in types]  # type: ignore[attr-defined]

    def filter(self, qs: QuerySet[AuditEvent]) -> QuerySet[AuditEvent]:
        if not self.is_valid():
            return qs.none()
        data = self.cleaned_data
        if data["person"]:
            qs = qs.filter(actor=data["person"])
        if data["kind"]:
            qs = qs.filter(kind=data["kind"])
        if data["object_type"]:
            qs = qs.filter(object_type=data["object_type"])
        if data["object_id"]:
            qs = qs.filter(object_id=data["object_id"].strip())
        tz = timezone.get_current_timezone()
        if data["date_from"]:
            qs = qs.filter(created_at__gte=datetime.combine(data["date_from"], time.min, tzinfo=tz))
        if data["date_to"]:
            qs = qs.filter(created_at__lte=datetime.combine(data["date_to"], time.max, tzinfo=tz))
        return qs
