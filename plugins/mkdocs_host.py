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
from site_build.content.config import CONFIG_FILE, unsafe_config
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
    """Best guess at the mkdocs.yml line a config message is about (1: the whole file)."""
    try:
        data = load_yaml((root / CONFIG_FILE).read_text(encoding="utf-8")).data
    except (OSError, UnicodeDecodeError, YamlProblem):
        return 1
    found = re.search(r"Plugin '([^']+)' option '([^']+)'", message)
    plugins = data.get("plugins") if isinstance(data, dict) else None
    if found and isinstance(plugins, list):
        for i, item in enumerate(plugins):
            options = item.get(found[1]) if isinstance(item, dict) else None
            if isinstance(options, dict) and found[2] in options:
                return key_line(options, found[2], item_line(plugins, i, 1))
    if "'plugins'" in message or "Plugin" in message:
        return key_line(data, "plugins", 1)
    for key in data if isinstance(data, dict) else []:
        if f"'{key}'" in message:
            return key_line(data, key, 1)
    return 1


def _sources(config: object) -> list[Path]:
    """The theme's ``custom_dir`` and the ``watch`` paths of a loaded config (if any)."""
    if config is None:
        return []
    theme = getattr(config, "theme", None)
    custom = getattr(theme, "custom_dir", None)
    watch = getattr(config, "watch", None) or []
    return [Path(p) for p in [custom, *watch] if isinstance(p, str)]


def config_problem(root: Path, message: str) -> Diagnostic:
    """A MkDocs configuration message as a diagnostic on its line, keyed by the setting."""
    first = message.strip().split("\n", 1)[0] or "invalid configuration"
    named = re.match(r"Config value '([^']+)'", first)
    return Diagnostic(CONFIG_FILE, _config_line(root, first), named[1] if named else "config",
                      first)


class _NoDirtyWarning(logging.Filter):
    """The content plugin rebuilds everything when a dirty build would be inaccurate."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build is being performed" not in record.getMessage()


class MkDocsHost:
    """Builds and serves a Brobygger project with MkDocs and Material."""

    name = "mkdocs"
    subpath = ""  # the pages are the site's root; other hosts build into sub-paths

    def _load(self, root: Path, **overrides: object) -> tuple[object, list[Diagnostic]]:
        unsafe = unsafe_config(root)
        if unsafe:
            return None, unsafe
        collect = _Collect()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(collect)
        try:
            config = load_config(config_file=str(root / CONFIG_FILE), **overrides)
        except (ConfigurationError, Abort) as exc:
            # MkDocs logs each configuration error, then aborts with a message naming none.
            messages = collect.messages or [str(exc).strip() or "invalid configuration"]
            return None, [config_problem(root, m) for m in messages]
        finally:
            logger.removeHandler(collect)
        problems = [config_problem(root, m) for m in collect.messages]
        if config is not None and not any(
                isinstance(p, BrobyggerContentPlugin) for p in config.plugins.values()):
            problems.append(Diagnostic(CONFIG_FILE, _config_line(root, "'plugins'"), "plugins",
                                       f"the '{PLUGIN_NAME}' plugin must be listed under plugins"))
        return config, problems

    def validate(self, root: Path) -> list[Diagnostic]:
        """Validate ``mkdocs.yml`` as MkDocs would, warnings included, as diagnostics."""
        config, problems = self._load(root)
        self._read = (root, _sources(config))
        return problems

    def sources(self, root: Path) -> list[Path]:
        """The folders MkDocs reads besides the docs: the theme's ``custom_dir`` and ``watch``.

        A build may not write into any of them (the pipeline checks its output against them).
        """
        read: tuple[Path, list[Path]] | None = getattr(self, "_read", None)
        if read is not None and read[0] == root:
            return read[1]
        return _sources(self._load(root)[0])

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
        collect = _Collect()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(collect)
        try:
            mkdocs_build(config)  # type: ignore[arg-type]
        except (Abort, PluginError, ConfigurationError) as exc:
            # MkDocs logs why, then aborts with "Aborted with a BuildError!": give the why.
            raise HostError("MkDocs: " + "; ".join([*collect.messages, str(exc)])) from exc
        except Exception as exc:  # a host failure of any kind must not reach publishing
            raise HostError(f"MkDocs failed: {type(exc).__name__}: {exc}") from exc
        finally:
            logger.removeHandler(collect)

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
