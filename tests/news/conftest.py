"""The news fixture: the fixture site with the overlay in ``tests/fixtures/news``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_SITE, build_site

NEWS_OVERLAY = Path(__file__).resolve().parent.parent / "fixtures" / "news"


def make_news_site(dest: Path) -> Path:
    """A copy of the fixture site with news items, categories, ``site_url`` and the latest
    news on its front page."""
    shutil.copytree(FIXTURE_SITE, dest)
    shutil.copytree(NEWS_OVERLAY, dest, dirs_exist_ok=True)
    (dest / "README.md").unlink()
    front = dest / "content" / "index.md"
    text = front.read_text(encoding="utf-8")
    front.write_text(text.replace("sources: [strategiplan-2007]\n",
                                  "sources: [strategiplan-2007]\ngenerated: latest-news\n", 1),
                     encoding="utf-8")
    return dest


@pytest.fixture
def news_dir(tmp_path: Path) -> Path:
    """A fresh copy of the news fixture site, safe to break."""
    return make_news_site(tmp_path / "project")


@pytest.fixture(scope="module")
def news_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The news fixture site built once per module (strict mode, through the CLI)."""
    base = tmp_path_factory.mktemp("news")
    return build_site(make_news_site(base / "project"), base / "site")
