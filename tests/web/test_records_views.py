"""The audit log page: filters, and CSV and JSON export."""

from __future__ import annotations

import csv
import io
import itertools
import json

from django.urls import reverse

from somevakt.web.records.audit import record_event
from tests.web.factories import make_account


def _content(response):
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_filters_by_person_kind_object_and_period(client, municipality):
    account = make_account(municipality, "assessed")
    record_event(municipality.users["arkiv"], "archive.decided", account, reason="Journalføres")
    client.force_login(municipality.users["arkiv"])
    url = reverse("records:events")

    page = client.get(url).content.decode()
    assert "3 hendelser" in page and "archive.decided" in page

    page = client.get(url, {"person": municipality.users["enhetsleder"].pk}).content.decode()
    assert "1 hendelse" in page and "<code>account.assess</code>" in page and "<code>account.submit</code>" not in page

    page = client.get(url, {"kind": "account.submit"}).content.decode()
    assert "1 hendelse" in page

    page = client.get(url, {"object_type": "accounts.officialaccount", "object_id": str(account.pk)}).content.decode()
    assert "3 hendelser" in page
    page = client.get(url, {"object_type": "accounts.officialaccount", "object_id": "999"}).content.decode()
    assert "Ingen hendelser passer" in page

    page = client.get(url, {"date_from": "2000-01-01", "date_to": "2000-12-31"}).content.decode()
    assert "Ingen hendelser passer" in page


def test_csv_export_follows_the_filter(client, municipality):
    make_account(municipality, "assessed")
    client.force_login(municipality.users["radmann"])
    response = client.get(reverse("records:export_csv"), {"kind": "account.assess"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(_content(response))))
    assert [r["kind"] for r in rows] == ["account.assess"]
    assert rows[0]["actor_name"] == "enhetsleder" and len(rows[0]["hash"]) == 64
    assert json.loads(rows[0]["data"])["recommendation"] == "recommend"


def test_json_export_has_the_whole_chain(client, municipality):
    make_account(municipality, "active")
    client.force_login(municipality.users["radmann"])
    events = json.loads(_content(client.get(reverse("records:export_json"))))["events"]
    assert [e["seq"] for e in events] == [1, 2, 3, 4]
    assert events[0]["prev_hash"] == "0" * 64
    assert all(b["prev_hash"] == a["hash"] for a, b in itertools.pairwise(events))
