"""Handed-in files on disk, outside the web root, named by the sha256 of their bytes, and their
thumbnails (cached by the same hash): identical files are kept once.

    <upload_dir>/ab/ab12…ef            the file (never named after anything a user typed)
    <upload_dir>/miniatures/ab12…ef.png
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
import threading
from pathlib import Path

from PIL import Image

from agora.uploads.checks import PDF

THUMBNAIL_SIZE = 320
_SHA256 = re.compile(r"[0-9a-f]{64}")
_PDFIUM = threading.Lock()
# What drawing a checked file may still raise (pypdfium2.PdfiumError is a RuntimeError).
NO_THUMBNAIL = (
    OSError,
    ValueError,
    RuntimeError,
    IndexError,
)  # pdfium is not thread-safe; requests run in worker threads


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def path_of(upload_dir: Path, sha256: str) -> Path:
    """Where the file of this hash is kept (the hash is checked: no path can be smuggled in)."""
    if not _SHA256.fullmatch(sha256):
        raise ValueError("empreinte sha256 invalide")
    return upload_dir / sha256[:2] / sha256


def store(upload_dir: Path, data: bytes) -> str:
    """Keep ``data`` (once per content) and return its sha256; written whole or not at all."""
    digest = sha256_of(data)
    target = path_of(upload_dir, digest)
    if not target.exists():
        _write_atomically(target, data)
    return digest


def _write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".envoi-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def thumbnail(upload_dir: Path, sha256: str, media_type: str) -> bytes:
    """A PNG at most THUMBNAIL_SIZE pixels wide or high: the image, or a PDF's first page.
    NO_THUMBNAIL when the file cannot be drawn (a PDF page pdfium cannot read)."""
    cached = upload_dir / "miniatures" / f"{path_of(upload_dir, sha256).name}.png"
    if cached.exists():
        return cached.read_bytes()
    source = path_of(upload_dir, sha256).read_bytes()
    image = _first_page(source) if media_type == PDF else Image.open(io.BytesIO(source))
    with image:
        image.thumbnail((THUMBNAIL_SIZE, THUMBNAIL_SIZE))
        if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            image = image.convert("RGB")
        out = io.BytesIO()
        image.save(out, "PNG")
    data = out.getvalue()
    _write_atomically(cached, data)
    return data


def _first_page(data: bytes) -> Image.Image:
    """The first page of a (checked) PDF drawn by pdfium, scaled to the thumbnail's size."""
    import pypdfium2

    with _PDFIUM:
        document = pypdfium2.PdfDocument(data)
        try:
            page = document[0]
            width, height = page.get_size()
            scale = THUMBNAIL_SIZE / max(width, height, 1)
            bitmap = page.render(scale=scale)
            image = bitmap.to_pil().copy()
            bitmap.close()
            page.close()
        finally:
            document.close()
    return image
