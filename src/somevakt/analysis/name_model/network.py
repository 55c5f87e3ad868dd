"""The person-name network, run with numpy: spaCy's NER architecture, inference only.

The model is trained with spaCy (``scripts/train_person_ner.py``) and exported to
``network.npz`` by :func:`weights_from_spacy`. Running it here instead of in spaCy keeps
spaCy's import (0.5–0.7 s) out of every cold start, and numpy's BLAS does the same matrix
products faster than thinc's. What it computes, in spaCy's terms:

1. ``MultiHashEmbed``: the token's NORM, PREFIX, SUFFIX and SHAPE ids, each hashed into four
   rows of its table and summed, concatenated, then Maxout (3 pieces) and LayerNorm. This
   depends on the token alone, so its 64 numbers are cached per (text, norm).
2. ``MaxoutWindowEncoder``: three residual layers over a window of one token either side.
   thinc pads every document with three zero rows on each side (its receptive field) and
   runs the pad rows through the layers too; so do we, which keeps documents independent
   (the last layer only for the tokens: nothing reads its pad rows). The first layer sees
   embedding rows, which depend on the token alone, so its product is taken per distinct
   token and summed per window.
3. ``TransitionBasedParser`` (``ner`` state, three feature tokens, greedy): a projection and
   the parser's "lower" layer are precomputed per token; each step sums three of those rows
   (the next token, the entity's first token, the token before the next), Maxout, and scores
   the BILUO actions; the best valid action wins (the first on ties, as in spaCy).
   While no entity is open the three rows do not depend on earlier steps, so those scores are
   computed for all tokens at once; only steps inside an entity are computed one by one.

``token_spans`` takes each token as its (text, norm), all the network reads of it, and gives
the entities as token spans (``NameModel`` maps them to characters); ``entities`` does the
same for token objects and gives character spans.

``tests/analysis/name_model/test_network.py`` checks the entities against spaCy's.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from somevakt.analysis.name_model.hashing import StringIds, embedding_rows

FORMAT_VERSION = 1
_ATTRS = ("NORM", "PREFIX", "SUFFIX", "SHAPE")
_PAD = 3  # thinc's padding between documents in the encoder: window 1 x depth 3
_LN_EPS = 1e-8
_CACHE_ROWS = 1 << 16  # cached embedding outputs (64 float32 each: 16 MB at most)
# Rows per matrix product in the encoder and the closed-state scores. Small enough that a
# chunk's arrays stay in the CPU's cache and are reused by the allocator from chunk to chunk
# (larger ones are fresh pages from the OS each time, which costs more than the arithmetic).
_CHUNK_ROWS = 1024


class TokenLike(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def norm(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


Entity = tuple[int, int, str]  # (start character, end character, label)
TokenSpan = tuple[int, int, str]  # (first token, end token, label)

_text_of = attrgetter("text")
_norm_of = attrgetter("norm")
_text_of_key = itemgetter(0)


def word_shape(text: str) -> str:
    """spaCy's SHAPE: letters to X/x, digits to d, at most four of a kind in a row."""
    if len(text) >= 100:
        return "LONG"
    shape = []
    last = ""
    seq = 0
    for char in text:
        if char.isalpha():
            shape_char = "X" if char.isupper() else "x"
        elif char.isdigit():
            shape_char = "d"
        else:
            shape_char = char
        if shape_char == last:
            seq += 1
        else:
            seq = 0
            last = shape_char
        if seq < 4:
            shape.append(shape_char)
    return "".join(shape)


@dataclass(frozen=True)
class _Layer:
    """Maxout then LayerNorm. ``W`` is (in, pieces x out) with each piece's outputs in one
    block: the max of a few contiguous blocks is far cheaper in numpy than a max over a
    short last axis."""

    W: np.ndarray
    b: np.ndarray
    G: np.ndarray
    beta: np.ndarray
    pieces: int

    def __call__(self, x: np.ndarray) -> np.ndarray:
        y = x @ self.W
        y += self.b
        return self.activate(y)

    def activate(self, y: np.ndarray) -> np.ndarray:
        """Maxout and LayerNorm of pre-activations ``y`` (the product plus ``b``)."""
        best = _maxout(y, self.pieces)
        # Row sums by einsum: numpy's mean over a short last axis costs several times more.
        scale = np.float32(1 / best.shape[1])
        best -= (np.einsum("ij->i", best) * scale)[:, None]
        var = np.einsum("ij,ij->i", best, best) * scale
        var += _LN_EPS
        best /= np.sqrt(var)[:, None]
        best *= self.G
        best += self.beta
        return best


def _maxout(x: np.ndarray, pieces: int) -> np.ndarray:
    """Maxout over ``pieces`` equal blocks along the last axis (a new array)."""
    width = x.shape[-1] // pieces
    best = np.maximum(x[..., :width], x[..., width : 2 * width])
    for p in range(2, pieces):
        np.maximum(best, x[..., p * width : (p + 1) * width], out=best)
    return best


def _chunks(n: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive chunks of at most ``_CHUNK_ROWS`` of ``n`` rows."""
    return [(a, min(a + _CHUNK_ROWS, n)) for a in range(0, n, _CHUNK_ROWS)]


def _windows(x: np.ndarray) -> np.ndarray:
    """A read-only view (len(x) - 2, 3 x width) whose row r is ``x[r : r + 3]`` flattened.

    BLAS cannot multiply such a view (its rows overlap): copy a chunk before a product."""
    n, width = x.shape
    return np.lib.stride_tricks.as_strided(
        x, shape=(n - 2, 3 * width), strides=(x.strides[0], x.strides[1]), writeable=False
    )


def _maxout_layer(W: np.ndarray, b: np.ndarray, G: np.ndarray, beta: np.ndarray) -> _Layer:
    n_out, n_pieces, n_in = W.shape
    return _Layer(
        np.ascontiguousarray(
            W.transpose(1, 0, 2).reshape(n_pieces * n_out, n_in).T, dtype=np.float32
        ),
        b.T.reshape(-1).astype(np.float32),
        G.astype(np.float32),
        beta.astype(np.float32),
        n_pieces,
    )


class NameNetwork:
    """Loads ``network.npz`` once; ``entities`` is then pure numpy."""

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        if int(arrays["format_version"]) != FORMAT_VERSION:
            raise ValueError(
                f"network.npz format {int(arrays['format_version'])}, expected {FORMAT_VERSION};"
                " re-export with scripts/export_person_ner.py"
            )
        self.classes = [str(c) for c in arrays["classes"]]
        self._string_ids = StringIds(
            {
                str(s): int(i)
                for s, i in zip(arrays["symbol_strings"], arrays["symbol_ids"], strict=True)
            }
        )
        self._tables = [arrays[f"embed_{a}"].astype(np.float32) for a in _ATTRS]
        self._seeds = [int(s) for s in arrays["embed_seeds"]]
        self._embed = _maxout_layer(
            arrays["embed_W"], arrays["embed_b"], arrays["embed_G"], arrays["embed_beta"]
        )
        depth = int(arrays["encoder_depth"])
        self._encoder = [
            _maxout_layer(
                arrays[f"encoder{i}_W"],
                arrays[f"encoder{i}_b"],
                arrays[f"encoder{i}_G"],
                arrays[f"encoder{i}_beta"],
            )
            for i in range(depth)
        ]
        self.width = self._embed.G.shape[0]
        # The first encoder layer's weights per window position (the token before, the
        # token, the token after) side by side: its input is three embedding rows, so the
        # product is taken once per distinct token and summed per window (see _encode).
        first_W = self._encoder[0].W
        self._first_by_position = np.ascontiguousarray(
            np.hstack([first_W[p * self.width : (p + 1) * self.width] for p in range(3)])
        )
        # The parser's projection (a Linear) and its "lower" layer (nF, nO, nP, nI) fused into
        # one product per feature slot; the projection's bias becomes a per-slot constant.
        # Pieces before hidden units (see _Layer).
        lower_W = arrays["lower_W"].astype(np.float64).transpose(0, 2, 1, 3)
        n_feats, n_pieces, n_hidden, n_in = lower_W.shape
        proj_W = arrays["proj_W"].astype(np.float64)
        proj_b = arrays["proj_b"].astype(np.float64)
        self._slot_W: list[np.ndarray] = []
        self._slot_c: list[np.ndarray] = []
        for f in range(n_feats):
            flat = lower_W[f].reshape(n_pieces * n_hidden, n_in)
            self._slot_W.append(np.ascontiguousarray((flat @ proj_W).T, dtype=np.float32))
            self._slot_c.append((flat @ proj_b).astype(np.float32))
        self._n_pieces = n_pieces
        self._lower_b = arrays["lower_b"].T.reshape(-1).astype(np.float32)
        pad = arrays["lower_pad"].reshape(n_feats, n_hidden, n_pieces).transpose(0, 2, 1)
        lower_pad = pad.reshape(n_feats, -1).astype(np.float32)
        self._upper_W = arrays["upper_W"].astype(np.float32)  # (n_classes, n_hidden)
        self._upper_b = arrays["upper_b"].astype(np.float32)
        # Without an open entity, slots 1 and 2 hold the padding.
        self._closed_bias = self._slot_c[0] + lower_pad[1] + lower_pad[2] + self._lower_b
        self._actions = _Actions(self.classes)
        # Embedding outputs per (text, norm), see module docstring.
        self._cache_index: dict[tuple[str, str], int] = {}
        self._cache = np.zeros((_CACHE_ROWS, self.width), dtype=np.float32)
        # An Analyzer may be shared by threads (a web server's request threads): rows are
        # handed out and read under one lock, or two threads could fill the same row with
        # different tokens.
        self._cache_lock = threading.Lock()

    @classmethod
    def load(cls, path: Path) -> NameNetwork:
        with np.load(path, allow_pickle=False) as data:
            return cls({k: data[k] for k in data.files})

    # -- forward --------------------------------------------------------------------------

    def entities(self, docs: Sequence[Sequence[TokenLike]]) -> list[list[Entity]]:
        """Entities (character spans and labels) of tokenised documents, in order."""
        found = self.token_spans(
            [list(zip(map(_text_of, d), map(_norm_of, d), strict=True)) for d in docs]
        )
        return [
            [(doc[s].start, doc[e - 1].end, label) for s, e, label in spans]
            for doc, spans in zip(docs, found, strict=True)
        ]

    def token_spans(self, docs: Sequence[Sequence[tuple[str, str]]]) -> list[list[TokenSpan]]:
        """Entities of documents given as each token's (text, norm): per document, the
        (first token, end token, label) of each entity, in order."""
        out: list[list[TokenSpan]] = [[] for _ in docs]
        lengths = [len(d) for d in docs]
        if not any(lengths):
            return out
        keys = list(chain.from_iterable(docs))
        tokvecs = self._encode(*self._embedded(keys), lengths)
        is_last = np.zeros(len(keys), dtype=bool)
        is_last[np.cumsum([n for n in lengths if n]) - 1] = True
        texts = map(_text_of_key, keys)  # map: no Python code per token
        is_space = np.fromiter(map(str.isspace, texts), dtype=bool, count=len(keys))
        closed = self._closed_actions(tokvecs, is_last, is_space)
        # Only tokens whose closed-state action is not O can start an entity: the parse
        # visits those alone (most tokens are O), in order, per document.
        opening = np.flatnonzero(closed != self._actions.out)
        doc_starts = np.cumsum([0, *lengths])
        edges = np.searchsorted(opening, doc_starts).tolist()
        opening_at = opening.tolist()
        opening_action = closed[opening].tolist()
        for k in range(len(docs)):
            lo, hi = edges[k], edges[k + 1]
            if lo < hi:
                offset = int(doc_starts[k])
                out[k] = self._parse(
                    tokvecs[offset : offset + lengths[k]],
                    [p - offset for p in opening_at[lo:hi]],
                    opening_action[lo:hi],
                )
        return out

    def _embedded(self, keys: list[tuple[str, str]]) -> tuple[np.ndarray, np.ndarray]:
        """The embedding layer's output for each token (its (text, norm) key), from the
        cache: (distinct rows, width) and, per token, the index of its row."""
        with self._cache_lock:
            index = self._cache_index
            rows = list(map(index.get, keys))
            if None in rows:  # tokens not seen before (or since the cache last filled up)
                missing = list(dict.fromkeys(k for k in keys if k not in index))
                if len(index) + len(missing) > _CACHE_ROWS:
                    index.clear()
                    missing = list(dict.fromkeys(keys))
                new_rows = np.arange(len(index), len(index) + len(missing))
                self._cache[new_rows] = self._embed_uncached(missing)
                index.update(zip(missing, new_rows.tolist(), strict=True))
                rows = list(map(index.get, keys))
            distinct, token_ids = np.unique(np.array(rows, dtype=np.intp), return_inverse=True)
            # Copied under the lock: another thread may reuse the rows once the cache fills.
            return self._cache[distinct], token_ids

    def _embed_uncached(self, keys: Sequence[tuple[str, str]]) -> np.ndarray:
        sid = self._string_ids
        ids = np.array(
            [
                [sid(norm), sid(text[:1]), sid(text[-3:]), sid(word_shape(text))]
                for text, norm in keys
            ],
            dtype=np.uint64,
        )
        parts = []
        for column, (table, seed) in enumerate(zip(self._tables, self._seeds, strict=True)):
            rows = embedding_rows(ids[:, column], seed, len(table))
            parts.append(table[rows].sum(axis=1))
        return self._embed(np.concatenate(parts, axis=1))

    def _encode(self, vectors: np.ndarray, token_ids: np.ndarray, lengths: list[int]) -> np.ndarray:
        """The encoder over all documents at once, with thinc's zero padding between them;
        returns the rows of the tokens only (token i's embedding is ``vectors[token_ids[i]]``).

        Rows are laid out as thinc does (``_PAD`` zero rows before, between and after the
        documents) with one more zero row at either end of the buffer, so that the window of
        every row (the row before, itself, the row after) is three consecutive buffer rows.
        The pad rows go through the layers as in thinc, as far as a token's result depends
        on them: the last layer computes the token rows only.

        The first layer's input is embedding rows, which depend on the token alone: its
        product is taken once per distinct token and window position, then summed per
        window (words repeat: on the benchmark corpus a third of a chunk's rows are distinct
        tokens). Rows go through each layer in chunks, so a huge text costs memory in
        proportion to tokens x width, not x window x pieces."""
        n_docs = len(lengths)
        total = sum(lengths) + _PAD * (n_docs + 1)
        starts = np.cumsum([0, *lengths[:-1]]) + _PAD * np.arange(1, n_docs + 1)
        token_rows = np.concatenate(
            [np.arange(s, s + n) for s, n in zip(starts.tolist(), lengths, strict=True)]
        )
        # Buffer row r + 1 holds row r; index len(vectors) is a zero row (pads, both ends).
        vectors = np.vstack([vectors, np.zeros((1, self.width), dtype=np.float32)])
        ids = np.full(total + 2, len(vectors) - 1, dtype=np.intp)
        ids[token_rows + 1] = token_ids
        x = vectors[ids]
        first, *middle, last = self._encoder
        nxt = np.zeros_like(x)
        for a, b in _chunks(total):
            pre = self._first_layer_input(vectors, ids[a : b + 2])
            np.add(x[a + 1 : b + 1], first.activate(pre), out=nxt[a + 1 : b + 1])
        x, nxt = nxt, x
        for layer in middle:
            windows = _windows(x)
            for a, b in _chunks(total):
                np.add(x[a + 1 : b + 1], layer(windows[a:b].copy()), out=nxt[a + 1 : b + 1])
            x, nxt = nxt, x
        windows = _windows(x)
        out = np.empty((len(token_rows), self.width), dtype=np.float32)
        for a, b in _chunks(len(token_rows)):
            rows = token_rows[a:b]
            np.add(x[rows + 1], last(windows[rows]), out=out[a:b])
        return out

    def _first_layer_input(self, vectors: np.ndarray, ids: np.ndarray) -> np.ndarray:
        """The first encoder layer's pre-activations for the windows of consecutive rows
        whose embeddings are ``vectors[ids]`` (the first and last row only as neighbours)."""
        distinct, local = np.unique(ids, return_inverse=True)
        by_position = (vectors[distinct] @ self._first_by_position).reshape(len(distinct), 3, -1)
        pre = by_position[local[:-2], 0]
        pre += by_position[local[1:-1], 1]
        pre += by_position[local[2:], 2]
        pre += self._encoder[0].b
        return pre

    def _closed_actions(
        self, tokvecs: np.ndarray, is_last: np.ndarray, is_space: np.ndarray
    ) -> np.ndarray:
        """The action chosen at each token when no entity is open (then slots 1 and 2 are
        the padding, so the scores of every token come from matrix products)."""
        acts = self._actions
        out = np.empty(len(tokvecs), dtype=np.int64)
        for a, b in _chunks(len(tokvecs)):
            pre = tokvecs[a:b] @ self._slot_W[0]
            pre += self._closed_bias
            scores = _maxout(pre, self._n_pieces) @ self._upper_W.T
            scores += self._upper_b
            # Valid without an open entity: B-x (not on the last token), U-x and O; B and U
            # never on whitespace. Invalid scores become -inf; argmax takes the first best,
            # as spaCy does.
            no_begin = np.flatnonzero(is_last[a:b] | is_space[a:b])
            scores[np.ix_(no_begin, acts.begin)] = -np.inf
            scores[np.ix_(np.flatnonzero(is_space[a:b]), acts.unit)] = -np.inf
            scores[:, acts.never_closed] = -np.inf
            out[a:b] = scores.argmax(axis=1)
        return out

    def _slot(self, f: int, row: np.ndarray) -> np.ndarray:
        """Feature slot ``f``'s share of the hidden layer for one token vector."""
        return row @ self._slot_W[f] + self._slot_c[f]

    def _parse(
        self, tokvecs: np.ndarray, opening_at: list[int], opening_action: list[int]
    ) -> list[tuple[int, int, str]]:
        """Token spans (start, end, label) of one document's entities (``tokvecs`` are its
        token vectors), from the tokens whose closed-state action is not O, in order, and
        those actions: a U is an entity of one token; a B opens one, which then takes I
        steps until an L, step by step. Tokens inside an entity are no openings."""
        acts = self._actions
        n = len(tokvecs)
        out: list[tuple[int, int, str]] = []
        t = 0  # the first token not yet in an entity
        for start, a in zip(opening_at, opening_action, strict=True):
            if start < t:
                continue
            label = acts.label_of[a]
            if a in acts.unit_set:
                out.append((start, start + 1, label))
                t = start + 1
                continue
            # The features inside an entity: the next token (slot 0), the entity's first
            # token (1), the token before the next (2).
            t = start + 1
            up_in = self._upper_W[acts.inside[label]]
            up_last = self._upper_W[acts.last[label]]
            b_in = float(self._upper_b[acts.inside[label]])
            b_last = float(self._upper_b[acts.last[label]])
            first = self._slot(1, tokvecs[start]) + self._lower_b
            while True:
                pre = self._slot(0, tokvecs[t]) + self._slot(2, tokvecs[t - 1]) + first
                hidden = _maxout(pre, self._n_pieces)
                s_in = float(hidden @ up_in) + b_in
                s_last = float(hidden @ up_last) + b_last
                t += 1
                if t < n and s_in >= s_last:  # I is valid before the last token; ties go to I
                    continue
                out.append((start, t, label))
                break
        return out


class _Actions:
    """Class indices of the BILUO actions, from the exported class names ("B-PER", "O")."""

    def __init__(self, classes: list[str]) -> None:
        begin: list[int] = []
        unit: list[int] = []
        never_closed: list[int] = []  # I-x, L-x and the label-less U- (never valid)
        self.inside: dict[str, int] = {}
        self.last: dict[str, int] = {}
        self.label_of: dict[int, str] = {}
        self.out = -1
        for i, name in enumerate(classes):
            move, _, label = name.partition("-")
            if name == "O":
                self.out = i
            elif move in ("I", "L") or not label:
                never_closed.append(i)
                if move == "I":
                    self.inside[label] = i
                elif move == "L":
                    self.last[label] = i
            elif move == "B":
                begin.append(i)
                self.label_of[i] = label
            elif move == "U":
                unit.append(i)
                self.label_of[i] = label
            else:
                raise ValueError(f"unknown action {name!r}")
        if self.out < 0:
            raise ValueError("no O action among the classes")
        self.begin = np.array(begin, dtype=np.intp)
        self.unit = np.array(unit, dtype=np.intp)
        self.never_closed = np.array(never_closed, dtype=np.intp)
        self.unit_set = frozenset(unit)


# -- export (run with spaCy installed; the runtime never imports it) -----------------------


def weights_from_spacy(nlp: Any) -> dict[str, np.ndarray]:
    """The arrays of ``network.npz`` from a loaded spaCy pipeline with an ``ner`` component
    of the architecture in ``scripts/train_person_ner.py``; raises if it is another one."""
    from spacy.symbols import IDS  # imported here: only the export needs spaCy

    ner = nlp.get_pipe("ner")
    if ner.cfg.get("beam_width", 1) != 1:
        raise ValueError("only greedy NER (beam_width 1) is supported")
    model = ner.model
    if model.attrs.get("unseen_classes"):
        raise ValueError("the model has unseen classes; the runtime does not mask them")
    lower, upper = model.get_ref("lower"), model.get_ref("upper")
    nodes = list(model.get_ref("tok2vec").walk())
    hashembeds = sorted(
        (n for n in nodes if n.name == "hashembed"), key=lambda n: n.attrs["column"]
    )
    extract = next(n for n in nodes if n.name == "extract_features")
    if [str(c) for c in extract.attrs["columns"]] != list(_ATTRS):
        raise ValueError(f"features {extract.attrs['columns']}, expected {list(_ATTRS)}")
    blocks = sorted((n for n in nodes if n.name == "maxout>>layernorm"), key=lambda n: n.id)
    expand = [n for n in nodes if n.name == "expand_window"]
    if any(n.attrs["window_size"] != 1 for n in expand) or len(expand) != len(blocks) - 1:
        raise ValueError("expected window size 1 in every encoder layer")
    pads = {n.attrs.get("pad") for n in nodes if n.name.startswith("with_array(residual")}
    if pads != {_PAD}:
        raise ValueError(f"encoder padding {pads}, expected {_PAD}")
    proj = [n for n in nodes if n.name == "linear"]
    if len(proj) != 1 or lower.get_dim("nF") != 3:
        raise ValueError("expected one projection and three state features (ner)")
    out: dict[str, np.ndarray] = {
        "format_version": np.array(FORMAT_VERSION),
        "classes": np.array([ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]),
        "symbol_strings": np.array(list(IDS.keys())),
        "symbol_ids": np.array(list(IDS.values()), dtype=np.uint64),
        "embed_seeds": np.array([n.attrs["seed"] for n in hashembeds]),
        "encoder_depth": np.array(len(blocks) - 1),
    }
    for attr, node in zip(_ATTRS, hashembeds, strict=True):
        out[f"embed_{attr}"] = node.get_param("E")
    for i, block in enumerate(blocks):
        maxout, norm = block.layers
        prefix = "embed" if i == 0 else f"encoder{i - 1}"
        out[f"{prefix}_W"] = maxout.get_param("W")
        out[f"{prefix}_b"] = maxout.get_param("b")
        out[f"{prefix}_G"] = norm.get_param("G")
        out[f"{prefix}_beta"] = norm.get_param("b")
    out["proj_W"] = proj[0].get_param("W")
    out["proj_b"] = proj[0].get_param("b")
    out["lower_W"] = lower.get_param("W")
    out["lower_b"] = lower.get_param("b")
    out["lower_pad"] = lower.get_param("pad")
    out["upper_W"] = upper.get_param("W")
    out["upper_b"] = upper.get_param("b")
    return {k: np.asarray(v) for k, v in out.items()}
