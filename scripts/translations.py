"""Keep the interface's translations in step with the code (run with the venv's Python).

    python scripts/translations.py update    # re-extract texts into resources/translations/*.ts
    python scripts/translations.py release   # build the .qm catalogues the app loads
    python scripts/translations.py check     # exit 1 if a .qm is stale or a .ts has gaps

``update`` runs pyside6-lupdate over desktop/ and cli/, then adds what lupdate cannot see:
texts passed to a module's one-line wrapper (``def tr(text): return
QCoreApplication.translate("Files", text)``, and ``_t``/``_tr`` alike, literal or named
module constant), the literal step names of ``progress.step(done, total, "…")`` (under
"Progress", which the worker's progress dialog asks), what db/ words itself (``translate("Provenance", "unknown")`` from
``db.wording`` and db's own ``_t`` wrappers around it), the menu titles in ``MENUS``, and
the few texts translated from data (``DYNAMIC_TEXTS``). Wrapper texts are filed under the
wrapper's context. Existing
translations are kept (matched by context and text, else by text), texts no longer in the
code are dropped.

``release`` runs pyside6-lrelease on a copy of each .ts in which every message is also
filed under the empty context, the fallback ``desktop.shell.translation`` looks in.
The .qm files are committed (tens of kilobytes), so a checkout runs translated without a
build step; ``check`` (and tests/desktop/test_translations.py) fail when one is stale.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = ROOT / "resources" / "translations"
SOURCES = ("desktop", "cli")      # what lupdate reads
WRAPPED_SOURCES = (*SOURCES, "db")  # where wrapper and db.wording.translate() calls are read
BIN = Path(sys.executable).parent

# Texts that reach tr() from data: (context, module, how to read them from it).
DYNAMIC_TEXTS = (
    ("Sharing", "desktop.flows.sharing", lambda m: list(m.IMPORT_FILTERS)),
    ("Sharing", "desktop.flows.sharing", lambda m: [v[0] for v in m.EXPORT_FILTERS.values()]),
    ("LinkSchema", "db.schemata", lambda m: list(m.LINK_SCHEMATA)),
    ("EntitySchema", "db.schemata", lambda m: list(m.ENTITY_SCHEMATA)),
    ("EntityRole", "db.schemata", lambda m: list(m.ENTITY_ROLES)),
    ("DocumentKind", "db.reads.document_list", lambda m: [*m.KINDS.values(), "Scan", "Text"]),
    ("ChainTreeModel", "desktop.panes.chain.model", lambda m: list(m.ChainTreeModel.HEADERS)),
    # db.wording: link verbs read both ways, grades, amount scales
    ("LinkTypes", "db.wording", lambda m: sorted({s.label for s in m.LINK_SCHEMATA.values()}
                                                 | set(m._PASSIVE.values()))),
    ("Wording", "db.wording", lambda m: [*m.RELIABILITY_GRADES.values(),
                                         *m.CREDIBILITY_GRADES.values(),
                                         *(unit for _size, unit in m._SCALES)]),
    ("Wording", "db.wording", lambda m: [*m.STATUS_TEXTS.values(), *m.STANCE_TEXTS.values(),
                                         *m.PROPERTY_LABELS.values()]),
    ("Report", "desktop.reports.case_html", lambda m: list(m._GROUP_HEADINGS.values())),
    ("ImportReport", "db.formats.results", lambda m: list(m.KIND_TEXTS.values())),
)


def tool(name: str) -> str:
    found = BIN / name
    return str(found) if found.exists() else name


# -- extraction -----------------------------------------------------------------------------
def _is_translate(call: ast.AST) -> bool:
    """``QCoreApplication.translate(…)`` or db.wording's ``translate(…)``."""
    return isinstance(call, ast.Call) and len(call.args) >= 2 and (
        isinstance(call.func, ast.Attribute) and call.func.attr == "translate"
        or isinstance(call.func, ast.Name) and call.func.id == "translate")


def _text(node: ast.AST, constants: dict[str, str]) -> str | None:
    """A literal string, or a module constant's."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return constants.get(node.id) if isinstance(node, ast.Name) else None


def _wrappers(tree: ast.Module) -> dict[str, str]:
    """Module-level ``def NAME(x): return QCoreApplication.translate("CTX", x)`` (or
    db.wording's ``translate(CONTEXT, x)``, the context a literal or a module constant)."""
    found, constants = {}, _constants(tree)
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        body = [n for n in node.body if not (isinstance(n, ast.Expr)
                                             and isinstance(n.value, ast.Constant))]
        if len(body) != 1 or not isinstance(body[0], ast.Return):
            continue
        call = body[0].value
        if (_is_translate(call) and _text(call.args[0], constants) is not None
                and isinstance(call.args[1], ast.Name)
                and call.args[1].id == node.args.args[0].arg):
            found[node.name] = _text(call.args[0], constants)
    return found


def _constants(tree: ast.Module) -> dict[str, str]:
    return {t.id: n.value.value for n in tree.body if isinstance(n, ast.Assign)
            and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)
            for t in n.targets if isinstance(t, ast.Name)}


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def _all_wrappers() -> dict[str, dict[str, str]]:
    return {_module_name(p): _wrappers(ast.parse(p.read_text(encoding="utf-8")))
            for p in wrapped_files()}


def wrapped_texts(path: Path, every_wrapper: dict[str, dict[str, str]]
                  ) -> list[tuple[str, str, int]]:
    """(context, text, line) of each text given to a wrapper (defined in the module or
    imported from another) or standing in ``MENUS``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    wrappers, constants, found = dict(every_wrapper[_module_name(path)]), _constants(tree), []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module in every_wrapper:
            for alias in node.names:
                if alias.name in every_wrapper[node.module]:
                    wrappers[alias.asname or alias.name] = every_wrapper[node.module][alias.name]
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in wrappers and node.args:
            text = _text(node.args[0], constants)
            if isinstance(text, str):
                found.append((wrappers[node.func.id], text, node.lineno))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "step" and len(node.args) == 3 \
                and isinstance(node.args[2], ast.Constant) and node.args[2].value:
            # progress.step(done, total, "Matching entities"): the worker's dialog shows it
            found.append(("Progress", node.args[2].value, node.lineno))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id == "translate" and _is_translate(node):
            context, text = _text(node.args[0], constants), _text(node.args[1], constants)
            if context is not None and text is not None:
                found.append((context, text, node.lineno))
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, ast.AnnAssign) else []
        if any(isinstance(t, ast.Name) and t.id == "MENUS" for t in targets):
            for menu in getattr(node.value, "elts", []):
                first = getattr(menu, "elts", [None])[0]
                if isinstance(first, ast.Constant):
                    found.append(("Menus", first.value, first.lineno))
    return found


def source_files() -> list[Path]:
    return sorted(p for folder in SOURCES for p in (ROOT / folder).rglob("*.py"))


def wrapped_files() -> list[Path]:
    return sorted(p for folder in WRAPPED_SOURCES for p in (ROOT / folder).rglob("*.py"))


def extract(language: str) -> ET.ElementTree:
    """A fresh, untranslated catalogue of every text in the code."""
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / f"casefile_{language}.ts"
        subprocess.run([tool("pyside6-lupdate"), *map(str, source_files()),
                        "-locations", "none", "-ts", str(fresh)],
                       check=True, capture_output=True, cwd=ROOT)
        tree = ET.parse(fresh)
    messages: dict[tuple[str, str], None] = {}
    numerus: set[tuple[str, str]] = set()
    every_wrapper = _all_wrappers()
    for path in wrapped_files():
        for context, text, _line in wrapped_texts(path, every_wrapper):
            messages[(context, text)] = None
    for context_node in tree.getroot().findall("context"):
        name = context_node.findtext("name") or ""
        for message in context_node.findall("message"):
            messages[(name, message.findtext("source"))] = None
            if message.get("numerus") == "yes":
                numerus.add((name, message.findtext("source")))
    for context, module, read in DYNAMIC_TEXTS:
        for text in read(importlib.import_module(module)):
            messages[(context, text)] = None
    # lupdate files a module wrapper called ``tr`` under the empty context: the wrapper
    # names the real one, and that one is already recorded above.
    wrapped = {text for (context, text) in messages if context}
    kept = sorted((c, t, (c, t) in numerus) for (c, t) in messages if c or t not in wrapped)
    return _catalogue(language, kept, {})


def _catalogue(language: str, messages, translations: dict) -> ET.ElementTree:
    """``messages``: (context, text, numerus); a numerus message's translation is the list
    of its plural forms."""
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    by_context: dict[str, list[tuple[str, bool]]] = {}
    for context, text, numerus in messages:
        by_context.setdefault(context, []).append((text, numerus))
    for context in sorted(by_context):
        node = ET.SubElement(root, "context")
        ET.SubElement(node, "name").text = context
        for text, numerus in by_context[context]:
            message = ET.SubElement(node, "message", numerus="yes") if numerus \
                else ET.SubElement(node, "message")
            ET.SubElement(message, "source").text = text
            translated = translations.get((context, text)) or translations.get(("*", text))
            target = ET.SubElement(message, "translation")
            if numerus and isinstance(translated, list):
                for form in translated:
                    ET.SubElement(target, "numerusform").text = form
            elif numerus:
                target.set("type", "unfinished")
                ET.SubElement(target, "numerusform")
            elif translated:
                target.text = translated
            else:
                target.set("type", "unfinished")
    ET.indent(root)
    return ET.ElementTree(root)


def read_translations(path: Path) -> dict[tuple[str, str], str | list[str]]:
    found: dict[tuple[str, str], str | list[str]] = {}
    if not path.exists():
        return found
    for context_node in ET.parse(path).getroot().findall("context"):
        name = context_node.findtext("name") or ""
        for message in context_node.findall("message"):
            target = message.find("translation")
            if target is None or target.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            forms = [f.text or "" for f in target.findall("numerusform")]
            value = forms if message.get("numerus") == "yes" else target.text
            if value:
                found[(name, message.findtext("source"))] = value
                found.setdefault(("*", message.findtext("source")), value)
    return found


def messages_of(tree: ET.ElementTree) -> list[tuple[str, str, bool]]:
    return [(c.findtext("name") or "", m.findtext("source"), m.get("numerus") == "yes")
            for c in tree.getroot().findall("context") for m in c.findall("message")]


def write(tree: ET.ElementTree, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="unicode")
        out.write("\n")


def update() -> None:
    for path in sorted(CATALOGUES.glob("casefile_*.ts")):
        language = path.stem.removeprefix("casefile_")
        messages = messages_of(extract(language))
        write(_catalogue(language, messages, read_translations(path)), path)
        missing = sum(1 for c, t, _n in messages if (c, t) not in read_translations(path))
        print(f"{path.name}: {len(messages)} texts, {missing} untranslated")


# -- release --------------------------------------------------------------------------------
def with_fallback(ts: Path) -> ET.ElementTree:
    """The catalogue plus each translated message once more under the empty context."""
    tree = ET.parse(ts)
    translations = read_translations(ts)
    messages = messages_of(tree)
    seen = {(c, t) for c, t, _n in messages}
    for context, text, numerus in list(messages):
        if ("", text) not in seen and (context, text) in translations:
            seen.add(("", text))
            messages.append(("", text, numerus))
            translations[("", text)] = translations[(context, text)]
    return _catalogue(tree.getroot().get("language"), messages, translations)


def build_qm(ts: Path, qm: Path) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        full = Path(scratch) / ts.name
        write(with_fallback(ts), full)
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(full), "-qm", str(qm)],
                       check=True, capture_output=True)


def release() -> None:
    for ts in sorted(CATALOGUES.glob("casefile_*.ts")):
        build_qm(ts, ts.with_suffix(".qm"))
        print(f"{ts.with_suffix('.qm').name}: {ts.with_suffix('.qm').stat().st_size} bytes")


def problems() -> list[str]:
    found = []
    for ts in sorted(CATALOGUES.glob("casefile_*.ts")):
        qm = ts.with_suffix(".qm")
        with tempfile.TemporaryDirectory() as scratch:
            built = Path(scratch) / qm.name
            build_qm(ts, built)
            if not qm.exists() or qm.read_bytes() != built.read_bytes():
                found.append(f"{qm.name} is not built from {ts.name}: run "
                             "scripts/translations.py release")
        unfinished = ET.parse(ts).getroot().findall(".//translation[@type='unfinished']")
        if unfinished:
            found.append(f"{ts.name}: {len(unfinished)} texts untranslated")
    return found


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    sys.path.insert(0, str(ROOT))
    if command == "update":
        update()
    elif command == "release":
        release()
    elif command == "check":
        found = problems()
        for line in found:
            print(line, file=sys.stderr)
        return 1 if found else 0
    else:
        print(__doc__.strip().splitlines()[2:5] and __doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
