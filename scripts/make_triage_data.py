"""Write the project's triage data: data/triage/train.jsonl and data/triage/heldout.jsonl.

The two splits come from separate pools of hand-written comments and templates
(scripts/triage_data/train_pool.py and heldout_pool.py); only generic slot fillers (places,
made-up names, services) and surface transforms (no æøå, dialect, typos, emoji, @mentions)
are shared. After generation, held-out comments that nearly duplicate a training comment
or a shared example (character 4-gram Jaccard >= 0.6) are dropped, and so are training
comments that nearly duplicate a shared example, so neither split leaks.

Identity and account numbers are made up: random dates and individual numbers with valid
check digits (python-stdnum), never copied from anywhere.

    .venv/bin/python scripts/make_triage_data.py [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from triage_data import (
    common,
    heldout2_pool,
    heldout3_pool,
    heldout4_pool,
    heldout_pool,
    train_pool,
    train_pool2,
    train_pool3,
    train_pool4,
)

from somevakt.analysis.classify import CATEGORIES

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "data" / "triage"
SHARED_EXAMPLES = REPO.parent / "shared" / "data" / "examples-comments.jsonl"
_SLOT = re.compile(r"\{(\w+)\}")


def fill(template: str, slots: dict[str, list[str]], rng: random.Random, pool: Any) -> str:
    def one(m: re.Match[str]) -> str:
        key = m.group(1)
        if key in slots:
            return rng.choice(slots[key])
        if key == "place":
            return rng.choice(common.PLACES)
        if key == "name":
            return common.name(rng)
        if key == "first":
            return rng.choice(common.FIRST)
        if key == "last":
            return rng.choice(common.LAST)
        if key == "service":
            return rng.choice(common.SERVICES)
        if key == "school":
            return rng.choice(common.SCHOOLS)
        if key == "weekday":
            return rng.choice(common.WEEKDAYS)
        if key == "month":
            return rng.choice(common.MONTHS)
        if key == "day":
            return str(rng.randint(1, 28))
        if key == "fnr":
            return common.fake_fnr(rng, "f")
        if key == "dnr":
            return common.fake_fnr(rng, "d")
        if key == "konto":
            return common.fake_account(rng)
        if key == "num":
            return common.fake_nonid_number(rng)
        if key == "phone":
            return common.phone(rng)
        if key == "amount":
            return str(rng.randint(2, 40) * 500)
        if key == "diag":
            return rng.choice(getattr(pool, "DIAG", None) or pool.HDIAG)
        if key == "rel":
            return rng.choice(getattr(pool, "REL", None) or pool.HREL)
        if key == "group":
            return rng.choice(pool.GROUP)
        raise KeyError(f"unknown slot {{{key}}} in {template!r}")

    text = template
    for _ in range(4):  # slot values may contain slots
        new = _SLOT.sub(one, text)
        if new == text:
            break
        text = new
    text = text[0].upper() + text[1:] if text and text[0].islower() and rng.random() < 0.8 else text
    return text


def generate(
    pool: Any, target: int, rng: random.Random, prefix: str, hand_copies: int
) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for cat in CATEGORIES:
        seen: set[str] = set()
        items: list[tuple[str, str]] = []
        hand = pool.HAND[cat]
        for i, h in enumerate(hand):
            h_text, context = (h, None) if isinstance(h, str) else h
            for copy in range(hand_copies):
                text = fill(h_text, pool.SLOTS, rng, pool)
                if copy > 0 or rng.random() < 0.5:
                    text = common.vary(text, rng)
                if text not in seen:
                    seen.add(text)
                    items.append((text, f"hand:{i}", context))
        templates = pool.TEMPLATES[cat]
        attempts = 0
        while len(items) < target and attempts < target * 30:
            attempts += 1
            t = rng.randrange(len(templates))
            text = common.vary(fill(templates[t], pool.SLOTS, rng, pool), rng)
            if text not in seen:
                seen.add(text)
                items.append((text, f"template:{t}", None))
        for text, origin, context in items:
            rec = {"text": text, "category": cat, "note": origin}
            if context:
                rec["context"] = context
            records.append(rec)
    rng.shuffle(records)
    for i, r in enumerate(records, 1):
        r["id"] = f"{prefix}{i:05d}"
    keys = ("id", "text", "context", "category", "note")
    return [{k: r[k] for k in keys if k in r} for r in records]


class _TrainPool:
    """train_pool with the second, third and fourth rounds of hand-written comments added."""

    HAND = {
        c: [
            *train_pool.HAND[c],
            *train_pool2.HAND.get(c, []),
            *train_pool3.HAND.get(c, []),
            *train_pool4.HAND.get(c, []),
        ]
        for c in CATEGORIES
    }
    TEMPLATES = train_pool.TEMPLATES
    SLOTS = train_pool.SLOTS
    DIAG = train_pool.DIAG
    REL = train_pool.REL
    GROUP = train_pool.GROUP


def grams(text: str) -> set[str]:
    t = re.sub(r"\s+", " ", text.lower())
    return {t[i : i + 4] for i in range(max(1, len(t) - 3))}


def near_duplicates(a: list[dict[str, Any]], b: list[str], threshold: float) -> set[int]:
    """Indices in ``a`` whose text has Jaccard >= threshold with any text in ``b``."""
    bg = [grams(t) for t in b]
    index: dict[str, list[int]] = {}
    for j, g in enumerate(bg):
        for x in g:
            index.setdefault(x, []).append(j)
    out: set[int] = set()
    for i, r in enumerate(a):
        g = grams(r["text"])
        shared: Counter[int] = Counter()
        for x in g:
            shared.update(index.get(x, ()))
        for j, n in shared.items():
            if n / (len(g) + len(bg[j]) - n) >= threshold:
                out.add(i)
                break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--train-per-category", type=int, default=260)
    ap.add_argument("--heldout-per-category", type=int, default=48)
    ap.add_argument("--threshold", type=float, default=0.6)
    args = ap.parse_args()

    train = generate(_TrainPool, args.train_per_category, random.Random(args.seed), "tr", 3)
    heldout = generate(
        heldout_pool, args.heldout_per_category, random.Random(args.seed + 1000), "ho", 1
    )
    shared: list[str] = []
    if SHARED_EXAMPLES.is_file():
        shared = [json.loads(line)["text"] for line in SHARED_EXAMPLES.open(encoding="utf-8")]
    # heldout4 (scripts/triage_data/heldout4_pool.py) is the clean measurement and heldout3
    # the development check: no training comment may nearly duplicate either (nor heldout2).
    heldout2 = [r["text"] for r in heldout2_pool.build()]
    heldout3 = [r["text"] for r in heldout3_pool.build()]
    heldout4 = [r["text"] for r in heldout4_pool.build()]
    drop_train = near_duplicates(train, shared + heldout2 + heldout3 + heldout4, args.threshold)
    train = [r for i, r in enumerate(train) if i not in drop_train]
    drop_held = near_duplicates(heldout, [r["text"] for r in train] + shared, args.threshold)
    heldout = [r for i, r in enumerate(heldout) if i not in drop_held]

    OUT.mkdir(parents=True, exist_ok=True)
    for name, recs in (("train", train), ("heldout", heldout)):
        with (OUT / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for r in recs:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"train: {len(train)} (dropped {len(drop_train)} near shared examples or heldout2-4)")
    print(f"heldout: {len(heldout)} (dropped {len(drop_held)} near train/shared)")
    for name, recs in (("train", train), ("heldout", heldout)):
        print(name, dict(sorted(Counter(r["category"] for r in recs).items())))


if __name__ == "__main__":
    main()
