"""The inbox: who may see and act (nobody else, through any URL), ordering, masking, actions."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from somevakt.web.moderation.models import ArchiveDecision, Comment, OutboxJob
from somevakt.web.people.models import Notification
from somevakt.web.records.models import AuditEvent

FNR = "05058767990"


def make_comment(account: Any, n: int, category: str = "question", minutes_ago: int = 0, **extra: Any) -> Comment:
    text = extra.pop("message", f"Når åpner biblioteket? ({n})")
    findings = extra.pop("findings", [])
    return Comment.objects.create(
        account=account, platform_id=f"1_{n}", post_platform_id="p_1", author_name="Kari Hansen",
        message=text, analysis_state="done", category=category, redacted=extra.pop("redacted", text),
        findings=findings, has_sensitive=any(f.get("sensitive") for f in findings),
        urgency={"sensitive": 0, "discrimination": 1}.get(category, 5),
        received_at=timezone.now() - timedelta(minutes=minutes_ago), reply_draft="Takk for spørsmålet!", **extra,
    )


@pytest.fixture
def setup(municipality: Any, page_account: Any) -> dict[str, Any]:
    from tests.web.factories import make_account, make_user

    other = make_account(municipality, "active", name="Oppvekst på Facebook")
    other.unit = municipality.other_unit
    other.save()
    outsider = make_user("annenkonto", ["kontoansvarlig"], municipality.other_unit)
    other.responsible.set([outsider])
    sensitive = make_comment(page_account, 1, "sensitive", 5, message=f"Fnr {FNR} her",
                             redacted="Fnr [FØDSELSNUMMER] her",
                             findings=[{"type": "FØDSELSNUMMER", "start": 4, "end": 15, "sensitive": True}])
    question_old = make_comment(page_account, 2, "question", 60)
    question_new = make_comment(page_account, 3, "question", 1)
    discrimination = make_comment(page_account, 4, "discrimination", 2)
    foreign = make_comment(other, 5, "question", 90)
    return {"m": municipality, "account": page_account, "other": other, "outsider": outsider,
            "sensitive": sensitive, "q_old": question_old, "q_new": question_new,
            "disc": discrimination, "foreign": foreign}


def login(user: Any) -> Client:
    c = Client()
    c.force_login(user)
    return c


def urls_for(comment: Comment) -> list[tuple[str, str, dict[str, Any]]]:
    job, _ = OutboxJob.objects.get_or_create(
        idempotency_key=f"t:{comment.pk}", defaults={"comment": comment, "kind": "hide", "state": "failed"}
    )
    out: list[tuple[str, str, dict[str, Any]]] = [
        ("get", reverse("moderation:item", args=[comment.pk]), {}),
        ("get", reverse("moderation:account-inbox", args=[comment.account_id]), {}),
        ("get", reverse("moderation:inbox") + f"?konto={comment.account_id}", {}),
        ("post", reverse("moderation:requeue", args=[job.pk]), {}),
    ]
    for action in ("answer", "correct", "thank", "refer", "hide", "unhide", "delete", "escalate", "done",
                   "assign", "reveal"):
        out.append(("post", reverse("moderation:act", args=[comment.pk]),
                    {"action": action, "reply": "Hei", "journal_worthy": "no", "person": ""}))
    return out


def test_nobody_else_can_see_or_act_through_any_url(setup: dict[str, Any]) -> None:
    m = setup["m"]
    strangers = [m.users["ansatt"], m.users["kriseleder"], m.users["arkiv"], m.other_leader, setup["outsider"]]
    targets = [setup["sensitive"], setup["q_old"]]
    before_events = AuditEvent.objects.count()
    for user in strangers:
        client = login(user)
        for comment in targets:
            for method, url, data in urls_for(comment):
                r = getattr(client, method)(url, data)
                assert r.status_code in (403, 404), (user.username, method, url, data.get("action"), r.status_code)
    # The outsider sees only their own account, never this one's comments.
    r = login(setup["outsider"]).get(reverse("moderation:inbox"))
    assert r.status_code == 200 and "Oppvekst" in r.content.decode()
    assert setup["q_old"].platform_id not in r.content.decode()
    assert not OutboxJob.objects.exclude(idempotency_key__startswith="t:").exists()
    assert AuditEvent.objects.count() == before_events
    assert Comment.objects.filter(state="new").count() == 5
    # Signed out: sent to sign in.
    assert Client().get(reverse("moderation:inbox")).status_code == 302
    for user in (m.users["ansatt"], m.users["arkiv"], m.users["kriseleder"]):
        assert login(user).get(reverse("moderation:inbox")).status_code == 403
        assert login(user).get(reverse("moderation:outbox")).status_code == 403


@pytest.mark.parametrize("who", ["kontoansvarlig", "enhetsleder", "radmann"])
def test_the_account_people_see_it_most_urgent_first(setup: dict[str, Any], who: str) -> None:
    r = login(setup["m"].users[who]).get(reverse("moderation:inbox") + f"?konto={setup['account'].pk}")
    assert r.status_code == 200
    page = list(r.context["page"])
    assert [c.pk for c in page] == [setup[k].pk for k in ("sensitive", "disc", "q_old", "q_new")]
    assert FNR not in r.content.decode()  # the list shows the masked text only
    all_accounts = login(setup["m"].users[who]).get(reverse("moderation:inbox"))
    expect_foreign = who == "radmann"
    assert (setup["foreign"].pk in [c.pk for c in all_accounts.context["page"]]) is expect_foreign


def test_filters(setup: dict[str, Any]) -> None:
    client = login(setup["m"].users["kontoansvarlig"])
    r = client.get(reverse("moderation:inbox"), {"kategori": "question"})
    assert {c.pk for c in r.context["page"]} == {setup["q_old"].pk, setup["q_new"].pk}
    client.post(reverse("moderation:act", args=[setup["q_new"].pk]),
                {"action": "assign", "person": setup["m"].users["kontoansvarlig"].pk})
    r = client.get(reverse("moderation:inbox"), {"person": "meg"})
    assert [c.pk for c in r.context["page"]] == [setup["q_new"].pk]
    r = client.get(reverse("moderation:inbox"), {"tilstand": "assigned"})
    assert [c.pk for c in r.context["page"]] == [setup["q_new"].pk]


def test_sensitive_spans_masked_for_leaders_revealable_by_responsible(setup: dict[str, Any]) -> None:
    url = reverse("moderation:item", args=[setup["sensitive"].pk])
    for who in ("enhetsleder", "radmann"):
        r = login(setup["m"].users[who]).get(url)
        assert r.status_code == 200 and FNR not in r.content.decode() and "[FØDSELSNUMMER]" in r.content.decode()
        r = login(setup["m"].users[who]).post(reverse("moderation:act", args=[setup["sensitive"].pk]), {"action": "reveal"})
        assert r.status_code == 403
    responsible = login(setup["m"].users["kontoansvarlig"])
    assert FNR not in responsible.get(url).content.decode()
    r = responsible.post(reverse("moderation:act", args=[setup["sensitive"].pk]), {"action": "reveal"})
    assert r.status_code == 200 and FNR in r.content.decode()
    assert AuditEvent.objects.filter(kind="comment.original_viewed").count() == 1


def test_actions_queue_jobs_record_audit_and_response_time(setup: dict[str, Any]) -> None:
    m = setup["m"]
    client = login(m.users["kontoansvarlig"])
    act = lambda c, **data: client.post(reverse("moderation:act", args=[c.pk]), data)  # noqa: E731
    act(setup["q_old"], action="answer", reply="Biblioteket åpner 21. desember.")
    c = Comment.objects.get(pk=setup["q_old"].pk)
    assert c.state == "answered" and c.response_seconds is not None and c.response_seconds >= 3600
    assert OutboxJob.objects.get(comment=c).message == "Biblioteket åpner 21. desember."
    act(setup["q_new"], action="refer", reply="Send oss en formell henvendelse.", private_reply="Skriv til post@birkenes.kommune.no")
    assert set(OutboxJob.objects.filter(comment=setup["q_new"]).values_list("kind", flat=True)) == {"reply", "private_reply"}
    act(setup["sensitive"], action="delete")
    assert not OutboxJob.objects.filter(comment=setup["sensitive"]).exists()  # no archive decision, no delete
    act(setup["sensitive"], action="delete", journal_worthy="yes", archive_note="Personopplysninger")
    assert ArchiveDecision.objects.get(comment=setup["sensitive"]).journal_worthy
    assert OutboxJob.objects.get(comment=setup["sensitive"]).kind == "delete"
    act(setup["disc"], action="escalate", reason="Trussel mot ansatt")
    assert Comment.objects.get(pk=setup["disc"].pk).state == "escalated"
    leader = m.users["enhetsleder"]
    assert Notification.objects.filter(recipient=leader).exists()
    assert any(leader.email in msg.to for msg in mail.outbox)
    assert all(FNR not in msg.body for msg in mail.outbox)
    kinds = set(AuditEvent.objects.values_list("kind", flat=True))
    assert {"comment.answer", "comment.refer", "comment.deleted", "comment.archive_decision", "comment.escalated"} <= kinds
    assert not any(FNR in (e.object_repr + e.reason + str(e.data)) for e in AuditEvent.objects.all())
    act(setup["q_old"], action="answer", reply="")
    assert OutboxJob.objects.filter(comment=setup["q_old"]).count() == 1


def test_inbox_speaks_bokmal_and_nynorsk(setup: dict[str, Any]) -> None:
    client = login(setup["m"].users["kontoansvarlig"])
    nb = client.get(reverse("moderation:inbox"), HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    assert "Innboks" in nb and "mest hastende først" in nb and "Sensitive opplysninger" in nb
    client.cookies["django_language"] = "nn"
    nn = client.get(reverse("moderation:item", args=[setup["q_new"].pk])).content.decode()
    assert "Kva retningslinjene seier" in nn and "Vis vidare" in nn
