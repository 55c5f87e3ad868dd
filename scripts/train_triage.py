"""Train the triage model from data/triage/train.jsonl into
src/somevakt/analysis/models/triage/ (vocab.json + weights.npz, no pickle).

Only the training split is read; the held-out split is for `somevakt eval triage`.
The regularisation strength is chosen by stratified 5-fold cross-validation on the
training split (macro-F1).

    .venv/bin/python scripts/train_triage.py [--train data/triage/train.jsonl] [--c 10]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from somevakt.analysis.classify import CATEGORIES
from somevakt.analysis.triage_model import (
    DEFAULT_MODEL_DIR,
    LinearTriageModel,
    build_vocab,
    side_features,
    text_features,
)
from somevakt.analysis.triage_signals import find_signals

REPO = Path(__file__).resolve().parents[1]


def load(path: Path) -> list[dict[str, str]]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                r = json.loads(line)
                if r.get("category") not in CATEGORIES:
                    raise SystemExit(f"{path}:{n}: unknown category {r.get('category')!r}")
                out.append(r)
    return out


def featurize(records: list[dict[str, str]]) -> tuple[list[Counter[str]], list[set[str]]]:
    counts, sides = [], []
    for r in records:
        text = r["text"]
        counts.append(text_features(text))
        sides.append(side_features(text, find_signals(text), r.get("context")))
    return counts, sides


def matrix(
    counts: list[Counter[str]],
    sides: list[set[str]],
    vocab: dict[str, int],
    idf: np.ndarray,
    side_vocab: dict[str, int],
) -> sparse.csr_matrix:
    """The same vectors LinearTriageModel.vectorize builds at run time."""
    probe = LinearTriageModel(
        list(CATEGORIES), vocab, side_vocab, idf, np.zeros((1, 1)), np.zeros(1)
    )
    rows, cols, vals = [], [], []
    for i, (c, s) in enumerate(zip(counts, sides, strict=True)):
        ix, v = probe.vectorize(c, s)
        rows.extend([i] * len(ix))
        cols.extend(ix.tolist())
        vals.extend(v.tolist())
    shape = (len(counts), len(vocab) + len(side_vocab))
    return sparse.csr_matrix((vals, (rows, cols)), shape=shape)


def fit(counts, sides, y, c_value: float, min_df: int):  # type: ignore[no-untyped-def]
    vocab, idf = build_vocab(counts, min_df=min_df)
    side_terms = sorted({s for ss in sides for s in ss})
    side_vocab = {t: i for i, t in enumerate(side_terms)}
    x = matrix(counts, sides, vocab, idf, side_vocab)
    clf = LogisticRegression(C=c_value, max_iter=3000, class_weight="balanced")
    clf.fit(x, y)
    return clf, vocab, idf, side_vocab


def main() -> None:
    ap = argparse.ArgumentParser(description="Train the triage model.")
    ap.add_argument("--train", type=Path, default=REPO / "data" / "triage" / "train.jsonl")
    ap.add_argument("--out", type=Path, default=DEFAULT_MODEL_DIR)
    ap.add_argument("--c", type=float, default=None, help="skip the search, use this C")
    ap.add_argument("--min-df", type=int, default=2)
    args = ap.parse_args()

    records = load(args.train)
    counts, sides = featurize(records)
    y = np.array([CATEGORIES.index(r["category"]) for r in records])
    print(f"{len(records)} training comments, {dict(Counter(r['category'] for r in records))}")

    c_value = args.c
    if c_value is None:
        best = (-1.0, 1.0)
        skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
        for c in (3.0, 10.0, 30.0):
            scores = []
            for tr, te in skf.split(np.zeros(len(y)), y):
                clf, vocab, idf, sv = fit(
                    [counts[i] for i in tr], [sides[i] for i in tr], y[tr], c, args.min_df
                )
                xt = matrix([counts[i] for i in te], [sides[i] for i in te], vocab, idf, sv)
                scores.append(f1_score(y[te], clf.predict(xt), average="macro"))
            mean = float(np.mean(scores))
            print(f"C={c:g}: cross-validated macro-F1 {mean:.3f}")
            if mean > best[0]:
                best = (mean, c)
        c_value = best[1]

    t0 = time.perf_counter()
    clf, vocab, idf, side_vocab = fit(counts, sides, y, c_value, args.min_df)
    # The classifier saw labels 0..9 in CATEGORIES order; keep that order in the artefact.
    classes = [CATEGORIES[k] for k in clf.classes_]
    model = LinearTriageModel(classes, vocab, side_vocab, idf, clf.coef_, clf.intercept_)
    model.save(
        args.out,
        meta={
            "trained_on": str(args.train.relative_to(REPO))
            if args.train.is_relative_to(REPO)
            else str(args.train),
            "n_train": len(records),
            "C": c_value,
            "min_df": args.min_df,
            "trainer": "sklearn LogisticRegression (multinomial, class_weight=balanced)",
        },
    )
    size = sum(p.stat().st_size for p in args.out.iterdir())
    print(
        f"C={c_value:g}; {len(vocab)} text + {len(side_vocab)} side features; "
        f"trained in {time.perf_counter() - t0:.1f}s; saved {size / 1024:.0f} KiB to {args.out}"
    )


if __name__ == "__main__":
    main()
