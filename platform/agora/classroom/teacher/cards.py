"""Login cards as a PDF: one card per student with the initial password, ten per A4 page, to
cut out. Printed from templates/documents/cartes.html by agora.documents.pdf (WeasyPrint),
like every PDF of the platform.

Passwords are hashed in the database, so cards can only be printed when a password is
created (import) or reset: the caller passes the clear passwords it has just generated.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from jinja2 import Environment

from agora.classroom.teacher.service import Credential
from agora.documents import pdf


def login_cards(
    env: Environment, credentials: Sequence[Credential], classe_nom: str, url: str, jour: date
) -> bytes:
    """The PDF of the cards of ``credentials`` (ten per A4 page), dated ``jour``."""
    values = {"credentials": list(credentials), "classe_nom": classe_nom, "url": url}
    return pdf.render_pdf(
        env,
        "documents/cartes.html",
        "cartes",
        values,
        titre=f"Cartes de connexion — {classe_nom}",
        auteur="Agora Sim",
        jour=jour,
    )
