"""Print: a lesson and the checklist print to PDF with their title and without navigation."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page
from sitecheck import PAGE_TEMPLATES, Template

pytestmark = pytest.mark.browser

PRINTED = tuple(t for t in PAGE_TEMPLATES if t.name in ("lesson", "checklist"))
"""The templates printed to PDF (the course certificate joins when courses offer one)."""


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: run scripts/install-system-deps (poppler-utils)")
    return path


def _words(text: str) -> str:
    """Whitespace-normalised text (PDF text breaks lines where the layout did)."""
    return " ".join(text.replace("\u00ad", "").split())


def png_gray_pixels(path: Path) -> bytes:
    """Decode an 8-bit, non-interlaced gray or RGB PNG (as pdftoppm writes) to gray pixels.

    Args:
        path: The PNG file.

    Returns:
        One byte per pixel (0 black .. 255 white), row after row.
    """
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    pos, idat, width, height, bpp = 8, b"", 0, 0, 1
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and color in (0, 2) and interlace == 0, "unexpected PNG format"
            bpp = 1 if color == 0 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride = zlib.decompress(idat), width * bpp
    out, prev = bytearray(), bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        filt, row = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            left = row[x - bpp] if x >= bpp else 0
            up, up_left = prev[x], prev[x - bpp] if x >= bpp else 0
            if filt == 1:
                row[x] = (row[x] + left) & 0xFF
            elif filt == 2:
                row[x] = (row[x] + up) & 0xFF
            elif filt == 3:
                row[x] = (row[x] + (left + up) // 2) & 0xFF
            elif filt == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else up_left
                row[x] = (row[x] + pred) & 0xFF
        out += row if bpp == 1 else bytes(sum(row[i : i + 3]) // 3 for i in range(0, stride, 3))
        prev = row
    return bytes(out)


@pytest.mark.parametrize("printed", PRINTED, ids=[t.name for t in PRINTED])
def test_print_to_pdf(open_page: Callable[..., Page], printed: Template, tmp_path: Path) -> None:
    page = open_page(printed)
    title = _words(
        page.evaluate(
            """() => {
              const h1 = document.querySelector("article h1").cloneNode(true);
              h1.querySelectorAll(".headerlink").forEach((a) => a.remove());
              return h1.textContent;
            }"""
        )
    )
    article = _words(page.inner_text("article"))
    chrome = page.evaluate(
        """() => [...document.querySelectorAll(
              ".md-header, .md-tabs, .md-sidebar, .md-footer, .md-skip")]
            .flatMap((el) => [...el.querySelectorAll("a, label, .md-header__topic, .md-ellipsis")])
            .map((el) => el.textContent.replace(/\\s+/g, " ").trim())"""
    )
    nav_only = sorted({t for t in chrome if len(t) >= 4 and t not in article})
    assert nav_only, "found no navigation text to look for in the PDF"

    pdf = tmp_path / f"{printed.name}.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    first = subprocess.run(
        [_tool("pdftotext"), "-f", "1", "-l", "1", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    everything = subprocess.run(
        [_tool("pdftotext"), "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert title and title in _words(first), (
        f"{printed.path}: the title {title!r} is not on the PDF's first page:\n{first[:600]}"
    )
    leaked = [t for t in nav_only if re.search(r"(?<!\w)" + re.escape(t) + r"(?!\w)", _words(everything))]
    assert not leaked, f"{printed.path}: navigation text printed: {leaked[:10]}"

    subprocess.run(
        [
            _tool("pdftoppm"),
            "-f",
            "1",
            "-l",
            "1",
            "-r",
            "40",
            "-gray",
            "-png",
            "-singlefile",
            str(pdf),
            str(tmp_path / "first"),
        ],
        check=True,
    )
    pixels = png_gray_pixels(tmp_path / "first.png")
    inked = sum(1 for v in pixels if v < 160) / len(pixels)
    assert inked > 0.002, f"{printed.path}: the first printed page is blank ({inked:.2%} ink)"
