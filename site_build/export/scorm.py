"""A SCORM 1.2 package of one track, made from a built site.

The package holds the track's lesson pages (and its track page) as built, with the site's
stylesheets, fonts, scripts and images, every URL relative (:mod:`.pages`); ``index.html``,
the one SCO, shows the outline beside a frame for the lessons. Its script
(``assets/javascripts/bb-scorm.js``) finds the LMS's API by the standard discovery walk and
reports completion and the self-checks' score; without an LMS the package works as it is.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path

from site_build.diagnostics import Diagnostic, did_you_mean
from site_build.export.manifest import MANIFEST, manifest_xml
from site_build.export.pages import Rewrite, rewrite_page
from site_build.model import Course, Site
from site_build.site.urls import output_file

__all__ = ["LAUNCH", "Package", "find_track", "launch_page", "unknown_track", "write_package"]

LAUNCH = "index.html"
SCRIPT = "assets/javascripts/bb-scorm.js"
# Fixed times: the same track and site give the same ZIP, byte for byte.
# Material's own search (lunr): the portal uses its own, which a package leaves out.
_UNUSED = ("assets/javascripts/lunr/",)
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
_TEXTS: dict[str, tuple[str, str]] = {
    "lessons": ("Leksjoner", "Leksjonar"),
    "lesson": ("Leksjon", "Leksjon"),
    "done": ("Marker leksjonen som fullført", "Merk leksjonen som fullført"),
    "start": ("Velg en leksjon i listen.", "Vel ein leksjon i lista."),
}


@dataclass(frozen=True)
class Package:
    """A written package: where, how many files (manifest included) and bytes."""

    path: Path
    files: int
    size: int


def unknown_track(track_id: str, known: Iterable[str]) -> Diagnostic:
    """The diagnostic for a track id that is not one of ``known`` (did you mean …?)."""
    ids = sorted(known)
    hint = did_you_mean(track_id, ids) or (
        f"; the tracks are: {', '.join(ids)}" if ids else "; there are no tracks")
    return Diagnostic("courses", 1, "track", f"'{track_id}' is not a course track{hint}")


def find_track(site: Site, track_id: str) -> Course | Diagnostic:
    """The track with this id, or a diagnostic that names the tracks there are."""
    for course in site.courses:
        if course.id == track_id:
            return course
    return unknown_track(track_id, (c.id for c in site.courses))


def _t(key: str, lang: str) -> str:
    nb, nn = _TEXTS[key]
    return nn if lang == "nn" else nb


def _json(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def launch_page(course: Course, lessons: list[tuple[str, str]], stylesheets: list[str]) -> str:
    """The SCO: the outline, a frame for the lessons, the data and script for the LMS."""
    lang = course.lang
    items = "\n".join(
        f'<li><a href="{escape(url)}" target="bb-scorm-lesson">{escape(title)}</a>'
        f' <span class="bb-scorm__state" data-url="{escape(url)}"></span></li>'
        for url, title in lessons)
    links = "\n".join(f'<link rel="stylesheet" href="{escape(s)}">' for s in stylesheets)
    data = {"track": course.id, "lang": lang,
            "lessons": [{"url": url, "title": title} for url, title in lessons]}
    first = escape(lessons[0][0]) if lessons else "about:blank"
    return f"""<!doctype html>
<html lang="{escape(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{escape(course.title)}</title>
{links}
<style>
html, body {{ height: 100%; margin: 0; }}
.bb-scorm {{ display: flex; min-height: 100%; font-family: var(--md-text-font-family, sans-serif); }}
.bb-scorm__side {{ flex: 0 0 17rem; padding: 1rem; overflow: auto; font-size: .8rem; }}
.bb-scorm__side h1 {{ font-size: 1.1rem; margin: 0 0 .75rem; }}
.bb-scorm__side ol {{ padding-left: 1.25rem; }}
.bb-scorm__side li {{ margin: .4rem 0; }}
.bb-scorm__state {{ display: block; font-size: .7rem; }}
.bb-scorm__frame {{ flex: 1 1 auto; border: 0; border-left: 1px solid currentColor; min-height: 100vh; }}
@media (max-width: 45em) {{ .bb-scorm {{ flex-direction: column; }}
  .bb-scorm__frame {{ border-left: 0; border-top: 1px solid currentColor; }} }}
</style>
<script src="{SCRIPT}" defer></script>
</head>
<body>
<div class="bb-scorm md-typeset">
<nav class="bb-scorm__side" aria-labelledby="bb-scorm-title">
<h1 id="bb-scorm-title">{escape(course.title)}</h1>
<p id="bb-scorm-status" role="status" aria-live="polite"></p>
<ol aria-label="{escape(_t("lessons", lang))}">
{items}
</ol>
<p><button type="button" id="bb-scorm-done" class="md-button" hidden>{escape(_t("done", lang))}</button></p>
</nav>
<iframe class="bb-scorm__frame" name="bb-scorm-lesson" title="{escape(_t("lesson", lang))}"
 src="{first}"></iframe>
</div>
<script type="application/json" id="bb-scorm-data">{_json(data)}</script>
</body>
</html>
"""


def _package_pages(site: Site, course: Course) -> tuple[list[tuple[str, str]], list[str]]:
    """The lessons' (file, title) in order, and every page the package holds."""
    lessons = []
    for lesson in course.lessons:
        page = site.page(lesson.page)
        if page is not None:
            lessons.append((output_file(page.url), lesson.title or page.front.title))
    extra = [output_file(p.url) for p in site.pages
             if p.front.track == course.id and p.front.generated == "track"]
    return lessons, [f for f, _ in lessons] + extra


def _asset_files(built: Path) -> Iterator[str]:
    """The site's own assets (stylesheets, fonts, scripts, images), source maps left out."""
    for path in sorted((built / "assets").rglob("*")):
        rel = path.relative_to(built).as_posix()
        if path.is_file() and path.suffix != ".map" and not rel.startswith(_UNUSED):
            yield rel


def write_package(site: Site, built: Path, course: Course, out: Path) -> Package:
    """Write the SCORM 1.2 ZIP of ``course`` from the site built into ``built``.

    Args:
        site: The loaded site the build was made from.
        built: The built site's folder.
        course: The track.
        out: The ZIP to write (replaced if it exists).

    Returns:
        What was written.
    """
    lessons, pages = _package_pages(site, course)
    pages = [p for p in pages if (built / p).is_file()]
    rw = Rewrite(built, frozenset(pages), site.config.site_url)
    contents: dict[str, bytes] = {}
    for path in pages:
        html = (built / path).read_text(encoding="utf-8")
        contents[path] = rewrite_page(html, path, rw).encode("utf-8")
    for path in [*_asset_files(built), *sorted(rw.files)]:
        contents.setdefault(path, (built / path).read_bytes())
    styles = sorted(p for p in contents if p.startswith("assets/stylesheets/")
                    and p.endswith(".css"))
    # Material's own stylesheet first, as on the built pages.
    styles.sort(key=lambda p: (not p.rsplit("/", 1)[-1].startswith("main."), p))
    present = [(f, t) for f, t in lessons if f in contents]
    contents[LAUNCH] = launch_page(course, present, styles).encode("utf-8")
    manifest = manifest_xml(course.id, course.title, LAUNCH, contents)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in [(MANIFEST, manifest), *sorted(contents.items())]:
            zf.writestr(zipfile.ZipInfo(name, _ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    tmp.replace(out)
    return Package(out, len(contents) + 1, out.stat().st_size)
