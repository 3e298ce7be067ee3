"""HTML validity: the Nu HTML Checker (vnu.jar) finds no errors in any built page."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from sitecheck import NODE_MODULES

pytestmark = pytest.mark.browser

VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
VNU_TIMEOUT_S = 300


def run_vnu(files: list[Path]) -> list[dict[str, object]]:
    """Check ``files`` with vnu.jar in one JVM and return its error messages.

    Args:
        files: HTML files to check.

    Returns:
        vnu's JSON messages of type ``error`` (``url``, ``lastLine``, ``message``, ``extract``).
    """
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: run scripts/install-system-deps")
    if not VNU_JAR.is_file():
        pytest.fail(f"{VNU_JAR} is missing: run `npm ci` in tests/browser (make test does)")
    proc = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=VNU_TIMEOUT_S,
        check=False,
    )
    # vnu writes its report to stderr and exits 1 when it found errors.
    report = proc.stderr.strip() or proc.stdout.strip()
    try:
        messages: list[dict[str, object]] = json.loads(report)["messages"]
    except (ValueError, KeyError) as exc:
        pytest.fail(f"vnu gave no JSON report (exit {proc.returncode}): {exc}\n{report[:2000]}")
    return [m for m in messages if m.get("type") in ("error", "non-document-error")]


def test_every_built_page_is_valid_html(built_site: Path) -> None:
    files = sorted(built_site.rglob("*.html"))
    assert files, f"no .html files in {built_site}"
    errors = run_vnu(files)
    lines = []
    for m in errors:
        url = str(m.get("url", ""))
        rel = url.removeprefix("file:").removeprefix(str(built_site) + "/")
        extract = str(m.get("extract", "")).replace("\n", " ")[:120]
        lines.append(f"{rel}:{m.get('lastLine', '?')}: {m.get('message')}  [{extract}]")
    assert not lines, f"vnu: {len(lines)} error(s) in {len(files)} files:\n" + "\n".join(lines)
