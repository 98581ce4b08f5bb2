#!/usr/bin/env bash
# Set up (first time only) and run everything CI runs: lint, the layering contract, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${CASEFILE_VENV:-.venv}"
bash scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
echo "== ruff"
"$venv"/bin/ruff check db desktop cli resources tests bench
echo "== import-linter (the layering contracts in pyproject.toml)"
"$venv"/bin/lint-imports
echo "== pytest"
"$venv"/bin/python -m pytest -q "$@"
