"""A handed-in file is what its content says, never what its name says; hostile files are refused
with a French reason, and what is kept is a clean copy."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from pypdf import PdfReader

from agora.errors import InvalidInput
from agora.uploads.checks import JPEG, PDF, PNG, check_file, read_limited, safe_name

REFUSED = "Ce fichier n'est pas une image PNG ou JPEG ni un PDF"


def test_png_jpeg_and_pdf_are_accepted_from_their_content(files):
    assert check_file(files.png()).media_type == PNG
    assert check_file(files.jpeg()).media_type == JPEG
    clean = check_file(files.pdf())
    assert clean.media_type == PDF and len(PdfReader(io.BytesIO(clean.data)).pages) == 1


def test_an_image_is_re_encoded_without_its_metadata_nor_trailing_bytes(files):
    hidden = files.jpeg(exif=True) + b"<script>alert(1)</script>"
    clean = check_file(hidden)
    assert b"Appareil secret" not in clean.data and b"<script>" not in clean.data
    with Image.open(io.BytesIO(clean.data)) as image:
        assert image.size == (60, 40) and not image.getexif()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"<!DOCTYPE html><html><script>alert(1)</script></html>", "page web"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "SVG"),
        (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', "SVG"),
        (b"PK\x03\x04 un docx", "archive"),
        (b"GIF89a......", "autre format"),
        (b"MZ\x90\x00 un programme", "pas reconnu"),
    ],
)
def test_other_contents_are_refused_whatever_their_name(content, reason):
    with pytest.raises(InvalidInput) as refused:
        check_file(content)
    assert str(refused.value).startswith(REFUSED) and reason in str(refused.value)


def test_an_empty_file_is_refused():
    with pytest.raises(InvalidInput, match="vide"):
        check_file(b"")


def test_a_png_header_on_something_else_is_refused(files):
    with pytest.raises(InvalidInput, match="abîmée"):
        check_file(files.png()[:30])
    with pytest.raises(InvalidInput, match="abîmée"):
        check_file(b"\x89PNG\r\n\x1a\n<html><script>alert(1)</script>")


def test_a_decompression_bomb_is_refused_before_decoding(files):
    bomb = files.bomb()
    assert len(bomb) < 2000
    with pytest.raises(InvalidInput, match="trop grande"):
        check_file(bomb)


def _link_running_javascript(writer):
    """A link on the page that runs JavaScript when clicked (deep in the page, not the catalog)."""
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        TextStringObject,
    )

    action = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('coucou');"),
        }
    )
    link = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([FloatObject(0)] * 2 + [FloatObject(100)] * 2),
            NameObject("/A"): writer._add_object(action),
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(link)])


def test_a_pdf_with_javascript_is_refused(files):
    with pytest.raises(InvalidInput, match="JavaScript"):
        check_file(files.pdf(_link_running_javascript))


def test_a_pdf_with_an_embedded_file_is_refused(files):
    with pytest.raises(InvalidInput, match="fichiers joints"):
        check_file(files.pdf(lambda w: w.add_attachment("virus.exe", b"MZ...")))


def test_a_pdf_with_an_open_action_is_refused(files):
    from pypdf.generic import DictionaryObject, NameObject

    def launch(writer):
        action = DictionaryObject(
            {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): NameObject("/calc")}
        )
        writer._root_object[NameObject("/OpenAction")] = action

    with pytest.raises(InvalidInput, match=r"action à l'ouverture|programme"):
        check_file(files.pdf(launch))


def test_a_pdf_link_to_a_javascript_address_is_refused(files):
    from pypdf.annotations import Link
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    def link(writer):
        annotation = Link(rect=(0, 0, 100, 100), url="https://example.org")
        annotation[NameObject("/A")] = DictionaryObject(
            {
                NameObject("/S"): NameObject("/URI"),
                NameObject("/URI"): writer._add_object(TextStringObject(" JavaScript:alert(1)")),
            }
        )
        writer.add_annotation(0, annotation)

    with pytest.raises(InvalidInput, match="exécute du code"):
        check_file(files.pdf(link))
    ordinary = files.pdf(lambda w: w.add_annotation(0, Link(rect=(0, 0, 9, 9), url="https://a.fr")))
    assert check_file(ordinary).media_type == PDF


def test_an_encrypted_pdf_is_refused(files):
    with pytest.raises(InvalidInput, match="chiffré"):
        check_file(files.pdf(lambda w: w.encrypt("secret")))


def test_a_broken_pdf_is_refused():
    with pytest.raises(InvalidInput, match="PDF est abîmé"):
        check_file(b"%PDF-1.7\n<html>pas un pdf</html>")


def test_reading_stops_as_soon_as_the_limit_is_crossed():
    class Counted(io.BytesIO):
        read_so_far = 0

        def read(self, size=-1):
            data = super().read(size)
            Counted.read_so_far += len(data)
            return data

    stream = Counted(b"x" * (10 * 1024 * 1024))
    with pytest.raises(InvalidInput, match=r"dépasse la taille permise \(1 Mo\)"):
        read_limited(stream, 1024 * 1024)
    assert Counted.read_so_far < 2 * 1024 * 1024
    assert read_limited(io.BytesIO(b"abc"), 1024) == b"abc"


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("../../etc/passwd.png", "passwd.png"),
        ("..\\..\\windows\\affiche.PNG", "affiche.png"),
        ("Affiche été 2026 — Portes ouvertes.pdf", "Affiche_été_2026___Portes_ouvertes.png"),
        ("<script>.png", "script.png"),
        ("", "affiche.png"),
        ("....", "affiche.png"),
        ("affiche.html", "affiche.png"),
    ],
)
def test_the_name_kept_is_a_plain_name_with_the_contents_extension(sent, kept):
    assert safe_name(sent, ".png") == kept
