#!/usr/bin/env bash
# The README's second command: install everything the tests need and run every test:
# lint (ruff), types (mypy), and pytest against SQLite and against a real PostgreSQL
# server started here on loopback. Browser tests drive Debian's chromium via Playwright.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}

bash scripts/system-packages.sh

[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/pip install --disable-pip-version-check -q -e ".[dev]"

echo "== ruff"
.venv/bin/ruff check src tests benchmarks scripts
echo "== mypy"
.venv/bin/mypy

echo "== pytest (SQLite)"
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"

if [ -d tests/web ] && [ "${SOMEVAKT_SKIP_POSTGRES:-}" != "1" ]; then
  echo "== pytest (PostgreSQL)"
  url=$(bash scripts/postgres-test-server.sh)
  SOMEVAKT_DATABASE_URL="$url" .venv/bin/python -m pytest -q -p no:cacheprovider -m "not browser" tests/web "$@"
fi
