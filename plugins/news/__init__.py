"""The pelican news adapter: the only importer of pelican (an import-linter contract)."""

from plugins.news.host import NewsHost

__all__ = ["NewsHost"]
