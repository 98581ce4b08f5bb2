#!/usr/bin/env bash
# Install the Linux desktop integration: the .desktop launcher, AppStream metainfo, the
# case-file MIME type and the icons, into DATA_DIR (default $XDG_DATA_HOME, else
# ~/.local/share; /usr/local/share for everyone), with Exec pointing at COMMAND (default:
# casefile on PATH). Refreshes the caches when the tools are there. Used by
# scripts/setup.sh (for .venv/bin/casefile) and for a bundle (its casefile executable).
#   bash packaging/linux/install.sh [DATA_DIR] [COMMAND]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
share="${1:-${XDG_DATA_HOME:-$HOME/.local/share}}"
command="${2:-casefile}"
app_id=org.casefileexplorer.CaseFileExplorer
mkdir -p "$share/applications" "$share/metainfo" "$share/mime/packages"
# Exec and TryExec name the command to run; a path with spaces is quoted as the spec says.
case "$command" in *" "*) exec_line="\"$command\"" ;; *) exec_line="$command" ;; esac
sed -e "s|^Exec=casefile |Exec=$exec_line |" -e "s|^TryExec=casefile$|TryExec=$command|" \
  "$here/$app_id.desktop" >"$share/applications/$app_id.desktop"
cp "$here/$app_id.metainfo.xml" "$share/metainfo/"
cp "$here/$app_id.mime.xml" "$share/mime/packages/$app_id.xml"
mkdir -p "$share/icons"
cp -r "$here/../icons/hicolor" "$share/icons/"
# (update-mime-database notes on stderr when DATA_DIR is not on XDG_DATA_DIRS: not an error)
if command -v update-mime-database >/dev/null; then update-mime-database "$share/mime" 2>/dev/null; fi
if command -v update-desktop-database >/dev/null; then
  update-desktop-database -q "$share/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null; then
  gtk-update-icon-cache -q -t -f "$share/icons/hicolor" 2>/dev/null || true
fi
echo "desktop integration installed under $share (runs $command)"
