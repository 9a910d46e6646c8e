"""What a handed-in file really is, read from its content (never from its name), and a clean copy.

Accepted: a PNG or JPEG image, or a PDF. An image is fully decoded by Pillow (its size checked
from the header first, against decompression bombs) and re-encoded, which drops its metadata
(EXIF, GPS position, comments) and anything hidden after the picture. A PDF is parsed by
pypdf and refused when it could act when opened (JavaScript, automatic actions, launch of a
program), carries embedded files or is encrypted; its pages are then rewritten into a new file
without the document-level parts (metadata, names, forms).
"""

from __future__ import annotations

import io
import threading
import unicodedata
import warnings
from dataclasses import dataclass
from typing import BinaryIO

from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from agora.errors import InvalidInput

NOT_ACCEPTED = "Ce fichier n'est pas une image PNG ou JPEG ni un PDF : {}"
# Pixels an accepted image may have (an A3 poster at 300 dpi is 35 million): decoding more
# would take hundreds of megabytes of memory on a server shared by a whole school.
MAX_PIXELS = 40_000_000
CHUNK = 64 * 1024
# Files decoded at the same time: a class sending 35 posters at once waits its turn instead of
# holding 35 decoded pictures (up to 160 Mo each) in memory together.
_DECODING = threading.BoundedSemaphore(2)
MAX_PDF_OBJECTS = 200_000
MAX_PDF_PAGES = 50

PNG, JPEG, PDF = "image/png", "image/jpeg", "application/pdf"
EXTENSIONS = {PNG: ".png", JPEG: ".jpg", PDF: ".pdf"}
# PDF names that let a file act or hide a file: refused wherever they appear.
_PDF_DANGERS = {
    "/JavaScript": "il contient du JavaScript",
    "/JS": "il contient du JavaScript",
    "/OpenAction": "il lance une action à l'ouverture",
    "/AA": "il lance des actions automatiques",
    "/Launch": "il peut lancer un programme",
    "/EmbeddedFile": "il contient des fichiers joints",
    "/EmbeddedFiles": "il contient des fichiers joints",
    "/FileAttachment": "il contient des fichiers joints",
    "/RichMedia": "il contient un contenu multimédia actif",
    "/XFA": "il contient un formulaire XFA",
    "/SubmitForm": "il peut envoyer des données",
    "/ImportData": "il peut importer des données",
    "/GoToR": "il ouvre un autre fichier",
    "/GoToE": "il ouvre un fichier joint",
}


@dataclass(frozen=True)
class CleanFile:
    """A checked file: its media type and the bytes to keep (re-encoded or rewritten)."""

    media_type: str
    data: bytes

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.media_type]


def read_limited(stream: BinaryIO, max_bytes: int) -> bytes:
    """The stream's bytes, read in chunks; refused as soon as it goes over ``max_bytes``."""
    chunks, total = [], 0
    while chunk := stream.read(CHUNK):
        total += len(chunk)
        if total > max_bytes:
            raise InvalidInput(
                f"Ce fichier dépasse la taille permise ({_megabytes(max_bytes)}) : "
                "réduisez-le (exportez l'affiche en JPEG ou en PDF plus léger) et renvoyez-le."
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _megabytes(size: int) -> str:
    value = size / (1024 * 1024)
    shown = f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{shown} Mo"


def check_file(data: bytes) -> CleanFile:
    """The clean copy of an accepted file; InvalidInput (a French reason) for anything else."""
    if not data:
        raise InvalidInput("Le fichier envoyé est vide : choisissez votre affiche et renvoyez-la.")
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        with _DECODING:
            return CleanFile(PNG, _clean_image(data, "PNG"))
    if data.startswith(b"\xff\xd8\xff"):
        with _DECODING:
            return CleanFile(JPEG, _clean_image(data, "JPEG"))
    if data.startswith(b"%PDF-"):
        with _DECODING:
            return CleanFile(PDF, _clean_pdf(data))
    raise InvalidInput(NOT_ACCEPTED.format(_what_it_is(data)))


def _what_it_is(data: bytes) -> str:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<svg" in head or (head.startswith(b"<?xml") and b"svg" in data[:4096].lower()):
        return "c'est un dessin SVG (exportez-le en PNG ou en PDF)."
    if head.startswith((b"<!doctype html", b"<html", b"<script", b"<")):
        return "c'est une page web ou du texte balisé (HTML, XML)."
    if head.startswith(b"pk\x03\x04"):
        return "c'est une archive ou un document bureautique (exportez-le en PDF)."
    if head.startswith((b"gif8", b"riff", b"ii*\x00", b"mm\x00*", b"bm")):
        return "c'est une image d'un autre format (enregistrez-la en PNG ou en JPEG)."
    return "son contenu n'est pas reconnu, quel que soit le nom du fichier."


def _clean_image(data: bytes, expected: str) -> bytes:
    broken = NOT_ACCEPTED.format("l'image est abîmée ou incomplète.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[expected]) as probe:
                _check_pixels(probe.size)
                probe.verify()  # the whole file, before decoding it
            with Image.open(io.BytesIO(data), formats=[expected]) as image:
                image.load()
                return _reencoded(image, expected)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise InvalidInput(_too_many_pixels()) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise InvalidInput(broken) from None


def _check_pixels(size: tuple[int, int]) -> None:
    width, height = size
    pillow_limit = Image.MAX_IMAGE_PIXELS  # None when an application turned Pillow's off
    limit = MAX_PIXELS if pillow_limit is None else min(MAX_PIXELS, pillow_limit)
    if width < 1 or height < 1 or width * height > limit:
        raise InvalidInput(_too_many_pixels())


def _too_many_pixels() -> str:
    return (
        f"Cette image est trop grande (plus de {MAX_PIXELS // 1_000_000} millions de pixels) : "
        "réduisez sa définition, puis renvoyez-la."
    )


def _reencoded(image: Image.Image, fmt: str) -> bytes:
    """The picture alone, re-encoded: upright (EXIF orientation applied), no metadata kept."""
    image = ImageOps.exif_transpose(image) or image
    out = io.BytesIO()
    if fmt == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=90)
    else:
        if image.mode not in ("RGB", "RGBA", "L", "LA", "P", "1"):
            image = image.convert("RGBA")
        # Level 1: four times faster than Pillow's default on a photo-like poster, and no
        # bigger (bench/bench_uploads.py).
        image.save(out, "PNG", compress_level=1)
    return out.getvalue()


def _clean_pdf(data: bytes) -> bytes:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pypdf warns of repaired faults; refusals raise
            return _rewritten_pdf(data)
    except InvalidInput:
        raise
    except (
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        RecursionError,
        OSError,
        IndexError,
        AssertionError,
        ZeroDivisionError,
    ):
        raise InvalidInput(NOT_ACCEPTED.format("le PDF est abîmé ou illisible.")) from None


def _rewritten_pdf(data: bytes) -> bytes:
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        raise InvalidInput(
            NOT_ACCEPTED.format("ce PDF est chiffré ou protégé par un mot de passe.")
        )
    _refuse_active_content(reader)
    pages = len(reader.pages)
    if pages == 0:
        raise InvalidInput(NOT_ACCEPTED.format("ce PDF n'a aucune page."))
    if pages > MAX_PDF_PAGES:
        raise InvalidInput(f"Ce PDF a {pages} pages : une affiche en a au plus {MAX_PDF_PAGES}.")
    writer = PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _refuse_active_content(reader: PdfReader) -> None:
    """Walk every object reachable from the trailer; refuse at the first dangerous name."""
    seen: set[tuple[int, int]] = set()
    todo: list = [reader.trailer]
    count = 0
    while todo:
        node = todo.pop()
        if isinstance(node, IndirectObject):
            key = (node.idnum, node.generation)
            if key in seen:
                continue
            seen.add(key)
            node = node.get_object()
        count += 1
        if count > MAX_PDF_OBJECTS:
            raise InvalidInput(NOT_ACCEPTED.format("ce PDF est anormalement complexe."))
        if isinstance(node, DictionaryObject):
            for name, value in node.items():
                reason = _PDF_DANGERS.get(str(name))
                if str(name) == "/URI" and _active_uri(value):
                    reason = "il contient un lien qui exécute du code"
                if isinstance(value, NameObject):
                    reason = reason or _PDF_DANGERS.get(str(value))
                if reason:
                    raise InvalidInput(NOT_ACCEPTED.format(f"{reason}, c'est refusé."))
                todo.append(value)
        elif isinstance(node, ArrayObject):
            todo.extend(node)


def _active_uri(value) -> bool:
    """A link whose address runs code or reads local files instead of opening a web page."""
    if isinstance(value, IndirectObject):
        value = value.get_object()
    text = value.decode("latin-1") if isinstance(value, bytes) else str(value)
    scheme = "".join(text.split()).lower().split(":", 1)[0]
    return scheme in ("javascript", "vbscript", "data", "file")


def safe_name(name: str | None, extension: str) -> str:
    """A name to show and to offer on download, never used as a path: the last part of what
    the browser sent, letters, digits and a few signs only, ending with the content's extension."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = unicodedata.normalize("NFC", base)
    stem = base.rsplit(".", 1)[0] if "." in base else base
    kept = "".join(c if c.isalnum() or c in " -_()" else "_" for c in stem)
    kept = "_".join(kept.split()).strip("._-")[:80] or "affiche"
    return kept + extension
