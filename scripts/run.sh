#!/usr/bin/env bash
# Set up (first time only) and start Case File Explorer.
# With no argument it opens a fresh copy of the bundled sample case; else the given file.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${CASEFILE_VENV:-.venv}"
bash scripts/setup.sh
exec "$venv"/bin/casefile "$@"
