"""Files on disk are named by their hash only, kept once, and their thumbnails made once."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from agora.uploads import storage
from agora.uploads.checks import PDF, PNG, check_file


def test_the_same_content_is_kept_once_under_its_hash(tmp_path, files):
    data = check_file(files.png()).data
    first, second = storage.store(tmp_path, data), storage.store(tmp_path, data)
    assert first == second == storage.sha256_of(data)
    kept = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert kept == [tmp_path / first[:2] / first]


@pytest.mark.parametrize("bad", ["../../etc/passwd", "abc", "A" * 64, "0" * 63 + "/"])
def test_a_path_is_never_built_from_anything_but_a_hash(tmp_path, bad):
    with pytest.raises(ValueError):
        storage.path_of(tmp_path, bad)


def test_thumbnails_of_an_image_and_of_a_pdf_are_small_pngs_made_once(tmp_path, files):
    image = storage.store(tmp_path, check_file(files.png(size=(1200, 800))).data)
    pdf = storage.store(tmp_path, check_file(files.pdf()).data)
    for digest, media_type in ((image, PNG), (pdf, PDF)):
        data = storage.thumbnail(tmp_path, digest, media_type)
        with Image.open(io.BytesIO(data)) as thumbnail:
            assert thumbnail.format == "PNG"
            assert max(thumbnail.size) == storage.THUMBNAIL_SIZE
        cached = tmp_path / "miniatures" / f"{digest}.png"
        assert cached.read_bytes() == data
        storage.path_of(tmp_path, digest).unlink()  # the cache answers without the file
        assert storage.thumbnail(tmp_path, digest, media_type) == data


def test_a_file_that_cannot_be_drawn_says_so(tmp_path):
    digest = storage.store(tmp_path, b"%PDF-1.7 not really")
    with pytest.raises(storage.NO_THUMBNAIL):
        storage.thumbnail(tmp_path, digest, PDF)
