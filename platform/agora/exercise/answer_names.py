"""A kind's answer schema: its field names with their types, and the one validator of posted names.

Each kind declares ``ANSWER_SCHEMA``: the dotted names its form renders, written as patterns
(``groupes.#.reductions.#.montant``) where ``#`` is a row index below a bound the kind owns,
each with its field type (``agora.exercise.fields``). A posted answer is checked against it
*before* anything is stored or unflattened, so a name such as ``lignes.80000000`` (a list
padded to that index) or one nested 450 deep is refused with a French message; stored copies
are filtered with the same schema before grading. The same schema reads the answer
(``read``) and gives the format message of one field while it is typed (``validate``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from agora.errors import InvalidInput
from agora.exercise.base import unflatten
from agora.exercise.fields import Field, is_empty
from agora.exercise.forms import flatten
from agora.exercise.reading import Lecture, Reader, pattern_of

INDEX = "#"
_FIN = "."  # marks the end of a name in the tree: never a part, since names are split on dots
# Longest value a field may hold: amounts, hours, ids and accounts are a few characters.
MAX_VALUE_LENGTH = 200
_NOT_SAVED = "cette réponse n'a pas été enregistrée"


@dataclass(frozen=True)
class AnswerSchema:
    """The fields of a kind's answer: dotted patterns with their types, and the number of rows
    allowed per list.

    ``bornes`` maps the pattern prefix before a ``#`` (``groupes.#.reductions``) to the number
    of rows that list may have. A list's own name (``lignes``) is accepted as one value too: a
    JSON answer may write it so, and its grader reports it as unreadable.
    """

    champs: Mapping[str, Field]
    bornes: Mapping[str, int]
    # The names the form writes itself in hidden inputs (a rate, a reference, a ledger line:
    # « pointage.#.0 »), never typed: left out when counting what the student filled in.
    donnes: tuple[str, ...] = ()
    _arbre: dict[str, Any] = field(init=False, repr=False, compare=False)
    _reader: Reader = field(init=False, repr=False, compare=False)
    _profondeur: int = field(init=False, repr=False, compare=False)

    @property
    def noms(self) -> tuple[str, ...]:
        """The dotted patterns of the answer's fields."""
        return tuple(self.champs)

    def type_of(self, nom: str) -> Field | None:
        """The type of the field named ``nom`` (``tva.0.montant``); None for an unknown name."""
        return self.champs.get(pattern_of(nom)) if self.accepte(nom) else None

    def validate(self, nom: str, valeur: Any) -> str | None:
        """The French format message of one field while it is typed; None when readable."""
        type_champ = self.type_of(nom) if isinstance(nom, str) else None
        if type_champ is None:
            return unknown_name(nom)
        return type_champ.validate(valeur)

    def saisis(self, fields: Mapping[str, Any]) -> int:
        """How many posted fields hold something the student typed or chose: the form's own
        hidden values (``donnes``) and blank fields are not counted."""
        return sum(
            1
            for nom, valeur in fields.items()
            if not is_empty(valeur) and not any(_comme(nom, d) for d in self.donnes)
        )

    def read(self, answer: Any) -> Lecture:
        """The answer JSON read field by field (never raises; see ``reading.Reader``)."""
        return self._reader.read(answer)

    def __post_init__(self) -> None:
        arbre: dict[str, Any] = {}
        for nom in self.noms:
            noeud, chemin = arbre, []
            for part in nom.split("."):
                if part == INDEX and ".".join(chemin) not in self.bornes:
                    raise ValueError(f"{nom}: no bound for the list {'.'.join(chemin)}")
                chemin.append(part)
                noeud = noeud.setdefault(part, {})
            noeud[_FIN] = True  # a name ends here
        object.__setattr__(self, "_arbre", arbre)
        object.__setattr__(self, "_reader", Reader(self.champs))
        # Counted once: every name checked (``accepte``, ``type_of``) needs it twice.
        object.__setattr__(self, "_profondeur", max(len(nom.split(".")) for nom in self.noms))
        for donne in self.donnes:
            if not self.accepte(donne.replace(INDEX, "0")):
                raise ValueError(f"{donne}: not a name of this answer")

    @property
    def profondeur(self) -> int:
        """The number of parts of the longest name."""
        return self._profondeur

    def accepte(self, nom: str) -> bool:
        """True when ``nom`` is a name of this answer, with every index within its bound."""
        parts = nom.split(".", self.profondeur)  # never splits a hostile name further
        if len(parts) > self.profondeur:
            return False
        noeud, chemin = self._arbre, []
        for part in parts:
            if part in noeud and part != INDEX:
                chemin.append(part)
            elif INDEX in noeud and _index_below(part, self.bornes[".".join(chemin)]):
                chemin.append(INDEX)
                part = INDEX
            else:
                return False
            noeud = noeud[part]
        return _FIN in noeud or INDEX in noeud


def _comme(nom: str, motif: str) -> bool:
    """True when ``nom`` is written as ``motif``, each ``#`` standing for an index."""
    parts, motifs = nom.split("."), motif.split(".")
    return len(parts) == len(motifs) and all(
        m == p or (m == INDEX and p.isascii() and p.isdigit())
        for p, m in zip(parts, motifs, strict=True)
    )


def _index_below(part: str, borne: int) -> bool:
    """An index as ``flatten`` writes it (ASCII digits, no leading zero) below ``borne``."""
    if not (part.isascii() and part.isdigit()) or (len(part) > 1 and part[0] == "0"):
        return False
    return len(part) <= len(str(borne)) and int(part) < borne


def check_fields(schema: AnswerSchema, fields: Mapping[str, Any]) -> dict[str, str]:
    """The fields unchanged when every name is known and every value short; else InvalidInput.

    The message says the answer was not saved: the caller stores nothing.
    """
    for nom, valeur in fields.items():
        if not isinstance(nom, str) or not schema.accepte(nom):
            raise InvalidInput(f"{unknown_name(nom)[:-1]} : {_NOT_SAVED}.")
        if not isinstance(valeur, str):
            raise InvalidInput(f"Le champ « {_cite(nom)} » doit être du texte : {_NOT_SAVED}.")
        # A letter's text area holds more than an amount (its type says how much).
        limite = getattr(schema.type_of(nom), "longueur_saisie", MAX_VALUE_LENGTH)
        if len(valeur) > limite:
            raise InvalidInput(
                f"Le champ « {_cite(nom)} » dépasse {limite} caractères : {_NOT_SAVED}."
            )
    return dict(fields)


def known_fields(schema: AnswerSchema, fields: Mapping[str, Any]) -> dict[str, Any]:
    """Only the fields whose names the schema accepts (a stored copy is graded without the rest)."""
    return {nom: v for nom, v in fields.items() if isinstance(nom, str) and schema.accepte(nom)}


def known_answer(schema: AnswerSchema, answer: Mapping[str, Any]) -> dict[str, Any]:
    """A stored nested answer with only the fields the schema accepts (one stored before the
    names were checked keeps its other fields in the database, never in its grading)."""
    return unflatten(known_fields(schema, flatten(dict(answer))))


def unknown_name(nom: Any) -> str:
    """The French message for a field name that is not in the answer (quoted short)."""
    return f"Champ inconnu « {_cite(nom)} »."


def _cite(nom: Any) -> str:
    texte = str(nom)
    return texte if len(texte) <= 40 else texte[:40] + "…"
