"""The MkDocs host: how the core's pipeline builds, validates and serves through MkDocs.

Registered as the ``mkdocs`` entry point in the ``brobygger.hosts`` group, so the core finds
it without importing MkDocs.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from plugins.mkdocs_plugin import BrobyggerContentPlugin
from site_build.content.config import CONFIG_FILE
from site_build.diagnostics import Diagnostic
from site_build.diagnostics.errors import ContentError, HostError
from site_build.io.yaml12 import YamlProblem, item_line, key_line, load_yaml
from site_build.model import Site

PLUGIN_NAME = "brobygger/content"


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _config_line(root: Path, message: str) -> int:
    """Best guess at the mkdocs.yml line a config message is about."""
    try:
        data = load_yaml((root / CONFIG_FILE).read_text(encoding="utf-8")).data
    except (OSError, YamlProblem):
        return 0
    found = re.search(r"Plugin '([^']+)' option '([^']+)'", message)
    plugins = data.get("plugins") if isinstance(data, dict) else None
    if found and isinstance(plugins, list):
        for i, item in enumerate(plugins):
            options = item.get(found[1]) if isinstance(item, dict) else None
            if isinstance(options, dict) and found[2] in options:
                return key_line(options, found[2], item_line(plugins, i, 0))
    if "'plugins'" in message or "Plugin" in message:
        return key_line(data, "plugins", 0)
    for key in data if isinstance(data, dict) else []:
        if f"'{key}'" in message:
            return key_line(data, key, 0)
    return 0


class _NoDirtyWarning(logging.Filter):
    """The content plugin rebuilds everything when a dirty build would be inaccurate."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build is being performed" not in record.getMessage()


class MkDocsHost:
    """Builds and serves a Brobygger project with MkDocs and Material."""

    name = "mkdocs"
    subpath = ""  # the pages are the site's root; other hosts build into sub-paths

    def _load(self, root: Path, **overrides: object) -> tuple[object, list[Diagnostic]]:
        collect = _Collect()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(collect)
        try:
            config = load_config(config_file=str(root / CONFIG_FILE), **overrides)
        except (ConfigurationError, Abort) as exc:
            msg = str(exc).strip() or "invalid configuration"
            return None, [Diagnostic(CONFIG_FILE, _config_line(root, msg), "config", msg)]
        finally:
            logger.removeHandler(collect)
        problems = [Diagnostic(CONFIG_FILE, _config_line(root, m), "config", m)
                    for m in collect.messages]
        if config is not None and not any(
                isinstance(p, BrobyggerContentPlugin) for p in config.plugins.values()):
            problems.append(Diagnostic(CONFIG_FILE, 0, "plugins",
                                       f"the '{PLUGIN_NAME}' plugin must be listed under plugins"))
        return config, problems

    def validate(self, root: Path) -> list[Diagnostic]:
        """Validate ``mkdocs.yml`` as MkDocs would, warnings included, as diagnostics."""
        return self._load(root)[1]

    def build(self, root: Path, site: Site, out: Path, strict: bool = True) -> None:
        """Build the already loaded and checked site into ``out``.

        Raises:
            ContentError: The configuration is invalid.
            HostError: MkDocs failed.
        """
        config, problems = self._load(root, site_dir=str(out), strict=strict)
        if problems or config is None:
            raise ContentError(problems)
        for plugin in config.plugins.values():  # type: ignore[attr-defined]
            if isinstance(plugin, BrobyggerContentPlugin):
                plugin.preloaded = site
        try:
            mkdocs_build(config)  # type: ignore[arg-type]
        except (Abort, PluginError, ConfigurationError) as exc:
            raise HostError(f"MkDocs: {exc}") from exc
        except Exception as exc:  # a host failure of any kind must not reach publishing
            raise HostError(f"MkDocs failed: {type(exc).__name__}: {exc}") from exc

    def serve(self, root: Path, address: str, port: int, watch: list[Path]) -> None:
        """Serve with live reload; each rebuild loads and checks the site afresh."""
        problems = self.validate(root)
        if problems:
            raise ContentError(problems)
        # MkDocs configures its logging in its own CLI only; without this, the preview's URL
        # and "Detected file changes" would not be shown.
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger = logging.getLogger("mkdocs")
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
        logging.getLogger("mkdocs.commands.build").addFilter(_NoDirtyWarning())
        mkdocs_serve(config_file=str(root / CONFIG_FILE), dev_addr=f"{address}:{port}",
                     watch=[str(p) for p in watch], livereload=True, build_type="dirty")
