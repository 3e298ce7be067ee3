"""Shared fixtures: a copy of the fixture site to break, and the CLI."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import settings

from site_build.cli import main

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# No per-example deadlines: speed is measured in bench/, never asserted in tests.
settings.register_profile("brobygger", deadline=None)
settings.load_profile("brobygger")

FIXTURE_SITE = Path(__file__).parent / "fixtures" / "site"
REPO = Path(__file__).resolve().parent.parent

PAGE = """---
title: {title}
description: En side til test.
audience: [nav]
topics: [arbeid]
sources: []
---

{body}
"""


@pytest.fixture
def site_dir(tmp_path: Path) -> Path:
    """A fresh copy of the fixture site, safe to break."""
    dest = tmp_path / "project"
    shutil.copytree(FIXTURE_SITE, dest)
    return dest


@pytest.fixture
def cli() -> Callable[..., Result]:
    """Run ``brobygger`` with arguments; stdout and stderr kept apart."""
    runner = CliRunner()

    def run(*args: str) -> Result:
        return runner.invoke(main, list(args), catch_exceptions=False)

    return run


def page(title: str = "Testside", body: str = "Tekst.") -> str:
    """A valid page with the given title and body."""
    return PAGE.format(title=title, body=body)


def build_site(project: Path, out: Path) -> Path:
    """Build ``project`` into ``out`` with the CLI in strict mode; fail the test on errors."""
    result = CliRunner().invoke(main, ["build", "--project", str(project), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own portal, built once per test worker in strict mode."""
    return build_site(REPO, tmp_path_factory.mktemp("real") / "site")
