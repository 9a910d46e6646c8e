"""Benchmark of handing in a poster: checking and cleaning the file, then its thumbnail.

Run: .venv/bin/python bench/bench_uploads.py  (prints figures; no target yet, the question is
whether a class of 35 sending posters at once keeps the server responsive on two cores).
"""

from __future__ import annotations

import io
import os
import tempfile
import time
from pathlib import Path

from PIL import Image
from pypdf import PdfWriter

from agora.uploads import storage
from agora.uploads.checks import check_file


def _photo(size: tuple[int, int], fmt: str) -> bytes:
    """A picture that compresses like a photo (noise over a gradient), not a flat colour."""
    noise = Image.effect_noise(size, 60).convert("RGB")
    gradient = Image.linear_gradient("L").resize(size).convert("RGB")
    out = io.BytesIO()
    Image.blend(noise, gradient, 0.5).save(out, fmt, **({"quality": 92} if fmt == "JPEG" else {}))
    return out.getvalue()


def _pdf_with(image: bytes) -> bytes:
    picture = Image.open(io.BytesIO(image))
    out = io.BytesIO()
    picture.save(out, "PDF", resolution=150)
    writer = PdfWriter(clone_from=io.BytesIO(out.getvalue()))
    final = io.BytesIO()
    writer.write(final)
    return final.getvalue()


def _timed(label: str, action, repeat: int = 5) -> None:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    print(f"{label:<55} {min(times) * 1000:8.1f} ms (meilleur de {repeat})")


def main() -> None:
    a4_png = _photo((1240, 1754), "PNG")  # A4 at 150 dpi
    a3_jpeg = _photo((3508, 4961), "JPEG")  # A3 at 300 dpi
    pdf = _pdf_with(_photo((1240, 1754), "JPEG"))
    for name, data in (("PNG A4 150 dpi", a4_png), ("JPEG A3 300 dpi", a3_jpeg), ("PDF", pdf)):
        print(f"{name:<20} {len(data) / 1e6:6.2f} Mo")
    with tempfile.TemporaryDirectory() as folder:
        upload_dir = Path(folder)
        for name, data in (("PNG A4 150 dpi", a4_png), ("JPEG A3 300 dpi", a3_jpeg), ("PDF", pdf)):
            clean = check_file(data)
            _timed(f"vérifier et nettoyer : {name}", lambda d=data: check_file(d))
            digest = storage.store(upload_dir, clean.data)
            cache = upload_dir / "miniatures"

            def draw(d=digest, m=clean.media_type, cache=cache):
                for old in cache.glob("*.png"):
                    os.unlink(old)
                storage.thumbnail(upload_dir, d, m)

            _timed(f"miniature (première fois) : {name}", draw)
            _timed(
                f"miniature (en cache) : {name}",
                lambda d=digest, m=clean.media_type: storage.thumbnail(upload_dir, d, m),
            )


if __name__ == "__main__":
    main()
