from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from somevakt.web.people.models import User
from somevakt.web.people.roles import Role

from .models import OfficialAccount, Recommendation


class DateInput(forms.DateInput):
    input_type = "date"


def responsible_choices() -> Any:
    return (
        User.objects.filter(is_active=True, role_grants__role__in=[Role.KONTOANSVARLIG, Role.ENHETSLEDER])
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class ApplicationForm(forms.ModelForm):
    class Meta:
        model = OfficialAccount
        fields = [
            "platform", "name", "address", "unit", "purpose", "plan",
            "responsible", "information_only", "review_date",
        ]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "plan": forms.Textarea(attrs={"rows": 5}),
            "responsible": forms.CheckboxSelectMultiple,
            "review_date": DateInput,
        }
        help_texts = {
            "purpose": _("Why the unit needs the account, and for whom."),
            "plan": _("What you will post, how often, who answers comments and when, and how the account is followed up."),
            "responsible": _("At least one person who runs the account."),
            "information_only": _("Comments are closed; the account only informs."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = responsible_choices()  # type: ignore[attr-defined]
        for name in ("purpose", "plan", "responsible", "review_date"):
            self.fields[name].required = True


class ManageForm(forms.ModelForm):
    """What the unit leader or the chief executive changes on a live account."""

    class Meta:
        model = OfficialAccount
        fields = ["responsible", "review_date", "information_only", "platform_id"]
        widgets = {"responsible": forms.CheckboxSelectMultiple, "review_date": DateInput}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = responsible_choices()  # type: ignore[attr-defined]
        self.fields["responsible"].required = True
        self.fields["review_date"].required = True


class TransitionForm(forms.Form):
    reason = forms.CharField(label=_("Comment or reason"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    recommendation = forms.ChoiceField(
        label=_("Assessment"), choices=Recommendation.choices, required=False, widget=forms.RadioSelect
    )
