#!/usr/bin/env bash
# Regenerate the lock files from pyproject.toml: every package pinned with its hashes, the
# build backend included, so setup.sh (and CI) install exactly what was tested and an
# offline wheelhouse can be made from them. Run after changing dependencies; commit both.
# tests/packaging/test_lock.py fails when pyproject.toml and the locks disagree.
#   bash scripts/lock.sh        (needs pip-tools in .venv: .venv/bin/pip install pip-tools)
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${CASEFILE_VENV:-.venv}"
compile() {
  CUSTOM_COMPILE_COMMAND="bash scripts/lock.sh" "$venv/bin/pip-compile" --quiet \
    --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
    --no-emit-find-links "$@" pyproject.toml
}
# setuptools (the build backend) and pip's wheel builder travel in the lock too.
compile --output-file requirements/runtime.txt --extra build
compile --output-file requirements/test.txt --extra build --extra test
echo "locked: requirements/runtime.txt requirements/test.txt"
