"""Linux desktop integration: the launcher, AppStream metainfo, the case-file MIME type and
the icons pass their validators, agree with each other and with the code (application id
in the SQLite header, version in pyproject.toml), and the installed MIME type recognises
a real case file by its content."""

from __future__ import annotations

import shutil
import sqlite3
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

from db.core.seam.sqlite import APPLICATION_ID

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "org.casefileexplorer.CaseFileExplorer"
LINUX = ROOT / "packaging" / "linux"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def run(*command: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, **kwargs)


def test_desktop_file_validates():
    result = run("desktop-file-validate", str(LINUX / f"{APP_ID}.desktop"))
    assert result.returncode == 0 and result.stdout == "", result.stdout


def test_metainfo_validates_and_names_this_version():
    metainfo = LINUX / f"{APP_ID}.metainfo.xml"
    result = run("appstreamcli", "validate", "--no-net", "--explain", str(metainfo))
    assert result.returncode == 0, result.stdout
    root = ET.parse(metainfo).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert root.find("releases/release").get("version") == version


def test_mime_magic_is_the_application_id_of_the_code():
    root = ET.parse(LINUX / f"{APP_ID}.mime.xml").getroot()
    mime = root.find(f"{MIME_NS}mime-type")
    outer = mime.find(f"{MIME_NS}magic/{MIME_NS}match")
    inner = outer.find(f"{MIME_NS}match")
    assert (outer.get("offset"), outer.get("value")) == ("0", "SQLite format 3\\0")
    assert (inner.get("type"), inner.get("offset")) == ("big32", "68")
    assert int(inner.get("value"), 16) == APPLICATION_ID
    desktop = (LINUX / f"{APP_ID}.desktop").read_text()
    assert f"MimeType={mime.get('type')};" in desktop


def test_icons_at_standard_sizes():
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = ROOT / "packaging" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        width, height = struct.unpack(">II", png.read_bytes()[16:24])
        assert (width, height) == (size, size)
    assert (ROOT / "packaging" / "icons" / "casefile.ico").read_bytes()[:4] == b"\0\0\1\0"
    assert (ROOT / "packaging" / "icons" / "casefile.icns").read_bytes()[:4] == b"icns"


def test_installed_mime_type_recognises_case_files_by_content(tmp_path, sample):
    share = tmp_path / "share"
    result = run("bash", str(LINUX / "install.sh"), str(share), "/opt/my casefile/casefile")
    assert result.returncode == 0, result.stderr
    launcher = share / "applications" / f"{APP_ID}.desktop"
    assert 'Exec="/opt/my casefile/casefile" %f' in launcher.read_text()
    assert run("desktop-file-validate", str(launcher)).returncode == 0
    # A case file renamed without its extension is still known by its header; a plain
    # SQLite database is not taken for one.
    sample.close()
    unnamed = tmp_path / "evidence"
    shutil.copy(sample.path, unnamed)
    plain = tmp_path / "plain"
    with sqlite3.connect(plain) as connection:
        connection.execute("CREATE TABLE t (x)")
    env = {"XDG_DATA_HOME": str(share), "XDG_DATA_DIRS": "/usr/share", "PATH": "/usr/bin:/bin"}

    def content_type(path: Path) -> str:
        out = run("gio", "info", "-a", "standard::content-type", str(path), env=env).stdout
        return out.split("standard::content-type:")[-1].strip()

    assert content_type(unnamed) == "application/x-casefile"
    assert content_type(plain) == "application/vnd.sqlite3"


def test_macos_document_type_declares_the_extension():
    """Built only on macOS (untested here); the fragment must at least parse as the spec
    reads it and name the extension."""
    import plistlib
    import re

    fragment = (ROOT / "packaging" / "macos" / "Info.plist.fragment.xml").read_text()
    fragment = re.sub(r"<!--.*?-->", "", fragment, flags=re.S)
    plist = plistlib.loads(
        f'<?xml version="1.0"?><plist version="1.0">{fragment}</plist>'.encode())
    (declared,) = plist["UTExportedTypeDeclarations"]
    assert declared["UTTypeTagSpecification"]["public.filename-extension"] == ["casefile"]
    assert plist["CFBundleDocumentTypes"][0]["LSItemContentTypes"] == [
        declared["UTTypeIdentifier"]]


def test_bundle_entry_runs_only_the_document_reader_as_a_child():
    """In the bundle sys.executable is casefile itself; `-I -m db.extract.child` must run
    the reader, and no other module may be started that way."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "casefile_entry", ROOT / "packaging" / "casefile_entry.py")
    entry = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(entry)
    assert entry._child_module(["casefile", "-I", "-m", "db.extract.child"]) \
        == "db.extract.child"
    assert entry._child_module(["casefile", "-m", "db.extract.child"]) == "db.extract.child"
    assert entry._child_module(["casefile", "-m", "os"]) is None
    assert entry._child_module(["casefile", "check", "x.casefile"]) is None
