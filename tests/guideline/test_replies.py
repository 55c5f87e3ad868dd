"""Draft replies: per action, in the comment's written standard, never quoting the comment."""

import pytest

from somevakt.guideline import load_policy
from somevakt.guideline.loader import policy_from_dict
from somevakt.jsonl import InputRecord
from somevakt.replies import ReplyDrafter, needs_completion, topic_of

POLICY = load_policy()
DRAFTER = ReplyDrafter(POLICY)


def test_no_reply_for_removal_and_none_actions():
    for action in ("delete", "hide_and_escalate", "none"):
        assert DRAFTER.draft(action, "Når åpner biblioteket?", "nb") is None


@pytest.mark.parametrize(
    "action", ["answer", "correct", "thank", "refer", "refer_political", "link_website"]
)
def test_every_reply_action_drafts_in_both_written_standards(action):
    nb = DRAFTER.draft(action, "Når kommer brøytebilen?", "nb")
    nn = DRAFTER.draft(action, "Når kommer brøytebilen?", "nn")
    assert nb and nn and nb != nn
    assert "Hilsen Birkenes kommune" in nb and "Helsing Birkenes kommune" in nn
    assert "{{" not in nb + nn and "{%" not in nb + nn


def test_unknown_language_gets_bokmal():
    assert DRAFTER.draft("thank", "Takk!", "unknown") == DRAFTER.draft("thank", "Takk!", "nb")
    assert DRAFTER.draft("thank", "Takk!", None) == DRAFTER.draft("thank", "Takk!", "nb")


def test_answer_and_correct_are_drafts_to_complete_thank_is_complete():
    answer = DRAFTER.draft("answer", "Når åpner biblioteket?", "nb")
    correct = DRAFTER.draft("correct", "Biblioteket er lagt ned", "nb")
    thank = DRAFTER.draft("thank", "Tusen takk til biblioteket!", "nb")
    assert needs_completion(answer) and "[fyll inn svar]" in answer
    assert needs_completion(correct)
    assert not needs_completion(thank)
    # the topic is acknowledged with a fixed label
    assert "spørsmålet om biblioteket" in answer
    assert "biblioteket" in thank


def test_refer_points_to_the_formal_channel_by_referral_mode():
    refer = DRAFTER.draft("refer", "Når får jeg svar på byggesøknaden min?", "nb")
    assert POLICY.contact.email in refer and POLICY.contact.web_form in refer
    assert "enkeltsaker" in refer
    assert "byggesøknad" not in refer  # says nothing about the case
    data = POLICY.model_dump()
    data["settings"]["referral_mode"] = "municipality_forwards"
    forwards = ReplyDrafter(policy_from_dict(data)).draft("refer", "Min søknad?", "nn")
    assert "vidare til rett avdeling" in forwards
    assert POLICY.contact.web_form not in forwards


def test_refer_political_points_to_the_recommendation_and_process():
    reply = DRAFTER.draft("refer_political", "Hva mener dere om å legge ned skolen?", "nb")
    assert "kommunedirektøren" in reply and "innstilling" in reply
    assert POLICY.links.political_documents in reply
    assert "egne vurderinger" in reply


def test_link_website_chooses_budget_or_organisation_page():
    budget = DRAFTER.draft("link_website", "Hvor mye kostet rundkjøringen?", "nb")
    org = DRAFTER.draft("link_website", "Hvor mange ansatte har kommunen i hver enhet?", "nb")
    assert POLICY.links.budget in budget and POLICY.links.organisation not in budget
    assert POLICY.links.organisation in org


def test_topic_labels_come_from_the_table_not_the_text():
    assert topic_of("Broeyting i Vegusdal?", "nb") == "brøyting"  # æøå folded
    assert topic_of("Kor tid kjem bussen?", "nn") == "skyss"
    assert topic_of("Hei på deg", "nb") is None


SENSITIVE_TEXTS = [
    ("Fødselsnummeret mitt er 03045551244, når får jeg svar på startlånet?", "03045551244"),
    ("Jeg har MS og lurer på når brøytebilen kommer", "MS"),
    ("Kontonummeret mitt er 1503.15.90831, når kommer tilbakebetalingen?", "1503.15.90831"),
]


@pytest.mark.parametrize("text,secret", SENSITIVE_TEXTS)
def test_replies_never_quote_sensitive_text(text, secret):
    from somevakt.processing import CommentProcessor

    proc = CommentProcessor(policy=POLICY)
    rec = proc.process(InputRecord(1, "x", text, None, None, {}))
    # Whatever category the comment gets, no draft for any action may carry the secret.
    for action in ("answer", "correct", "thank", "refer", "refer_political", "link_website"):
        assert secret not in DRAFTER.draft(action, text, "nb")
    assert rec["reply"] is None or secret not in rec["reply"]
