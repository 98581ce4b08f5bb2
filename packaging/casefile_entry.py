"""The bundle's entry point: the same ``casefile`` command pip installs.

One addition a frozen program needs: the app parses untrusted documents in a child
process started as ``sys.executable [-I] -m db.extract.child`` (db/extract/isolated.py).
In the bundle ``sys.executable`` is this program, so it runs that module itself — only
modules under ``db.extract.``, nothing else a command line could name.
"""

import runpy
import sys

CHILD_MODULES = "db.extract."


def _child_module(argv: list[str]) -> str | None:
    args = [a for a in argv[1:3] if a != "-I"] + argv[3:]
    if len(args) >= 2 and args[0] == "-m" and args[1].startswith(CHILD_MODULES):
        return args[1]
    return None


if __name__ == "__main__":
    module = _child_module(sys.argv)
    if module is not None:
        sys.argv = [sys.argv[0]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        sys.exit(0)
    from cli.main import main

    sys.exit(main())
