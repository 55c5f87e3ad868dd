"""Export the trained spaCy person-name model for somevakt's numpy runtime.

    .venv/bin/python scripts/export_person_ner.py [MODEL_DIR]

Reads the spaCy pipeline in MODEL_DIR (default: the packaged model,
``src/somevakt/analysis/models/person_ner``; ``scripts/train_person_ner.py`` calls the same
export for every model it saves) and writes what ``somevakt.analysis.name_model`` loads next
to it: ``network.npz`` (the weights) and ``tokenizer_rules.json`` (the tokenizer's rules).
spaCy is needed here, never at run time.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from somevakt.analysis.name_model.export import export
from somevakt.analysis.recognizers.person_name import MODEL_DIR


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Export the person-name model for the runtime.")
    ap.add_argument("model_dir", nargs="?", type=Path, default=MODEL_DIR)
    args = ap.parse_args(argv)
    for path in export(args.model_dir):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
