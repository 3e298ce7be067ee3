"""The SCORM 1.2 package in a real SCORM runtime, and the printable track pages.

The package of course A is unzipped into a temporary folder and served on 127.0.0.1 with a
host page that plays the LMS: it loads ``scorm-again`` (npm, ``tests/browser/package.json``)
as ``window.API`` (``Scorm12API``) and the SCO in a frame. The track is completed in the
frame (a self-check reported through ``bb:quiz`` as the quiz script does, every lesson marked
done in the outline); the runtime then holds ``cmi.core.lesson_status`` ``completed`` and a
``cmi.core.score.raw``, and no request went to another host. The facilitator view and the
handout print to PDF; axe finds nothing on the facilitator view.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page
from sitecheck import REPO_ROOT, SiteServer, serve_folder
from test_browser_axe import run_axe

pytestmark = pytest.mark.browser

TRACK = "arbeid-og-psykisk-helse"
RUNTIME = Path(__file__).parent / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js"
HOST_PAGE = """<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>LMS</title>
<script src="scorm12.min.js"></script>
<script>
  window.API = new Scorm12API({logLevel: 5});
  window.calls = [];
  const setValue = window.API.LMSSetValue.bind(window.API);
  window.API.LMSSetValue = (key, value) => { calls.push([key, String(value)]); return setValue(key, value); };
  for (const name of ["LMSInitialize", "LMSCommit", "LMSFinish"]) {
    const call = window.API[name].bind(window.API);
    window.API[name] = (arg) => { calls.push([name, ""]); return call(arg); };
  }
</script></head>
<body><iframe id="sco" title="Kurs" src="sco/index.html" style="width:100%;height:90vh"></iframe>
</body></html>"""


@pytest.fixture(scope="module")
def lms(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """The package (made from the built site) under ``/sco/`` beside the host page."""
    if not RUNTIME.is_file():
        pytest.fail("scorm-again is missing: run 'npm ci' in tests/browser")
    root = tmp_path_factory.mktemp("lms")
    package = root / "package.zip"
    cmd = [str(Path(sys.executable).parent / "brobygger"), "export", "scorm", TRACK,
           "--project", str(REPO_ROOT), "--site", str(built_site), "--out", str(package)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    with zipfile.ZipFile(package) as zf:
        zf.extractall(root / "sco")
    shutil.copy(RUNTIME, root / "scorm12.min.js")
    (root / "index.html").write_text(HOST_PAGE, encoding="utf-8")
    with serve_folder(root) as server:
        yield server


def _lessons(page: Page) -> list[str]:
    sco = page.frame_locator("#sco")
    return sco.locator(".bb-scorm__side ol a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")


def test_completing_the_track_reports_completion_and_score(
        lms: SiteServer, new_page: Callable[..., Page]) -> None:
    page = new_page()
    hosts: set[str] = set()
    page.on("request", lambda r: hosts.add(urlsplit(r.url).hostname or r.url))
    page.goto(lms.url("/index.html"))
    sco = page.frame_locator("#sco")
    status = sco.locator("#bb-scorm-status")
    status.wait_for()
    assert page.evaluate("API.cmi.core.lesson_status") == "incomplete"
    lessons = _lessons(page)
    assert len(lessons) == 7
    for number, href in enumerate(lessons, 1):
        sco.locator(f'.bb-scorm__side ol a[href="{href}"]').click()
        frame = page.frame(name="bb-scorm-lesson")
        assert frame is not None
        frame.wait_for_url(f"**/{href}")
        frame.wait_for_load_state()
        if number == 2:  # a self-check, as the quiz script reports it: 3 of 4 right
            frame.evaluate("""document.dispatchEvent(new CustomEvent("bb:quiz",
                {detail: {id: "sjekk", score: 3, max: 4, passed: true}}))""")
        else:
            button = sco.locator("#bb-scorm-done")
            button.wait_for(state="visible")
            if number % 2:  # by keyboard too
                button.press("Enter")
            else:
                button.click()
        page.wait_for_function(f"() => document.querySelector('#sco').contentDocument"
                               f".querySelectorAll('.bb-scorm__state:not(:empty)').length >= {number}")
    assert page.evaluate("API.cmi.core.lesson_status") == "completed"
    assert page.evaluate("API.cmi.core.score.raw") == "75"
    assert "Kurset er fullført" in status.inner_text()
    page.goto("about:blank")  # unload: the SCO commits and finishes
    assert hosts <= {"127.0.0.1", "about:blank"}, f"requests to other hosts: {hosts}"


def test_the_sco_resumes_and_works_without_an_lms(
        lms: SiteServer, new_page: Callable[..., Page]) -> None:
    page = new_page()
    page.goto(lms.url("/sco/index.html"))  # standalone: no API anywhere
    status = page.locator("#bb-scorm-status")
    status.wait_for()
    assert "ingen LMS" in status.inner_text()
    assert page.frame(name="bb-scorm-lesson") is not None
    page.locator("#bb-scorm-done").click()
    assert "1 av 7" in status.inner_text()


@pytest.mark.parametrize("name", ["kursleder-visning", "utskrift"])
def test_the_printable_pages_print(name: str, site_server: SiteServer,
                                   new_page: Callable[..., Page],
                                   tmp_path: Path) -> None:
    page = new_page()
    response = page.goto(site_server.url(f"/kurs/{TRACK}/{name}/"))
    assert response is not None and response.status == 200
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    (tmp_path / f"{name}.pdf").write_bytes(pdf)
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids)), "an id is used twice"
    broken = page.evaluate("""[...document.querySelectorAll('article a[href^="#"]')]
        .map(a => a.getAttribute('href').slice(1)).filter(Boolean)
        .filter(id => !document.getElementById(decodeURIComponent(id)))""")
    assert broken == [], f"in-page links to nothing: {broken}"


def test_the_facilitator_view_has_no_axe_violations(
        site_server: SiteServer, new_page: Callable[..., Page]) -> None:
    page = new_page()
    page.goto(site_server.url(f"/kurs/{TRACK}/kursleder-visning/"))
    violations = run_axe(page)
    assert violations == [], [(v["id"], v["help"], len(v["nodes"])) for v in violations]
