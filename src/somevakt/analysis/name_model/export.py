"""Write the runtime's files from a trained spaCy pipeline (needs spaCy; training only)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from somevakt.analysis.name_model.model import NETWORK_FILE, TOKENIZER_FILE
from somevakt.analysis.name_model.network import weights_from_spacy
from somevakt.analysis.name_model.tokenizer import rules_from_spacy


def export(model_dir: Path) -> list[Path]:
    """Read the spaCy pipeline in ``model_dir``; write ``network.npz`` and
    ``tokenizer_rules.json`` next to it. Returns the paths written."""
    import spacy  # the runtime never imports this module

    nlp = spacy.load(model_dir, exclude=["tagger", "parser", "lemmatizer", "senter"])
    network, rules = model_dir / NETWORK_FILE, model_dir / TOKENIZER_FILE
    np.savez(network, **weights_from_spacy(nlp))  # type: ignore[arg-type]
    rules.write_text(
        json.dumps(rules_from_spacy(nlp), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return [network, rules]
