"""The XSS corpus in Chromium: every vector, wherever content puts it, is rejected or inert.

Each vector of ``tests/corpora/xss.txt`` is placed (a) inline in a paragraph, (b) in a raw HTML
block, (c) in a heading, (d) in inline code in a heading, (e) as a page's title and
description, as a glossary term, definition and expansion and a source's author, title and
issuer, and (f) in a news item's title, author, tags and description, which pelican's pages
(the item, the lists, archives, category and tag index), the front page's latest news and the
"Omtalt i Aktuelt" box of a portal page show. ``brobygger check`` runs first: a placement it
rejects must be named by a diagnostic with its own file and line; it is then taken out and the
check repeated. The rest is built, and every built page holding vectors is loaded in Chromium,
and then searched for with Material's search box so the results render. Inert means: no dialog
and no ``__xss()`` call from any frame, no event-handler attribute, no ``javascript:``-like URL,
no frame, object, base or refresh, no script but the theme's, and the paragraph after each
vector still there (nothing swallowed).

Vectors are batched: one site per test, many vectors per page where they cannot hide each other.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pytest
from playwright.sync_api import Dialog, Page
from playwright.sync_api import Error as PlaywrightError
from sitecheck import REPO_ROOT, serve_folder

pytestmark = pytest.mark.browser

CORPUS = REPO_ROOT / "tests" / "corpora" / "xss.txt"
FIXTURE = REPO_ROOT / "tests" / "fixtures" / "site"
NEWS_OVERLAY = REPO_ROOT / "tests" / "fixtures" / "news"
_CONTROLS = {"⟨TAB⟩": "\t", "⟨NL⟩": "\n", "⟨CR⟩": "\r", "⟨FF⟩": "\f", "⟨NUL⟩": "\0"}
CHUNK = 25  # vectors per page where vectors share a page
_HEAD = "audience: [nav]\ntopics: [arbeid]\n"


def corpus() -> list[str]:
    """The vectors, control characters put back."""
    vectors = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line and line != "#" and not line.startswith("# "):
            for name, char in _CONTROLS.items():
                line = line.replace(name, char)
            vectors.append(line)
    return vectors


@dataclass
class Spot:
    """One vector in one place: the lines it owns, what replaces them, where it is shown."""

    vector: int
    placement: str
    file: str
    lines: range
    neutral: list[str]
    urls: tuple[str, ...]
    sentinel: str | None = None


@dataclass
class Project:
    """Generated files (project-relative path → lines) and the spots in them."""

    root: Path
    files: dict[str, list[str]] = field(default_factory=dict)
    spots: list[Spot] = field(default_factory=list)
    searches: list[str] = field(default_factory=list)

    def add(self, file: str, lines: list[str], vector: int, placement: str,
            urls: tuple[str, ...], neutral: list[str], sentinel: str | None = None) -> None:
        body = self.files.setdefault(file, [])
        start = len(body) + 1
        body.extend(lines)
        self.spots.append(Spot(vector, placement, file, range(start, start + len(lines)),
                               neutral, urls, sentinel))

    def write(self) -> None:
        for file, lines in self.files.items():
            path = self.root / file
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _code(vector: str) -> str:
    ticks = "`" * (max((len(m) for m in re.findall("`+", vector)), default=0) + 1)
    return f"{ticks} {vector} {ticks}"


def _front_matter(project: Project, vectors: list[tuple[int, str]]) -> None:
    """(e) title and description, and (d) inline code in a heading: one page per vector."""
    for i, v in vectors:
        file, url, word = f"content/xss/t{i:03d}.md", (f"/xss/t{i:03d}/",), f"Xqt{i // 10:02d}"
        project.files[file] = ["---"]
        project.add(file, [f"title: {_q(f'{word} {v}')}"], i, "title", url,
                    [f"title: {word} fjernet"])
        project.add(file, [f"description: {_q(v)}"], i, "description", url,
                    ["description: Fjernet."])
        project.files[file] += [*_HEAD.splitlines(), "sources: []", "---", "", f"{word} tekst.", ""]
        project.add(file, [f"## Kode {_code(v)}"], i, "code in heading", url, [""])
        if word not in project.searches:
            project.searches.append(word)


def _bodies(project: Project, vectors: list[tuple[int, str]]) -> None:
    """(a) inline, (b) raw HTML block, (c) heading: many vectors per page, each with a sentinel."""
    shapes: dict[str, Callable[[int, str], list[str]]] = {
        "inline": lambda i, v: [f"Før {v} etter.", ""],
        "html block": lambda i, v: ["<div>", v, "</div>", ""],
        "heading": lambda i, v: [f"## Xqh{i:03d} {v}", ""],
    }
    for n, (placement, shape) in enumerate(shapes.items()):
        for c in range(0, len(vectors), CHUNK):
            word = f"Xqb{n}{c // CHUNK:02d}"
            file, url = f"content/xss/{word.lower()}.md", (f"/xss/{word.lower()}/",)
            project.files[file] = ["---", f"title: {word} {placement}", "description: Vektorer.",
                                   *_HEAD.splitlines(), "sources: []", "---", "", f"{word} tekst.",
                                   "", "## A {#a}", ""]
            for i, v in vectors[c:c + CHUNK]:
                lines = [*shape(i, v), f"Vakt{i:03d}.", ""]
                project.add(file, lines, i, placement, url, [""] * len(lines), f"Vakt{i:03d}.")
            project.searches.append(word)


def _vocabulary(project: Project, vectors: list[tuple[int, str]]) -> None:
    """Glossary term, definition and expansion; source author, title and issuer."""
    glossary, sources, citing = "content/_data/glossary.yml", "content/_data/sources.yml", []
    terms, cited = ("/ordliste/",), ("/ordliste/", "/kilder/", "/xss/bruk/")
    for file in (glossary, sources):
        project.files[file] = (project.root / file).read_text(encoding="utf-8").splitlines()
    for i, v in vectors:
        project.add(glossary, [f"- term: {_q(f'Xqv{i:03d} {v}')}"], i, "glossary term",
                    terms, [f"- term: Xqv{i:03d} fjernet"])
        project.add(glossary, [f"  definition: {_q(v)}"], i, "glossary definition",
                    terms, ["  definition: Fjernet."])
        project.files[glossary] += [f"- term: XQA{i:03d}", "  abbr: true"]
        project.add(glossary, [f"  expansion: {_q(v)}"], i, "glossary expansion", cited,
                    ["  expansion: fjernet"])
        project.files[glossary].append("  definition: Forkortelse.")
        project.files[sources] += [f"- id: xq-{i:03d}", "  kind: outside", "  year: 2020"]
        for key in ("author", "title", "issuer"):
            project.add(sources, [f"  {key}: {_q(v)}"], i, f"source {key}", cited,
                        [f"  {key}: Fjernet"])
        citing.append(f"xq-{i:03d}")
    words = " ".join(f"XQA{i:03d}" for i, _ in vectors)
    project.files["content/xss/bruk.md"] = [
        "---", "title: Xqbruk kilder", "description: Bruk.", *_HEAD.splitlines(),
        f"sources: [{', '.join(citing)}]", "---", "", f"Xqbruk {words}.", ""]
    project.searches += ["Xqbruk", "Xqv"]


def _with_news(root: Path) -> None:
    """The news fixture's items, categories and section page, and a ``site_url`` for feeds."""
    shutil.copytree(NEWS_OVERLAY / "content", root / "content", dirs_exist_ok=True)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("site_name: Testportal\n", "site_name: Testportal\n"
                                   "site_url: https://test.example.no/\n", 1), encoding="utf-8")


def _folded(key: str, word: str, vectors: list[tuple[int, str]], project: Project, file: str,
            urls: tuple[str, ...]) -> None:
    """A double-quoted YAML scalar over several lines (folded into one line of text): one
    vector per line, so many vectors share one field and each keeps its own line."""
    project.files[file].append(f'{key}: "{word}')
    for i, v in vectors:
        project.add(file, [f"  {_q(v)[1:-1]}"], i, f"news {key}", urls, ["  fjernet"])
    project.files[file].append('  "')


def _news(project: Project, vectors: list[tuple[int, str]]) -> None:
    """(f) A news item's title, author and tags, CHUNK vectors per item; its description one."""
    _with_news(project.root)
    lists = ("/aktuelt/", "/aktuelt/arkiv/", "/aktuelt/arkiv/2026/", "/aktuelt/kategori/nytt/",
             "/aktuelt/emne/")
    for n, c in enumerate(range(0, len(vectors), CHUNK)):
        word, chunk = f"Xqn{n:02d}", vectors[c:c + CHUNK]
        file = f"content/aktuelt/2026-03-{n + 1:02d}-{word.lower()}.md"
        item = (f"/aktuelt/2026-03-{n + 1:02d}-{word.lower()}/",)
        shown = (*item, *lists, "/", "/ip/")
        project.files[file] = ["---"]
        _folded("title", word, chunk, project, file, shown)
        i, v = chunk[0]
        project.add(file, [f"description: {_q(v)}"], i, "news description", (*item, *lists),
                    ["description: Fjernet."])
        project.files[file] += ["type: news", f"date: 2026-03-{n + 1:02d}", "category: nytt"]
        _folded("author", word, chunk, project, file, (*item, *lists))
        project.files[file].append("tags:")
        for i, v in chunk:
            project.add(file, [f"  - {_q(v)}"], i, "news tag", (*item, "/aktuelt/emne/"),
                        ["  - fjernet"])
        project.files[file] += ["audience: [nav]", "topics: [individuell-plan]",
                                "sources: [strategiplan-2007]", "---", "",
                                f"{word} om [individuell plan](../ip/index.md).", ""]
    project.searches.append("Xqn")


PLACEMENTS: dict[str, Callable[[list[tuple[int, str]]], Callable[[Project], None]]] = {
    "front-matter-1": lambda vs: partial(_front_matter, vectors=vs[: len(vs) // 2]),
    "front-matter-2": lambda vs: partial(_front_matter, vectors=vs[len(vs) // 2:]),
    "body": lambda vs: partial(_bodies, vectors=vs),
    "vocabulary": lambda vs: partial(_vocabulary, vectors=vs),
    "news": lambda vs: partial(_news, vectors=vs),
}


def _brobygger(*args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).parent / "brobygger"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([str(exe), *args], capture_output=True, text=True, env=env,
                          timeout=600, check=False)


def _prune(project: Project) -> tuple[list[str], list[str]]:
    """Check until clean, taking out each rejected spot; return (rejections, unattributed)."""
    rejected: list[str] = []
    spots = list(project.spots)
    for _ in range(6):
        result = _brobygger("check", "--project", str(project.root), "--format", "json")
        if result.returncode == 0:
            return rejected, []
        try:
            diagnostics = json.loads(result.stdout)["diagnostics"]
        except (ValueError, KeyError):
            return rejected, [f"check exited {result.returncode}:\n{result.stdout}{result.stderr}"]
        unattributed = []
        for d in diagnostics:
            spot = next((s for s in spots
                         if s.file == d.get("path") and d.get("line") in s.lines), None)
            if spot is None:
                unattributed.append(json.dumps(d, ensure_ascii=False))
                continue
            if spot not in project.spots:  # a second diagnostic on the same spot
                continue
            rejected.append(f"{spot.placement} #{spot.vector}: {d['path']}:{d['line']}: "
                            f"{d['key']}: {d['message']}")
            project.files[spot.file][spot.lines.start - 1:spot.lines.stop - 1] = spot.neutral
            project.spots.remove(spot)
        if unattributed:
            return rejected, unattributed
        project.write()
    return rejected, ["the check did not come clean after six rounds"]


MARKER = "window.__xss = (n) => window.alert('__xss ' + n);"

# What a vector would need in the DOM to run, now or on a click, hover or focus.
PROBE = """(sentinels) => {
  const bad = /^(?:javascript|vbscript|livescript|data:text\\/html)/;
  const urls = new Set(['href', 'xlink:href', 'src', 'srcset', 'action', 'formaction', 'data',
                        'background', 'dynsrc', 'lowsrc', 'poster', 'codebase', 'cite', 'ping',
                        'longdesc', 'values', 'to', 'from', 'by']);
  const hosts = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base',
                         'portal', 'isindex']);
  const marks = [...document.querySelectorAll('article p')]
    .filter((p) => /^Vakt\\d+\\.$/.test(p.textContent));
  const where = (el) => {
    const next = marks.find((m) => el.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING);
    return next ? ` before ${next.textContent}` : '';
  };
  const found = [];
  const push = (el, what) => found.push(what + where(el));
  for (const el of document.querySelectorAll('*')) {
    const tag = el.localName;
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      const value = a.value.replace(/[\\u0000-\\u0020\\u007f-\\u00a0]/g, '').toLowerCase();
      if (name.startsWith('on')) push(el, `<${tag} ${name}=${a.value.slice(0, 40)}>`);
      if (urls.has(name) && bad.test(value)) push(el, `<${tag} ${name}=${a.value.slice(0, 40)}>`);
      if (name === 'srcdoc') push(el, `<${tag} srcdoc>`);
      if (name === 'attributename' && /^(on|href|xlink:href)/.test(value))
        push(el, `<${tag} attributeName=${value}>`);
    }
    if (hosts.has(tag)) push(el, `<${tag}>`);
    if (tag === 'meta' && el.hasAttribute('http-equiv')) push(el, '<meta http-equiv>');
    if (tag === 'script') {
      const src = el.getAttribute('src');
      // The theme's scripts, and the search index's data shards the search script loads
      // (each only hands JSON to __bbSearch; tests/privacy.py proves that of every shard).
      const url = src ? new URL(src, location.href).href : '';
      const own = src ? url.startsWith(location.origin + '/assets/') ||
                        (url.startsWith(location.origin + '/search/') &&
                         /^\\/search\\/([alpr]\\/\\d+|manifest)\\.js$/.test(new URL(url).pathname))
                      : !/alert|__xss|xss|msgbox|document\\.write|fromcharcode|eval/i.test(el.text);
      if (!own) push(el, `<script ${src || el.text.slice(0, 40)}>`);
    }
  }
  const shown = new Set([...document.querySelectorAll('article p')].map((p) => p.textContent));
  for (const s of sentinels) if (!shown.has(s)) found.push(`swallowed: ${s} is missing`);
  return found;
}"""


@dataclass
class Browse:
    """A Chromium tab with the marker installed and every foreign request aborted."""

    page: Page
    dialogs: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, new_page: Callable[..., Page], search: bool = True) -> Browse:
        page = new_page()
        tab = cls(page)
        page.context.add_init_script(MARKER)
        page.context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/])"), lambda r: r.abort())
        if not search:  # the search index is not what these page loads test
            page.context.route("**/search/**", lambda r: r.abort())

        def dialog(d: Dialog) -> None:
            tab.dialogs.append(f"{d.type}({d.message[:60]!r})")
            d.dismiss()

        page.on("dialog", dialog)
        page.on("popup", lambda p: tab.dialogs.append(f"popup {p.url[:60]}"))
        return tab

    def findings(self, sentinels: list[str]) -> list[str]:
        self.page.evaluate("() => new Promise((r) => requestAnimationFrame(() => setTimeout(r)))")
        found: list[str] = self.page.evaluate(PROBE, sentinels)
        found += self.dialogs
        self.dialogs.clear()
        return found


def _search(tab: Browse, word: str) -> int:
    box = tab.page.locator("#bb-search-input")
    box.click()
    box.fill("")
    tab.page.keyboard.type(word.lower())
    try:
        tab.page.wait_for_selector(".bb-search__results li", timeout=10_000)
    except PlaywrightError:
        return 0
    tab.page.wait_for_timeout(100)  # the rest of the results
    return tab.page.locator(".bb-search__results li").count()


def _with_portal_theme(root: Path) -> None:
    """The portal's theme overrides (its search box among them) on the fixture site."""
    shutil.copytree(REPO_ROOT / "overrides", root / "overrides")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n",
                                   1), encoding="utf-8")


@pytest.mark.parametrize("site", sorted(PLACEMENTS))
def test_each_vector_is_rejected_with_its_line_or_inert_in_chromium(
        site: str, tmp_path: Path, new_page: Callable[..., Page]) -> None:
    vectors = list(enumerate(corpus()))
    assert len(vectors) >= 200, "the corpus lost vectors"
    project = Project(tmp_path / "project")
    shutil.copytree(FIXTURE, project.root)
    _with_portal_theme(project.root)
    PLACEMENTS[site](vectors)(project)
    project.write()
    placed = len(project.spots)

    rejected, unattributed = _prune(project)
    assert not unattributed, "diagnostics not naming a vector's own file and line:\n" + \
        "\n".join(unattributed)
    build = _brobygger("build", "--project", str(project.root), "--out", str(tmp_path / "site"))
    assert build.returncode == 0, f"the build failed after the check passed:\n{build.stderr}"

    failures: list[str] = []
    urls = sorted({url for s in project.spots for url in s.urls})
    with serve_folder(tmp_path / "site") as server:
        origin = server.origin
        tab = Browse.open(new_page, search=False)
        for url in urls:
            tab.page.goto(origin + url, wait_until="load")
            sentinels = [s.sentinel for s in project.spots if url in s.urls and s.sentinel]
            failures += [f"{url}: {f}" for f in tab.findings(sentinels)]
        tab = Browse.open(new_page)
        tab.page.goto(origin + urls[0], wait_until="load")
        for word in project.searches:
            if _search(tab, word) == 0:
                failures.append(f"search for {word!r} rendered no results")
            failures += [f"search {word!r}: {f}" for f in tab.findings([])]
    print(f"xss {site}: {placed} placements, {len(rejected)} rejected by check, "
          f"{placed - len(rejected)} built and loaded on {len(urls)} pages, "
          f"{len(project.searches)} searches")
    named = [re.sub(r"before Vakt(\d+)\.", lambda m: f"from #{m[1]} {vectors[int(m[1])][1]!r}", f)
             for f in failures]
    assert not failures, "vectors that built and are not inert:\n" + "\n".join(named[:80])


def test_the_probe_sees_a_payload_that_runs_or_waits(
        tmp_path: Path, new_page: Callable[..., Page]) -> None:
    (tmp_path / "index.html").write_text(
        '<img src="data:," onerror="__xss(1)"><a href=" java&#9;script:x" title="javascript:">a</a>'
        "<article><p>Vakt001.</p><textarea><p>Vakt002.</p></textarea></article>")
    tab = Browse.open(new_page)
    with serve_folder(tmp_path) as server:
        tab.page.goto(server.origin + "/", wait_until="load")
        found = tab.findings(["Vakt001.", "Vakt002."])
    assert any(f.startswith("alert('__xss 1')") for f in found), found
    assert any("onerror" in f for f in found) and any("<a href" in f for f in found), found
    assert "swallowed: Vakt002. is missing" in found and len(found) == 4, found
