"""The import-linter contracts in pyproject.toml hold, and would catch a breach."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=root, env=env,
                          capture_output=True, text=True, check=False)


def test_contracts_are_kept() -> None:
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    for name in ("site_build", "search", "plugins"):
        shutil.copytree(REPO / name, tmp_path / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    return tmp_path


@pytest.mark.parametrize(("module", "line", "contract"), [
    ("site_build/model/__init__.py", "import mkdocs", "knows nothing of its hosts"),
    ("site_build/site/links.py", "import site_build.render.page", "layers"),
    ("site_build/markdown/engine.py", "import site_build.content.load", "layers"),
    ("search/__init__.py", "import whoosh", "Only search.index (one module or package) imports whoosh"),
    ("plugins/mkdocs_host.py", "import pelican", "Pelican only in the news adapter"),
    ("site_build/site/nav.py", "import site_build.i18n", "site/ (slugs, URLs, links, navigation)"),
    ("site_build/render/page.py", "import site_build.io.yaml12", "generate/ and render/ read no files"),
])
def test_a_breach_is_reported(copy: Path, module: str, line: str, contract: str) -> None:
    path = copy / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    result = lint_imports(copy)
    assert result.returncode == 1, result.stdout
    # A contract with ignored imports reads "... BROKEN (2 ignored imports)".
    broken = [row for row in result.stdout.splitlines() if " BROKEN" in row]
    assert any(contract in row for row in broken), result.stdout


def test_the_news_adapter_may_import_pelican(copy: Path) -> None:
    (copy / "plugins" / "news").mkdir(exist_ok=True)
    (copy / "plugins" / "news" / "__init__.py").write_text("import pelican  # noqa\n")
    result = lint_imports(copy)
    assert result.returncode == 0, result.stdout
