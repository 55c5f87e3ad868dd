"""The registry of the municipality's official social media accounts.

The state only changes through accounts.workflow.transition(); save() refuses any other
change of state, so no code path (view, admin, shell script) can skip the approval."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from somevakt.web.people.models import Unit


class Platform(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    INSTAGRAM = "instagram", "Instagram"
    LINKEDIN = "linkedin", "LinkedIn"
    YOUTUBE = "youtube", "YouTube"
    X = "x", "X"
    TIKTOK = "tiktok", "TikTok"
    SNAPCHAT = "snapchat", "Snapchat"
    OTHER = "other", _("Other")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ASSESSED = "assessed", _("Assessed by unit leader")
    APPROVED = "approved", _("Approved by chief executive")
    REJECTED = "rejected", _("Rejected")
    ACTIVE = "active", _("Active")
    UNDER_REVIEW = "under_review", _("Under review")
    CLOSED = "closed", _("Closed")


class Recommendation(models.TextChoices):
    RECOMMEND = "recommend", _("Recommend")
    ADVISE_AGAINST = "advise_against", _("Advise against")


class StateChangeRefused(Exception):
    """A state change was attempted outside accounts.workflow.transition()."""


class OfficialAccount(models.Model):
    platform = models.CharField(_("platform"), max_length=20, choices=Platform.choices)
    name = models.CharField(_("account name"), max_length=200)
    address = models.CharField(_("address (URL or handle)"), max_length=300)
    platform_id = models.CharField(
        _("page id on the platform"), max_length=100, blank=True, help_text=_("Filled in when the account is connected.")
    )
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="accounts")
    purpose = models.TextField(_("purpose"), blank=True)
    plan = models.TextField(_("plan for use and follow-up"), blank=True)
    responsible = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("responsible persons"), related_name="responsible_for", blank=True
    )
    information_only = models.BooleanField(
        _("information only (comments closed)"), default=False
    )
    review_date = models.DateField(_("review date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("applicant"), on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)

    recommendation = models.CharField(
        _("unit leader's assessment"), max_length=20, choices=Recommendation.choices, blank=True, editable=False
    )
    assessment_comment = models.TextField(_("assessment comment"), blank=True, editable=False)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("assessed by"), null=True, on_delete=models.PROTECT,
        related_name="+", editable=False,
    )
    assessed_at = models.DateTimeField(_("assessed"), null=True, editable=False)

    decision_comment = models.TextField(_("decision comment"), blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("decided by"), null=True, on_delete=models.PROTECT,
        related_name="+", editable=False,
    )
    decided_at = models.DateTimeField(_("decided"), null=True, editable=False)
    approved = models.BooleanField(_("approved by chief executive"), default=False, editable=False)

    class Meta:
        ordering = ["unit__name", "name"]
        verbose_name = _("official account")
        verbose_name_plural = _("official accounts")

    def __str__(self) -> str:
        return f"{self.name} ({self.get_platform_display()})"

    def get_absolute_url(self) -> str:
        return reverse("accounts:detail", args=[self.pk])

    def active_responsible(self) -> models.QuerySet[Any]:
        return self.responsible.filter(is_active=True)

    def review_overdue(self, today: Any = None) -> bool:
        today = today or timezone.localdate()
        return bool(self.review_date and self.review_date < today and self.status in LIVE_STATES)

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._state.adding:
            if self.status != Status.DRAFT:
                raise StateChangeRefused("a new account always starts as a draft")
        else:
            stored = OfficialAccount.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if stored != self.status and not getattr(self, "_transition_allowed", False):
                raise StateChangeRefused("the state changes only through accounts.workflow.transition()")
        super().save(*args, **kwargs)


LIVE_STATES = (Status.ACTIVE, Status.UNDER_REVIEW)


class FlagKind(models.TextChoices):
    RESPONSIBLE_LEFT = "responsible_left", _("A responsible person has left or been deactivated")
    NO_RESPONSIBLE = "no_responsible", _("No active responsible person")
    REVIEW_DUE = "review_due", _("The review date has passed")


class AccountFlag(models.Model):
    account = models.ForeignKey(OfficialAccount, on_delete=models.CASCADE, related_name="flags")
    kind = models.CharField(_("kind"), max_length=30, choices=FlagKind.choices)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("person"),
    )
    created_at = models.DateTimeField(_("raised"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("account flag")
        verbose_name_plural = _("account flags")

    def __str__(self) -> str:
        return f"{self.account}: {self.get_kind_display()}"
