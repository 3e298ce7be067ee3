"""requirements.lock pins every Python dependency, runtime and dev, with hashes."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[2]
LOCK = REPO / "requirements.lock"
ENTRY = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;]+)(?: ;[^\\]*)? \\\n"
                   r"((?:    --hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)", re.MULTILINE)


def locked() -> dict[str, list[str]]:
    pins: dict[str, list[str]] = {}
    for name, ver, _ in ENTRY.findall(LOCK.read_text(encoding="utf-8")):
        pins.setdefault(canonicalize_name(name), []).append(ver)
    return pins


def declared() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = [r for group in project["optional-dependencies"].values() for r in group]
    return [Requirement(r) for r in [*project["dependencies"], *extras]]


def test_every_entry_is_pinned_with_a_hash() -> None:
    text = LOCK.read_text(encoding="utf-8")
    entries = [line for line in text.splitlines() if line and not line.startswith((" ", "#"))]
    assert entries and len(entries) == sum(len(v) for v in locked().values()), (
        "every requirement in requirements.lock must be 'name==version' followed by hashes")


def test_every_declared_dependency_is_locked_within_its_range() -> None:
    pins = locked()
    for req in declared():
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is in pyproject.toml but not in requirements.lock: make upgrade"
        assert all(req.specifier.contains(v, prereleases=True) for v in pins[name]), (
            f"{req.name} is locked at {pins[name]}, outside {req.specifier}: make upgrade")


def test_the_build_backend_is_locked_too() -> None:
    assert "setuptools" in locked(), "installs use --no-build-isolation; lock setuptools"


def test_the_venv_has_what_the_lock_says() -> None:
    for name in ("mkdocs", "mkdocs-material", "markdown-it-py", "ruamel-yaml", "import-linter"):
        assert version(name) in locked()[name], f"{name}: run make to install requirements.lock"
