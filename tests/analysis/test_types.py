"""The analysis record: redaction and the output dict."""

from __future__ import annotations

from somevakt.analysis.types import HELSE, PERSON, TELEFON, Analysis, Finding


def test_without_a_sensitive_finding_the_redacted_text_is_the_text() -> None:
    text = "Kari Nordmann ringte"
    a = Analysis(text, "nb", [Finding(PERSON, 0, 13, "Kari Nordmann", 0.9)])
    assert a.redacted == text
    assert Analysis("", "unknown").redacted == ""
    assert a.to_dict() == {
        "lang": "nb",
        "findings": [
            {
                "type": PERSON,
                "start": 0,
                "end": 13,
                "text": "Kari Nordmann",
                "score": 0.9,
                "sensitive": False,
            }
        ],
        "redacted": text,
    }


def test_sensitive_findings_are_replaced_in_text_order() -> None:
    text = "Ring 912 34 567, hun har kreft og diabetes"
    findings = [
        Finding(HELSE, 34, 42, "diabetes", 0.8, sensitive=True),
        Finding(TELEFON, 5, 15, "912 34 567", 0.95, sensitive=True),
        Finding(HELSE, 25, 30, "kreft", 0.8123, sensitive=True, detail="lexicon"),
        Finding(HELSE, 27, 32, "eft o", 0.5, sensitive=True),  # overlaps "kreft": skipped
        Finding(PERSON, 17, 20, "hun", 0.4),  # not sensitive: stays
    ]
    a = Analysis(text, "nb", findings)
    assert a.redacted == "Ring [TELEFON], hun har [HELSE] og [HELSE]"
    d = a.to_dict()
    assert d["redacted"] == a.redacted
    assert [f["start"] for f in d["findings"]] == [34, 5, 25, 27, 17]  # as found
    assert d["findings"][2]["score"] == 0.812 and d["findings"][2]["detail"] == "lexicon"
