"""Bank reconciliation, grading the adjusting entries (écritures) of the company side."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from agora.exercise.kinds.rapprochement import answer as lu
from agora.exercise.kinds.rapprochement.solve import compte_admis, nature_ecriture
from agora.exercise.kinds.rapprochement.statement import montant as montant_fr
from agora.money import fmt

if TYPE_CHECKING:  # grade imports this module
    from agora.exercise.kinds.rapprochement.grade import Correction


def juger_ecritures(c: Correction, nom: str) -> Decimal:
    """The credit of the entries: each row judged against the entry its line expects."""
    lignes, problemes = lu.lire_ecritures(c.answer[nom])
    attendues = {e["ligne"]: e for e in c.r.ecritures}
    restantes = dict(attendues)
    justes, en_trop = 0, 0
    for row in lignes:
        k = row["k"]
        erreurs = [m for p, m in problemes.items() if p.startswith(f"{nom}.{k}.")]
        cle = row["ligne"] or _par_montant(restantes, row["montant"])
        attendue = restantes.pop(cle, None) if cle else None
        if attendue is None:
            en_trop += 1
            message = _ecriture_en_trop(c, cle, attendues)
            c.champ(
                f"{nom}.{k}", None, _row_recu(c, nom, k), False, " ".join([message, *erreurs[:1]])
            )
            continue
        correct, message = _juger_ecriture(c, row, attendue, erreurs)
        justes += correct
        c.champ(f"{nom}.{k}", _attendu_ecriture(attendue), _row_recu(c, nom, k), correct, message)
    if restantes:
        c.diagnostic("ECRITURE_MANQUANTE", *restantes)
        message = "Écriture(s) manquante(s) pour : " + ", ".join(restantes) + "."
        attendu = "; ".join(_attendu_ecriture(e) for e in c.r.ecritures)
        c.champ(nom, attendu, None if lignes else c.answer[nom], False, message)
    if problemes.get(nom):
        c.champ(nom, None, c.answer[nom], False, problemes[nom])
    total = len(attendues) + en_trop
    return Decimal(1) if not total else Decimal(justes) / total


def _par_montant(restantes: dict[str, dict[str, Any]], montant: Decimal | None) -> str | None:
    return next((k for k, e in restantes.items() if e["montant"] == montant), None)


def _row_recu(c: Correction, nom: str, k: int) -> Any:
    raw = c.answer[nom]
    rows = list(raw.values()) if isinstance(raw, dict) else raw
    return rows[k]


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


def _juger_ecriture(c: Correction, row, attendue, erreurs: list[str]) -> tuple[bool, str]:
    ident = attendue["ligne"]
    nature = nature_ecriture(c.r, ident)
    cote_debit = "512" if attendue["compte_debit"] == "512" else nature
    cote_credit = "512" if attendue["compte_credit"] == "512" else nature
    debit, credit = row["compte_debit"] or "", row["compte_credit"] or ""
    fautes = list(erreurs[:1])
    comptes_ok = compte_admis(cote_debit, debit) and compte_admis(cote_credit, credit)
    if not comptes_ok and debit and credit:
        if compte_admis(cote_credit, debit) and compte_admis(cote_debit, credit):
            c.diagnostic("ECRITURE_SENS_INVERSE", ident)
            fautes.append("Débit et crédit sont inversés.")
        else:
            c.diagnostic("COMPTE_INCORRECT", ident)
            fautes.append(
                f"Comptes attendus : débit {attendue['compte_debit']}, "
                f"crédit {attendue['compte_credit']}."
            )
    montant = row["montant"]
    if montant is not None and montant != attendue["montant"]:
        ecart = c.r.ecarts.get(ident)
        if ecart and montant in (ecart.ligne.montant, ecart.releve.montant):
            c.diagnostic("ERREUR_MONTANT_COMPLET", ident)
        else:
            c.diagnostic("ECRITURE_MONTANT_INCORRECT", ident)
        fautes.append(f"Montant attendu : {montant_fr(attendue['montant'])} €.")
    correct = comptes_ok and montant == attendue["montant"] and not erreurs
    return correct, "Juste." if correct else " ".join(fautes)
