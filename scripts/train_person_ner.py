"""Train the small person-name NER model that ships in somevakt.

The model is a blank Norwegian (``spacy.blank("nb")``) pipeline with one ``ner`` pipe whose
own CNN tok2vec reads hashed NORM, PREFIX, SUFFIX and SHAPE features (no vectors, no
transformer), so it is a few MB and fast on a CPU. It is trained on the NorNE bokmål and
nynorsk train splits together and tuned on the two dev splits: after each epoch it is scored on
dev, and the best epoch by PER F1 (nob and nno dev together) is kept.

Labels: PER is what is measured. ORG, LOC and MISC are kept as well (GPE_LOC -> LOC,
GPE_ORG -> ORG, PROD/EVT/DRV/MISC -> MISC), since a model that knows places and
organisations confuses them less with people.

Social-media augmentation: besides each original sentence, a share of sentences that contain a
person name is added again lower-cased, and a share with æ/ø/å folded to ae/oe/aa (randomly
with or without lower-casing), so that "kari nordmann" and "Kaare Oeyen" are still names.

Name swapping (``--swap-share``): a share of the sentences with a person name is added again
with every PER span replaced by another PER span drawn from the train split, so that the model
learns the contexts people appear in ("..., seier X", "representanten X") rather than the
names themselves; dev and test name other people than train does.

Also written, for the recognizer's rules (derived word lists only, never NorNE sentences):
``first_names.txt`` (first tokens of PER spans), ``name_tokens.txt`` (capitalised tokens found
mostly inside PER spans) and ``common_words.txt`` (lower-case words, folded). The string store
is slimmed to the entity labels: features are hashed, so the training vocabulary is not needed.

Reproducible: fixed seeds, one thread. The shipped model was made with the defaults,

    OMP_NUM_THREADS=1 nice -n 5 .venv/bin/python scripts/train_person_ner.py \\
        --out /tmp/ner-run/model --rows 16000 --swap-share 0.5 --epochs 15 --patience 3 \\
        > /tmp/ner-train.log 2>&1

and copied into ``src/somevakt/analysis/models/person_ner`` (best epoch 5 of 8, stopped after 3
epochs without gain; about 1.5 to 2 minutes an epoch on an idle core, 45 minutes in all on a
busy 2-core machine). ``--lists-only`` rewrites only the word lists.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from somevakt.analysis.name_model.export import export

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "norne"
LABEL_MAP = {
    "PER": "PER",
    "ORG": "ORG",
    "GPE_ORG": "ORG",
    "LOC": "LOC",
    "GPE_LOC": "LOC",
    "PROD": "MISC",
    "EVT": "MISC",
    "DRV": "MISC",
    "MISC": "MISC",
}
FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})

Sentence = tuple[list[str], list[str]]  # words, IOB2 tags


def read_bio(path: Path) -> Iterator[Sentence]:
    """Read a NorNE .bio.tsv file: token TAB IOB2 tag, blank line between sentences."""
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if words:
                    yield words, tags
                words, tags = [], []
                continue
            word, _, tag = line.partition("\t")
            words.append(word)
            tags.append(tag.strip() or "O")
    if words:
        yield words, tags


def map_tags(tags: list[str]) -> list[str]:
    out = []
    for tag in tags:
        if tag == "O" or "-" not in tag:
            out.append("O")
            continue
        prefix, label = tag.split("-", 1)
        mapped = LABEL_MAP.get(label)
        out.append(f"{prefix}-{mapped}" if mapped else "O")
    # Repair an I- that follows O or another label (IOB2 -> valid BILUO later).
    for i, tag in enumerate(out):
        if tag.startswith("I-") and (i == 0 or out[i - 1][2:] != tag[2:]):
            out[i] = "B-" + tag[2:]
    return out


def iob_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token spans [start, end) with labels from IOB2 tags."""
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    label = ""
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == label):
            spans.append((start, i, label))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, label = i, tag[2:]
    return spans


def augment(
    sentences: list[Sentence], rng: random.Random, lower_share: float, fold_share: float
) -> list[Sentence]:
    """Extra copies as social media write them: lower case, æøå folded."""
    extra: list[Sentence] = []
    for words, tags in sentences:
        has_per = any(t.endswith("-PER") for t in tags)
        boost = 1.0 if has_per else 0.3
        if rng.random() < lower_share * boost:
            extra.append(([w.lower() for w in words], tags))
        if any(ch in "æøåÆØÅ" for w in words for ch in w) and rng.random() < fold_share * boost:
            lower = rng.random() < 0.5
            extra.append(([(w.lower() if lower else w).translate(FOLD) for w in words], tags))
    return extra


def swap_names(sentences: list[Sentence], rng: random.Random, share: float) -> list[Sentence]:
    """Copies of sentences with a person name in which every PER span is replaced by another
    PER span drawn from the train split, so that the model learns from the context around a
    name, not only from the names it has seen (dev and test name other people)."""
    pool: list[list[str]] = []
    for words, tags in sentences:
        pool.extend(words[s:e] for s, e, lab in iob_to_spans(tags) if lab == "PER")
    extra: list[Sentence] = []
    if not pool:
        return extra
    for words, tags in sentences:
        spans = [(s, e) for s, e, lab in iob_to_spans(tags) if lab == "PER"]
        if not spans or rng.random() >= share:
            continue
        new_words: list[str] = []
        new_tags: list[str] = []
        pos = 0
        for s, e in spans:
            new_words.extend(words[pos:s])
            new_tags.extend(tags[pos:s])
            name = rng.choice(pool)
            new_words.extend(name)
            new_tags.extend(["B-PER"] + ["I-PER"] * (len(name) - 1))
            pos = e
        new_words.extend(words[pos:])
        new_tags.extend(tags[pos:])
        extra.append((new_words, new_tags))
    return extra


def first_name_gazetteer(sentences: list[Sentence], min_count: int) -> list[str]:
    """First tokens of multi-token PER spans that are seldom lower-case words in the corpus."""
    first: Counter[str] = Counter()
    lower_use: Counter[str] = Counter()
    for words, tags in sentences:
        for w in words:
            if w.islower():
                lower_use[w] += 1
        for start, end, label in iob_to_spans(tags):
            if label == "PER" and end - start >= 2:
                w = words[start]
                if w.isalpha() and w[0].isupper() and len(w) >= 2 and not w.isupper():
                    first[w] += 1
    names = [w for w, n in first.items() if n >= min_count and lower_use[w.lower()] <= n // 4]
    return sorted(names, key=lambda w: (w.lower(), w))


def name_tokens(sentences: list[Sentence], min_count: int) -> list[str]:
    """Capitalised tokens that are mostly inside PER spans (surnames, single names)."""
    per: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for words, tags in sentences:
        inside: set[int] = set()
        for start, end, label in iob_to_spans(tags):
            if label == "PER":
                inside.update(range(start, end))
        for i, w in enumerate(words):
            (per if i in inside else other)[w] += 1
    return sorted(
        w
        for w, n in per.items()
        if n >= min_count
        and w[:1].isupper()
        and w.isalpha()
        and len(w) >= 3
        and not w.isupper()
        and n >= 3 * other[w]
        and other[w.lower()] == 0
    )


def common_words(sentences: list[Sentence], min_count: int) -> list[str]:
    """Lower-case words seen at least min_count times: what a name usually is not."""
    counts: Counter[str] = Counter()
    for words, _tags in sentences:
        for w in words:
            if w.isalpha() and w.islower():
                counts[w] += 1
    return sorted(w for w, n in counts.items() if n >= min_count)


def write_lists(out: Path, train: list[Sentence], min_name_count: int, min_word_count: int) -> None:
    """The derived word lists the recognizer's rules use (no NorNE sentences are shipped)."""
    out.mkdir(parents=True, exist_ok=True)
    names = first_name_gazetteer(train, min_name_count)
    (out / "first_names.txt").write_text(
        "# First names: first tokens of NorNE train PER spans (CC0), derived list only.\n"
        + "\n".join(names)
        + "\n",
        encoding="utf-8",
    )
    from somevakt.analysis.normalize import fold_word

    tokens = name_tokens(train, min_name_count)
    (out / "name_tokens.txt").write_text(
        "# Capitalised tokens found mostly inside NorNE train PER spans (CC0), derived list only.\n"
        + "\n".join(tokens)
        + "\n",
        encoding="utf-8",
    )
    common = sorted({fold_word(w) for w in common_words(train, min_word_count)})
    (out / "common_words.txt").write_text(
        "# Lower-case words seen in NorNE train (CC0), derived list only; folded as\n"
        "# somevakt.analysis.normalize.fold_word folds them (æ/ae -> a, ø/oe -> o, å/aa -> a).\n"
        + "\n".join(common)
        + "\n",
        encoding="utf-8",
    )
    print(
        f"lists: {len(names)} first names, {len(tokens)} name tokens, {len(common)} common words",
        flush=True,
    )


def slim(model_dir: Path, labels: list[str]) -> None:
    """Keep only what inference needs. The string store would list every training token
    (features are hashed, so it is not needed); it keeps only the entity labels."""
    (model_dir / "vocab" / "strings.json").write_text(json.dumps(sorted(labels)), encoding="utf-8")


def build_nlp(  # type: ignore[no-untyped-def]
    width: int, depth: int, rows: int, hidden: int, window: int = 1
):
    import spacy

    nlp = spacy.blank("nb")
    model = {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": hidden,
        "maxout_pieces": 2,
        "use_upper": True,
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": {
                "@architectures": "spacy.MultiHashEmbed.v2",
                "width": width,
                "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
                "rows": [rows, rows // 4, rows // 2, rows // 8],
                "include_static_vectors": False,
            },
            "encode": {
                "@architectures": "spacy.MaxoutWindowEncoder.v2",
                "width": width,
                "depth": depth,
                "window_size": window,
                "maxout_pieces": 3,
            },
        },
    }
    nlp.add_pipe("ner", config={"model": model})
    return nlp


def make_examples(nlp, sentences: list[Sentence]):  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc
    from spacy.training import Example

    examples = []
    for words, tags in sentences:
        doc = Doc(nlp.vocab, words=words, spaces=[True] * len(words))
        ents = [(doc[s:e].start_char, doc[s:e].end_char, lab) for s, e, lab in iob_to_spans(tags)]
        examples.append(Example.from_dict(doc, {"entities": ents}))
    return examples


def per_counts(nlp, examples) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    """PER true positives, false positives and false negatives (exact spans), model alone."""
    ner = nlp.get_pipe("ner")
    docs = list(ner.pipe([eg.predicted.copy() for eg in examples], batch_size=256))
    tp = fp = fn = 0
    for eg, doc in zip(examples, docs, strict=True):
        gold = {(e.start, e.end) for e in eg.reference.ents if e.label_ == "PER"}
        pred = {(e.start, e.end) for e in doc.ents if e.label_ == "PER"}
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    return tp, fp, fn


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="NorNE folder with nob/ and nno/"
    )
    ap.add_argument("--out", type=Path, required=True, help="where the best model is written")
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument(
        "--patience", type=int, default=3, help="stop after this many epochs without gain"
    )
    ap.add_argument("--width", type=int, default=64)
    ap.add_argument("--depth", type=int, default=3)
    ap.add_argument(
        "--rows", type=int, default=16000, help="hash rows for NORM (others scaled down)"
    )
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--window", type=int, default=1, help="words each side the CNN sees per layer")
    ap.add_argument("--batch-start", type=float, default=16.0)
    ap.add_argument("--batch-end", type=float, default=128.0)
    ap.add_argument("--dropout", type=float, default=0.15)
    ap.add_argument("--lower-share", type=float, default=0.35)
    ap.add_argument("--fold-share", type=float, default=0.3)
    ap.add_argument(
        "--swap-share",
        type=float,
        default=0.5,
        help="share of sentences with a name added again with other names from train",
    )
    ap.add_argument("--min-name-count", type=int, default=1)
    ap.add_argument("--min-word-count", type=int, default=2)
    ap.add_argument("--lists-only", action="store_true", help="write only the word lists")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--limit", type=int, default=0, help="use only N train sentences (smoke test)")
    args = ap.parse_args(argv)

    from spacy.util import compounding, fix_random_seed, minibatch

    fix_random_seed(args.seed)
    rng = random.Random(args.seed)

    train: list[Sentence] = []
    dev: dict[str, list[Sentence]] = {}
    for variety in ("nob", "nno"):
        train.extend((w, map_tags(t)) for w, t in read_bio(args.data / variety / "train.bio.tsv"))
        dev[variety] = [(w, map_tags(t)) for w, t in read_bio(args.data / variety / "dev.bio.tsv")]
    if args.limit:
        rng.shuffle(train)
        train = train[: args.limit]
    write_lists(args.out, train, args.min_name_count, args.min_word_count)
    if args.lists_only:
        return 0
    extra = augment(train, rng, args.lower_share, args.fold_share)
    extra += swap_names(train, rng, args.swap_share)
    print(
        f"train {len(train)} sentences + {len(extra)} augmented; "
        f"dev nob {len(dev['nob'])} nno {len(dev['nno'])}",
        flush=True,
    )

    nlp = build_nlp(args.width, args.depth, args.rows, args.hidden, args.window)
    train_ex = make_examples(nlp, train + extra)
    dev_ex = {k: make_examples(nlp, v) for k, v in dev.items()}
    optimizer = nlp.initialize(lambda: train_ex[:2000])
    optimizer.learn_rate = 0.001

    best_f = -1.0
    best: dict[str, object] = {}
    stale = 0
    for epoch in range(1, args.epochs + 1):
        t0 = time.time()
        rng.shuffle(train_ex)
        losses: dict[str, float] = {}
        for batch in minibatch(train_ex, size=compounding(args.batch_start, args.batch_end, 1.001)):
            nlp.update(batch, sgd=optimizer, drop=args.dropout, losses=losses)
        with nlp.use_params(optimizer.averages):
            nob_c = per_counts(nlp, dev_ex["nob"])
            nno_c = per_counts(nlp, dev_ex["nno"])
            all_c = (nob_c[0] + nno_c[0], nob_c[1] + nno_c[1], nob_c[2] + nno_c[2])
            line = {
                "epoch": epoch,
                "loss": round(float(losses.get("ner", 0.0)), 1),
                "seconds": round(time.time() - t0),
                "dev_PER": prf(*all_c),
                "nob_PER": prf(*nob_c),
                "nno_PER": prf(*nno_c),
            }
            print(json.dumps(line), flush=True)
            if line["dev_PER"]["f"] > best_f:
                best_f = line["dev_PER"]["f"]
                best = line
                stale = 0
                args.out.mkdir(parents=True, exist_ok=True)
                nlp.to_disk(args.out)
                slim(args.out, list(nlp.get_pipe("ner").labels))
                export(args.out)  # what somevakt runs: network.npz, tokenizer_rules.json
                write_meta(args, argv, best)
            else:
                stale += 1
        if stale >= args.patience:
            print(f"no gain for {stale} epochs: stop", flush=True)
            break

    write_meta(args, argv, best)
    print("best", json.dumps(best), flush=True)
    return 0


def write_meta(args: argparse.Namespace, argv: list[str] | None, best: dict[str, object]) -> None:
    """training.json: the command, the hyper-parameters and the best epoch's dev scores
    (rewritten at every better epoch, so a stopped run still describes its model)."""
    import spacy

    (args.out / "training.json").write_text(
        json.dumps(
            {
                "command": " ".join(
                    ["scripts/train_person_ner.py", *(argv if argv is not None else sys.argv[1:])]
                ),
                "hyperparameters": {
                    k: (str(v) if isinstance(v, Path) else v)
                    for k, v in vars(args).items()
                    if k not in ("data", "out")
                },
                "spacy": spacy.__version__,
                "best": best,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    raise SystemExit(main())
