"""The fast paths of triage give exactly what the plain paths give.

- the batch model scoring (``score_folded_many``) against the one-text path, float for float;
- the pattern pre-check (``PatternGate``) against running each pattern over the whole text;
- batch classification and batch records against one text at a time.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import numpy as np
import pytest

from somevakt.analysis import Analyzer
from somevakt.analysis.classify import TriageClassifier
from somevakt.analysis.normalize import fold
from somevakt.analysis.triage_model import LinearTriageModel, side_features
from somevakt.analysis.triage_signals import (
    _GATE,
    _QUESTION_RE,
    _first_question_form,
    _necessary_prefixes,
    find_signals,
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


def _sides(texts: list[tuple[str, str | None]]) -> list[set[str]]:
    return [side_features(t, find_signals(t), c, fold(t).text) for t, c in texts]


def _lexsort_words(model: LinearTriageModel, cols: np.ndarray, contrib: np.ndarray) -> list:
    """The reference ranking: 12 largest, ties by column, then positive word features."""
    order = np.lexsort((cols, -contrib))[:12]
    order = order[(contrib[order] > 0) & model.word_columns()[cols[order]]]
    return list(zip(contrib[order].tolist(), cols[order].tolist(), strict=True))


@pytest.mark.parametrize("size", [2, 7, 64])
def test_batch_scores_are_the_one_text_floats(clf, texts, size: int) -> None:
    model = clf.model
    assert model is not None
    folded = [fold(t).text for t, _ in texts]
    sides = _sides(texts)
    for lo in range(0, len(texts), size):
        batch = model.score_folded_many(folded[lo : lo + size], sides[lo : lo + size])
        for j, (ft, side) in enumerate(
            zip(folded[lo : lo + size], sides[lo : lo + size], strict=True)
        ):
            probs, cols, contrib = model.logits_and_contributions_folded(ft, side)
            assert np.array(batch.probs[j]).tobytes() == probs.tobytes()
            a, b = batch.bounds[j], batch.bounds[j + 1]
            assert batch.cols[a:b].tolist() == cols.tolist()
            assert np.ascontiguousarray(batch.contrib[a:b].T).tobytes() == contrib.tobytes()
            for k in range(len(model.classes)):
                assert batch.top_words(j, k) == _lexsort_words(model, cols, contrib[k])


def test_classify_many_is_classify_one_by_one(clf, texts) -> None:
    analyzer = Analyzer()
    subset = texts[:60]
    analyses = [analyzer.analyze(t) for t, _ in subset]
    many = clf.classify_many([t for t, _ in subset], analyses, [c for _, c in subset])
    for (text, context), analysis, got in zip(subset, analyses, many, strict=True):
        assert got == clf.classify(text, analysis, context)


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
