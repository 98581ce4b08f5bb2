#!/usr/bin/env bash
# Create .venv and install Case File Explorer into it (with test extras when given "test"):
# exactly the versions and hashes of requirements/*.txt (scripts/lock.sh makes them), then
# the project itself, then the desktop integration (launcher, file type, icons) under
# ~/.local/share. Installs the few system libraries Qt and the tests need when run as root
# on Debian.
#   CASEFILE_VENV=DIR        another virtual environment than .venv (e.g. a scratch check)
#   CASEFILE_NO_DESKTOP=1    skip the desktop integration
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests="${1:-}"
venv="${CASEFILE_VENV:-.venv}"

need_apt=()
# grep without -q reads all its input: with pipefail, -q would SIGPIPE the producer.
have_lib() { ldconfig -p 2>/dev/null | grep "$1" >/dev/null; }
have_lib libEGL.so.1 || need_apt+=(libegl1)
have_lib libGL.so.1 || need_apt+=(libgl1)
have_lib libxkbcommon.so.0 || need_apt+=(libxkbcommon0)
have_lib libfontconfig.so.1 || need_apt+=(libfontconfig1)
have_lib libdbus-1.so.3 || need_apt+=(libdbus-1-3)
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  have_lib libxcb-cursor.so.0 || need_apt+=(libxcb-cursor0)
  have_lib libxkbcommon-x11.so.0 || need_apt+=(libxkbcommon-x11-0)
  have_lib libxcb-icccm.so.4 || need_apt+=(libxcb-icccm4)
  have_lib libxcb-keysyms.so.1 || need_apt+=(libxcb-keysyms1)
fi
# OCR of scanned documents: Tesseract and the languages investigators most need.
command -v tesseract >/dev/null || need_apt+=(tesseract-ocr)
for lang in eng rus ukr kor tur deu; do
  [ -e "/usr/share/tesseract-ocr/5/tessdata/$lang.traineddata" ] \
    || [ -e "/usr/share/tesseract-ocr/4.00/tessdata/$lang.traineddata" ] \
    || need_apt+=("tesseract-ocr-$lang")
done
if [ "$want_tests" = "test" ]; then
  command -v pdftotext >/dev/null || need_apt+=(poppler-utils)
  # Team cases: the service tests run against a local PostgreSQL server too.
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
  # Linux desktop integration is validated by the packaging test.
  command -v desktop-file-validate >/dev/null || need_apt+=(desktop-file-utils)
  command -v appstreamcli >/dev/null || need_apt+=(appstream)
  command -v update-mime-database >/dev/null || need_apt+=(shared-mime-info)
  command -v gio >/dev/null || need_apt+=(libglib2.0-bin)  # MIME sniffing in the test
  fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need_apt+=(fonts-noto-cjk)
  # followthemoney (test oracle only) builds PyICU from source.
  command -v pkg-config >/dev/null || need_apt+=(pkg-config)
  [ -e /usr/include/unicode/uversion.h ] || need_apt+=(libicu-dev)
  command -v g++ >/dev/null || need_apt+=(g++)
fi
python_bin="$(command -v python3.11 || command -v python3)"
"$python_bin" -c 'import ensurepip' 2>/dev/null || need_apt+=(python3-venv)

if [ "${#need_apt[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "setup: installing system packages: ${need_apt[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "setup: please install these system packages first: ${need_apt[*]}" >&2
    exit 1
  fi
fi

if [ ! -x "$venv/bin/python" ]; then
  "$python_bin" -m venv "$venv"
fi
pip_install() {
  # pip's own exit status decides; its noise about absent local mirrors is filtered.
  local log status=0
  log="$(mktemp)"
  "$venv/bin/python" -m pip install -q "$@" >"$log" 2>&1 || status=$?
  grep -v "^WARNING: Location" "$log" >&2 || true
  rm -f "$log"
  if [ "$status" != 0 ]; then echo "setup: pip install $* failed" >&2; exit 1; fi
}
pip_install --upgrade pip
if [ "$want_tests" = "test" ]; then lock=requirements/test.txt; extras="[test]"
else lock=requirements/runtime.txt; extras=""; fi
# The locked versions, each checked against its hash; then the project on top of them
# (with the build backend from the lock). Should pyproject.toml name a dependency the lock
# lacks, pip adds it here and tests/packaging/test_lock.py says to re-lock.
pip_install --require-hashes -r "$lock"
pip_install --no-build-isolation -e ".$extras"
"$venv/bin/python" -c "import db, desktop, PySide6" || { echo "setup: installation failed" >&2; exit 1; }
if [ -z "${CASEFILE_NO_DESKTOP:-}" ]; then
  bash packaging/linux/install.sh "${XDG_DATA_HOME:-$HOME/.local/share}" \
    "$(cd "$venv/bin" && pwd)/casefile" >/dev/null
fi
