"""The fast paths of triage give exactly what the plain paths give.

- the pattern pre-check (``PatternGate``) against running each pattern over the whole text;
- batch classification and batch records against one text at a time.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from somevakt.analysis import Analyzer
from somevakt.analysis.classify import TriageClassifier
from somevakt.analysis.normalize import fold
from somevakt.analysis.triage_signals import (
    _CHAR_KINDS,
    _GATE,
    _GROUP,
    _GROUP_RE,
    _HOSTILE,
    _HOSTILE_RE,
    _HOSTILE_STRONG_RE,
    _HOSTILE_WEAK_RE,
    _LEET,
    _LEET_TOKEN_RE,
    _QUESTION_RE,
    _REPEAT_TOKEN_RE,
    _RUN_OR_LEET_TOKEN_RE,
    _SLUR,
    _SPACED_RE,
    _STAFF,
    _STAFF_RE,
    _STRIP,
    _STRONG,
    _TRIPLE_RE,
    _WEAK,
    MAY_LEET,
    MAY_REPEAT,
    MAY_RUN,
    PatternGate,
    _all_matches,
    _first_question_form,
    _necessary_prefixes,
    _sentence_bounds,
    _sentence_gate,
    _sentences_holding,
    _tricky_tokens,
    find_signals,
    find_signals_many,
    token_hints_many,
)
from somevakt.jsonl import InputRecord
from somevakt.processing import CommentProcessor
from somevakt.replies import topics

DATA = Path(__file__).resolve().parents[1] / "data" / "triage"

EDGE_TEXTS = [
    "",
    "   ",
    "?",
    "Hei! Når åpner Birkenes bibliotek 12. desember kl. 10? 😊",
    "Sønnen min (12) har ADHD og NAV sier nei… idiooot 1d10t i d i o t",
    "aaa bbb aaa bbb 2024 2025 €€€ $$$ ||| !!!",
    "Jeg har hørt at de skal legge ned skolen, stemmer det? " * 12,
    "takk takk takk 👍👍 flott flott",
    "du er en taper, vi vet hvor du bor",
    "ta med hagla, som juling, enn juling, juling!",
    "f i t t e k j e r r i n g og h0re og jødesvin",
]


def _texts(limit: int = 160) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = [(t, None) for t in EDGE_TEXTS]
    for name in ("heldout.jsonl", "heldout2.jsonl"):
        lines = (DATA / name).read_text(encoding="utf-8").splitlines()[: limit // 2]
        out += [(r["text"], r.get("context")) for r in map(json.loads, lines)]
    return out


@pytest.fixture(scope="module")
def clf() -> TriageClassifier:
    return TriageClassifier()


@pytest.fixture(scope="module")
def texts() -> list[tuple[str, str | None]]:
    return _texts()


def test_classify_many_is_classify_one_by_one(clf, texts) -> None:
    analyzer = Analyzer()
    subset = texts[:60]
    analyses = [analyzer.analyze(t) for t, _ in subset]
    many = clf.classify_many([t for t, _ in subset], analyses, [c for _, c in subset])
    for (text, context), analysis, got in zip(subset, analyses, many, strict=True):
        assert got == clf.classify(text, analysis, context)


def test_repeated_comments_classify_as_each_alone(clf, texts) -> None:
    """A repeated text's result is its own: the same text under another post, or with
    another analysis, decides for itself."""
    analyzer = Analyzer()
    base = texts[:40]
    sensitive = "Kari Nordmann har kreft, hørte jeg."
    subset = [*base, *base[::3], *[(t, "Julegateåpning 28. november") for t, _ in base[:10]]]
    subset += [(sensitive, None)] * 3
    analyses = [analyzer.analyze(t) for t, _ in subset]
    # The last copy as if its analysis had found nothing: its decision is its own.
    analyses[-1] = analyzer.analyze("Takk for hjelpen.")
    many = clf.classify_many([t for t, _ in subset], analyses, [c for _, c in subset])
    for (text, context), analysis, got in zip(subset, analyses, many, strict=True):
        assert got == clf.classify(text, analysis, context)
    assert many[-2].category == "sensitive" and many[-1].category != "sensitive"
    assert many[-2].evidence is not many[-3].evidence


def test_batch_records_are_single_records(texts) -> None:
    processor = CommentProcessor()
    recs = [InputRecord(i, f"r{i}", t, c, None, {}) for i, (t, c) in enumerate(texts[:60])]
    analyses = processor.analyzer.analyze_many([r.text for r in recs], [None] * len(recs))
    batch = processor._records(recs, analyses)
    for rec, analysis, out in zip(recs, analyses, batch, strict=True):
        assert json.dumps(out, ensure_ascii=False) == json.dumps(
            processor._record(rec, analysis), ensure_ascii=False
        )
        assert out["redacted"] == analysis.redacted


def _fuzz_texts(rx: re.Pattern[str], n: int, seed: int) -> list[str]:
    """Texts made of the pattern's own prefixes, near misses and noise."""
    found = _necessary_prefixes(rx)
    assert found is not None
    prefixes = sorted(found[0] | found[1])
    rng = random.Random(seed)
    glue = [" ", "  ", "-", "_", ".", ", ", "\n", "x", "0", "som ", "enn en ", "æ", "🙏", "?"]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 6)):
            p = rng.choice(prefixes)
            p = p[: rng.randint(1, len(p))] if rng.random() < 0.3 else p
            parts += [rng.choice(glue), p, rng.choice(["", "er", "ene", " deg", " at", " det"])]
        out.append("".join(parts))
    return out


def test_pattern_gate_finds_every_match(texts) -> None:
    corpus = [fold(t).text for t, _ in texts] + [fold(c).text for _, c in texts if c]
    for i, rx in enumerate(_GATE.patterns):
        bit = 1 << i
        assert _necessary_prefixes(rx) is not None  # the pre-check is in use
        for text in corpus + _fuzz_texts(rx, 400, seed=i):
            got = [m.span() for m in _GATE.scan(text).finditer(bit)]
            assert got == [m.span() for m in rx.finditer(text)], (rx.pattern[:40], text)


def test_sentence_gate_bits_name_its_patterns() -> None:
    gate = _sentence_gate()
    named = dict(zip((_GROUP, _STRONG, _WEAK, _STAFF), gate.patterns, strict=True))
    assert named == {
        _GROUP: _GROUP_RE,
        _STRONG: _HOSTILE_STRONG_RE,
        _WEAK: _HOSTILE_WEAK_RE,
        _STAFF: _STAFF_RE,
    }
    assert [1 << i for i in range(len(gate.patterns))] == list(named)


def test_gate_compiles_each_scan_on_first_use() -> None:
    gate = PatternGate({"hostile": _HOSTILE_RE})
    assert gate._scans == {}
    gate.scan("ingen ord her")  # (ASCII words only: the re.ASCII scan)
    assert list(gate._scans) == [True]
    text = "grüß: ikke bra"
    got = [m.span() for m in gate.scan(text).finditer(1)]
    assert list(gate._scans) == [True, False]
    assert got == [m.span() for m in _HOSTILE_RE.finditer(text)]


def test_sentence_gate_finds_every_match(texts) -> None:
    corpus = [fold(t).text for t, _ in texts]
    for i, rx in enumerate(_sentence_gate().patterns):
        bit = 1 << i
        assert _necessary_prefixes(rx) is not None  # the pre-check is in use
        for text in corpus + _fuzz_texts(rx, 300, seed=50 + i):
            can = _sentence_gate().scan(text)
            assert [m.span() for m in can.finditer(bit)] == [m.span() for m in rx.finditer(text)]
            first = rx.search(text)
            assert (can.first(bit) and can.first(bit).span()) == (first and first.span()), text


def test_candidates_first_is_none_without_a_match() -> None:
    can = _GATE.scan("vanlige ord om vaer og vind")
    assert can.first(_HOSTILE) is None
    assert can.first(_SLUR) is None
    hit = _GATE.scan("de er late").first(_HOSTILE)
    assert hit is not None and hit.group() == "er late"


def test_gate_tells_word_starts_after_letters_beyond_ascii() -> None:
    """The scan tests \\W the cheaper ASCII way only in a text without a word character
    beyond ASCII: no word begins after "ü" or "ж", one does after an emoji or a space."""
    for text in ["üidiot", "du er ein жidiot", "ßhore ßhore"]:
        assert not _GATE.scan(text).may_match(_SLUR), text
    for text in ["🙏idiot", "ü idiot", "«hore»", "жж idiot"]:
        assert _GATE.scan(text).may_match(_SLUR), text


def test_gate_finds_every_match_around_letters_beyond_ascii() -> None:
    rng = random.Random(3)
    for i, rx in enumerate(_GATE.patterns):
        for text in _fuzz_texts(rx, 100, seed=i):
            text = "".join(c if rng.random() > 0.1 else rng.choice("üжß🙏«–") + c for c in text)
            got = [m.span() for m in _GATE.scan(text).finditer(1 << i)]
            assert got == [m.span() for m in rx.finditer(text)], (rx.pattern[:40], text)


def test_all_matches_is_finditer() -> None:
    rng = random.Random(11)
    texts = ["", " ", "i d i o t", "a b-!-c d", "kl. 18.30, ok?", "üidiot 🙏 takk"]
    texts += ["".join(rng.choices("ab1 .-_*,/\t\n!€ü🙏", k=rng.randint(0, 30))) for _ in range(500)]
    patterns = [_SPACED_RE, _RUN_OR_LEET_TOKEN_RE, _LEET_TOKEN_RE, re.compile(r"\w+|\W")]
    for rx in patterns:
        for text in texts:
            got = [(m.span(), m.groups()) for m in _all_matches(rx, text)]
            assert got == [(m.span(), m.groups()) for m in rx.finditer(text)], (rx.pattern, text)


def test_all_matches_finds_nothing_where_nothing_matches() -> None:
    assert _all_matches(_SPACED_RE, " vanlige ord") == []
    assert _all_matches(re.compile("x"), "") == []


def test_tricky_tokens_are_those_of_each_pattern_alone() -> None:
    """One pass finds the spaced runs and the leet tokens that _SPACED_RE and _LEET_TOKEN_RE
    find each on its own, also a leet token inside a run ("a b-!-c d") and a run that
    begins inside a run."""
    rng = random.Random(13)
    pieces = ["i d i o t", "h-0-r-e", "a b-!-c d", "1d10t", "idiooot", "x", "e", "!", "7"]
    pieces += [" ", " ", "\n", ".", "-", "/", "ord", "takk!", "12.03", "___"]
    texts = ["", "a b-!-c d", "x y z 1d10t", "i d i o t i d 1 o t", "a b c-1-x d e"]
    texts += ["".join(rng.choices(pieces, k=rng.randint(1, 9))) for _ in range(3000)]
    texts += ["".join(rng.choices("ab1 .-_*,/!", k=rng.randint(0, 25))) for _ in range(3000)]
    for text in texts:
        padded = " " + text
        runs, tokens = _tricky_tokens(text, padded)
        assert [m.span() for m in runs] == [m.span() for m in _SPACED_RE.finditer(padded)], text
        want: dict[int, str] = {}
        for rx in (_LEET_TOKEN_RE, _REPEAT_TOKEN_RE):
            want.update((m.start("token") - 1, m["token"]) for m in rx.finditer(padded))
        assert tokens == sorted(want.items()), text


def test_tricky_tokens_skip_plain_words() -> None:
    assert _tricky_tokens("vanlige ord her", " vanlige ord her") == ([], [])


def _hint_texts(seed: int) -> list[str]:
    """Texts of spaced runs, leet and repeated letters, their near misses, and characters the
    batch check must not confuse (NUL, which joins the texts; whitespace beyond ASCII;
    characters beyond the BMP; a lone surrogate)."""
    rng = random.Random(seed)
    pieces = ["i d i o t", "h-0-r-e", "a..b c", "1d10t", "idiooot", "__x", "takk!", "12.03"]
    pieces += [" ", "\n", "\u3000", "\u2028", "\0", "x", "!", "€", "é", "🙏", "\ud800", "-", "."]
    texts = ["", " ", "\0", "aaa", "a a a", "a\0a\0a", "2024 kl 16", *EDGE_TEXTS]
    texts += ["".join(rng.choices(pieces, k=rng.randint(1, 8))) for _ in range(2000)]
    texts += ["".join(rng.choices("ab1 .-_*,/!\0", k=rng.randint(0, 16))) for _ in range(2000)]
    return texts


def test_token_hints_unset_only_where_the_regex_finds_nothing() -> None:
    texts = _hint_texts(17)
    for lo in range(0, len(texts), 97):  # (batches of several sizes, texts at every place)
        batch = texts[lo : lo + 1 + lo % 200]
        for text, hints in zip(batch, token_hints_many(batch), strict=True):
            padded = " " + text
            assert bool(hints & MAY_REPEAT) == (_TRIPLE_RE.search(text) is not None), text
            if not hints & MAY_RUN:
                assert _SPACED_RE.search(padded) is None, text
            if not hints & MAY_LEET:
                assert _LEET_TOKEN_RE.search(padded) is None, text


def test_token_hints_set_where_the_regex_finds_something() -> None:
    texts = ["vanlige ord", "i d i o t", "1d10t", "idiooot", "kl 16 i 2024"]
    assert token_hints_many(texts) == [0, MAY_RUN, MAY_LEET, MAY_REPEAT, 0]
    assert token_hints_many([]) == []


def test_char_kinds_cover_every_character_of_their_kinds() -> None:
    """Codes beyond the table count as its last entry: none of the kinds."""
    beyond = range(len(_CHAR_KINDS) - 1, 0x110000)
    assert _CHAR_KINDS[-1] == 0
    assert not [c for c in beyond if chr(c).isspace() or c in _LEET or chr(c) in _STRIP]


def test_tricky_tokens_with_hints_are_those_without() -> None:
    texts = _hint_texts(5)
    for text, hints in zip(texts, token_hints_many(texts), strict=True):
        padded = " " + text
        runs, tokens = _tricky_tokens(text, padded, hints)
        want_runs, want_tokens = _tricky_tokens(text, padded)
        assert [m.span() for m in runs] == [m.span() for m in want_runs], text
        assert tokens == want_tokens, text


def test_find_signals_many_is_find_signals_one_by_one(texts) -> None:
    batch = [t for t, _ in texts] + _hint_texts(3)[:300]
    folds = [fold(t) for t in batch]
    many = find_signals_many(batch, folds)
    assert many == [find_signals(t) for t in batch]
    assert any(s.name == "slur" for signals in many for s in signals)


def test_sentences_holding_keeps_those_with_a_start() -> None:
    text = "hei der. de er late! ok\nsa videre"
    bounds = _sentence_bounds(text)
    assert bounds == [(0, 9), (9, 21), (21, 33)]
    assert _sentences_holding(text, [12]) == [(9, 21)]
    assert _sentences_holding(text, [0, 9, 32]) == bounds
    assert _sentences_holding(text, None) == bounds  # (no list of starts: all of them)


def test_sentences_holding_gives_a_sentence_with_several_starts_once() -> None:
    text = "hei der. de er late! ok\nsa videre"
    assert _sentences_holding(text, [9, 12, 15, 30]) == [(9, 21), (21, 33)]


def test_sentences_holding_drops_those_without_a_start() -> None:
    text = "hei der. de er late! ok\nsa videre"
    assert _sentences_holding(text, []) == []
    assert _sentences_holding(text, [40]) == []  # (past the end)


def test_gate_starts_of_lists_candidate_starts() -> None:
    can = _GATE.scan("de er late og dumme")
    starts = can.starts_of(_HOSTILE)
    assert starts is not None and {6, 14} <= set(starts)
    assert _GATE.scan("ingenting her").starts_of(_HOSTILE) == []


def test_skipped_sentences_hold_no_hostile_phrase(texts) -> None:
    """find_signals looks for hostility only in the sentences where _HOSTILE_RE may begin a
    match: no strong or weak hostile phrase is in any other sentence."""
    fuzz = _fuzz_texts(_HOSTILE_RE, 600, seed=7)
    corpus = [fold(t).text for t, _ in texts] + [
        ". ".join(fuzz[i : i + 5]) for i in range(0, len(fuzz), 5)
    ]
    for text in corpus:
        kept = set(_sentences_holding(text, _GATE.scan(text).starts_of(_HOSTILE)))
        for s0, s1 in _sentence_bounds(text):
            if (s0, s1) not in kept:
                sent = text[s0:s1]
                assert not _HOSTILE_STRONG_RE.search(sent), sent
                assert not _HOSTILE_WEAK_RE.search(sent), sent


def test_topic_gate_finds_the_same_topic(texts) -> None:
    def plain(text: str, lang: str) -> str | None:
        best = None
        for m in topics._ANY_TOPIC_RE.finditer(fold(text).text):
            i = int(m.lastgroup[1:]) if m.lastgroup else len(topics._TOPICS)
            best = i if best is None else min(best, i)
        if best is None or best >= len(topics._TOPICS):
            return None
        return topics._TOPICS[best][2 if lang == "nn" else 1]

    samples = [t for t, _ in texts] + _fuzz_texts(topics._ANY_TOPIC_RE, 300, seed=99)
    for text in samples:
        for lang in ("nb", "nn"):
            assert topics.topic_of(text, lang) == plain(text, lang), text


def test_question_form_is_the_first_regex_match(texts) -> None:
    for text in [fold(t).text.strip() for t, _ in texts] + ["hvor?", "a?b", "?hvor", " kor tid"]:
        m = _QUESTION_RE.search(text)
        assert _first_question_form(text) == (m.span() if m else None)
