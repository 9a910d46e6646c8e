"""The method errors of an ``avoir`` the grader names: codes, messages, and where each shows.

Each wrong method of the credit note's calculation is a switch of ``solve.calcule``; the grader
runs it on the whole credit note and on the student's own earlier amounts, and names the first
one that gives the wrong amount a student wrote. The answers to the mandatory mentions and the
choice fields have their own codes. The messages are data, in messages.yaml beside.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from agora.exercise.kinds.avoir.params import PAR_QUANTITE, Avoir
from agora.exercise.nommes import messages_lus

REMISE_NON_REPRISE = "REMISE_NON_REPRISE"
REMISES_ADDITIONNEES = "REMISES_ADDITIONNEES"
ESCOMPTE_NON_REPRIS = "ESCOMPTE_NON_REPRIS"
PORT_CREDITE = "PORT_CREDITE"
PORT_CREDITE_BRUT = "PORT_CREDITE_BRUT"  # internal: the port put in the gross, then reduced
QUANTITE_FACTUREE_CREDITEE = "QUANTITE_FACTUREE_CREDITEE"
RABAIS_SUR_TOUTE_LA_FACTURE = "RABAIS_SUR_TOUTE_LA_FACTURE"
AVOIR_CALCULE_SUR_TTC = "AVOIR_CALCULE_SUR_TTC"
TVA_NON_REGULARISEE = "TVA_NON_REGULARISEE"
TAUX_TVA_MELANGES = "TAUX_TVA_MELANGES"
ARRONDI_TRONQUE = "ARRONDI_TRONQUE"
NATURE_CONFONDUE = "NATURE_CONFONDUE"
REFERENCE_ERRONEE = "REFERENCE_ERRONEE"
MENTION_OUBLIEE = "MENTION_OUBLIEE"
MENTION_EN_TROP = "MENTION_EN_TROP"
MENTION_OBLIGATOIRE_IGNOREE = "MENTION_OBLIGATOIRE_IGNOREE"

# Internal variants of a wrong method, by the public code that names them.
CODE_PUBLIC = {PORT_CREDITE_BRUT: PORT_CREDITE}

# The named error of a wrong answer about a mention: (expected state, answered state) -> code.
CODE_MENTION = {
    ("manquante", "presente"): MENTION_OUBLIEE,
    ("presente", "manquante"): MENTION_EN_TROP,
    ("non_exigee", "manquante"): MENTION_EN_TROP,
    ("presente", "non_exigee"): MENTION_OBLIGATOIRE_IGNOREE,
    ("manquante", "non_exigee"): MENTION_OBLIGATOIRE_IGNOREE,
}

# Where each wrong method shows first (answer paths without their indexes).
SIGNATURES = {
    REMISE_NON_REPRISE: {"groupes.reductions.montant", "groupes.net_commercial"},
    REMISES_ADDITIONNEES: {"groupes.reductions.montant", "groupes.net_commercial"},
    ESCOMPTE_NON_REPRIS: {"groupes.escompte", "groupes.net_financier", "tva.base", "total_ht"},
    PORT_CREDITE: {"groupes.montant_brut_ht", "groupes.net_commercial", "tva.base", "total_ht"},
    QUANTITE_FACTUREE_CREDITEE: {"lignes.montant_ht", "groupes.montant_brut_ht"},
    RABAIS_SUR_TOUTE_LA_FACTURE: {"groupes.montant_brut_ht"},
    AVOIR_CALCULE_SUR_TTC: {"groupes.chiffre_affaires_ht", "groupes.montant_brut_ht"},
    TVA_NON_REGULARISEE: {"tva.montant", "total_tva", "total_ttc"},
    TAUX_TVA_MELANGES: {"tva.montant", "total_tva"},
    ARRONDI_TRONQUE: {
        "lignes.montant_ht",
        "groupes.montant_brut_ht",
        "groupes.reductions.montant",
        "groupes.escompte",
        "tva.montant",
    },
}

MESSAGES = messages_lus(
    Path(__file__).with_name("messages.yaml"),
    (*SIGNATURES, *CODE_MENTION.values(), NATURE_CONFONDUE, REFERENCE_ERRONEE),
)

Faute = tuple[str, Decimal | None]  # a wrong method, and the one rate of TAUX_TVA_MELANGES


def fautes_possibles(a: Avoir) -> list[Faute]:
    """The wrong methods that would change some amount of this credit note, in the order the
    grader tries them."""
    credit = a.nature != "ristourne"
    fautes: list[Faute] = []
    if credit and a.reductions:
        fautes.append((REMISE_NON_REPRISE, None))
    if credit and len(a.reductions) > 1:
        fautes.append((REMISES_ADDITIONNEES, None))
    if credit and a.escompte:
        fautes.append((ESCOMPTE_NON_REPRIS, None))
    if credit and a.port and a.taux_port in a.taux:
        fautes.append((PORT_CREDITE_BRUT, None))
    if credit and a.port:
        fautes.append((PORT_CREDITE, None))
    if a.nature in PAR_QUANTITE and any(x.quantite < x.quantite_facturee for x in a.lignes):
        fautes.append((QUANTITE_FACTUREE_CREDITEE, None))
    if a.nature == "rabais" and any(a.hors_credit):
        fautes.append((RABAIS_SUR_TOUTE_LA_FACTURE, None))
    if a.nature == "ristourne":
        fautes.append((AVOIR_CALCULE_SUR_TTC, None))
    fautes.append((TVA_NON_REGULARISEE, None))
    if len(a.taux) > 1:
        fautes += [(TAUX_TVA_MELANGES, taux) for taux in a.taux]
    fautes.append((ARRONDI_TRONQUE, None))
    return fautes
