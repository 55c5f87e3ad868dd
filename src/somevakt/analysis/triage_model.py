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
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from pathlib import Path

import numpy as np

from somevakt.analysis.normalize import fold
from somevakt.analysis.triage_signals import Signal

DEFAULT_MODEL_DIR = Path(__file__).parent / "models" / "triage"
FORMAT_VERSION = 1

_DIGIT_RE = re.compile(r"\d")
_WORD_RE = re.compile(r"\w+", re.UNICODE)
_SYMBOL_RE = re.compile(r"[^\w\s]")
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
    if not any(c.isalpha() for c in stripped):
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
        coef_t = self._coef_t
        if coef_t is None or self._coef_t_of is not self.coef:
            coef_t = self._coef_t = np.ascontiguousarray(self.coef.T)
            self._coef_t_of = self.coef
        contrib = np.multiply(coef_t[ix].T, v, order="F")
        logits = contrib.sum(axis=1) + self.intercept
        logits -= logits.max()
        e = np.exp(logits)
        return e / e.sum(), ix, contrib


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
