"""Parsing untrusted bytes away from the app: every parser runs in a child process.

A document from someone else may be built to hurt the program that reads it: a 3 KB PDF
of nested form XObjects that needs 24 GB to draw, a page tree that contains itself, a
zip bomb dressed as .xlsx. So nothing in the app parses a document's bytes itself. The
bytes go to a fresh Python process (``python -m db.extract.child``) that first limits
its own address space and CPU time (``resource.setrlimit``), then parses; the parent
waits at most ``Limits.seconds`` and kills it after that. Whatever happens in the child
— a crash, a memory error, a hang — the parent gets one line to tell the person.

The child answers in JSON (never pickle: its output is shaped by hostile input).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from typing import Any

from db.extract.base import ExtractionError


@dataclass(frozen=True)
class Limits:
    """What one child may use: address space (MiB) and wall-clock/CPU time (seconds)."""

    memory_mb: int = 1536
    seconds: float = 60.0


DEFAULT_LIMITS = Limits()
# Vetting a PDF for the page view renders every page small; it should be quick.
VIEW_LIMITS = Limits(memory_mb=1536, seconds=30.0)


class UnsafeDocument(ExtractionError):
    """The child crashed, ran out of its memory or time: the file is not read here."""


def run_isolated(job: str, data: bytes, params: dict[str, Any] | None = None,
                 limits: Limits = DEFAULT_LIMITS) -> dict[str, Any]:
    """Run ``job`` on ``data`` in a limited child process; its JSON answer.

    Raises ``ExtractionError`` with the child's one-line reason when it refused the
    bytes, ``UnsafeDocument`` when it crashed, exceeded its limits or was killed.
    """
    header = json.dumps({"job": job, "params": params or {},
                         "memory_mb": limits.memory_mb,
                         "cpu_seconds": max(1, int(limits.seconds) + 1)}).encode()
    try:
        done = subprocess.run(
            [sys.executable, "-I", "-m", "db.extract.child"] if _isolated_mode_ok()
            else [sys.executable, "-m", "db.extract.child"],
            input=header + b"\n" + data, capture_output=True, timeout=limits.seconds,
            env=_child_environment(), check=False)
    except subprocess.TimeoutExpired as error:  # subprocess.run has killed the child
        raise UnsafeDocument(f"reading it took longer than {limits.seconds:g} s "
                             "(stopped)") from error
    except OSError as error:
        raise ExtractionError(f"the reader could not be started ({error})") from error
    return _answer(done, limits)


def _answer(done: subprocess.CompletedProcess, limits: Limits) -> dict[str, Any]:
    if done.returncode != 0:
        if b"MemoryError" in done.stderr or done.returncode in (-6, -9, 134, 137):
            raise UnsafeDocument(f"reading it needed more than {limits.memory_mb} MB "
                                 "(stopped)")
        if done.returncode in (-24, 152):  # SIGXCPU
            raise UnsafeDocument(f"reading it took longer than {limits.seconds:g} s "
                                 "(stopped)")
        raise UnsafeDocument(f"the reader crashed on it (exit status {done.returncode})")
    try:
        answer = json.loads(done.stdout)
    except ValueError as error:
        raise UnsafeDocument("the reader gave no readable answer") from error
    if not isinstance(answer, dict):
        raise UnsafeDocument("the reader gave no readable answer")
    if "error" in answer:
        raise ExtractionError(str(answer["error"]).splitlines()[0][:300])
    return answer


def _isolated_mode_ok() -> bool:
    # -I ignores PYTHONPATH; only usable when db is importable without it (installed).
    return not os.environ.get("PYTHONPATH")


def _child_environment() -> dict[str, str]:
    """What the child needs to find Python, db/ and Tesseract; nothing else."""
    keep = ("PATH", "PYTHONPATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "TESSDATA_PREFIX",
            "VIRTUAL_ENV", "SYSTEMROOT")
    environment = {key: os.environ[key] for key in keep if key in os.environ}
    environment["OMP_THREAD_LIMIT"] = "1"  # Tesseract: one thread, inside our limits
    return environment
