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
matrix-vector product.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
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


def text_features(text: str, folded: str | None = None) -> Counter[str]:
    """Raw counts of the TF-IDF features of one text (``folded``: fold(text).text, if known)."""
    ft = _DIGIT_RE.sub("0", folded if folded is not None else fold(text).text)
    words = _WORD_RE.findall(ft)
    feats: list[str] = ["w:" + w for w in words]
    feats += ["b:" + a + " " + b for a, b in zip(["<s>", *words], [*words, "</s>"], strict=True)]
    for w in words:
        p = " " + w + " "
        m = len(p)
        feats += ["c:" + p[i : i + n] for n in _CHAR_N if n <= m for i in range(m - n + 1)]
    feats += ["y:" + y for y in _SYMBOL_RE.findall(ft) if y not in ".,"]
    return Counter(feats)


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
        feats.update("ctx:" + k for k in context_mismatches(text, context))
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


def context_mismatches(text: str, context: str) -> set[str]:
    """Cheap comparisons between a comment and the post it answers.

    A comment that states a date, weekday, time or status different from the post is a
    candidate factual error ("julegateåpninga er 12. desember" under a post saying 28.
    november).
    """
    t = fold(text).text
    c = fold(context).text
    out: set[str] = set()
    for name, rx in (
        ("date", _DATE_RE),
        ("weekday", _WEEKDAY_RE),
        ("clock", _CLOCK_RE),
        ("status", _STATUS_RE),
    ):
        tv = {m.group(0) for m in rx.finditer(t)}
        cv = {m.group(0) for m in rx.finditer(c)}
        if tv and cv and not (tv & cv):
            out.add(name + "_differs")
        elif tv and cv:
            out.add(name + "_agrees")
    return out


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
        pairs = [(j, c) for j, c in ((get(t), c) for t, c in counts.items()) if j is not None]
        ix = np.fromiter((j for j, _ in pairs), dtype=np.int64, count=len(pairs))
        if len(ix):
            v = 1.0 + np.log(np.fromiter((c for _, c in pairs), dtype=np.float64, count=len(pairs)))
            v *= self.idf[ix]
            v /= float(np.sqrt(v @ v))
        else:
            v = np.zeros(0)
        # Sorted: ``side`` is a set, whose order differs between processes (PYTHONHASHSEED),
        # and the order of the columns decides float sums and ties downstream.
        side_idx = [self.n_text + self.side_vocab[s] for s in sorted(side) if s in self.side_vocab]
        if side_idx:
            ix = np.concatenate([ix, np.asarray(side_idx, dtype=np.int64)])
            v = np.concatenate([v, np.ones(len(side_idx))])
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

    def logits_and_contributions(
        self, counts: Counter[str], side: set[str]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(probabilities, column indices, per-class contributions (n_classes, n_cols))."""
        ix, v = self.vectorize(counts, side)
        contrib = self.coef[:, ix] * v
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
