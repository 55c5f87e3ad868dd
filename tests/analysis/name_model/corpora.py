"""Texts the name-model tests compare with spaCy on: NorNE dev and the project's triage data."""

from __future__ import annotations

import json
from pathlib import Path

from somevakt.evaluation.names import read_bio

ROOT = Path(__file__).resolve().parents[3]


def norne_dev_sentences(norne: Path) -> list[list[str]]:
    """The token lists of NorNE dev, bokmål then nynorsk."""
    return [
        words
        for lang in ("nob", "nno")
        for path in sorted((norne / lang).glob("*dev*"))
        for words, _tags in read_bio(path)
    ]


def triage_texts() -> list[str]:
    """The texts of every file in data/triage."""
    texts = []
    for path in sorted((ROOT / "data" / "triage").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts
