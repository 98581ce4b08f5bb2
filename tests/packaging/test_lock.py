"""The lock files agree with pyproject.toml: every declared dependency is pinned, to a
version its specifier allows, with hashes. Adding a dependency without re-locking
(`bash scripts/lock.sh`) fails here."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
LOCKS = {"runtime.txt": ("build",), "test.txt": ("build", "test")}
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)", re.MULTILINE)


def pins(lock: str) -> dict[str, Version]:
    text = (ROOT / "requirements" / lock).read_text()
    return {canonicalize_name(name): Version(version) for name, version in PIN.findall(text)}


def declared(extras: tuple[str, ...]) -> list[Requirement]:
    found = [Requirement(r) for r in PROJECT["dependencies"]]
    for extra in extras:
        found += [Requirement(r) for r in PROJECT["optional-dependencies"][extra]]
    return found


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_every_declared_dependency_is_locked_within_its_specifier(lock):
    pinned = pins(lock)
    problems = []
    for requirement in declared(LOCKS[lock]):
        version = pinned.get(canonicalize_name(requirement.name))
        if version is None:
            problems.append(f"{requirement.name} is not in requirements/{lock}")
        elif not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{requirement.name} {version} does not satisfy {requirement}")
    assert problems == [], "run `bash scripts/lock.sh` and commit requirements/"


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_every_pin_carries_a_hash(lock):
    text = (ROOT / "requirements" / lock).read_text()
    blocks = re.split(r"\n(?=[A-Za-z0-9_.\-]+==)", text)
    unhashed = [b.split()[0] for b in blocks if PIN.match(b) and "--hash=sha256:" not in b]
    assert unhashed == []


def test_the_check_can_fail():
    """A dependency the lock does not carry is reported."""
    missing = Requirement("no-such-package>=1")
    assert canonicalize_name(missing.name) not in pins("runtime.txt")
    assert not Requirement("pyside6-essentials==6.12.0").specifier.contains(
        pins("runtime.txt")["pyside6-essentials"])
