"""The moderation inbox: queues, the item page, and the actions on a comment.

Every view checks on the server that the person may see the comment's account (see access);
a comment on an account the person may not see is a 404, as if it did not exist.
"""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from somevakt.web.people.models import User
from somevakt.web.people.notify import notify
from somevakt.web.records.audit import record_event

from . import connection as connection_state
from . import outbox
from .access import can_see_original, visible_accounts
from .models import ArchiveDecision, Category, Comment, OutboxJob, Post, SyncState

PAGE_SIZE = 50
REPLY_ACTIONS = ("answer", "correct", "thank", "refer")
ACTIONS = (*REPLY_ACTIONS, "hide", "unhide", "delete", "escalate", "done", "assign", "reveal")


def _visible_comments(user: Any) -> Any:
    return Comment.objects.filter(account__in=visible_accounts(user), is_own=False)


def _get_comment(request: HttpRequest, pk: int) -> Comment:
    return get_object_or_404(_visible_comments(request.user).select_related("account", "account__unit"), pk=pk)


@login_required
def inbox(request: HttpRequest, account_id: int | None = None) -> HttpResponse:
    accounts = visible_accounts(request.user).order_by("name")
    if not accounts.exists():
        raise PermissionDenied
    # A short list of ids, not a subquery, so the database can use the inbox indexes.
    qs = Comment.objects.filter(account_id__in=list(accounts.values_list("pk", flat=True)))
    current_account = None
    account_param = request.GET.get("konto") or (str(account_id) if account_id else "")
    if account_param:
        current_account = get_object_or_404(accounts, pk=account_param if account_param.isdigit() else 0)
        qs = qs.filter(account=current_account)
    category = request.GET.get("kategori", "")
    if category in Category.values:
        qs = qs.filter(category=category)
    state = request.GET.get("tilstand", "open")
    # The account's own comments always have the state "own", so a state filter leaves them out.
    if state == "open":
        # Spelled out, not a bound parameter, so the database can prove that the partial
        # index of open comments (inbox_open_order) covers the query.
        column = f"{connection.ops.quote_name(Comment._meta.db_table)}.{connection.ops.quote_name('state')}"
        qs = qs.extra(where=[f"{column} IN ({', '.join(repr(str(s.value)) for s in Comment.OPEN_STATES)})"])
    elif state in Comment.State.values and state != Comment.State.OWN:
        qs = qs.filter(state=state)
    else:
        qs = qs.exclude(state=Comment.State.OWN).filter(is_own=False)
    person = request.GET.get("person", "")
    if person == "meg":
        qs = qs.filter(assigned_to_id=request.user.pk)
    elif person == "ingen":
        qs = qs.filter(assigned_to__isnull=True)
    elif person.isdigit():
        qs = qs.filter(assigned_to_id=int(person))
    # The page's ids first, from the comment table alone (an index walk in inbox order,
    # no sort of the whole queue), then those rows with what the page shows.
    ids = qs.order_by("urgency", "received_at", "id").values_list("id", flat=True)
    page = Paginator(ids, PAGE_SIZE).get_page(request.GET.get("side"))
    rows = Comment.objects.filter(pk__in=list(page.object_list)).select_related("account", "assigned_to").only(
        "id", "account__name", "author_name", "redacted", "analysis_state", "category", "state",
        "urgency", "received_at", "assigned_to__first_name", "assigned_to__last_name",
        "assigned_to__username", "is_hidden", "deleted_on_platform", "has_sensitive",
    )
    by_id = {c.pk: c for c in rows}
    shown = [by_id[pk] for pk in page.object_list if pk in by_id]
    page.object_list = cast(Any, shown)  # the page now lists the comments themselves
    people = User.objects.filter(is_active=True, responsible_for__in=accounts).distinct().order_by("first_name")
    query = request.GET.copy()
    query.pop("side", None)
    return render(request, "moderation/inbox.html", {
        "page": page,
        "accounts": accounts,
        "current_account": current_account,
        "categories": Category.choices,
        "states": Comment.State.choices,
        "filters": {"kategori": category, "tilstand": state, "person": person,
                    "konto": str(current_account.pk) if current_account else ""},
        "people": people,
        "query": query.urlencode(),
        "failed_jobs": OutboxJob.objects.filter(comment__account__in=accounts, state=OutboxJob.State.FAILED).count(),
        "expired": _expired_connections(accounts),
    })


def _expired_connections(accounts: Any) -> list[SyncState]:
    return list(SyncState.objects.filter(account__in=accounts, token_expired_at__isnull=False)
                .select_related("account").order_by("account__name"))


def segments(comment: Comment, reveal: bool) -> list[dict[str, Any]]:
    """The text cut into plain and highlighted parts; sensitive parts masked unless revealed."""
    text = comment.message
    out: list[dict[str, Any]] = []
    pos = 0
    for f in sorted(comment.findings, key=lambda f: (f.get("start", 0), f.get("end", 0))):
        start, end = int(f.get("start", 0)), int(f.get("end", 0))
        if start < pos or end > len(text) or start >= end:
            continue
        if start > pos:
            out.append({"text": text[pos:start]})
        sensitive = bool(f.get("sensitive"))
        shown = text[start:end] if (reveal or not sensitive) else f"[{f.get('type', '')}]"
        out.append({"text": shown, "type": f.get("type", ""), "sensitive": sensitive, "masked": sensitive and not reveal})
        pos = end
    if pos < len(text):
        out.append({"text": text[pos:]})
    return out


def _masked_text(comment: Comment, reveal: bool) -> str:
    if reveal:
        return comment.message
    if comment.analysis_state == Comment.Analysis.DONE:
        return comment.redacted
    return ""


@login_required
def item(request: HttpRequest, pk: int, reveal: bool = False) -> HttpResponse:
    comment = _get_comment(request, pk)
    analysed = comment.analysis_state == Comment.Analysis.DONE
    may_reveal = can_see_original(request.user, comment.account)
    reveal = reveal and may_reveal
    post = Post.objects.filter(platform_id=comment.post_platform_id).first()
    parent = None
    if comment.parent_platform_id:
        parent = Comment.objects.filter(platform=comment.platform, platform_id=comment.parent_platform_id).first()
    replies = Comment.objects.filter(
        platform=comment.platform, parent_platform_id=comment.platform_id
    ).order_by("created_time", "id")
    return render(request, "moderation/item.html", {
        "comment": comment,
        "analysed": analysed,
        "segments": segments(comment, reveal) if analysed else [],
        "may_reveal": may_reveal and comment.has_sensitive,
        "revealed": reveal,
        "post": post,
        "parent": parent,
        "parent_text": _masked_text(parent, False) if parent else "",
        "replies": replies,
        "jobs": comment.jobs.order_by("created_at", "id"),
        "decisions": comment.archive_decisions.select_related("decided_by"),
        "people": comment.account.responsible.filter(is_active=True),
        "formal_channel": _formal_channel_text(),
    })


def _formal_channel_text() -> str:
    return _(
        "Hello! We cannot handle individual cases on social media. Please send a formal "
        "inquiry to the municipality at post@birkenes.kommune.no or through the municipality's website."
    )


def _mark_handled(comment: Comment, user: Any, state: str) -> None:
    now = timezone.now()
    comment.state = state
    if comment.handled_at is None:
        comment.handled_at = now
        comment.handled_by = user
        comment.response_seconds = max(0, int((now - comment.received_at).total_seconds()))
    comment.save(update_fields=["state", "handled_at", "handled_by", "response_seconds"])


def _audit_data(comment: Comment, **extra: Any) -> dict[str, Any]:
    return {"account": comment.account_id, "platform_id": comment.platform_id,
            "category": comment.category, "clause": comment.clause_id, **extra}


@login_required
@require_POST
def act(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _get_comment(request, pk)
    assert isinstance(request.user, User)  # signed in (login_required)
    action = request.POST.get("action", "")
    if action not in ACTIONS:
        return HttpResponse(_("Unknown action."), status=400)
    if action == "reveal":
        if not can_see_original(request.user, comment.account):
            raise PermissionDenied
        record_event(request.user, "comment.original_viewed", comment,
                     reason=request.POST.get("reason", ""), data=_audit_data(comment))
        return item(request, pk, reveal=True)
    user = request.user
    reason = request.POST.get("reason", "").strip()[:1000]
    url = reverse("moderation:item", args=[comment.pk])
    with transaction.atomic():
        if action in REPLY_ACTIONS:
            text = request.POST.get("reply", "").strip()
            if not text:
                messages.error(request, _("Write the reply before sending it."))
                return HttpResponseRedirect(url)
            jobs = [outbox.enqueue(comment, OutboxJob.Kind.REPLY, message=text, user=user)]
            private = request.POST.get("private_reply", "").strip()
            if action == "refer" and private:
                jobs.append(outbox.enqueue(comment, OutboxJob.Kind.PRIVATE_REPLY, message=private, user=user))
            _mark_handled(comment, user, Comment.State.ANSWERED)
            record_event(user, f"comment.{action}", comment, reason=reason,
                         data=_audit_data(comment, jobs=[j.pk for j in jobs], private_reply=bool(private and action == "refer")))
            messages.success(request, _("The reply is queued and will be posted shortly."))
        elif action in ("hide", "unhide"):
            job = outbox.enqueue(comment, action, user=user)
            _mark_handled(comment, user, Comment.State.HIDDEN if action == "hide" else Comment.State.DONE)
            record_event(user, f"comment.{action}", comment, reason=reason, data=_audit_data(comment, job=job.pk))
            messages.success(request, _("Queued for the platform."))
        elif action == "delete":
            worthy = request.POST.get("journal_worthy")
            if worthy not in ("yes", "no"):
                messages.error(request, _("Decide whether the comment is journal-worthy before deleting it."))
                return HttpResponseRedirect(url)
            decision = ArchiveDecision.objects.create(
                comment=comment, journal_worthy=worthy == "yes", note=request.POST.get("archive_note", "")[:2000],
                decided_by=user,
            )
            job = outbox.enqueue(comment, OutboxJob.Kind.DELETE, user=user)
            _mark_handled(comment, user, Comment.State.DELETED)
            record_event(user, "comment.deleted", comment, reason=reason,
                         data=_audit_data(comment, job=job.pk, journal_worthy=decision.journal_worthy))
            record_event(user, "comment.archive_decision", comment, reason=decision.note,
                         data=_audit_data(comment, journal_worthy=decision.journal_worthy))
            messages.success(request, _("The comment will be deleted; the archive decision is recorded."))
        elif action == "escalate":
            account = comment.account
            recipients = [account.unit.leader, *account.active_responsible()]
            subject = _("Escalated comment on %(account)s") % {"account": account.name}
            body = _("A comment (category: %(category)s) needs your attention. Reason: %(reason)s") % {
                "category": comment.get_category_display() or "–", "reason": reason or "–"}
            made = notify([r for r in recipients if r is not None and r.pk != user.pk] or recipients, subject, body, url)
            _mark_handled(comment, user, Comment.State.ESCALATED)
            record_event(user, "comment.escalated", comment, reason=reason,
                         data=_audit_data(comment, notified=[n.recipient_id for n in made]))
            messages.success(request, _("Escalated to the unit leader and the account's responsible persons."))
        elif action == "done":
            _mark_handled(comment, user, Comment.State.DONE)
            record_event(user, "comment.done", comment, reason=reason, data=_audit_data(comment))
            messages.success(request, _("Marked as done."))
        elif action == "assign":
            person_id = request.POST.get("person", "")
            person = comment.account.responsible.filter(pk=person_id, is_active=True).first() if person_id.isdigit() else None
            comment.assigned_to = person
            if comment.state == Comment.State.NEW and person is not None:
                comment.state = Comment.State.ASSIGNED
            comment.save(update_fields=["assigned_to", "state"])
            record_event(user, "comment.assigned", comment, reason=reason,
                         data=_audit_data(comment, assigned_to=person.pk if person else None))
            messages.success(request, _("Assignment saved."))
    return HttpResponseRedirect(url)


@login_required
def outbox_view(request: HttpRequest) -> HttpResponse:
    accounts = visible_accounts(request.user)
    if not accounts.exists():
        raise PermissionDenied
    jobs = (
        OutboxJob.objects.filter(comment__account__in=accounts)
        .exclude(state=OutboxJob.State.DONE)
        .select_related("comment", "comment__account")
        .order_by("-created_at")[:200]
    )
    return render(request, "moderation/outbox.html", {"jobs": jobs, "expired": _expired_connections(accounts)})


@login_required
@require_POST
def token_renewed(request: HttpRequest, account_id: int) -> HttpResponse:
    """A person says the account's page token has been renewed: its waiting jobs continue."""
    account = get_object_or_404(visible_accounts(request.user), pk=account_id)
    if connection_state.token_renewed(account, request.user):
        messages.success(request, _("The waiting actions for %(account)s continue.") % {"account": account.name})
    return HttpResponseRedirect(reverse("moderation:outbox"))


@login_required
@require_POST
def requeue(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(OutboxJob.objects.filter(comment__account__in=visible_accounts(request.user)), pk=pk)
    if outbox.requeue(job):
        record_event(request.user, "outbox.requeued", job.comment, data={"job": job.pk, "kind": job.kind})
        messages.success(request, _("The job will be tried again."))
    return HttpResponseRedirect(reverse("moderation:outbox"))
