"""Entry point of ``casefile``: bare or with a case file it starts the GUI; with a
sub-command it runs headless.

Exit codes: 0 success, 1 failure (one line on stderr, never a traceback), 2 usage.
Qt is imported only by the commands that need it (the GUI, ``report``).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from cli.errors import CommandError
from db.core import CaseFileError, configure_logging, log_file

log = logging.getLogger(__name__)

# Sub-command modules under cli/commands/; each has register(subparsers) and
# run(args) -> int.
COMMANDS = ("new", "check", "search", "chains", "path", "report", "import_", "add",
            "export", "merge", "push", "pull")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="casefile",
        description="Case File Explorer: build, check and share investigative case files. "
                    "Without a command, opens the GUI (on CASE, or on a fresh copy of the "
                    "bundled sample case).")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation without a display: open the sample "
                             "case, render each pane, print a summary to a temporary PDF, "
                             "verify the case; exit 0 when all pass")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"cli.commands.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    configure_logging()
    if not argv or (argv[0] not in _command_names() and not argv[0].startswith("-")):
        from desktop.shell.app import run_gui  # Qt only for the GUI

        return run_gui(argv[0] if argv else None)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from desktop.shell.app import run_self_test  # Qt: it renders the panes

        return run_self_test()
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print("casefile: interrupted", file=sys.stderr)
        return 1
    except (CommandError, CaseFileError, LookupError, ValueError, OSError) as error:
        print(f"casefile: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # a person reads this, not a debugger
        log.exception("casefile %s failed", argv[0])
        first = (str(error).strip().splitlines() or [""])[0]
        print(f"casefile: unexpected error: {type(error).__name__}: {first} "
              f"(details in {log_file()})", file=sys.stderr)
        return 1


def _command_names() -> set[str]:
    return {name.rstrip("_") for name in COMMANDS}


if __name__ == "__main__":
    sys.exit(main())
