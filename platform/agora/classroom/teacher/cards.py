"""Login cards as a PDF (fpdf2): one card per student with the initial password, to cut out.

Passwords are hashed in the database, so cards can only be printed when a password is
created (import) or reset: the caller passes the clear passwords it has just generated.
French text needs a Unicode font: DejaVu Sans (Debian's fonts-dejavu-core) when installed,
otherwise fpdf's built-in Helvetica, whose latin-1 covers French accents (œ and the like
are transliterated).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF

from agora.classroom.teacher.service import Credential

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)
CARD_W, CARD_H = 90.0, 54.0  # mm: two columns, five rows on A4
COLUMNS, ROWS = 2, 5
MARGIN_X, MARGIN_Y = 12.0, 13.5
MIN_FONT_SIZE = 6.5
# Characters outside latin-1 that French names or texts may hold, for the fallback font.
_LATIN1 = str.maketrans({"œ": "oe", "Œ": "OE", "’": "'", "…": "...", "–": "-", "—": "-",
                         "\u202f": " ", "«": '"', "»": '"'})  # fmt: skip


def _dejavu() -> tuple[Path, Path] | None:
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return regular, bold
    return None


class _Cards(FPDF):
    def __init__(self, font_files: tuple[Path, Path] | None) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.set_auto_page_break(False)
        self.set_creator("Agora Sim")
        if font_files:
            self.add_font("DejaVu", "", str(font_files[0]))
            self.add_font("DejaVu", "B", str(font_files[1]))
            self.family_name, self.unicode = "DejaVu", True
        else:
            self.family_name, self.unicode = "Helvetica", False

    def text_of(self, text: str) -> str:
        if self.unicode:
            return text
        return text.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")

    def line_at(self, x: float, y: float, text: str, size: float, bold: bool = False) -> None:
        """One line of text, made smaller until it fits the card (long names, URLs)."""
        text = self.text_of(text)
        self.set_font(self.family_name, "B" if bold else "", size)
        while size > MIN_FONT_SIZE and self.get_string_width(text) > CARD_W - 8:
            size -= 0.5
            self.set_font_size(size)
        self.set_xy(x, y)
        self.cell(CARD_W - 8, size * 0.5, text)


def login_cards(
    credentials: Sequence[Credential],
    classe_nom: str,
    url: str,
    font_files: tuple[Path, Path] | bool | None = True,
) -> bytes:
    """The PDF of the cards (ten per A4 page). ``font_files=False`` forces the core font."""
    fonts = _dejavu() if font_files is True else (font_files or None)
    pdf = _Cards(fonts)
    pdf.set_title(f"Cartes de connexion — {classe_nom}" if fonts else f"Cartes {classe_nom}")
    for number, credential in enumerate(credentials):
        if number % (COLUMNS * ROWS) == 0:
            pdf.add_page()
        slot = number % (COLUMNS * ROWS)
        x = MARGIN_X + (slot % COLUMNS) * (CARD_W + 6)
        y = MARGIN_Y + (slot // COLUMNS) * CARD_H
        _card(pdf, x, y, credential, classe_nom, url)
    if not credentials:
        pdf.add_page()
        pdf.line_at(MARGIN_X, MARGIN_Y, "Aucun élève concerné.", 12)
    return bytes(pdf.output())


def _card(pdf: _Cards, x: float, y: float, c: Credential, classe_nom: str, url: str) -> None:
    pdf.set_draw_color(150, 150, 150)
    pdf.set_dash_pattern(dash=1.5, gap=1.5)
    pdf.rect(x, y, CARD_W, CARD_H - 4)
    pdf.set_dash_pattern()
    left = x + 4
    pdf.set_text_color(29, 79, 145)
    pdf.line_at(left, y + 3, f"Agora Sim · {classe_nom}", 9, bold=True)
    pdf.set_text_color(0, 0, 0)
    pdf.line_at(left, y + 9, f"{c.prenom} {c.nom}", 13, bold=True)
    pdf.line_at(left, y + 17, "Identifiant", 8)
    pdf.line_at(left, y + 21, c.login, 12, bold=True)
    pdf.line_at(left, y + 28, "Mot de passe provisoire", 8)
    pdf.line_at(left, y + 32, c.password, 12, bold=True)
    pdf.set_text_color(70, 70, 70)
    pdf.line_at(left, y + 39, f"Adresse : {url}", 8)
    pdf.line_at(left, y + 44, "À la première connexion, choisissez votre mot de passe.", 7)
    pdf.set_text_color(0, 0, 0)
