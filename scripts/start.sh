#!/usr/bin/env bash
# The README's first command: install somevakt and run the main job on the embedded default.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/pip install --disable-pip-version-check -q -e .
exec .venv/bin/somevakt demo "$@"
