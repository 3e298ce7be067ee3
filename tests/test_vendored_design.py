"""The vendored design assets are what scripts/vendor-design builds from design/'s lock.

The script installs the locked npm packages (``npm ci`` checks their integrity hashes) into a
temporary folder and compares its output with the committed files, so a hand edit of a
generated file, a stale font or a lock bumped without re-vendoring fails here. The other tests
need no npm: every Designsystemet token our stylesheets use exists, and every font and licence
the generated stylesheet promises is in the repository.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

SCRIPT = REPO / "scripts" / "vendor-design"
ASSETS = REPO / "overrides" / "assets"
GENERATED = ASSETS / "stylesheets" / "designsystemet.css"
OURS = ("identity.css", "brobygger.css", "bb-search.css")
VENDORED = ("stylesheets/designsystemet.css", "fonts/inter", "licenses")

needs_npm = pytest.mark.skipif(
    shutil.which("npm") is None or shutil.which("node") is None,
    reason="node and npm are not installed: scripts/install-system-deps installs them (CI has them)",
)


def _check(against: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--check", "--against", str(against)],
        capture_output=True, text=True, timeout=300, check=False,
    )


@needs_npm
def test_committed_assets_are_what_the_locked_packages_build() -> None:
    result = _check(REPO)
    assert result.returncode == 0, f"run scripts/vendor-design:\n{result.stderr}"


@needs_npm
def test_check_names_a_vendored_file_that_was_edited(tmp_path: Path) -> None:
    for part in VENDORED:
        source, target = ASSETS / part, tmp_path / "overrides" / "assets" / part
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    edited = tmp_path / "overrides/assets/stylesheets/designsystemet.css"
    edited.write_text(edited.read_text(encoding="utf-8").replace("#0062BA", "#0062BB"))
    (tmp_path / "overrides/assets/fonts/inter/extra.woff2").write_bytes(b"x")
    result = _check(tmp_path)
    assert result.returncode == 1
    assert "overrides/assets/stylesheets/designsystemet.css: differs" in result.stderr
    assert "overrides/assets/fonts/inter/extra.woff2: not built" in result.stderr


def test_every_token_our_stylesheets_use_is_defined() -> None:
    defined = set(re.findall(r"(--dsc?-[\w-]+)\s*:", GENERATED.read_text(encoding="utf-8")))
    for name in OURS:
        css = (ASSETS / "stylesheets" / name).read_text(encoding="utf-8")
        used = set(re.findall(r"var\((--dsc?-[\w-]+)", css))
        assert used, f"{name} uses no Designsystemet token"
        assert not used - defined, f"{name} uses tokens the vendored theme lacks: {used - defined}"


def test_both_schemes_define_the_colours() -> None:
    css = GENERATED.read_text(encoding="utf-8")
    light, _, dark = css.partition("@media screen and (prefers-color-scheme: dark)")
    for token in ("--ds-color-neutral-text-default", "--ds-color-accent-text-subtle",
                  "--ds-color-neutral-background-tinted", "--ds-color-focus-outer"):
        assert f"{token}:" in light and f"{token}:" in dark, token


def test_fonts_and_licences_are_in_the_repository() -> None:
    css = GENERATED.read_text(encoding="utf-8")
    fonts = re.findall(r"url\(\.\./fonts/([^)]+)\)", css)
    assert len(fonts) == 4
    for font in fonts:
        assert (ASSETS / "fonts" / font).is_file(), font
    packages = yaml.safe_load((REPO / "design" / "package.json").read_text(encoding="utf-8"))
    licences = {p.name for p in (ASSETS / "licenses").iterdir()}
    assert len(licences) == len(packages["dependencies"]), licences


def test_mkdocs_loads_tokens_before_the_stylesheets_that_use_them() -> None:
    extra_css = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["extra_css"]
    order = [extra_css.index(f"assets/stylesheets/{name}") for name in
             ("designsystemet.css", "identity.css", "brobygger.css", "bb-search.css")]
    assert order == sorted(order), extra_css
