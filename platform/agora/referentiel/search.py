"""Full-text search over every text of the référentiel, ignoring accents and case.

A hit says where the text was found (pôle, activité, bloc, kind of text), so a teacher
looking for « rapprochement » lands on the competencies and the blocs that mention it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from agora.errors import InvalidInput

if TYPE_CHECKING:
    from agora.referentiel.model import Activite, Bloc, Pole, Referentiel

# What each kind of text is called, for a French reader.
CHAMPS = {
    "pole": "titre du pôle",
    "resume": "présentation du pôle",
    "mot_cle": "mot-clé",
    "activite": "titre de l'activité",
    "competence": "compétence",
    "bloc": "titre du bloc",
    "savoir": "savoir associé",
    "exemple": "exemple concret",
}

# Ligatures are not split by Unicode decomposition, yet a user types « oeuvre ».
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "’": "'", "‘": "'"})


def fold(text: str) -> str:
    """Text without accents, ligatures or case, spaces collapsed: what the search compares."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


@dataclass(frozen=True)
class Hit:
    """One text matching the search, and where it sits in the référentiel."""

    champ: str  # a key of CHAMPS
    texte: str
    pole: str
    activite: str | None = None
    bloc: str | None = None  # bloc id, e.g. "2.2-b1"
    competences: tuple[str, ...] = ()  # the competencies this text belongs to

    @property
    def ou(self) -> str:
        """Where the text is, in French: « pôle 2 › activité 2.2 › bloc 2.2-b1 › exemple concret »."""
        parts = [f"pôle {self.pole}"]
        if self.activite:
            parts.append(f"activité {self.activite}")
        if self.bloc:
            parts.append(f"bloc {self.bloc}")
        if self.champ == "competence":
            parts.append(f"compétence {self.competences[0]}")
        else:
            parts.append(CHAMPS[self.champ])
        return " › ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "champ": self.champ,
            "texte": self.texte,
            "ou": self.ou,
            "pole": self.pole,
            "activite": self.activite,
            "bloc": self.bloc,
            "competences": list(self.competences),
        }


def search(referentiel: Referentiel, text: str) -> list[Hit]:
    """The hits of every text holding all the words of ``text``, in référentiel order."""
    words = fold(text).split()
    if not words:
        raise InvalidInput("Recherche vide : donnez au moins un mot (par exemple « facture »).")
    return [hit for hit in _texts(referentiel) if all(word in fold(hit.texte) for word in words)]


def _texts(referentiel: Referentiel) -> Iterator[Hit]:
    """Every text of the référentiel as a would-be hit, in reading order."""
    for pole in referentiel.poles:
        yield from _pole_texts(pole)
        for activite in pole.activites:
            yield Hit("activite", activite.titre, pole.code, activite.code)
            for code in activite.competences:
                libelle = referentiel.competence(code).libelle
                yield Hit("competence", libelle, pole.code, activite.code, None, (code,))
            for bloc in activite.blocs:
                yield from _bloc_texts(activite, bloc)


def _pole_texts(pole: Pole) -> Iterator[Hit]:
    yield Hit("pole", pole.titre, pole.code)
    yield Hit("resume", pole.resume, pole.code)
    for mot_cle in pole.mots_cles:
        yield Hit("mot_cle", mot_cle, pole.code)


def _bloc_texts(activite: Activite, bloc: Bloc) -> Iterator[Hit]:
    where = (activite.pole, activite.code, bloc.id, bloc.competences)
    yield Hit("bloc", bloc.titre, *where)
    for savoir in bloc.savoirs_associes:
        yield Hit("savoir", savoir, *where)
    for exemple in bloc.exemples_concrets:
        yield Hit("exemple", exemple, *where)
