"""A document's HTML block printed as a PDF with fpdf2: the page and the PDF come from the
same template, so they never say different things. French text needs a Unicode font: DejaVu
Sans (Debian's fonts-dejavu-core) when installed, else the built-in Helvetica (latin-1)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
# Characters outside latin-1 that the fallback font cannot print.
_LATIN1 = str.maketrans({"œ": "oe", "Œ": "OE", "’": "'", "…": "...", "–": "-", "—": "-",
                         "\u202f": " ", "€": "EUR"})  # fmt: skip


def pdf_de_html(html: str, titre: str, auteur: str, jour: date) -> bytes:
    """The PDF of an HTML block made of what fpdf2 prints (headings, paragraphs, tables),
    dated ``jour`` (not the clock: the same document gives the same bytes)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime(jour.year, jour.month, jour.day, tzinfo=UTC))
    pdf.set_title(titre)
    pdf.set_author(auteur)
    pdf.set_creator("Agora Sim")
    pdf.set_auto_page_break(True, margin=15)
    family = polices(pdf)
    if family == "Helvetica":
        html = html.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")
    pdf.add_page()
    pdf.set_font(family, size=9)
    pdf.write_html(html, font_family=family)
    return bytes(pdf.output())


def polices(pdf) -> str:
    """The font family for French text: DejaVu Sans (regular and bold) added to ``pdf`` when
    installed, else fpdf's built-in Helvetica (latin-1 only)."""
    regular, bold = DEJAVU / "DejaVuSans.ttf", DEJAVU / "DejaVuSans-Bold.ttf"
    if not (regular.is_file() and bold.is_file()):
        return "Helvetica"
    pdf.add_font("DejaVu", "", str(regular))
    pdf.add_font("DejaVu", "B", str(bold))
    return "DejaVu"
