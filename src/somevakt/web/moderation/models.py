"""Comments on the official accounts, their analysis and handling, and the outbox.

A comment's text is personal data and may hold sensitive data. `__str__` never includes it
(the audit log stores str(obj)), and logs use `redacted` only.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from somevakt.web.accounts.models import OfficialAccount


class RawDelivery(models.Model):
    """A webhook delivery exactly as received (signature checked), kept so none is lost."""

    class Status(models.TextChoices):
        PROCESSED = "processed", _("Processed")
        MALFORMED = "malformed", _("Malformed")
        UNKNOWN_PAGE = "unknown_page", _("Unknown page")

    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    source = models.CharField(_("source"), max_length=20, default="facebook")
    body = models.BinaryField(_("raw body"))
    headers = models.JSONField(_("headers"), default=dict)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    error = models.CharField(_("error"), max_length=300, blank=True)
    events = models.PositiveIntegerField(_("changes"), default=0)

    class Meta:
        verbose_name = _("raw delivery")
        verbose_name_plural = _("raw deliveries")

    def __str__(self) -> str:
        return f"delivery {self.pk} ({self.status})"


class Post(models.Model):
    """A post on an official account, for showing a comment in its thread."""

    account = models.ForeignKey(OfficialAccount, on_delete=models.CASCADE, related_name="posts")
    platform_id = models.CharField(max_length=100, unique=True)
    message = models.TextField(blank=True)
    created_time = models.DateTimeField(null=True, blank=True)
    fetched = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"post {self.platform_id}"


class Category(models.TextChoices):
    SENSITIVE = "sensitive", _("Sensitive data")
    DISCRIMINATION = "discrimination", _("Discrimination")
    RUMOR = "rumor", _("Rumour or speculation")
    INDIVIDUAL_CASE = "individual_case", _("Individual case")
    POLITICAL = "political", _("Political matter")
    BUDGET_ORG = "budget_org", _("Organisation and budget")
    FACTUAL_ERROR = "factual_error", _("Factual error")
    QUESTION = "question", _("Question")
    FEEDBACK = "feedback", _("Feedback")
    OTHER = "other", _("Other")


# Most urgent first: sensitive data, discrimination, failed analysis, then the rest by wait.
URGENCY = {"sensitive": 0, "discrimination": 1}
URGENCY_FAILED = 2
URGENCY_DEFAULT = 5


class Comment(models.Model):
    """One comment as the platform has it, with its analysis and its place in the inbox."""

    class State(models.TextChoices):
        NEW = "new", _("New")
        ASSIGNED = "assigned", _("Assigned")
        ANSWERED = "answered", _("Answered")
        HIDDEN = "hidden", _("Hidden")
        DELETED = "deleted", _("Deleted")
        ESCALATED = "escalated", _("Escalated")
        DONE = "done", _("Done")
        OWN = "own", _("The account's own comment")

    class Analysis(models.TextChoices):
        PENDING = "pending", _("Waiting for analysis")
        DONE = "done", _("Analysed")
        FAILED = "failed", _("Analysis failed")
        SKIPPED = "skipped", _("Not analysed")

    OPEN_STATES = (State.NEW, State.ASSIGNED, State.ESCALATED)

    account = models.ForeignKey(OfficialAccount, on_delete=models.PROTECT, related_name="comments")
    platform = models.CharField(max_length=20, default="facebook")
    platform_id = models.CharField(_("comment id"), max_length=100)
    post_platform_id = models.CharField(max_length=100, blank=True)
    parent_platform_id = models.CharField(max_length=100, blank=True)
    author_id = models.CharField(max_length=100, blank=True)
    author_name = models.CharField(_("author"), max_length=200, blank=True)
    message = models.TextField(_("text"), blank=True)
    created_time = models.DateTimeField(_("written"), null=True, blank=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    source = models.CharField(max_length=20, default="webhook")  # webhook | poll | import
    is_own = models.BooleanField(default=False)

    # What the platform says about it.
    is_hidden = models.BooleanField(_("hidden on the platform"), default=False)
    deleted_on_platform = models.BooleanField(_("removed from the platform"), default=False)
    edits = models.JSONField(default=list, blank=True)  # earlier texts: [{"at", "message"}]
    version = models.PositiveIntegerField(default=1)

    # The analysis (somevakt.processing.CommentProcessor).
    analysis_state = models.CharField(max_length=10, choices=Analysis.choices, default=Analysis.PENDING)
    analyzed_version = models.PositiveIntegerField(default=0)
    analysis_error = models.CharField(max_length=200, blank=True)
    analysis_attempts = models.PositiveSmallIntegerField(default=0)
    lang = models.CharField(max_length=10, blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices, blank=True)
    action = models.CharField(_("suggested action"), max_length=30, blank=True)
    clause_id = models.CharField(max_length=60, blank=True)
    clause_quote = models.TextField(_("guideline clause"), blank=True)
    confidence = models.FloatField(null=True, blank=True)
    findings = models.JSONField(default=list, blank=True)
    redacted = models.TextField(_("text with sensitive data masked"), blank=True)
    has_sensitive = models.BooleanField(default=False)
    reply_draft = models.TextField(_("draft reply"), blank=True)
    hide_now = models.BooleanField(default=False)

    # The inbox.
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.NEW)
    urgency = models.PositiveSmallIntegerField(default=URGENCY_DEFAULT)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("assigned to"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="assigned_comments",
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    response_seconds = models.PositiveIntegerField(_("response time (s)"), null=True, blank=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        constraints = [
            models.UniqueConstraint(fields=["platform", "platform_id"], name="unique_platform_comment")
        ]
        indexes = [
            models.Index(fields=["state", "urgency", "received_at"], name="inbox_order"),
            models.Index(fields=["account", "state", "urgency", "received_at"], name="inbox_account_order"),
            models.Index(fields=["analysis_state"], name="analysis_queue"),
            models.Index(fields=["post_platform_id"], name="comment_post"),
            models.Index(fields=["parent_platform_id"], name="comment_parent"),
            # The open queue in inbox order: a page is read straight off this small index,
            # without sorting every open comment (the WHERE must match the inbox's filter).
            models.Index(fields=["urgency", "received_at", "id", "account", "category"], name="inbox_open_order",
                         condition=models.Q(state__in=["new", "assigned", "escalated"])),
            models.Index(fields=["urgency", "received_at", "id", "account"], name="inbox_all_order"),
            models.Index(fields=["account", "category", "state"], name="inbox_account_category"),
        ]

    def __str__(self) -> str:  # never the text: the audit log stores this
        return f"{_('Comment')} {self.platform_id}"

    @property
    def is_open(self) -> bool:
        return self.state in self.OPEN_STATES

    @property
    def waiting_seconds(self) -> int:
        end = self.handled_at or timezone.now()
        return max(0, int((end - self.received_at).total_seconds()))

    def sensitive_spans(self) -> list[dict[str, Any]]:
        return [f for f in self.findings if f.get("sensitive")]


class OutboxJob(models.Model):
    """One platform call to make. Claimed by `somevakt worker`; effect exactly once."""

    class Kind(models.TextChoices):
        HIDE = "hide", _("Hide")
        UNHIDE = "unhide", _("Unhide")
        DELETE = "delete", _("Delete")
        REPLY = "reply", _("Public reply")
        PRIVATE_REPLY = "private_reply", _("Private reply")

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("In progress")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    comment = models.ForeignKey(Comment, on_delete=models.PROTECT, related_name="jobs")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    message = models.TextField(_("text"), blank=True)
    idempotency_key = models.CharField(max_length=120, unique=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_by = models.CharField(max_length=100, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    # An earlier attempt may have taken effect (timeout, 5xx, crash): check before repeating.
    maybe_applied = models.BooleanField(default=False)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    result_id = models.CharField(max_length=120, blank=True)
    note = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("outbox job")
        verbose_name_plural = _("outbox jobs")
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="outbox_queue")]

    def __str__(self) -> str:
        return f"{self.kind} {self.comment.platform_id if self.comment_id else ''} ({self.state})"


class ArchiveDecision(models.Model):
    """Whether a removed comment is journal-worthy (to be registered) or not."""

    comment = models.ForeignKey(Comment, on_delete=models.PROTECT, related_name="archive_decisions")
    journal_worthy = models.BooleanField(_("journal-worthy"))
    note = models.TextField(_("note"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("archive decision")
        verbose_name_plural = _("archive decisions")

    def __str__(self) -> str:
        return f"archive decision on comment {self.comment_id}"


class SyncState(models.Model):
    """Where polling through the Graph API left off, per account."""

    account = models.OneToOneField(OfficialAccount, on_delete=models.CASCADE, related_name="sync")
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    # Set when the platform refused the page token (Graph error 190): the account's outbox
    # jobs and polling wait until a person says the token has been renewed.
    token_expired_at = models.DateTimeField(_("token expired"), null=True, blank=True)
