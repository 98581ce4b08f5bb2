"""A private PostgreSQL server for the test run: the distribution's binaries, a cluster in a
temporary folder, a Unix socket only (no TCP port), trust authentication, stopped at exit.

PostgreSQL refuses to run as root, so as root the cluster belongs to the ``postgres``
system user (created by Debian's package). Outside CI a machine without PostgreSQL gets a
visible skip; in CI (``CI`` set) its absence is a failure, because ``scripts/setup.sh``
installs it there.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    pass


def _binaries() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise PostgresUnavailable("PostgreSQL is not installed (no initdb); "
                              "scripts/setup.sh test installs it on Debian")


class PostgresServer:
    """Start with ``start()``; ``url(database)`` names a database; ``stop()`` ends it."""

    def __init__(self) -> None:
        self.bin = _binaries()
        self.folder = Path(tempfile.mkdtemp(prefix="casefile-pg-"))
        self.data = self.folder / "data"
        self.socket = self.folder  # the Unix socket lives here
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
            os.chmod(self.folder, 0o755)
            self._as_user = ["runuser", "-u", "postgres", "--"]
        self._databases = 0

    def _run(self, *command: str) -> None:
        result = subprocess.run([*self._as_user, *command], capture_output=True, text=True,
                                timeout=120)
        if result.returncode != 0:
            raise PostgresUnavailable(f"{Path(command[0]).name} failed: "
                                      f"{(result.stderr or result.stdout).strip()[:500]}")

    def start(self) -> PostgresServer:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres",
                  "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-w", "-t", "60",
                  "-l", str(self.folder / "server.log"),
                  "-o", f"-k {self.socket} -c listen_addresses='' -c fsync=off "
                        "-c full_page_writes=off -c synchronous_commit=off", "start")
        return self

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                      "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgresql://postgres@/{database}?host={self.socket}"

    def new_database(self) -> str:
        """A fresh, empty database's URL."""
        import psycopg

        self._databases += 1
        name = f"case{self._databases}"
        with psycopg.connect(host=str(self.socket), user="postgres", dbname="postgres",
                             autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)
