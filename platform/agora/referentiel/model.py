"""The référentiel as the platform uses it: pôles → activités → blocs, and the 37 compétences.

Built by the loader from the validated YAML files; read-only afterwards. Every look-up by
code raises UnknownCode with a French message, so a wrong code typed by a user or written
in a mission file is reported, never silently ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from agora.errors import UnknownCode
from agora.referentiel.search import Hit, search


@dataclass(frozen=True)
class Bloc:
    """A professional situation (« Accueil et renseignement »…) of one activity."""

    id: str  # "<activité>-b<rang>", e.g. "2.2-b1": derived from the order in the file
    titre: str
    pole: str
    activite: str
    competences: tuple[str, ...]
    savoirs_associes: tuple[str, ...]
    exemples_concrets: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "titre": self.titre,
            "pole": self.pole,
            "activite": self.activite,
            "competences": list(self.competences),
            "savoirs_associes": list(self.savoirs_associes),
            "exemples_concrets": list(self.exemples_concrets),
        }


@dataclass(frozen=True)
class Activite:
    code: str
    titre: str
    pole: str
    blocs: tuple[Bloc, ...]

    @property
    def competences(self) -> tuple[str, ...]:
        """Codes of the competencies its blocs list, in code order, each once."""
        return tuple(sorted({c for bloc in self.blocs for c in bloc.competences}, key=code_key))


@dataclass(frozen=True)
class Pole:
    code: str
    titre: str
    resume: str
    mots_cles_texte: str
    mots_cles: tuple[str, ...]
    activites: tuple[Activite, ...]


@dataclass(frozen=True)
class Competence:
    """One competency, with the pôle, the activity and the blocs it belongs to."""

    code: str
    libelle: str
    pole: Pole = field(repr=False, compare=False)
    activite: Activite = field(repr=False, compare=False)
    blocs: tuple[Bloc, ...] = field(repr=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "libelle": self.libelle,
            "pole": {"code": self.pole.code, "titre": self.pole.titre},
            "activite": {"code": self.activite.code, "titre": self.activite.titre},
            "blocs": [bloc.to_json() for bloc in self.blocs],
        }


def code_key(code: str) -> tuple[int, ...]:
    """Sort key of a dotted code: 1.2.10 after 1.2.9."""
    return tuple(int(part) for part in code.split("."))


class Referentiel:
    """The whole référentiel, with look-ups by code and a full-text search."""

    def __init__(self, poles: tuple[Pole, ...], competences: tuple[Competence, ...]) -> None:
        self.poles = poles
        self.competences = tuple(sorted(competences, key=lambda c: code_key(c.code)))
        self._competences = {c.code: c for c in self.competences}
        self._activites = {a.code: a for p in poles for a in p.activites}
        self._poles = {p.code: p for p in poles}

    def __repr__(self) -> str:
        return f"<Referentiel {len(self.poles)} pôles, {len(self.competences)} compétences>"

    @property
    def activites(self) -> tuple[Activite, ...]:
        return tuple(self._activites.values())

    @property
    def blocs(self) -> tuple[Bloc, ...]:
        return tuple(bloc for activite in self.activites for bloc in activite.blocs)

    def competence(self, code: str) -> Competence:
        """The competency of this code; UnknownCode (in French) when there is none."""
        try:
            return self._competences[code.strip()]
        except KeyError:
            first, last = self.competences[0].code, self.competences[-1].code
            raise UnknownCode(
                f"Compétence inconnue : « {code} » (les codes vont de {first} à {last} ; "
                "la liste : agora referentiel)."
            ) from None

    def activite(self, code: str) -> Activite:
        """The activity of this code (« 2.2 »); UnknownCode when there is none."""
        try:
            return self._activites[code.strip()]
        except KeyError:
            known = ", ".join(self._activites)
            raise UnknownCode(f"Activité inconnue : « {code} » (activités : {known}).") from None

    def pole(self, code: str) -> Pole:
        """The pôle of this code (« 1 » to « 3 »); UnknownCode when there is none."""
        try:
            return self._poles[code.strip()]
        except KeyError:
            known = ", ".join(self._poles)
            raise UnknownCode(f"Pôle inconnu : « {code} » (pôles : {known}).") from None

    def blocs_of(self, code: str) -> tuple[Bloc, ...]:
        """The blocs listing this competency, in référentiel order."""
        return self.competence(code).blocs

    def search(self, text: str) -> list[Hit]:
        """Every text containing all the words of ``text``, ignoring accents and case."""
        return search(self, text)

    def to_json(self) -> dict[str, Any]:
        """The whole tree, each bloc giving its competencies with their libellés."""
        return {"poles": [self._pole_json(pole) for pole in self.poles]}

    def _pole_json(self, pole: Pole) -> dict[str, Any]:
        return {
            "code": pole.code,
            "titre": pole.titre,
            "resume": pole.resume,
            "mots_cles": list(pole.mots_cles),
            "activites": [
                {
                    "code": activite.code,
                    "titre": activite.titre,
                    "blocs": [self._bloc_json(bloc) for bloc in activite.blocs],
                }
                for activite in pole.activites
            ],
        }

    def _bloc_json(self, bloc: Bloc) -> dict[str, Any]:
        competences = [
            {"code": code, "libelle": self._competences[code].libelle} for code in bloc.competences
        ]
        return bloc.to_json() | {"competences": competences}
