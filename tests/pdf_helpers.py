"""PDFs looked at as a reader does: pages drawn as images (pdftoppm) and their text (pdftotext)."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from html import unescape
from pathlib import Path

import pytest

NUMBER = re.compile(r"\d[\d\u202f\u00a0 ]*,\d+")


def need_poppler() -> None:
    if not (shutil.which("pdftoppm") and shutil.which("pdftotext")):
        pytest.skip("poppler-utils (pdftoppm, pdftotext) absent : apt-get install poppler-utils")


def pages_as_images(pdf: bytes) -> list[Path]:
    """Each page drawn at 50 dpi as a PNG (the files live as long as the test session)."""
    need_poppler()
    folder = Path(tempfile.mkdtemp(prefix="agora-pdf-"))
    (folder / "doc.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "50", "doc.pdf", "page"], cwd=folder, check=True)
    pages = sorted(folder.glob("page*.png"))
    for page in pages:
        assert page.read_bytes().startswith(b"\x89PNG") and page.stat().st_size > 1000
    return pages


def pdf_text(pdf: bytes, layout: bool = False) -> str:
    """The PDF's text; with ``layout``, line by line as drawn from top to bottom (text drawn
    over other text then shows mixed on the same lines)."""
    need_poppler()
    options = ["-layout"] if layout else []
    done = subprocess.run(
        ["pdftotext", *options, "-", "-"], input=pdf, capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


def page_text(html: str) -> str:
    """The text of an HTML page, with the values typed in its fields."""
    values = " ".join(re.findall(r'value="([^"]*)"', html))
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", text) + " " + values)


def numbers(text: str) -> set[str]:
    """The decimal numbers a text shows (« 1 234,56 » read as 1234,56)."""
    return {re.sub(r"[\u202f\u00a0 ]", "", n) for n in NUMBER.findall(text)}


def assert_in_order(text: str, lines: list[str], then: str) -> None:
    """Each of ``lines`` on a line of its own in ``text`` (pdftotext -layout), in their order,
    and ``then`` only after the last one: nothing drawn over them or between them."""
    shown = [line.strip() for line in text.splitlines()]
    positions = []
    for line in lines:
        assert line in shown, f"ligne absente ou mêlée à un autre texte : {line!r}"
        positions.append(shown.index(line))
    assert positions == sorted(positions), positions
    after = [i for i, line in enumerate(shown) if then in line]
    assert after and min(after) > positions[-1], (then, after, positions[-1])
