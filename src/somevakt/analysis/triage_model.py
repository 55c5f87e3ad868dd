"""The trained part of triage: a featurizer and a linear model stored as plain data.

Features (all on the folded text, digits mapped to "0"):
- character n-grams (2-5) inside word boundaries, so "broyting", "brøyting" and
  "broeyting" share most of their features and typos cost little;
- word unigrams and bigrams;
- the rule signals of triage_signals (one binary feature each) and a few shape
  features (length, question mark, first word), appended unweighted.

Text features are TF-IDF weighted (sublinear tf) and L2-normalised. The classifier is a
multinomial logistic regression, trained by scripts/train_triage.py. The artefact is
``vocab.json`` (feature strings, in column order, plus metadata) and ``weights.npz``
(idf, coefficients, intercepts as float32): no pickle, so it loads under any numpy version
and any or no scikit-learn. Inference is a dictionary lookup per feature and one small
matrix-vector product; at run time the columns of a word's character n-grams are cached per
word (``vectorize_folded``), so only word bigrams and unseen words cost string building.
``score_folded_many`` scores a batch of texts with the same floats, bit for bit, in a fixed
number of numpy calls per batch (numpy's cost per call, not the arithmetic, dominates a
short comment).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, pairwise, repeat
from pathlib import Path

import numpy as np

from somevakt.analysis.normalize import fold
from somevakt.analysis.triage_signals import Signal

DEFAULT_MODEL_DIR = Path(__file__).parent / "models" / "triage"
FORMAT_VERSION = 1

_DIGIT_RE = re.compile(r"\d")
_WORD_RE = re.compile(r"\w+", re.UNICODE)
_SYMBOL_RE = re.compile(r"[^\w\s]")
# The symbols that are features: all but "." and "," (what _SYMBOL_RE plus that filter finds).
_FEATURE_SYMBOL_RE = re.compile(r"[^\w\s.,]")
_CHAR_N = (2, 3, 4, 5)
_WORD_CACHE_SIZE = 1 << 15  # words with their columns: about 12 MB when full


def text_features(text: str, folded: str | None = None) -> Counter[str]:
    """Raw counts of the TF-IDF features of one text (``folded``: fold(text).text, if known)."""
    ft = _DIGIT_RE.sub("0", folded if folded is not None else fold(text).text)
    words = _WORD_RE.findall(ft)
    feats: list[str] = ["w:" + w for w in words]
    feats += ["b:" + a + " " + b for a, b in zip(["<s>", *words], [*words, "</s>"], strict=True)]
    for w in words:
        feats += _cached_char_ngrams(w)
    feats += ["y:" + y for y in _SYMBOL_RE.findall(ft) if y not in ".,"]
    return Counter(feats)


def _char_ngrams(word: str) -> tuple[str, ...]:
    """The "c:" features of one word, in order."""
    p = " " + word + " "
    m = len(p)
    return tuple("c:" + p[i : i + n] for n in _CHAR_N if n <= m for i in range(m - n + 1))


# For text_features (training builds the strings of every text many times); run time keeps
# only columns per word instead (LinearTriageModel.vectorize_folded).
_cached_char_ngrams = lru_cache(maxsize=1 << 14)(_char_ngrams)


def side_features(
    text: str, signals: Iterable[Signal], context: str | None, folded: str | None = None
) -> set[str]:
    """Binary features appended after normalisation: rule signals and text shape."""
    feats = {"s:" + s.name for s in signals}
    n = len(text)
    feats.add("len:short" if n < 40 else "len:medium" if n < 140 else "len:long")
    stripped = text.strip()
    if stripped.endswith("?") or "?" in stripped[-4:]:
        feats.add("shape:ends_question")
    if "?" in stripped:
        feats.add("shape:has_question")
    if not any(map(str.isalpha, stripped)):
        feats.add("shape:no_letters")
    if stripped.startswith("@"):
        feats.add("shape:starts_mention")
    ft = folded if folded is not None else fold(text).text
    first = _WORD_RE.search(ft[:40])
    if first:
        feats.add("first:" + first.group())
    if context:
        # Only what the comment says against the post counts, not that there is a post:
        # "ctx:present" taught the model that any comment under a post is a factual error.
        feats.update("ctx:" + k for k in context_mismatches(text, context, ft))
    return feats


_DATE_RE = re.compile(
    r"\b(\d{1,2})\.\s?(?:(\d{1,2})\.|(jan\w*|feb\w*|mars|april|mai|juni|juli|aug\w*|sep\w*|okt\w*|nov\w*|des\w*))"
)
_WEEKDAY_RE = re.compile(
    r"\b(mandag|tirsdag|tysdag|onsdag|torsdag|fredag|lordag|laurdag|sondag|sundag)(?:er|ar|ane|ene)?\b"
)
_CLOCK_RE = re.compile(r"\b(?:kl\.?|klokka|klokken)\s?(\d{1,2})(?:[.:](\d{2}))?")
_STATUS_RE = re.compile(
    r"\b(lagt ned|nedlagt|stengt|stenga|avlyst|apen|apent|open|ope|flytta|flyttet|fjerna|fjernet|vedtatt|vedteke)\b"
)


def context_mismatches(text: str, context: str, folded: str | None = None) -> set[str]:
    """Cheap comparisons between a comment and the post it answers.

    A comment that states a date, weekday, time or status different from the post is a
    candidate factual error ("julegateåpninga er 12. desember" under a post saying 28.
    november). ``folded``: fold(text).text, if known.
    """
    t = folded if folded is not None else fold(text).text
    out: set[str] = set()
    for (name, rx), cv in zip(_CONTEXT_PATTERNS, _context_values(context), strict=True):
        tv = {m.group(0) for m in rx.finditer(t)}
        if tv and cv and not (tv & cv):
            out.add(name + "_differs")
        elif tv and cv:
            out.add(name + "_agrees")
    return out


_CONTEXT_PATTERNS = (
    ("date", _DATE_RE),
    ("weekday", _WEEKDAY_RE),
    ("clock", _CLOCK_RE),
    ("status", _STATUS_RE),
)


@lru_cache(maxsize=256)
def _context_values(context: str) -> tuple[frozenset[str], ...]:
    """What each pattern finds in a post (many comments answer the same post: cached)."""
    c = fold(context).text
    return tuple(frozenset(m.group(0) for m in rx.finditer(c)) for _, rx in _CONTEXT_PATTERNS)


@dataclass
class LinearTriageModel:
    """Multinomial logistic regression over hashed-free, vocabulary-indexed features."""

    classes: list[str]
    text_vocab: dict[str, int]
    side_vocab: dict[str, int]
    idf: np.ndarray  # (n_text,)
    coef: np.ndarray  # (n_classes, n_text + n_side)
    intercept: np.ndarray  # (n_classes,)
    meta: dict[str, object] = field(default_factory=dict)
    _terms: list[str] | None = field(default=None, repr=False, compare=False)
    _word_mask: np.ndarray | None = field(default=None, init=False, repr=False, compare=False)
    _coef_t: np.ndarray | None = field(default=None, init=False, repr=False, compare=False)
    _coef_t_of: np.ndarray | None = field(default=None, init=False, repr=False, compare=False)
    # word -> (word column, columns of its known character n-grams) for vectorize_folded.
    _word_cols: dict[str, tuple[int | None, tuple[int, ...]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    # word -> its columns for score_folded_many (_word_array_entry): a batch's n-grams are
    # joined as arrays, not one Python int at a time.
    _word_arrays: dict[str, _WordArrays] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _bigrams: _BigramTable | None = field(default=None, init=False, repr=False, compare=False)
    _symbols: dict[str, int] | None = field(default=None, init=False, repr=False, compare=False)
    _side: dict[str, int] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def n_text(self) -> int:
        return len(self.text_vocab)

    # -- persistence -------------------------------------------------------------------
    def save(self, directory: Path, meta: dict[str, object] | None = None) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        text_terms = [""] * len(self.text_vocab)
        for term, i in self.text_vocab.items():
            text_terms[i] = term
        side_terms = [""] * len(self.side_vocab)
        for term, i in self.side_vocab.items():
            side_terms[i] = term
        vocab = {
            "format_version": FORMAT_VERSION,
            "classes": self.classes,
            "text_features": text_terms,
            "side_features": side_terms,
            "meta": meta if meta is not None else self.meta,
        }
        (directory / "vocab.json").write_text(
            json.dumps(vocab, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
        np.savez_compressed(
            directory / "weights.npz",
            idf=self.idf.astype(np.float32),
            coef=self.coef.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
        )

    @classmethod
    def load(cls, directory: Path) -> LinearTriageModel:
        vocab = json.loads((directory / "vocab.json").read_text(encoding="utf-8"))
        if vocab.get("format_version") != FORMAT_VERSION:
            raise ValueError(
                f"{directory}/vocab.json: format_version {vocab.get('format_version')!r}, "
                f"expected {FORMAT_VERSION}; retrain with scripts/train_triage.py"
            )
        with np.load(directory / "weights.npz", allow_pickle=False) as w:
            idf, coef, intercept = w["idf"], w["coef"], w["intercept"]
        text_vocab = {t: i for i, t in enumerate(vocab["text_features"])}
        side_vocab = {t: i for i, t in enumerate(vocab["side_features"])}
        if coef.shape != (len(vocab["classes"]), len(text_vocab) + len(side_vocab)):
            raise ValueError(
                f"{directory}/weights.npz: coefficient shape {coef.shape} does not match vocab.json"
            )
        return cls(
            vocab["classes"],
            text_vocab,
            side_vocab,
            idf.astype(np.float64),
            coef.astype(np.float64),
            intercept.astype(np.float64),
            dict(vocab.get("meta") or {}),
        )

    # -- inference ---------------------------------------------------------------------
    def vectorize(self, counts: Counter[str], side: set[str]) -> tuple[np.ndarray, np.ndarray]:
        """Sparse (indices, values) of one example in the model's column space.

        Text features come first, in the order of ``counts``, skipping unknown ones.
        """
        get = self.text_vocab.get
        cols = [get(t) for t in counts]
        ns = list(counts.values())
        if None in cols:
            keep = [i for i, j in enumerate(cols) if j is not None]
            cols = [cols[i] for i in keep]
            ns = [ns[i] for i in keep]
        return self._vector(cols, ns, side)  # type: ignore[arg-type]

    def vectorize_folded(self, folded: str, side: set[str]) -> tuple[np.ndarray, np.ndarray]:
        """``vectorize(text_features(text, folded), side)``, without building the strings of
        features the vocabulary does not know (most character n-grams of a word)."""
        ft = _DIGIT_RE.sub("0", folded)
        words = _WORD_RE.findall(ft)
        get = self.text_vocab.get
        cache = self._word_cols
        known = [cache.get(w) or self._word_entry(w) for w in words]
        seq: list[int | None] = [k[0] for k in known]
        seq += [
            get("b:" + a + " " + b) for a, b in zip(["<s>", *words], [*words, "</s>"], strict=True)
        ]
        for k in known:
            seq += k[1]
        seq += [get("y:" + y) for y in _SYMBOL_RE.findall(ft) if y not in ".,"]
        # Counter keeps first occurrences in order, as text_features does for the strings;
        # features map one-to-one to columns, so the order of the known ones is the same.
        counts = Counter(seq)
        counts.pop(None, None)
        return self._vector(counts, counts.values(), side)  # type: ignore[arg-type]

    def _word_entry(self, word: str) -> tuple[int | None, tuple[int, ...]]:
        """(column of "w:" + word or None, columns of its known "c:" n-grams in order)."""
        get = self.text_vocab.get
        entry = (get("w:" + word), tuple(j for j in map(get, _char_ngrams(word)) if j is not None))
        cache = self._word_cols
        if len(cache) >= _WORD_CACHE_SIZE:
            cache.clear()  # bounded: a stream of unseen words must not grow it forever
        cache[word] = entry
        return entry

    def _vector(
        self, cols: Collection[int], ns: Iterable[int], side: set[str]
    ) -> tuple[np.ndarray, np.ndarray]:
        # Sorted: ``side`` is a set, whose order differs between processes (PYTHONHASHSEED),
        # and the order of the columns decides float sums and ties downstream.
        n_text, side_vocab = self.n_text, self.side_vocab
        side_idx = [n_text + side_vocab[s] for s in sorted(side) if s in side_vocab]
        n = len(cols)
        # fromiter fills the arrays straight from the iterables (no intermediate lists).
        ix = np.fromiter(chain(cols, side_idx), dtype=np.int64, count=n + len(side_idx))
        v = np.ones(len(ix))
        if n:
            t = np.fromiter(ns, dtype=np.float64, count=n)
            np.log(t, out=t)
            t += 1.0
            t *= self.idf[ix[:n]]
            t /= float(np.sqrt(t @ t))
            v[:n] = t
        return ix, v

    def predict_proba(self, counts: Counter[str], side: set[str]) -> np.ndarray:
        ix, v = self.vectorize(counts, side)
        logits = self.coef[:, ix] @ v + self.intercept
        logits -= logits.max()
        e = np.exp(logits)
        return np.asarray(e / e.sum())

    def term_of(self, column: int) -> str:
        """The feature string of a column (built lazily; used for evidence only)."""
        if self._terms is None:
            terms = [""] * (len(self.text_vocab) + len(self.side_vocab))
            for t, i in self.text_vocab.items():
                terms[i] = t
            for t, i in self.side_vocab.items():
                terms[self.n_text + i] = t
            self._terms = terms
        return self._terms[column]

    def word_columns(self) -> np.ndarray:
        """Boolean mask over all columns: True for word-unigram ("w:") features."""
        if self._word_mask is None:
            mask = np.zeros(len(self.text_vocab) + len(self.side_vocab), dtype=bool)
            mask[[i for t, i in self.text_vocab.items() if t.startswith("w:")]] = True
            self._word_mask = mask
        return self._word_mask

    def logits_and_contributions(
        self, counts: Counter[str], side: set[str]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(probabilities, column indices, per-class contributions (n_classes, n_cols))."""
        return self._contributions(*self.vectorize(counts, side))

    def logits_and_contributions_folded(
        self, folded: str, side: set[str]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``logits_and_contributions`` of ``text_features(text, folded)``, faster."""
        return self._contributions(*self.vectorize_folded(folded, side))

    def _contributions(
        self, ix: np.ndarray, v: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        # Gathering rows of a transposed copy is much cheaper than gathering columns of
        # ``coef``. ``coef[:, ix] * v`` comes out Fortran-ordered, and so does this product
        # (the same layout keeps the row sums below adding in the same order, bit for bit).
        contrib = np.multiply(self._coef_transposed()[ix].T, v, order="F")
        logits = contrib.sum(axis=1) + self.intercept
        logits -= logits.max()
        e = np.exp(logits)
        return e / e.sum(), ix, contrib

    def _coef_transposed(self) -> np.ndarray:
        coef_t = self._coef_t
        if coef_t is None or self._coef_t_of is not self.coef:
            coef_t = self._coef_t = np.ascontiguousarray(self.coef.T)
            self._coef_t_of = self.coef
        return coef_t

    # -- batch inference -----------------------------------------------------------------
    def score_folded_many(self, folded: Sequence[str], sides: Sequence[set[str]]) -> ScoredBatch:
        """``logits_and_contributions_folded`` of each text, as one batch: the same floats, bit
        for bit, with numpy called a fixed number of times per batch rather than per text.

        Every float comes from the same operation on the same operands as in the one-text
        path: counts, log, idf, the division by the norm and the products elementwise; each
        norm from the same dot product over the text's own values; each logit a left-to-right
        sum over the text's columns in their order (``np.bincount`` with weights adds in index
        order, as the Fortran-ordered row sum does); the softmax row by row. The tests compare
        the two paths byte for byte."""
        n_texts = len(folded)
        if n_texts == 1:
            # One text: the one-text path has fewer numpy calls (and is the reference).
            probs1, ix1, contrib1 = self.logits_and_contributions_folded(folded[0], sides[0])
            n_words = int(np.count_nonzero(self.word_columns()[ix1]))
            return ScoredBatch([probs1.tolist()], ix1, contrib1.T, [0, len(ix1)], [n_words])
        seqs, lens = self._column_sequences(folded)
        rec = np.repeat(np.arange(n_texts, dtype=np.int64), lens)
        known = seqs >= 0
        cols, counts, rec = _first_occurrences(seqs[known], rec[known], self.n_text)
        t = counts.astype(np.float64)
        np.log(t, out=t)
        t += 1.0
        t *= self.idf[cols]
        text_lens = np.bincount(rec, minlength=n_texts)
        ends = np.cumsum(text_lens).tolist()
        dots = [t[a:b] @ t[a:b] for a, b in zip([0, *ends], ends, strict=False)]
        t /= np.repeat(np.sqrt(np.array(dots, dtype=np.float64)), text_lens)

        # Each text's side features after its text features, in name order (as _vector).
        side_col = self._side_cols()
        side_cols = [[side_col[s] for s in sorted(side) if s in side_col] for side in sides]
        side_lens = np.array([len(c) for c in side_cols], dtype=np.int64)
        side_before = np.cumsum(side_lens) - side_lens
        text_dest = np.arange(len(cols)) + np.repeat(side_before, text_lens)
        side_dest = np.arange(int(side_lens.sum())) + np.repeat(np.cumsum(text_lens), side_lens)
        width = len(text_dest) + len(side_dest)
        ix = np.empty(width, dtype=np.int64)
        v = np.ones(width, dtype=np.float64)
        ix[text_dest] = cols
        v[text_dest] = t
        ix[side_dest] = np.fromiter(chain.from_iterable(side_cols), np.int64, len(side_dest))

        # The products of _contributions, text after text: (width, n_classes) in C order is
        # the memory layout of its Fortran-ordered (n_classes, n_cols) array, so summing a
        # text's rows adds in the same order, bit for bit (a strictly sequential sum such as
        # np.bincount's would be the same numbers too, but it is latency-bound and slower).
        contrib = np.take(self._coef_transposed(), ix, axis=0)  # faster than [ix]
        contrib *= v[:, None]
        bounds = [0, *np.cumsum(text_lens + side_lens).tolist()]
        logits = np.empty((n_texts, contrib.shape[1]), dtype=np.float64)
        add_reduce = np.add.reduce  # what .T.sum(axis=1) calls, without its wrapper
        for row, (a, b) in zip(logits, pairwise(bounds), strict=True):
            add_reduce(contrib[a:b], axis=0, out=row)
        logits += self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        probs = e / e.sum(axis=1, keepdims=True)
        n_words = np.bincount(rec[self.word_columns()[cols]], minlength=n_texts).tolist()
        return ScoredBatch(probs.tolist(), ix, contrib, bounds, n_words)

    def _column_sequences(self, folded: Sequence[str]) -> tuple[np.ndarray, list[int]]:
        """The columns of every text's features in ``vectorize_folded`` order (word unigrams,
        bigrams, each word's character n-grams, symbols; -1 for unknown), all texts joined,
        and the length of each text's part."""
        symbols = self._symbol_cols().get
        bigrams = self._bigram_table()
        cache_get = self._word_arrays.get
        heads: list[int] = []  # word columns of all texts
        word_ids: list[int] = []  # per text: <s>, its words' bigram ids, </s>
        tails: list[str] = []  # the symbol features of all texts
        ends: list[tuple[int, int]] = []
        grams: list[tuple[np.ndarray, ...]] = []
        lens: list[int] = []
        for text in folded:
            # Words and symbols straight from the text: mapping digits to "0" keeps words
            # words and symbols symbols, so only a word with a digit needs it (its entry
            # is that of the mapped word).
            words = _WORD_RE.findall(text)
            entries = [*map(cache_get, words)]  # (a plain lookup per word is the common case)
            if None in entries:
                entries = [
                    e or self._word_array_entry(w) for e, w in zip(entries, words, strict=True)
                ]
            word_cols, gram_cols, gram_lens, ids = zip(*entries, strict=True) if entries else _NONE
            heads += word_cols
            word_ids.append(bigrams.start)
            word_ids += ids
            word_ids.append(bigrams.end)
            n = len(tails)
            tails += _FEATURE_SYMBOL_RE.findall(text)
            ends.append((len(heads), len(tails)))
            grams.append(gram_cols)
            lens.append(2 * len(words) + 1 + len(tails) - n + sum(gram_lens))
        head_arr = np.array(heads, dtype=np.int64)
        bigram_arr = bigrams.columns(np.array(word_ids, dtype=np.int64))
        tail_arr = np.array([*map(symbols, tails, repeat(-1, len(tails)))], dtype=np.int64)
        parts: list[np.ndarray] = []
        h0 = b0 = t0 = 0
        for (h1, t1), g in zip(ends, grams, strict=True):
            b1 = b0 + h1 - h0 + 1  # one bigram more than words
            parts += (head_arr[h0:h1], bigram_arr[b0:b1], *g, tail_arr[t0:t1])
            h0, b0, t0 = h1, b1, t1
        return np.concatenate(parts) if parts else np.empty(0, dtype=np.int64), lens

    def _word_array_entry(self, word: str) -> _WordArrays:
        """(column of "w:" + word or -1, columns of its known "c:" n-grams as an array, their
        number, its id in the bigram table), with the word's digits mapped to "0" (kept
        under the mapped word only: numbers must not fill the cache)."""
        mapped = _DIGIT_RE.sub("0", word)
        if mapped != word:
            return self._word_arrays.get(mapped) or self._word_array_entry(mapped)
        col, grams = self._word_cols.get(word) or self._word_entry(word)
        entry = (
            -1 if col is None else col,
            np.array(grams, dtype=np.int64),
            len(grams),
            self._bigram_table().ids.get(word, 0),
        )
        cache = self._word_arrays
        if len(cache) >= _WORD_CACHE_SIZE:
            cache.clear()  # bounded, as _word_cols
        cache[word] = entry
        return entry

    def _bigram_table(self) -> _BigramTable:
        if self._bigrams is None:
            self._bigrams = _BigramTable(self.text_vocab)
        return self._bigrams

    def _side_cols(self) -> dict[str, int]:
        """Side feature -> its column (after the text columns)."""
        if self._side is None:
            self._side = {s: self.n_text + i for s, i in self.side_vocab.items()}
        return self._side

    def _symbol_cols(self) -> dict[str, int]:
        """The "y:" features keyed by their symbol."""
        if self._symbols is None:
            self._symbols = {t[2:]: i for t, i in self.text_vocab.items() if t.startswith("y:")}
        return self._symbols


# A word's entry for score_folded_many (see _word_array_entry).
_WordArrays = tuple[int, np.ndarray, int, int]
_NONE: tuple[tuple[int, ...], tuple[np.ndarray, ...], tuple[int, ...], tuple[int, ...]] = (
    (),
    (),
    (),
    (),
)


class _BigramTable:
    """The "b:" features as pairs of word ids, to look a batch's bigrams up in numpy at
    once instead of building "b:a b" strings one at a time.

    Words in some bigram feature get ids from 1 (and "<s>", "</s>" their own); any other
    word is 0, which no pair in the table has. Words have no space, so each feature
    splits at its one space into the pair it stands for."""

    def __init__(self, text_vocab: dict[str, int]) -> None:
        pairs = [
            (t[2:].partition(" ")[::2], col) for t, col in text_vocab.items() if t.startswith("b:")
        ]
        self.ids: dict[str, int] = {}
        for (first, second), _ in pairs:
            self.ids.setdefault(first, len(self.ids) + 1)
            self.ids.setdefault(second, len(self.ids) + 1)
        self.start = self.ids.setdefault("<s>", len(self.ids) + 1)
        self.end = self.ids.setdefault("</s>", len(self.ids) + 1)
        self._base = len(self.ids) + 1
        keys = np.array(
            [self.ids[a] * self._base + self.ids[b] for (a, b), _ in pairs], dtype=np.int64
        )
        order = np.argsort(keys)
        self._keys = keys[order]
        self._cols = np.array([col for _, col in pairs], dtype=np.int64)[order]

    def columns(self, word_ids: np.ndarray) -> np.ndarray:
        """The bigram column (or -1) of each pair of neighbours in ``word_ids``, which holds
        each text's words between "<s>" and "</s>" (no pair across texts)."""
        first, second = word_ids[:-1], word_ids[1:]
        keys = (first * self._base + second)[first != self.end]
        if len(self._keys) == 0:
            return np.full(len(keys), -1, dtype=np.int64)
        at = np.minimum(np.searchsorted(self._keys, keys), len(self._keys) - 1)
        return np.where(self._keys[at] == keys, self._cols[at], -1)


def _first_occurrences(
    cols: np.ndarray, rec: np.ndarray, n_cols: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per text, its distinct columns in order of first occurrence, with their counts (what
    ``Counter`` gives one text at a time): (columns, counts, text of each).

    One sort of (text, column, position) keys packed in an int64 finds each pair's first
    position and count; marking the first positions keeps the original order."""
    n = len(cols)
    if n == 0:
        return cols, cols, rec
    pos_bits = max(1, (n - 1).bit_length())
    key_bits = (int(rec[-1]) * n_cols + n_cols).bit_length()
    if key_bits + pos_bits > 62:
        raise ValueError("batch too large to pack its sort keys; score it in parts")
    # (In place where numpy allows: each temporary array of a batch costs about as much as
    # the arithmetic.)
    packed = rec * n_cols
    packed += cols
    packed <<= pos_bits
    packed |= np.arange(n, dtype=np.int64)
    packed.sort()
    keys = packed >> pos_bits
    new = np.empty(n, dtype=bool)
    new[0] = True
    np.not_equal(keys[1:], keys[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    first = packed[starts]
    first &= (1 << pos_bits) - 1
    sizes = np.empty_like(starts)  # of each (text, column) group
    np.subtract(starts[1:], starts[:-1], out=sizes[:-1])
    sizes[-1] = n - starts[-1]
    is_first = np.zeros(n, dtype=bool)
    is_first[first] = True
    counts = np.zeros(n, dtype=np.int64)
    counts[first] = sizes
    keep = np.flatnonzero(is_first)
    return cols[keep], counts[keep], rec[keep]


@dataclass(slots=True)
class ScoredBatch:
    """What ``score_folded_many`` gives: per text, the class probabilities and, for evidence,
    each of its columns' contribution to each class.

    Text i owns columns ``cols[bounds[i]:bounds[i + 1]]`` (text features, then side
    features, as ``vectorize_folded`` orders them); ``contrib[j, k]`` is column j's
    contribution to class k (``_contributions`` gives the same numbers, one text at a time).
    Its first ``n_words[i]`` columns are its word ("w:") features: they come first in the
    feature order, and no other feature has a word column.
    """

    probs: list[list[float]]
    cols: np.ndarray
    contrib: np.ndarray
    bounds: list[int]
    n_words: list[int]

    def top_words(self, i: int, k: int, n: int = 12) -> list[tuple[float, int]]:
        """(contribution, column) of the word features with a positive contribution to
        class k among text i's ``n`` largest contributions, largest first, ties by column:
        what ``np.lexsort((cols, -contrib))[:n]``, then "> 0" and word columns, gives."""
        lo, hi, words = self.bounds[i], self.bounds[i + 1], self.n_words[i]
        if words == 0:
            return []
        values = self.contrib[lo:hi, k]
        word_values = values[:words].tolist()
        word_cols = self.cols[lo : lo + words].tolist()
        found = [(v, c) for v, c in zip(word_values, word_cols, strict=True) if v > 0]
        if found and hi - lo > n:
            # The first n are the values above the n-th largest one, then the columns that
            # have that value, by column, as room remains.
            at = hi - lo - n
            part = values.copy()  # (np.partition, without its wrapper's cost)
            part.partition(at)
            kth = float(part[at])
            found = [(v, c) for v, c in found if v >= kth]
            if any(v == kth for v, _ in found):  # (kth > 0 then: else they are out anyway)
                tied = self.cols[lo:hi][values == kth].tolist()
                # A value only one column has is the n-th largest: that column is in.
                if len(tied) > 1:
                    room = n - int(np.count_nonzero(values > kth))
                    admitted = set(sorted(tied)[:room])
                    found = [(v, c) for v, c in found if v > kth or c in admitted]
        found.sort(key=_by_weight)
        return found


def _by_weight(pair: tuple[float, int]) -> tuple[float, int]:
    """Largest contribution first, ties by column."""
    return -pair[0], pair[1]


def build_vocab(docs: Sequence[Counter[str]], min_df: int = 2) -> tuple[dict[str, int], np.ndarray]:
    """Vocabulary (features in at least ``min_df`` documents) and smoothed idf."""
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    terms = sorted(t for t, n in df.items() if n >= min_df)
    vocab = {t: i for i, t in enumerate(terms)}
    n = len(docs)
    idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in terms], dtype=np.float64)
    return vocab, idf
