#!/usr/bin/env bash
# Build the one-folder bundle: dist/casefile-VERSION/ with the `casefile` executable, Qt,
# the migrations, the sample article, icons, styles and translations. Needs the test
# extras (PyInstaller) in the venv: `bash scripts/setup.sh test` first.
#   bash packaging/build.sh            -> dist/casefile-VERSION/casefile
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${CASEFILE_VENV:-.venv}"
out="${CASEFILE_DIST:-dist}"
"$venv/bin/python" scripts/translations.py check
"$venv/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$out" \
  --workpath "${CASEFILE_BUILD:-build}/pyinstaller" packaging/casefile.spec
bundle="$(ls -d "$out"/casefile-*/ | head -1)"
echo "built ${bundle%/} ($(du -sh "$bundle" | cut -f1))"
