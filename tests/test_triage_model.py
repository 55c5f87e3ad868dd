"""The triage model: its units and text vector, the batch scorer built on per-unit parts
(the same floats for a text alone or in any batch, whatever the cache holds), the training
script's vectors, evidence ranking and the artefact format."""

from __future__ import annotations

import importlib.util
import json
import math
import random
import shutil
from collections import Counter
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from somevakt.analysis import triage_model
from somevakt.analysis.normalize import fold
from somevakt.analysis.triage_model import (
    DEFAULT_MODEL_DIR,
    LinearTriageModel,
    ScoredBatch,
    _segment_sums,
    _side_rows,
    side_features,
    text_units,
    text_vector,
    unit_features,
)
from somevakt.analysis.triage_signals import find_signals
from tests.test_triage_speed_paths import EDGE_TEXTS

REPO = Path(__file__).resolve().parents[1]

# The triage edge cases (empty, emoji, filter tricks, a long text), and two plain ones.
TEXTS = [*EDGE_TEXTS, "Når åpner biblioteket på lørdager?", "qqqzx vvvwk"]


def _batch_input(texts: list[str]) -> tuple[list[str], list[set[str]]]:
    return (
        [fold(t).text for t in texts],
        [side_features(t, find_signals(t), None, fold(t).text) for t in texts],
    )


def _fresh() -> LinearTriageModel:
    return LinearTriageModel.load(DEFAULT_MODEL_DIR)


def _scored_parts(text: str) -> tuple[LinearTriageModel, triage_model._WordParts]:
    """A fresh model that has scored ``text``, and the word parts it cached doing so."""
    model = _fresh()
    model.score_folded_many(*_batch_input([text]))
    parts = model._word_parts
    assert parts is not None
    return model, parts


# --- units and the text vector --------------------------------------------------------------


def test_text_units_are_words_bigrams_and_symbols_in_order() -> None:
    units = text_units("Ja, ja 12 kr!")
    assert list(units.items()) == [
        ("w:ja", 2),
        ("w:00", 1),
        ("w:kr", 1),
        ("b:<s> ja", 1),
        ("b:ja ja", 1),
        ("b:ja 00", 1),
        ("b:00 kr", 1),
        ("b:kr </s>", 1),
        ("y:!", 1),
    ]


def test_text_units_of_an_empty_text_is_the_empty_bigram() -> None:
    assert text_units("") == Counter({"b:<s> </s>": 1})


def test_unit_features_of_a_word_are_its_word_and_char_ngrams() -> None:
    vocab = {"w:aa": 0, "c: a": 1, "c:aa": 2, "c:zz": 3}
    # " aa ": " a" once, "aa" once; "c:zz" is not in the word.
    assert unit_features("w:aa", vocab) == Counter({0: 1, 1: 1, 2: 1})
    assert unit_features("w:aaa", vocab) == Counter({1: 1, 2: 2})


def test_unit_features_of_unknown_units_are_empty() -> None:
    vocab = {"w:aa": 0, "b:aa bb": 1}
    assert unit_features("w:qq", vocab) == Counter()
    assert unit_features("b:aa cc", vocab) == Counter()
    assert unit_features("b:aa bb", vocab) == Counter({1: 1})


def test_text_vector_norm_treats_units_as_disjoint() -> None:
    vocab = {"w:aa": 0, "c:aa": 1, "b:aa aa": 2}
    idf = np.array([2.0, 1.0, 3.0])
    x = text_vector(Counter({"w:aa": 2, "b:aa aa": 1}), vocab, idf)
    tf = 1.0 + math.log(2)
    # word phi = (2, 1, 0): ||phi||^2 = 5; bigram phi = (0, 0, 3): 9
    norm = math.sqrt(tf * tf * 5 + 9)
    assert x == pytest.approx({0: tf * 2 / norm, 1: tf / norm, 2: 3 / norm})


def test_text_vector_without_known_units_is_empty() -> None:
    assert text_vector(Counter({"w:qq": 3}), {"w:aa": 0}, np.array([1.0])) == {}


# --- the scorer's tokens ----------------------------------------------------------------------


def _regex_tokens(folded: str) -> list[str]:
    return triage_model._WORD_RE.findall(folded) + triage_model._FEATURE_SYMBOL_RE.findall(folded)


@pytest.mark.parametrize(
    "folded",
    [
        "",
        " . , ",
        "hei, du! kl. 10:30 (sant?) 50% a_b",  # ASCII: the byte path
        "takk 👍👍 flott – ja ❤️",  # non-ASCII symbols only: the byte path
        "grüß dich!",  # a non-ASCII letter: the regexes
        "x² og 3½",  # non-ASCII digits are word characters
        "a\u00a0b\u2009c\u3000d",  # non-ASCII spaces separate words
        "a\x1cb\x1fc",  # ASCII separators that are spaces to str and re alike
        "a\ud800b",  # a lone surrogate is a symbol
    ],
)
def test_tokens_are_words_then_symbols_as_the_regexes_find_them(folded: str) -> None:
    assert triage_model._tokens(folded) == _regex_tokens(folded)


def test_tokens_of_mixed_texts_group_words_before_symbols() -> None:
    assert triage_model._tokens("hei! du? 😊 ok") == ["hei", "du", "ok", "!", "?", "😊"]
    assert triage_model._tokens("grüß! ok") == ["grüß", "ok", "!"]


def test_tokens_agree_with_the_regexes_on_random_text() -> None:
    rnd = random.Random(7)
    pool = [*"ab1_ .,?!-\t\n", *"üß²😊–", "\u00a0", "\u2009", "\ufe0f", "\ud800"]
    for _ in range(3000):
        folded = "".join(rnd.choice(pool) for _ in range(rnd.randint(0, 10)))
        assert triage_model._tokens(folded) == _regex_tokens(folded), repr(folded)


# --- the batch scorer ------------------------------------------------------------------------


@pytest.mark.parametrize("size", [2, 5, 11])
def test_a_text_scores_alone_as_in_any_batch(size: int) -> None:
    model = _fresh()
    folded, sides = _batch_input(TEXTS)
    for lo in range(0, len(TEXTS), size):
        batch = model.score_folded_many(folded[lo : lo + size], sides[lo : lo + size])
        for j in range(len(folded[lo : lo + size])):
            one = model.score_folded_many([folded[lo + j]], [sides[lo + j]])
            assert np.array(one.probs[0]).tobytes() == np.array(batch.probs[j]).tobytes()
            for k in range(len(model.classes)):
                assert one.top_words(0, k) == batch.top_words(j, k)


def test_an_empty_batch_scores_nothing_and_texts_without_tokens_score() -> None:
    model = _fresh()
    empty = model.score_folded_many([], [])
    assert empty.probs == [] and empty.top_words_many([]) == []
    scored = model.score_folded_many(["", ". ,", "?"], [set(), set(), set()])
    assert len(scored.probs) == 3 and scored.n_words == [0, 0, 0]
    assert scored.top_words_many([(0, 0), (2, 1)]) == [[], []]


def test_scores_do_not_depend_on_what_the_cache_holds() -> None:
    folded, sides = _batch_input(TEXTS)
    cold = _fresh().score_folded_many(folded, sides)
    warmed = _fresh()
    warmed.score_folded_many(folded[::-1], sides[::-1])  # other rows for the same words
    warm = warmed.score_folded_many(folded, sides)
    assert np.array(cold.probs).tobytes() == np.array(warm.probs).tobytes()


def test_a_full_word_cache_is_replaced(monkeypatch) -> None:
    folded, sides = _batch_input(TEXTS)
    expected = _fresh().score_folded_many(folded, sides).probs
    monkeypatch.setattr(triage_model, "_WORD_CACHE_SIZE", 3)
    model = _fresh()
    most = 0
    for i in range(len(folded)):
        got = model.score_folded_many([folded[i]], [sides[i]])
        assert np.array(got.probs[0]).tobytes() == np.array(expected[i]).tobytes()
        parts = model._word_parts
        assert parts is not None
        # Room for the cache size or two codes per token of a batch, whichever is more.
        most = max(most, len(triage_model._tokens(folded[i])))
        assert len(parts.words) <= len(parts.codes) <= parts.capacity <= max(3, 2 * most)


def test_numbers_share_the_row_of_their_mapped_form() -> None:
    _, parts = _scored_parts("Det kostet 2024 kroner i 1999")
    assert parts.codes["2024"] == parts.codes["1999"] == parts.codes["0000"]
    assert "0000" in parts.words
    assert "2024" not in parts.words and "1999" not in parts.words


def test_word_parts_look_up_cached_codes_and_no_code_for_others() -> None:
    _, parts = _scored_parts("Hei på deg!")
    codes = parts.lookup(["deg", "qqqzx", "!", "hei"])
    assert codes.tolist() == [
        parts.codes["deg"],
        triage_model._NO_CODE,
        parts.codes["!"],
        parts.codes["hei"],
    ]
    assert parts.lookup([]).tolist() == []


def test_symbols_are_coded_by_their_feature_row() -> None:
    model, parts = _scored_parts("Hæ?! 🦄🦄")
    question = model.text_vocab["y:?"]
    assert parts.codes["?"] == -(question + 2)
    assert "🦄" not in {t[2:] for t in model.text_vocab} and parts.codes["🦄"] == -1
    assert parts.codes["ha"] >= 0  # ("hæ" folded)


def test_side_rows_are_in_row_order_and_skip_unknown_features() -> None:
    tables = _fresh()._current_tables()
    known = sorted(tables.side_rows, key=tables.side_rows.__getitem__)[:3]
    rows, owner = _side_rows(tables, [{known[2], "first:qqqzx", known[0]}, set(), {known[1]}])
    assert rows.tolist() == [tables.side_rows[known[i]] for i in (0, 2, 1)]
    assert owner.tolist() == [0, 0, 2]


def test_a_text_without_known_units_scores_by_its_side_features() -> None:
    model = _fresh()
    side = {"len:short"}
    probs = model.score_folded_many(["qqqzx"], [side]).probs[0]
    logits = model.intercept + model.coef[:, model.n_text + model.side_vocab["len:short"]]
    e = np.exp(logits - logits.max())
    assert probs == pytest.approx((e / e.sum()).tolist(), abs=1e-12)


def test_replaced_coefficients_are_used() -> None:
    model = _fresh()
    folded, sides = _batch_input(["Når åpner biblioteket?"])
    model.score_folded_many(folded, sides)
    model.coef = np.zeros_like(model.coef)
    model.intercept = np.zeros_like(model.intercept)
    probs = model.score_folded_many(folded, sides).probs[0]
    assert probs == pytest.approx([1 / len(model.classes)] * len(model.classes))


def test_segment_sums_add_each_texts_rows_and_leave_others_zero() -> None:
    values = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    out = _segment_sums(values, np.array([0, 0, 2]), 4)
    assert out.tolist() == [[4.0, 6.0], [0.0, 0.0], [5.0, 6.0], [0.0, 0.0]]


def test_segment_sums_of_no_rows_are_zero() -> None:
    assert _segment_sums(np.empty((0, 2)), np.empty(0, dtype=np.int64), 2).tolist() == [
        [0.0, 0.0],
        [0.0, 0.0],
    ]


# --- evidence ranking --------------------------------------------------------------------------


def _batch(values: list[float], rows: list[int], n_words: int) -> ScoredBatch:
    parts = np.array([[v] for v in values])
    words = ["aa", "bb", "cc", "dd"]
    return ScoredBatch(
        [[1.0]], np.array(rows), parts, np.ones(1), [0, len(rows)], [n_words], words, 10
    )


def test_top_words_rank_by_contribution_then_word() -> None:
    # Rows from 10 are the words, first among a text's units; row 3 is a bigram.
    batch = _batch([0.5, 0.9, 0.5, 2.0], [13, 11, 10, 3], 3)
    assert batch.top_words(0, 0) == [(0.9, "bb"), (0.5, "aa"), (0.5, "dd")]


def test_top_words_are_at_most_n() -> None:
    batch = _batch([0.1, 0.4, 0.3, 0.2], [10, 11, 12, 13], 4)
    assert batch.top_words(0, 0) == [(0.4, "bb"), (0.3, "cc"), (0.2, "dd")]
    assert batch.top_words(0, 0, n=1) == [(0.4, "bb")]


def test_top_words_leave_out_words_against_the_class() -> None:
    batch = _batch([-0.5, 0.0, 0.3], [10, 11, 3], 2)
    assert batch.top_words(0, 0) == []


def _two_texts() -> ScoredBatch:
    # Text 0: words aa, bb, cc (rows 10-12) and a bigram (row 3); text 1: words dd, aa.
    # Text 0's norm is 2: its units' shares are half their parts.
    parts = np.array(
        [[0.4, -0.2], [1.4, 0.0], [0.4, 0.6], [10.0, 10.0], [0.4, 0.4], [-0.2, 0.6]]
    )
    rows = np.array([10, 11, 12, 3, 13, 10])
    words = ["aa", "bb", "cc", "dd"]
    norms = np.array([2.0, 1.0])
    return ScoredBatch([[1.0, 0.0]] * 2, rows, parts, norms, [0, 4, 6], [3, 2], words, 10)


def test_top_words_many_gives_top_words_of_each_request() -> None:
    batch = _two_texts()
    wanted = [(1, 1), (0, 0), (0, 1), (1, 0), (0, 0)]
    assert batch.top_words_many(wanted) == [batch.top_words(i, k) for i, k in wanted]
    assert batch.top_words_many(wanted, n=1) == [
        [(0.6, "aa")],
        [(0.7, "bb")],
        [(0.3, "cc")],
        [(0.4, "dd")],
        [(0.7, "bb")],
    ]


def test_top_words_many_ranks_ties_at_the_cut_by_the_word() -> None:
    # Four words, three tied for the second place: the word decides which two are kept.
    batch = _batch([0.5, 0.5, 0.9, 0.5], [13, 11, 12, 10], 4)
    assert batch.top_words_many([(0, 0)]) == [[(0.9, "cc"), (0.5, "aa"), (0.5, "bb")]]
    assert batch.top_words_many([(0, 0)], n=2) == [[(0.9, "cc"), (0.5, "aa")]]


def test_top_words_many_without_requests_or_positive_words() -> None:
    batch = _two_texts()
    assert batch.top_words_many([]) == []
    assert batch.top_words_many([(0, 0), (1, 1)], n=0) == [[], []]
    negative = _batch([-0.5, 0.0], [10, 11], 2)
    assert negative.top_words_many([(0, 0), (0, 0)]) == [[], []]


# --- training and the artefact ----------------------------------------------------------------


def _train_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "train_triage", REPO / "scripts" / "train_triage.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_scorer_gives_sklearns_probabilities_on_training_rows() -> None:
    pytest.importorskip("sklearn")
    train = _train_script()
    lines = (REPO / "data" / "triage" / "train.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines[::10]]
    features = train.Features(records)
    y = np.array([train.CATEGORIES.index(r["category"]) for r in records])
    clf, vocab, idf, side_vocab = train.fit(features, y, 30.0, 2)
    model = train.to_model(clf, vocab, idf, side_vocab)
    reference = clf.predict_proba(train.matrix(features, vocab, idf, side_vocab)[:20])
    folded = [fold(r["text"]).text for r in records[:20]]
    scored = model.score_folded_many(folded, features.sides[:20])
    assert np.abs(np.array(scored.probs) - reference).max() < 1e-9


def test_a_saved_model_loads_with_the_same_scores(tmp_path: Path) -> None:
    model = _fresh()
    model.save(tmp_path)
    folded, sides = _batch_input(TEXTS)
    again = LinearTriageModel.load(tmp_path).score_folded_many(folded, sides)
    before = model.score_folded_many(folded, sides)
    assert np.array(again.probs).tobytes() == np.array(before.probs).tobytes()


def test_an_artefact_of_the_old_format_is_refused(tmp_path: Path) -> None:
    shutil.copy(DEFAULT_MODEL_DIR / "weights.npz", tmp_path / "weights.npz")
    vocab = json.loads((DEFAULT_MODEL_DIR / "vocab.json").read_text(encoding="utf-8"))
    vocab["format_version"] = 1
    (tmp_path / "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
    with pytest.raises(ValueError, match=r"format_version 1.*retrain"):
        LinearTriageModel.load(tmp_path)
