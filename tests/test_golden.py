"""Golden, normalised HTML of the fixture site, built in strict mode.

After an intended change, run ``make golden`` (``BROBYGGER_UPDATE_GOLDEN=1``) and review the
diff of ``tests/golden/`` before committing it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import FIXTURE_SITE, build_site
from tests.normalise import normalise_page

GOLDEN = Path(__file__).parent / "golden" / "fixture-site"
PAGES = ["index.html", "ip/index.html", "ip/koordinator/index.html", "ordliste/index.html",
         "kilder/index.html"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(FIXTURE_SITE, tmp_path_factory.mktemp("golden") / "site")


@pytest.mark.parametrize("name", PAGES)
def test_page_matches_golden(built: Path, name: str) -> None:
    actual = normalise_page((built / name).read_text(encoding="utf-8"))
    golden = GOLDEN / (name.replace("/", "__").removesuffix(".html") + ".txt")
    if os.environ.get("BROBYGGER_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden for {name}; run `make golden`"
    assert actual == golden.read_text(encoding="utf-8")


def test_goldens_show_what_readers_get(built: Path, cli: Callable[..., Result]) -> None:
    # Independent of the goldens: the facts a reader would notice.
    home = normalise_page((built / "index.html").read_text(encoding="utf-8"))
    assert "lang: nb" in home and "Når trengs en plan? -> #når-trengs-en-plan" in home
    lesson = (built / "ip/koordinator/index.html").read_text(encoding="utf-8")
    assert '<html lang="nn"' in lesson
    assert "Dette skal ikkje synast" not in lesson  # facilitator notes are not for learners
    assert '<h2 id="kjelder">Kjelder</h2>' in lesson
