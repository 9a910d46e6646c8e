"""The rows of the file cleaning's form (templates/exercise/qualite_donnees/form.html), each with
the record it is about as the statement's table shows it: on a phone the table is a form's
height above the card where the row is decided."""

from __future__ import annotations

from typing import Any, NamedTuple

from agora.exercise.kinds.qualite_donnees.statement import cellules, colonnes

# The columns the card's title already holds: N°, Code, Nom.
_TITRE = 3


class Fiche(NamedTuple):
    numero: int  # the row's number in the file, 1 first
    code: str
    nom: str
    donnees: list[tuple[str, str]]  # (column, value) of the statement's other columns


def fiches(params: dict[str, Any], _form: Any) -> list[Fiche]:
    """The form's rows, in the file's order (``_form``: the hook's signature, not read)."""
    tete = colonnes(params)[_TITRE:]
    return [
        Fiche(n, r["code"], r["nom"], list(zip(tete, cellules(params, n, r)[_TITRE:], strict=True)))
        for n, r in enumerate(params["lignes"], 1)
    ]
