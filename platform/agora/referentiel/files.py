"""The shape of the référentiel's YAML files (competences.yaml, pole-N.yaml), as pydantic models.

These models describe one file each and nothing more; the checks that span files (a bloc
citing an unknown competency, a competency no bloc uses…) live in the loader.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# One line of text, trimmed and not empty: the seed has no multi-line item.
Texte = Annotated[str, StringConstraints(pattern=r"^\S(.*\S)?$")]
CodePole = Annotated[str, StringConstraints(pattern=r"^[1-9]$")]
CodeActivite = Annotated[str, StringConstraints(pattern=r"^[1-9]\.[1-9]$")]
CodeCompetence = Annotated[str, StringConstraints(pattern=r"^[1-9]\.[1-9]\.[1-9]$")]


class _Strict(BaseModel):
    # strict: an unquoted code (1.1 read as a number by YAML) is an error, not a silent cast.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class CompetenceYaml(_Strict):
    """One competency, defined once: its code (pôle.activité.rang) and its libellé."""

    code: CodeCompetence = Field(description="Code officiel, par exemple « 2.2.1 ».")
    libelle: Texte = Field(description="Libellé de la compétence, mot pour mot.")


class CompetencesFile(_Strict):
    """referentiel/competences.yaml: the competencies of every pôle."""

    competences: list[CompetenceYaml] = Field(min_length=1)


class BlocYaml(_Strict):
    """A professional situation (« • » of the référentiel) and what it mobilises."""

    titre: Texte = Field(description="Intitulé de la situation, mot pour mot.")
    competences: list[CodeCompetence] = Field(
        min_length=1, description="Codes des compétences du bloc (définies dans competences.yaml)."
    )
    savoirs_associes: list[Texte] = Field(min_length=1)
    exemples_concrets: list[Texte] = Field(min_length=1)


class ActiviteYaml(_Strict):
    code: CodeActivite = Field(description="Code de l'activité, par exemple « 2.2 ».")
    titre: Texte
    blocs: list[BlocYaml] = Field(min_length=1)


class PoleFile(_Strict):
    """referentiel/pole-N.yaml: one pôle with its activities and blocs."""

    code: CodePole = Field(description="Numéro du pôle : « 1 », « 2 » ou « 3 ».")
    titre: Texte
    resume: Texte = Field(description="Paragraphe de présentation du pôle.")
    mots_cles_texte: Texte = Field(description="La ligne de mots-clés telle qu'écrite.")
    mots_cles: list[Texte] = Field(
        min_length=1, description="Les mots-clés un à un ; mis bout à bout, ils redonnent la ligne."
    )
    activites: list[ActiviteYaml] = Field(min_length=1)
