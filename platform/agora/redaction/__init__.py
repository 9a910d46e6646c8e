"""Writing like at work: the parts of each professional document (courriel, lettre, note,
compte rendu, publication), reading a student's answer into them, and automatic pre-checks.

Domain only: no HTTP, no database. The student's form and the rendered document are the
templates under templates/redaction/.
"""

from agora.redaction.formats import (
    FORMATS,
    Format,
    Partie,
    document,
    lire,
    pieces_disponibles,
)

__all__ = ["FORMATS", "Format", "Partie", "document", "lire", "pieces_disponibles"]
