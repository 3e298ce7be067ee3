"""The host settings the core needs, read from ``mkdocs.yml`` without the host."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from site_build.diagnostics import Diagnostic, did_you_mean
from site_build.io.yaml12 import YamlProblem, key_line, load_yaml
from site_build.model import Lang, SiteConfig

__all__ = ["CONFIG_FILE", "read_config"]

CONFIG_FILE = "mkdocs.yml"


def read_config(root: Path) -> tuple[SiteConfig, list[Diagnostic]]:
    """Read ``mkdocs.yml`` in ``root``.

    Returns:
        The settings (defaults where the file is unreadable) and any diagnostics.
    """
    path = root / CONFIG_FILE
    default = SiteConfig(root=str(root))
    try:
        doc = load_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return default, [Diagnostic(CONFIG_FILE, 0, "config", f"no {CONFIG_FILE} in {root}")]
    except UnicodeDecodeError:
        return default, [Diagnostic(CONFIG_FILE, 0, "config", "the file is not UTF-8")]
    except YamlProblem as exc:
        return default, [Diagnostic(CONFIG_FILE, exc.line, "config", exc.message)]
    data: Any = doc.data
    if not isinstance(data, dict):
        return default, [Diagnostic(CONFIG_FILE, 1, "config", "expected key: value settings")]
    problems: list[Diagnostic] = []
    theme = data.get("theme") or {}
    language = theme.get("language", "nb") if isinstance(theme, dict) else "nb"
    if language not in ("nb", "nn"):
        hint = " ('no' is ambiguous; write 'nb' for bokmål or 'nn' for nynorsk)" \
            if language in ("no", False) else did_you_mean(str(language), ("nb", "nn"))
        problems.append(Diagnostic(CONFIG_FILE, key_line(theme, "language", 1), "theme.language",
                                   f"{language!r} is not supported; use 'nb' or 'nn'{hint}"))
        language = "nb"
    docs_dir = str(data.get("docs_dir", "content"))
    if not (root / docs_dir).is_dir():
        problems.append(Diagnostic(CONFIG_FILE, key_line(data, "docs_dir", 1), "docs_dir",
                                   f"folder '{docs_dir}' does not exist"))
    config = SiteConfig(
        root=str(root),
        docs_dir=docs_dir,
        site_dir=str(data.get("site_dir", "site")),
        language=cast(Lang, language),
        use_directory_urls=bool(data.get("use_directory_urls", True)),
    )
    return config, problems
