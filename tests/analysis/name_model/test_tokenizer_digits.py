"""The tokenizer's fast path for chunks of digits: the same tokens as the rules give."""

from __future__ import annotations

import json
import random

import pytest

from somevakt.analysis.name_model.tokenizer import Tokenizer, _takes_no_ascii_digit
from somevakt.analysis.recognizers.person_name import MODEL_DIR

RULES_FILE = MODEL_DIR / "tokenizer_rules.json"


@pytest.fixture(scope="module")
def rules() -> dict:
    if not RULES_FILE.is_file():
        pytest.skip("no tokenizer_rules.json")
    return json.loads(RULES_FILE.read_text(encoding="utf-8"))


def _digit_strings() -> list[str]:
    rng = random.Random(7)
    drawn = ["".join(rng.choices("0123456789", k=rng.randint(1, 25))) for _ in range(500)]
    return [str(i) for i in range(1000)] + ["0" * 12, "00", "007", *drawn]


@pytest.mark.parametrize(
    "pattern",
    [r"^\+(?![0-9])|^\(", r"(?<=[0-9])(?:km|kg|%)$|\.\.+$", r"(?<=[0-9])[+\-*^](?=[0-9-])",
     r"[a-zæøå]", r"[\s,;]|\D", r"[^0-9]", r"(?<=\d)x(?=\d)"],
)
def test_patterns_that_cannot_take_a_digit(pattern: str) -> None:
    assert _takes_no_ascii_digit(pattern, nonempty=True)


@pytest.mark.parametrize(
    "pattern",
    [r"\d$", r"(?<=[0-9])00$", r"[0-5]", r"[/-:]", r"[^a-z]", r"\w", r".", r"[^\D]", r"(a)\1",
     r"(?>5)"],
)
def test_patterns_that_may_take_a_digit(pattern: str) -> None:
    assert not _takes_no_ascii_digit(pattern)


def test_an_infix_that_may_be_empty_may_split_digits() -> None:
    assert _takes_no_ascii_digit(r"(?=x)|-")
    assert not _takes_no_ascii_digit(r"(?=x)|-", nonempty=True)


def test_shipped_rules_keep_a_chunk_of_digits_whole(rules: dict) -> None:
    tokenizer = Tokenizer(rules)
    assert tokenizer._digits_stay_whole
    for chunk in _digit_strings():
        assert tokenizer._new_entry(chunk) == tokenizer._entry(
            tokenizer._tokenize_chunk(chunk, with_specials=True)
        ), chunk


def test_texts_with_numbers_get_the_same_tokens_with_and_without_the_fast_path(
    rules: dict,
) -> None:
    texts = [
        "Kontonr 4945 77 39531 – jeg venter.",
        "Ring 91234567 eller +47 912 34 567 (kl. 8-16), fnr 150386 43670 / 150386-43670.",
        "1 2 3 12.03.2024 8) :3 <3 0.0 17. mai 2024, 100kr og 5 %",
        " ".join(_digit_strings()),
    ]
    fast, slow = Tokenizer(rules), Tokenizer(rules)
    slow._digits_stay_whole = False
    assert [fast.tokenize(t) for t in texts] == [slow.tokenize(t) for t in texts]


def test_rules_that_split_digits_turn_the_fast_path_off(rules: dict) -> None:
    splitting = Tokenizer({**rules, "suffix_search": rules["suffix_search"] + r"|(?<=[0-9])00$"})
    assert not splitting._digits_stay_whole
    assert [t.text for t in splitting.tokenize("2500 kr")] == ["25", "00", "kr"]
    assert [t.text for t in Tokenizer(rules).tokenize("2500 kr")] == ["2500", "kr"]
