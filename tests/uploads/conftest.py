"""Files to hand in, good and hostile, built in memory (Pillow, pypdf, raw bytes)."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image
from pypdf import PdfWriter


def png_bytes(size=(60, 40), color=(200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG")
    return out.getvalue()


def jpeg_bytes(size=(60, 40), exif: bool = False) -> bytes:
    image = Image.new("RGB", size, (20, 90, 200))
    out = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "Appareil secret"  # Make
        data[0x8825] = {2: (48.0, 51.0, 24.0)}  # GPS latitude
        image.save(out, "JPEG", exif=data)
    else:
        image.save(out, "JPEG")
    return out.getvalue()


def pdf_bytes(change=None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if change:
        change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def bomb_png(width=100_000, height=100_000) -> bytes:
    """A tiny file announcing ten billion pixels (decoding it would need tens of gigabytes)."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    body = zlib.compress(b"\x00" * 1000)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", body)
        + _chunk(b"IEND", b"")
    )


@pytest.fixture
def files():
    """The builders, for tests (conftest cannot be imported under importlib mode)."""

    class Files:
        png = staticmethod(png_bytes)
        jpeg = staticmethod(jpeg_bytes)
        pdf = staticmethod(pdf_bytes)
        bomb = staticmethod(bomb_png)

    return Files
