"""The host settings the core needs, read from ``mkdocs.yml`` without the host."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from site_build.diagnostics import Collector, Diagnostic
from site_build.io.yaml12 import key_line, read_yaml_file
from site_build.model import Contact, Owner, SiteConfig
from site_build.schema.config import CONFIG, CONTACT_MISSING
from site_build.schema.fields import INVALID
from site_build.schema.records import check_document

__all__ = ["CONFIG_FILE", "read_config", "unsafe_config"]

CONFIG_FILE = "mkdocs.yml"


def read_config(root: Path) -> tuple[SiteConfig, list[Diagnostic]]:
    """Read ``mkdocs.yml`` in ``root``.

    Returns:
        The settings (defaults where the file is unreadable or a setting is wrong) and any
        diagnostics.
    """
    path = root / CONFIG_FILE
    default = SiteConfig(root=str(root))
    out = Collector(CONFIG_FILE)
    doc = read_yaml_file(path, out, "config", missing=f"no {CONFIG_FILE} in {root}")
    if doc is None:
        return default, out.items
    values: Any = check_document(CONFIG, doc.data, out, {})
    if values is INVALID:
        return default, out.items
    theme = values.pop("theme", {})
    extra = values.pop("extra", {})
    if "extra" not in doc.data:
        # The schema reports a missing contact inside 'extra:', and this a missing 'extra:'.
        out.error(key_line(doc.data, "extra", 1), "extra.contact",
                  CONTACT_MISSING.format(key="contact", why=""))
    config = SiteConfig(root=str(root), **values, **theme,
                        owner=Owner(**extra["owner"]) if "owner" in extra else None,
                        contact=Contact(**extra["contact"]) if "contact" in extra else None)
    if not (root / config.docs_dir).is_dir():
        out.error(key_line(doc.data, "docs_dir", 1), "docs_dir",
                  f"folder '{config.docs_dir}' does not exist")
    return config, out.items


def unsafe_config(root: Path) -> list[Diagnostic]:
    """Problems that must stop a host from reading ``mkdocs.yml`` at all.

    MkDocs reads it with PyYAML's unsafe loader (``!!python/object/apply`` runs code, ``!ENV``
    would publish the build machine's environment), without bounds on aliases or nesting, and
    follows ``INHERIT`` to a file the core never checks. The core's bounded loader reports each
    (``read_config`` reports the same YAML problems; a run merges the two).
    """
    out = Collector(CONFIG_FILE)
    doc = read_yaml_file(root / CONFIG_FILE, out, "config", missing=f"no {CONFIG_FILE} in {root}")
    if doc is not None and isinstance(doc.data, dict) and "INHERIT" in doc.data:
        out.error(key_line(doc.data, "INHERIT", 1), "INHERIT", "is not supported: the core "
                  "reads mkdocs.yml alone; write the settings into mkdocs.yml")
    return out.items
