"""The numpy runtime of the person-name model against spaCy, which trained it.

spaCy is a development dependency: these tests compare with it where it is installed (it is
in `.[dev]`, so always in CI) and check the runtime's own pieces without it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pytest

from somevakt.analysis.name_model import network as network_module
from somevakt.analysis.name_model.hashing import StringIds, embedding_rows, murmurhash64a
from somevakt.analysis.name_model.model import NETWORK_FILE, NameModel
from somevakt.analysis.name_model.network import NameNetwork, weights_from_spacy, word_shape
from somevakt.analysis.recognizers.person_name import MODEL_DIR
from tests.analysis.name_model.corpora import norne_dev_sentences, triage_texts

EDGE_CASES = [
    "",
    " ",
    "Kari",
    "Hilsen Kari Nordmann",
    "Ola  Nordmann   og\nKari Hansen\n\nskrev til ordfører Haugland.",
    "ordfører Anne Karin Haugland (Ap) sa at Birkenes kommune må svare.",
    "  Per Olav Hansen  ",
    "Spør Tveit, seier Hugøy. Gulsum (28) kom fra Oslo.",
    "kari nordmann og ola hansen",
    "Hei @kari_n og #birkenes 🙂🙂 Jens Stoltenberg!!!",
    "Per's bok, Lise-Lotte Hansen-Berg og dr. Nilsen",
]


class Tok(NamedTuple):
    text: str
    norm: str
    start: int
    end: int


def _texts(norne: Path) -> list[str]:
    sentences = [" ".join(words) for words in norne_dev_sentences(norne)]
    return [*EDGE_CASES, *sentences, *triage_texts()]


@pytest.fixture(scope="module")
def nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    return spacy.load(MODEL_DIR, exclude=["tagger", "parser", "lemmatizer", "senter"])


@pytest.fixture(scope="module")
def texts(shared_dir: Path) -> list[str]:
    texts = _texts(shared_dir / "data" / "norne")
    assert len(texts) > 8000, "NorNE dev and the triage data should be here"
    return texts


def _spacy_entities(nlp: Any, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    docs = nlp.get_pipe("ner").pipe((nlp.make_doc(t) for t in texts), batch_size=256)
    return [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in docs]


def test_network_finds_what_spacy_finds_on_spacy_tokens(nlp: Any, texts: list[str]) -> None:
    network = NameNetwork.load(MODEL_DIR / NETWORK_FILE)
    docs = [
        [Tok(t.text, t.norm_, t.idx, t.idx + len(t.text)) for t in nlp.make_doc(x)] for x in texts
    ]
    expected = _spacy_entities(nlp, texts)
    got: list[list[tuple[int, int, str]]] = []
    for i in range(0, len(docs), 256):
        got += network.entities(docs[i : i + 256])
    differ = [(texts[i], expected[i], got[i]) for i in range(len(texts)) if expected[i] != got[i]]
    assert sum(map(len, expected)) > 1000
    assert differ == []


def test_model_matches_spacy_end_to_end_in_batches_and_one_at_a_time(
    nlp: Any, texts: list[str]
) -> None:
    model = NameModel.load(MODEL_DIR)
    expected = _spacy_entities(nlp, texts)
    batched: list[list[tuple[int, int, str]]] = []
    for i in range(0, len(texts), 256):
        batched += model.entities(texts[i : i + 256])
    assert [i for i in range(len(texts)) if batched[i] != expected[i]] == []
    sample = texts[:: max(1, len(texts) // 300)]
    assert [model.entities([t])[0] for t in sample] == _spacy_entities(nlp, sample)


def test_exported_weights_are_those_of_the_spacy_model(nlp: Any) -> None:
    """network.npz must be re-exported (scripts/export_person_ner.py) after a retrain."""
    fresh = weights_from_spacy(nlp)
    with np.load(MODEL_DIR / NETWORK_FILE, allow_pickle=False) as stored:
        assert sorted(stored.files) == sorted(fresh)
        for key, value in fresh.items():
            assert np.array_equal(stored[key], value), key


def test_string_ids_follow_spacy(nlp: Any) -> None:
    from spacy.attrs import NORM, PREFIX, SHAPE, SUFFIX
    from spacy.strings import hash_string

    for s in ["a", "hei", "Kari Nordmann", "æøå", "abcdefgh", "abcdefghi", "🙂", "x" * 300]:
        assert murmurhash64a(s.encode("utf-8")) == hash_string(s)
    arrays = weights_from_spacy(nlp)
    ids = StringIds(
        dict(zip(arrays["symbol_strings"].tolist(), arrays["symbol_ids"].tolist(), strict=True))
    )
    # "det" and "mark" are dependency labels in spaCy's symbol table: fixed small ids.
    doc = nlp.make_doc("Det er Kari sin bok fra 1999 🙂, mark det!  Ja.")
    expected = doc.to_array([NORM, PREFIX, SUFFIX, SHAPE]).tolist()
    got = [[ids(t.norm_), ids(t.text[:1]), ids(t.text[-3:]), ids(word_shape(t.text))] for t in doc]
    assert got == expected
    assert ids("det") < 1000


def test_murmurhash64a_known_values() -> None:
    # spaCy 3.8's hash_string (seed 1), written down so this runs without spaCy.
    assert murmurhash64a(b"hei") == 13766491210638775187
    assert murmurhash64a(b"Kari Nordmann") == 16852667155923363983
    assert murmurhash64a("æøå".encode()) == 8531165136549951207
    assert murmurhash64a(b"abcdefgh") == 17751780907874141760


def test_embedding_rows_follow_thinc() -> None:
    thinc_api = pytest.importorskip("thinc.api")
    ops = thinc_api.NumpyOps()
    ids = np.array([0, 1, 2**63 + 5, 12345678901234567, 2**64 - 1], dtype=np.uint64)
    for seed, n_rows in ((8, 16000), (9, 4000), (11, 2000)):
        expected = ops.hash(ids, seed).astype(np.int64) % n_rows
        assert np.array_equal(embedding_rows(ids, seed, n_rows), expected)


@pytest.mark.parametrize(
    "text",
    ["Kari", "KARI", "kari", "1999", "Ola-Nordmann", "aaaaaaa", "Abc123xyz", "🙂", "x" * 120],
)
def test_word_shape_is_spacys(text: str) -> None:
    lex_attrs = pytest.importorskip("spacy.lang.lex_attrs")
    assert word_shape(text) == lex_attrs.word_shape(text)


def test_runtime_does_not_import_spacy() -> None:
    code = (
        "import sys\n"
        "from somevakt.analysis.recognizers.person_name import load_model\n"
        "ents = load_model().entities(['Hilsen Kari Nordmann'])\n"
        "assert ents[0], ents\n"
        "print(sorted(m for m in sys.modules if m == 'spacy' or m.startswith(('spacy.', 'thinc'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_long_text_is_run_in_pieces_cut_at_sentence_ends(nlp: Any, texts: list[str]) -> None:
    """Pieces keep memory bounded on huge input. Cut at sentence ends, they find nearly what
    the whole text gives spaCy (a token next to a cut sees the cut instead of the sentence
    on the other side), and no name is cut in two."""
    from somevakt.analysis.name_model import model as model_module

    sentences = [t.rstrip(" .") + "." for t in texts[len(EDGE_CASES) :]]
    text = " ".join(sentences)[: 3 * model_module.MAX_PIECE_CHARS]
    cuts = [offset for offset, _ in model_module._pieces(text)][1:]
    assert len(cuts) >= 2 and all(text[c - 2 : c] == ". " for c in cuts)
    got = set(NameModel.load(MODEL_DIR).entities([text])[0])
    expected = set(_spacy_entities(nlp, [text])[0])
    assert len(got ^ expected) <= 0.01 * len(expected)
    assert not [e for e in got if any(e[0] < c < e[1] for c in cuts)]


def test_threads_sharing_the_model_get_what_one_thread_gets(texts: list[str]) -> None:
    """An Analyzer may be shared by threads (a web server's); the embedding cache is."""
    import threading

    sample = texts[:: max(1, len(texts) // 800)]
    expected = NameModel.load(MODEL_DIR).entities(sample)
    model = NameModel.load(MODEL_DIR)
    # A tiny cache forces rows to be handed out and reused while other threads read.
    model.network._cache = np.zeros((512, model.network.width), dtype=np.float32)
    results: dict[int, list[list[tuple[int, int, str]]]] = {}

    def work(k: int) -> None:
        got: list[list[tuple[int, int, str]]] = []
        for i in range(k % 5, len(sample), 5):
            got.append(model.entities([sample[i]])[0])
        results[k] = got

    old_rows = network_module._CACHE_ROWS
    network_module._CACHE_ROWS = 512
    try:
        threads = [threading.Thread(target=work, args=(k,)) for k in range(5)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        network_module._CACHE_ROWS = old_rows
    for k, got in results.items():
        assert got == [expected[i] for i in range(k % 5, len(sample), 5)]


@pytest.fixture(scope="module")
def network() -> NameNetwork:
    return NameNetwork.load(MODEL_DIR / NETWORK_FILE)


def test_windows_are_each_row_with_its_neighbours() -> None:
    x = np.arange(5 * 2, dtype=np.float32).reshape(5, 2)
    windows = network_module._windows(x)
    assert windows.shape == (3, 6)
    for r in range(3):
        assert windows[r].tolist() == x[r : r + 3].reshape(-1).tolist()
    assert not windows.flags.writeable  # rows overlap: writing one would change others


def test_chunks_cover_the_rows_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(network_module, "_CHUNK_ROWS", 4)
    assert network_module._chunks(10) == [(0, 4), (4, 8), (8, 10)]
    assert network_module._chunks(4) == [(0, 4)]
    assert network_module._chunks(0) == []


def test_first_layer_input_is_the_window_product(network: NameNetwork) -> None:
    """Per distinct token and window position, then summed: the same as multiplying each
    window of three embedding rows (up to float rounding)."""
    rng = np.random.default_rng(7)
    vectors = rng.standard_normal((4, network.width), dtype=np.float32)
    vectors[3] = 0  # the zero row of the padding
    ids = np.array([3, 0, 1, 0, 0, 2, 3, 3, 1], dtype=np.intp)
    x = vectors[ids]
    windows = np.hstack([x[:-2], x[1:-1], x[2:]]).astype(np.float64)
    first = network._encoder[0]
    expected = windows @ first.W.astype(np.float64) + first.b
    got = network._first_layer_input(vectors, ids)
    assert got.shape == expected.shape
    assert np.allclose(got, expected, rtol=1e-5, atol=1e-5)
    assert not np.allclose(got[1:], expected[:-1], rtol=1e-5, atol=1e-5)  # rows in order


def test_activate_is_maxout_then_layer_norm(network: NameNetwork) -> None:
    layer = network._encoder[1]
    rng = np.random.default_rng(3)
    y = rng.standard_normal((5, layer.W.shape[1]), dtype=np.float32)
    width = layer.G.shape[0]
    best = y.astype(np.float64).reshape(5, layer.pieces, width).max(axis=1)
    normed = (best - best.mean(axis=1, keepdims=True)) / np.sqrt(
        best.var(axis=1, keepdims=True) + 1e-8
    )
    expected = normed * layer.G + layer.beta
    assert np.allclose(layer.activate(y.copy()), expected, rtol=1e-5, atol=1e-5)


def test_small_chunks_find_the_same_entities(
    network: NameNetwork, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chunks cut through documents and through the padding between them: every chunk
    boundary case of the encoder and of the closed-state scores."""
    model = NameModel.load(MODEL_DIR)
    texts = [t for t in EDGE_CASES if t.strip()] * 3
    docs = [model.tokenizer.tokenize(t) for t in texts]
    expected = network.entities(docs)
    assert sum(map(len, expected)) > 10
    for rows in (1, 2, 5, 13):
        monkeypatch.setattr(network_module, "_CHUNK_ROWS", rows)
        assert network.entities(docs) == expected, rows


def test_documents_without_tokens_or_entities(network: NameNetwork) -> None:
    model = NameModel.load(MODEL_DIR)
    docs = [model.tokenizer.tokenize(t) for t in ["", "hei på deg", "", "Hilsen Kari Nordmann"]]
    got = network.entities(docs)
    assert got[:3] == [[], [], []]
    assert got[3] == network.entities([docs[3]])[0] != []
    assert network.entities([[], []]) == [[], []]


def test_token_spans_are_the_entities_in_tokens(network: NameNetwork) -> None:
    """``token_spans`` reads each token's (text, norm) and gives token indices; mapped to the
    tokens' characters they are what ``entities`` gives."""
    model = NameModel.load(MODEL_DIR)
    docs = [model.tokenizer.tokenize(t) for t in [*EDGE_CASES, ""]]
    spans = network.token_spans([[(t.text, t.norm) for t in doc] for doc in docs])
    assert sum(map(len, spans)) > 3
    assert spans[-1] == [] and spans[0] == []  # no tokens
    pairs = list(zip(docs, spans, strict=True))
    assert all(0 <= s < e <= len(doc) for doc, found in pairs for s, e, _ in found)
    in_characters = [
        [(doc[s].start, doc[e - 1].end, label) for s, e, label in found] for doc, found in pairs
    ]
    assert in_characters == network.entities(docs)


def test_model_entities_of_tokenized_texts_are_those_of_tokens() -> None:
    """The model's own path (``Tokenized``, no Token objects) finds what the network finds
    on ``tokenize``'s tokens, with offsets into each text."""
    model = NameModel.load(MODEL_DIR)
    texts = [*EDGE_CASES, "e.Kr.. skrev Kari Nordmann", "Hei Per  Olsen\n\nmvh Kari"]
    expected = model.network.entities([model.tokenizer.tokenize(t) for t in texts])
    assert model.entities(texts) == expected
    assert any(expected)
