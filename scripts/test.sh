#!/usr/bin/env bash
# Set up (first time only) and run everything CI runs: lint, the layering contract, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
echo "== ruff"
.venv/bin/ruff check db desktop resources tests bench
echo "== import-linter (db/ never imports Qt, pyqtgraph or desktop/)"
.venv/bin/lint-imports
echo "== pytest"
.venv/bin/python -m pytest -q "$@"
