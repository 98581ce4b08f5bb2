#!/usr/bin/env bash
# Offline installation from a wheelhouse: every locked package (runtime, with its build
# backend) downloaded once, checked against the lock's hashes, then installed on a machine
# with no network. The wheelhouse is for the OS, CPU and Python it was made with (here:
# Linux x86_64, CPython 3.11); make one per target.
#   bash scripts/wheelhouse.sh download DIR          # with network: fill DIR
#   bash scripts/wheelhouse.sh install DIR VENV      # offline: new VENV from DIR only
# tests/packaging/test_offline_install.py runs both (slow: `pytest -m packaging`).
set -euo pipefail
cd "$(dirname "$0")/.."
python_bin="$(command -v python3.11 || command -v python3)"
case "${1:-}" in
  download)
    dir="${2:?wheelhouse folder}"
    mkdir -p "$dir"
    "$python_bin" -m pip download -q --require-hashes --no-deps -r requirements/runtime.txt \
      -d "$dir" 2> >(grep -v "^WARNING: Location" >&2)
    echo "wheelhouse: $(ls "$dir" | wc -l) files, $(du -sh "$dir" | cut -f1) in $dir"
    ;;
  install)
    dir="${2:?wheelhouse folder}"
    venv="${3:?virtual environment to create}"
    "$python_bin" -m venv "$venv"
    "$venv/bin/python" -m pip install -q --no-index --find-links "$dir" --require-hashes \
      -r requirements/runtime.txt
    # The project itself, built by the locked setuptools already installed above.
    "$venv/bin/python" -m pip install -q --no-index --no-build-isolation --no-deps . \
      2> >(grep -v "BuildBackendWarning\|^ *!!\|^ *\*\*\*\|Please be careful\|name as your\|with strategy\|^ *$" >&2)
    echo "installed offline into $venv"
    ;;
  *)
    sed -n 2,9p "$0" >&2
    exit 2
    ;;
esac
