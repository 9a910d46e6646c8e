"""The checks of a register and of a supplier file: the non-conformity of each row (« aucune »
for none) and the action each one calls for. What ``solve`` applies, and what ``grade`` applies
to the student's own finding to credit an action carried forward from it."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any, NamedTuple

from agora.exercise.kinds.conformite.params import Fournisseur, Registre, Releve
from agora.exercise.kinds.conformite.regles import load_regles
from agora.exercise.kinds.qualite_donnees.controles import iban_ok, siret_ok

# The non-conformities of a register, and those of a supplier file.
ANOMALIES = {
    "aucune": "Conforme : rien à signaler",
    "temperature_hors_plage": "Température hors plage",
    "dlc_depassee": "Date limite dépassée (DLC)",
    "lot_sans_fournisseur": "Lot sans fournisseur connu",
    "lot_rappele": "Lot visé par un rappel",
    "decennale_expiree": "Attestation décennale expirée",
    "verification_en_retard": "Vérification périodique en retard",
    "analyse_non_conforme": "Analyse au-dessus de la limite de qualité",
}
ANOMALIES_FOURNISSEUR = {
    "aucune": "Fiche correcte",
    "siret_manquant": "SIRET manquant",
    "siret_invalide": "SIRET faux (clé de contrôle)",
    "iban_invalide": "IBAN faux (clé de contrôle)",
    "doublon": "Doublon d'une fiche précédente",
    "vigilance_perimee": "Attestation de vigilance manquante ou périmée",
}
ACTIONS = {
    "aucune": "Aucune action",
    "reparer": "Mettre les produits à l'abri et faire réparer l'appareil",
    "jeter": "Retirer le produit de la vente et le jeter",
    "isoler_lot": "Isoler le lot et contacter le fournisseur",
    "demander_attestation": "Demander l'attestation à jour",
    "relancer_controle": "Relancer l'organisme de contrôle",
    "informer_ars": "Informer la hiérarchie et l'ARS",
    "corriger_fiche": "Corriger la fiche (demander le bon numéro)",
    "fusionner": "Fusionner avec la fiche déjà présente",
}
# The action each non-conformity calls for (the same for the student's own finding).
ACTION_POUR = {
    "aucune": "aucune",
    "temperature_hors_plage": "reparer",
    "dlc_depassee": "jeter",
    "lot_sans_fournisseur": "isoler_lot",
    "lot_rappele": "isoler_lot",
    "decennale_expiree": "demander_attestation",
    "verification_en_retard": "relancer_controle",
    "analyse_non_conforme": "informer_ars",
    "siret_manquant": "corriger_fiche",
    "siret_invalide": "corriger_fiche",
    "iban_invalide": "corriger_fiche",
    "doublon": "fusionner",
    "vigilance_perimee": "demander_attestation",
}
# The row kinds whose non-conformity is a date passed (an echeance or a periodicity).
DATES = frozenset({"dlc", "decennale", "verification"})


class Constat(NamedTuple):
    """What a row calls for: its non-conformity, the action, and whether it sits exactly on
    the limit (allowed: a trap at level 3)."""

    anomalie: str
    action: str
    a_la_limite: bool


def plus_mois(jour: date, mois: int) -> date:
    """The same day ``mois`` months later (the 31st becomes the month's last day)."""
    rang = jour.year * 12 + jour.month - 1 + mois
    annee, m = divmod(rang, 12)
    dernier = calendar.monthrange(annee, m + 1)[1]
    return date(annee, m + 1, min(jour.day, dernier))


def limite(releve: Releve) -> Any:
    """The limit of a row: a maximum value (°C, analysis) or the last day allowed."""
    regles = load_regles()
    if releve.controle in ("froid_positif", "froid_negatif"):
        return getattr(regles.temperatures, releve.controle)
    if releve.controle == "analyse":
        return regles.eau.parametres[releve.code or ""].limite
    if releve.controle == "verification":
        mois = regles.verifications.equipements[releve.code or ""].mois
        return plus_mois(releve.date, mois)
    return releve.echeance


def anomalie_releve(registre: Registre, releve: Releve, borne: Any) -> str:
    """The non-conformity of a register row: a value or a day beyond its limit ``borne``
    (``limite``, worked out once a row by ``constats``)."""
    c = releve.controle
    if c == "lot":
        if releve.fournisseur is None:
            return "lot_sans_fournisseur"
        return "lot_rappele" if releve.lot in registre.rappels else "aucune"
    if c == "ddm":
        return "aucune"  # a DDM passed is a matter of quality, not a non-conformity
    mesure: Any = registre.date_controle if c in DATES else releve.valeur
    if not mesure > borne:
        return "aucune"
    return {
        "froid_positif": "temperature_hors_plage",
        "froid_negatif": "temperature_hors_plage",
        "dlc": "dlc_depassee",
        "decennale": "decennale_expiree",
        "verification": "verification_en_retard",
        "analyse": "analyse_non_conforme",
    }[c]


def pile_a_la_limite(registre: Registre, releve: Releve, borne: Any) -> bool:
    """The value or the day is exactly the limit ``borne`` (allowed)."""
    if releve.controle in ("lot", "ddm"):
        return False
    if releve.controle in DATES:
        return registre.date_controle == borne
    return releve.valeur == borne and borne != 0


def fin_vigilance(fournisseur: Fournisseur) -> date | None:
    """The last day the attestation de vigilance is valid (None: there is none)."""
    if fournisseur.attestation is None:
        return None
    return plus_mois(fournisseur.attestation, load_regles().vigilance.mois)


def vigilance_exigee(fournisseur: Fournisseur) -> bool:
    return fournisseur.montant >= load_regles().vigilance.seuil_ht


def vigilance_perimee(registre: Registre, fin: date | None) -> bool:
    """Missing or older than six months on the day of the check (whatever the amount): ``fin``
    is the attestation's last valid day (``fin_vigilance``)."""
    return fin is None or registre.date_controle > fin


def anomalie_fournisseur(registre: Registre, i: int, fin: date | None) -> str:
    """The problem of supplier ``i``: missing or wrong SIRET, wrong IBAN, a SIRET already on
    an earlier record, an attestation de vigilance missing or past six months when required
    (``fin``: its last valid day)."""
    f = registre.fournisseurs[i]
    if f.siret is None:
        return "siret_manquant"
    if not siret_ok(f.siret):
        return "siret_invalide"
    if f.iban is not None and not iban_ok(f.iban):
        return "iban_invalide"
    if any(autre.siret == f.siret for autre in registre.fournisseurs[:i]):
        return "doublon"
    if vigilance_exigee(f) and vigilance_perimee(registre, fin):
        return "vigilance_perimee"
    return "aucune"


def constats(registre: Registre) -> list[Constat]:
    """What each row of the register calls for (each row's limit worked out once: a periodic
    check's is a date computed from the calendar)."""
    result = []
    for releve in registre.lignes:
        borne = None if releve.controle in ("lot", "ddm") else limite(releve)
        anomalie = anomalie_releve(registre, releve, borne)
        limite_pile = pile_a_la_limite(registre, releve, borne)
        result.append(Constat(anomalie, ACTION_POUR[anomalie], limite_pile))
    return result


def constats_fournisseurs(registre: Registre) -> list[Constat]:
    """What each supplier record calls for (at the limit: the attestation's last valid day)."""
    result = []
    for i, f in enumerate(registre.fournisseurs):
        fin = fin_vigilance(f)
        anomalie = anomalie_fournisseur(registre, i, fin)
        result.append(Constat(anomalie, ACTION_POUR[anomalie], fin == registre.date_controle))
    return result
