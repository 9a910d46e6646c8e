"""The answer of a ``tableau_de_bord_social``: the indicators, the age pyramid, the chart of each
indicator and the anomalies found in the data, with their types (form, save and grader read them)."""

from __future__ import annotations

import re
from typing import Any

from agora.calendrier import MOIS as NOMS_MOIS
from agora.errors import InvalidInput
from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import QUANTITE, TAUX, Choice, Text, cite
from agora.exercise.kinds.tableau_de_bord_social import solve as calc
from agora.exercise.kinds.tableau_de_bord_social.params import CONTROLES, GRAPHIQUES

_MATRICULE = re.compile(r"([A-Z]{1,3})0*(\d{1,4})", re.ASCII)
_RIEN = frozenset({"AUCUNE", "AUCUN", "NEANT", "NÉANT", "RIEN", "-", "0"})


class Matricule(Text):
    """A matricule of the staff register (« S7 », « s 07 ») or « aucune »."""

    def __init__(self) -> None:
        super().__init__(20)

    def convert(self, raw: Any) -> str:
        texte = "".join(super().convert(raw).split()).upper()
        if texte in _RIEN:
            return calc.AUCUNE
        trouve = _MATRICULE.fullmatch(texte)
        if not trouve:
            raise InvalidInput(
                f"« {cite(raw, 20)} » n'est pas un matricule (par exemple S4) ni « aucune »."
            )
        return f"{trouve[1]}{int(trouve[2])}"


MATRICULE = Matricule()
GRAPHIQUE = Choice(
    {
        "courbe": "Courbe",
        "barres": "Diagramme en barres",
        "secteurs": "Diagramme en secteurs (camembert)",
        "pyramide": "Pyramide des âges",
    }
)
MOIS = Choice(
    {
        calc.AUCUN_MOIS: "Aucun mois",
        **{f"{i:02d}": nom for i, nom in enumerate(NOMS_MOIS, 1)},
    }
)
ACTION = Choice(
    {
        calc.SUPPRIMER: "Supprimer la ligne en double",
        calc.FAIRE_VERIFIER: "Signaler au service RH pour vérifier la pièce d'origine",
        calc.CORRIGER_SEUL: "Corriger soi-même la valeur au jugé",
        calc.RIEN: "Rien à faire (aucune anomalie)",
    }
)

ANSWER_SCHEMA = AnswerSchema(
    {
        "effectif.moyen": QUANTITE,
        "absences.total": QUANTITE,
        "absences.taux": TAUX,
        "rotation.entrees": QUANTITE,
        "rotation.sorties": QUANTITE,
        "rotation.taux": TAUX,
        "accidents.avec_arret": QUANTITE,
        "accidents.jours_perdus": QUANTITE,
        "accidents.tf": QUANTITE,
        "accidents.tg": QUANTITE,
        **{f"pyramide.{b}.{s}": QUANTITE for b in calc.BANDES for s in calc.SEXE_CHAMP.values()},
        **{f"graphiques.{g}": GRAPHIQUE for g in GRAPHIQUES},
        **{
            f"anomalies.{c}.{'mois' if c == 'effectif' else 'ligne'}": (
                MOIS if c == "effectif" else MATRICULE
            )
            for c in CONTROLES
        },
        **{f"anomalies.{c}.action": ACTION for c in CONTROLES},
    },
    {},
)
