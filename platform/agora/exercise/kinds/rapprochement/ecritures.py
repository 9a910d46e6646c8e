"""Bank reconciliation, grading the adjusting entries (écritures) of the company side."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from agora.exercise.fields import EMPTY, Lu
from agora.exercise.kinds.rapprochement.libelles import compte_admis
from agora.exercise.kinds.rapprochement.solve import BANQUE, nature_ecriture
from agora.exercise.kinds.rapprochement.statement import montant as montant_fr
from agora.money import fmt

if TYPE_CHECKING:  # grade imports this module
    from agora.exercise.kinds.rapprochement.grade import Correction


def juger_ecritures(c: Correction, nom: str) -> Decimal:
    """The credit of the entries: each row judged against the entry its line expects."""
    lu = c.lu(nom)
    lignes = [(k, row) for k, row in enumerate(lu.valeur or ()) if row is not None]
    attendues = {e["ligne"]: e for e in c.r.ecritures}
    restantes = dict(attendues)
    justes, en_trop = 0, 0
    for k, row in lignes:
        champs: dict[str, Lu] = row.valeur
        erreurs = _faute(champs)
        cle = champs["ligne"].valeur or _par_montant(restantes, champs["montant"].valeur)
        attendue = restantes.pop(cle, None) if cle else None
        if attendue is None:
            en_trop += 1
            message = _ecriture_en_trop(c, cle, attendues)
            c.champ(f"{nom}.{k}", None, row.brut, False, " ".join([message, *erreurs]))
            continue
        correct, message = _juger_ecriture(c, champs, attendue, erreurs)
        justes += correct
        c.champ(f"{nom}.{k}", _attendu_ecriture(attendue), row.brut, correct, message)
    if restantes:
        c.diagnostic("ECRITURE_MANQUANTE", *restantes)
        message = "Écriture(s) manquante(s) pour : " + ", ".join(restantes) + "."
        attendu = "; ".join(_attendu_ecriture(e) for e in c.r.ecritures)
        c.champ(nom, attendu, None if lignes else lu.brut, False, message)
    if lu.valeur is None and lu.erreur:  # not a list of entries at all
        c.champ(nom, None, lu.brut, False, lu.erreur)
    total = len(attendues) + en_trop
    return Decimal(1) if not total else Decimal(justes) / total


def _par_montant(restantes: dict[str, dict[str, Any]], montant: Decimal | None) -> str | None:
    return next((k for k, e in restantes.items() if e["montant"] == montant), None)


def _faute(champs: dict[str, Lu]) -> list[str]:
    """The first fault of a row's fields: unreadable, or an account or amount left empty."""
    for nom, lu in champs.items():
        if lu.erreur or (lu.valeur is None and nom != "ligne"):
            return [lu.erreur or EMPTY]
    return []


def _attendu_ecriture(e: dict[str, Any]) -> str:
    return f"{e['ligne']} : débit {e['compte_debit']}, crédit {e['compte_credit']}, {fmt(e['montant'])}"


def _ecriture_en_trop(c: Correction, cle: str | None, attendues: dict[str, Any]) -> str:
    if cle is None:
        return "Indiquez la ligne concernée par cette écriture."
    if cle in attendues:
        return f"Écriture en double pour {cle}."
    if cle not in c.r.dossier.lignes:
        return f"Ligne inconnue : {cle}."
    c.diagnostic("ECRITURE_INUTILE", cle)
    return f"Pas d'écriture pour {cle} : cette opération est déjà dans le compte 512."


def _comptes(
    c: Correction, attendue: dict[str, Any], debit: str, credit: str, fautes: list[str]
) -> bool:
    """Whether the accounts are accepted ones; if not, the fault is told and diagnosed."""
    if debit == attendue["compte_debit"] and credit == attendue["compte_credit"]:
        return True  # the reference's own accounts: no wording to look up
    ident = attendue["ligne"]
    classement = nature_ecriture(c.r, ident)
    cote_debit = BANQUE if attendue["compte_debit"] == BANQUE[0] else classement.comptes
    cote_credit = BANQUE if attendue["compte_credit"] == BANQUE[0] else classement.comptes
    if compte_admis(cote_debit, debit) and compte_admis(cote_credit, credit):
        return True
    if not debit or not credit:
        return False
    if compte_admis(cote_credit, debit) and compte_admis(cote_debit, credit):
        c.diagnostic("ECRITURE_SENS_INVERSE", ident)
        fautes.append("Débit et crédit sont inversés.")
    else:
        c.diagnostic("COMPTE_INCORRECT", ident)
        fautes.append(
            f"Comptes attendus : débit {attendue['compte_debit']}, "
            f"crédit {attendue['compte_credit']}."
        )
        if classement.ambigu:  # the wording does not tell: say every account accepted
            fautes.append("Comptes acceptés ici : " + ", ".join(classement.comptes) + ".")
    return False


def _juger_ecriture(
    c: Correction, champs: dict[str, Lu], attendue: dict[str, Any], erreurs: list[str]
) -> tuple[bool, str]:
    ident = attendue["ligne"]
    debit, credit = champs["compte_debit"].valeur or "", champs["compte_credit"].valeur or ""
    fautes = list(erreurs)
    comptes_ok = _comptes(c, attendue, debit, credit, fautes)
    montant = champs["montant"].valeur
    if montant is not None and montant != attendue["montant"]:
        ecart = c.r.ecarts.get(ident)
        if ecart and montant in (ecart.ligne.montant, ecart.releve.montant):
            c.diagnostic("ERREUR_MONTANT_COMPLET", ident)
        else:
            c.diagnostic("ECRITURE_MONTANT_INCORRECT", ident)
        fautes.append(f"Montant attendu : {montant_fr(attendue['montant'])} €.")
    correct = comptes_ok and montant == attendue["montant"] and not erreurs
    return correct, "Juste." if correct else " ".join(fautes)
