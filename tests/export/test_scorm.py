"""``brobygger export scorm``: the manifest (SCORM 1.2, ADL CP names) and the package's files."""

from __future__ import annotations

import posixpath
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from site_build.cli import main
from site_build.export.manifest import ADLCP, IMSCP, manifest_xml, xml_id

ROOT = Path(__file__).resolve().parents[2]
NS = {"cp": IMSCP, "adlcp": ADLCP}
BROBYGGER = str(Path(sys.executable).parent / "brobygger")


def _parse(xml: bytes) -> ET.Element:
    return ET.fromstring(xml)


def test_manifest_has_one_organization_item_and_sco() -> None:
    root = _parse(manifest_xml("kurs-a", "Kurs & <A>", "index.html", ["index.html", "a b/ø.html"]))
    assert root.tag == f"{{{IMSCP}}}manifest"
    assert root.findtext("cp:metadata/cp:schema", namespaces=NS) == "ADL SCORM"
    assert root.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.2"
    [org] = root.findall("cp:organizations/cp:organization", NS)
    assert root.find("cp:organizations", NS).get("default") == org.get("identifier")
    assert org.findtext("cp:title", namespaces=NS) == "Kurs & <A>"
    [item] = org.findall("cp:item", NS)
    [res] = root.findall("cp:resources/cp:resource", NS)
    assert item.get("identifierref") == res.get("identifier")
    assert res.get(f"{{{ADLCP}}}scormtype") == "sco" and res.get("type") == "webcontent"
    assert res.get("href") == "index.html"
    assert [f.get("href") for f in res.findall("cp:file", NS)] == ["a%20b/%C3%B8.html",
                                                                  "index.html"]


@given(track=st.text(min_size=1, max_size=40), title=st.text(max_size=80).filter(
           lambda t: all(c in "\t\n\r" or c >= " " for c in t) and "\ufffe" not in t
           and "\uffff" not in t and not any(0xD800 <= ord(c) <= 0xDFFF for c in t)),
       files=st.lists(st.from_regex(r"[a-zæøå0-9_ -]{1,12}(/[a-zæøå0-9_.-]{1,12}){0,3}",
                                    fullmatch=True), max_size=20))
def test_any_track_shape_gives_a_valid_manifest(track: str, title: str, files: list[str]) -> None:
    root = _parse(manifest_xml(track, title, "index.html", files))
    listed = [unquote(f.get("href") or "") for f in root.iter(f"{{{IMSCP}}}file")]
    assert listed == sorted(set(files))
    for el in root.iter():
        ident = el.get("identifier")
        assert ident is None or re.fullmatch(r"[A-Za-z][A-Za-z0-9._-]*", ident)
    assert xml_id(track)[0].isalpha()


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("scorm")
    out = tmp / "a.zip"
    proc = subprocess.run([BROBYGGER, "export", "scorm", "arbeid-og-psykisk-helse", "--project",
                           str(ROOT), "--out", str(out)], capture_output=True, text=True,
                          timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "SCORM 1.2, 7 lessons" in proc.stderr
    return out


def test_every_file_is_listed_and_every_url_stays_inside(package: Path) -> None:
    with zipfile.ZipFile(package) as zf:
        names = set(zf.namelist())
        root = _parse(zf.read("imsmanifest.xml"))
        listed = {unquote(f.get("href") or "") for f in root.iter(f"{{{IMSCP}}}file")}
        assert listed == names - {"imsmanifest.xml"}
        assert "index.html" in names and "assets/javascripts/bb-scorm.js" in names
        pages = [n for n in names if n.endswith(".html")]
        assert len(pages) >= 8  # the SCO and the seven lessons
        for name in pages:
            html = zf.read(name).decode()
            assert "bb-search.js" not in html and 'rel="alternate"' not in html
            for tag, url in re.findall(r'<(link|script|img|iframe)\b[^>]*?\s(?:href|src)="([^"]*)"',
                                       html):
                if tag == "link" and url.startswith("https://"):
                    continue  # rel=canonical names the public page; nothing loads it
                assert ":" not in url and not url.startswith("/"), f"{name}: {url}"
                target = posixpath.normpath(posixpath.join(posixpath.dirname(name),
                                                           unquote(url.split("#")[0])))
                assert target in names, f"{name}: {url} is not in the package"
            for url in re.findall(r'<a\b[^>]*?\shref="([^"#:]+)(?:#[^"]*)?"', html):
                target = posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(url)))
                assert target in names, f"{name}: a link to {url} is not in the package"


def test_an_unknown_track_is_a_diagnostic(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "scorm", "arbeid-og-psykisk-helsa",
                                       "--project", str(ROOT), "--out", str(tmp_path / "x.zip")])
    assert result.exit_code == 1
    assert ("courses:1: track: 'arbeid-og-psykisk-helsa' is not a course track; did you mean "
            "'arbeid-og-psykisk-helse'?") in result.output
    assert "Traceback" not in result.output and not (tmp_path / "x.zip").exists()
