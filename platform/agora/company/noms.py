"""An organisation's name never reuses its student's own name.

Organisation names are drawn from the same surnames and first names as people (« Régie de
l'eau du Pays de Lecoq-Fournier »), so a student named Lecoq may find theirs on the page and
take the organisation for a fake. The organisation stays a function of its seed alone (the
exercises rebuild it from the seed): it is the seed, when given to a student, that is drawn
again until the name is clear of the student's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

ESSAIS = 40  # seeds tried for one student; a name clear of theirs comes within a few


def _mots(texte: str) -> set[str]:
    ascii_text = unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode()
    return {m for m in re.split(r"[^a-z0-9]+", ascii_text.lower()) if len(m) > 2}


def reprend_nom(raison_sociale: str, prenom: str, nom: str) -> bool:
    """Whether the organisation's name holds a word of the person's first name or surname
    (accents and case aside: « Lecoq-Fournier » holds « LECOQ »)."""
    return bool(_mots(raison_sociale) & _mots(f"{prenom} {nom}"))


def seed_sans_nom(prenom: str, nom: str, tirer: Callable[[], int]) -> int:
    """A seed from ``tirer`` whose organisation's name does not reuse the student's name (the
    last one tried if none of ``ESSAIS`` is clear, which no real name reaches)."""
    from agora.company.generator import generate_company  # Faker loads on first use

    seed = tirer()
    for _ in range(ESSAIS - 1):
        if not reprend_nom(generate_company(seed).raison_sociale, prenom, nom):
            return seed
        seed = tirer()
    return seed
