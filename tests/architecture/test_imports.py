"""Import boundaries: the core knows nothing of MkDocs, and one module owns whoosh."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("site_build", "search", "plugins", "bench")
# Modules of the core that must not depend on the pipeline, the CLI or search.
PURE_CORE = {"model", "load", "check", "render", "schema", "markdown", "document", "slug",
             "links", "config", "vocab", "courses", "generated", "diagnostics", "errors",
             "yamlio", "urls", "htmlsafety", "parallel"}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def modules() -> dict[str, set[str]]:
    return {p.relative_to(REPO).as_posix(): imports_of(p)
            for pkg in PACKAGES for p in (REPO / pkg).rglob("*.py")}


def top(name: str) -> str:
    return name.split(".")[0]


def test_only_plugins_import_mkdocs_or_material() -> None:
    offenders = [f"{path} imports {name}" for path, names in modules().items()
                 for name in names if top(name) in ("mkdocs", "material")
                 and not path.startswith("plugins/")]
    assert not offenders, offenders


def test_at_most_one_module_imports_whoosh() -> None:
    importers = {path for path, names in modules().items() if any(top(n) == "whoosh" for n in names)}
    assert len(importers) <= 1, importers
    assert all(p.startswith("search/") for p in importers)


def test_core_does_not_import_plugins() -> None:
    offenders = [path for path, names in modules().items()
                 if path.startswith(("site_build/", "search/")) and any(top(n) == "plugins" for n in names)]
    assert not offenders, offenders


def test_model_loading_checks_and_rendering_depend_on_nothing_of_ours_beyond_them() -> None:
    for path, names in modules().items():
        if not path.startswith("site_build/") or Path(path).stem not in PURE_CORE:
            continue
        ours = {n for n in names if top(n) in ("site_build", "search", "plugins")}
        bad = {n for n in ours if top(n) != "site_build" or n.split(".")[1] not in PURE_CORE}
        assert not bad, f"{path} imports {bad}"


def test_search_uses_only_the_model_of_site_build() -> None:
    for path, names in modules().items():
        if path.startswith("search/"):
            bad = {n for n in names if top(n) == "site_build" and n not in (
                "site_build.model", "site_build.slug", "site_build.diagnostics", "site_build.errors")}
            assert not bad, f"{path} imports {bad}"
