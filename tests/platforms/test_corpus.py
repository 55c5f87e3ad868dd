"""The simulator's comment corpus: every category, both written forms, only fake numbers."""

from __future__ import annotations

import re
from collections import Counter

from stdnum.no import fodselsnummer, kontonr

from somevakt.platforms.simulator import load_corpus

CATEGORIES = {"sensitive", "discrimination", "rumor", "individual_case", "political",
              "budget_org", "factual_error", "question", "feedback", "other"}


def test_corpus_covers_every_category_and_both_written_forms() -> None:
    comments, posts = load_corpus()
    assert len(comments) >= 200 and len(posts) >= 5
    counts = Counter(c["category"] for c in comments)
    assert set(counts) == CATEGORIES and min(counts.values()) >= 20
    langs = Counter(c["lang"] for c in comments)
    assert langs["nn"] >= 30 and langs["nb"] >= 100
    assert sum(1 for c in comments if c.get("dialect")) >= 8
    assert all(c["author"] and c["text"].strip() for c in comments)
    assert len({c["id"] for c in comments}) == len(comments)
    assert len({c["text"] for c in comments}) == len(comments)


def test_identity_numbers_are_valid_but_fake() -> None:
    comments, _ = load_corpus()
    numbers = [m for c in comments for m in re.findall(r"(?<!\d)\d{11}(?!\d)", c["text"])]
    assert len(numbers) >= 5
    for n in numbers:
        assert fodselsnummer.is_valid(n)
        # Individual numbers 500-749 with a two-digit year 55-99: born 1855-1899, nobody alive.
        assert fodselsnummer.get_birth_date(n).year < 1900
    accounts = [m for c in comments for m in re.findall(r"\b\d{4}\.\d{2}\.\d{5}\b", c["text"])]
    assert accounts and all(kontonr.is_valid(a) and a.startswith("9999") for a in accounts)
