"""The answer of an ``equilibre_financier``: its fields and their types (form, save and grader)."""

from __future__ import annotations

from decimal import Decimal

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import MONTANT, MONTANT_SIGNE, Choice, Field, Number
from agora.exercise.kinds.equilibre_financier.params import MASSES, MAX_POSTES
from agora.money import CENT


class Ratio(Number):
    """A ratio: a coefficient written with two decimals (« 1,25 »), not a percentage; read as
    any number (« 1,3 » is 1,30)."""

    def canonical(self, value: Decimal) -> str:
        return str(value.quantize(CENT))

    def display(self, value: Decimal) -> str:
        return self.canonical(value).replace(".", ",")


RATIO = Ratio("ratio")

MASSE = Choice(
    {
        "emplois_stables": "Emplois stables",
        "actif_exploitation": "Actif circulant d'exploitation",
        "actif_hors_exploitation": "Actif circulant hors exploitation",
        "tresorerie_active": "Trésorerie active",
        "ressources_stables": "Ressources stables",
        "dettes_exploitation": "Dettes d'exploitation",
        "dettes_hors_exploitation": "Dettes hors exploitation",
        "tresorerie_passive": "Trésorerie passive",
    }
)
SITUATION = Choice(
    {
        "equilibre": "Équilibre : le FRNG couvre le BFR, la trésorerie nette est positive",
        "frng_insuffisant": "FRNG insuffisant : les ressources stables ne financent pas toutes "
        "les immobilisations",
        "bfr_trop_eleve": "BFR trop élevé : le FRNG est positif mais ne couvre pas le BFR, "
        "la trésorerie nette est négative",
    }
)
REMEDE = Choice(
    {
        "maintenir": "Garder cet équilibre : aucune mesure urgente",
        "ressources_stables": "Renforcer les ressources stables (apport, subvention "
        "d'investissement, emprunt à long terme)",
        "reduire_bfr": "Réduire le BFR (faire payer plus vite, réduire les stocks, obtenir des "
        "délais des fournisseurs)",
        "decouvert": "Demander à la banque un découvert plus important",
    }
)

ANSWER_SCHEMA = AnswerSchema(
    {
        "postes.#.masse": MASSE,
        **{f"masses.{masse}": MONTANT for masse in MASSES},
        # Differences of the balance sheet's masses: each may be below zero.
        "frng": MONTANT_SIGNE,
        "bfre": MONTANT_SIGNE,
        "bfrhe": MONTANT_SIGNE,
        "bfr": MONTANT_SIGNE,
        "tresorerie_nette": MONTANT_SIGNE,
        "verification": MONTANT_SIGNE,
        "ratios.autonomie_financiere": RATIO,
        "ratios.liquidite_generale": RATIO,
        "ratios.couverture_emplois_stables": RATIO,
        "lecture.situation": SITUATION,
        "lecture.remede": REMEDE,
    },
    {"postes": MAX_POSTES},
)


def type_champ(path: str) -> Field:
    """The type of a field the solver writes: the only list is the lines' classification."""
    return MASSE if path.startswith("postes.") else ANSWER_SCHEMA.champs[path]
