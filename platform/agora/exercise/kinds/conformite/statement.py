"""The statement of a register check, in Markdown: the organisation and the day of the check, the
rules of its register, the register as a table (and the recall notices), the supplier file, then
the work to do in the order of the form (short sentences)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from agora.calendrier import date_courte, date_longue
from agora.company.identifiers import format_iban
from agora.exercise.kinds.conformite.controles import constats, constats_fournisseurs
from agora.exercise.kinds.conformite.params import REGISTRES, lire_params
from agora.exercise.kinds.conformite.registres import EQUIPEMENTS
from agora.exercise.kinds.conformite.regles import load_regles
from agora.money import euros

ANALYSE_REGLE = "Un résultat **au-dessus** de la limite de qualité n'est pas conforme"


def jour(texte: str | None) -> str:
    """« 12/03/2026 » from « 2026-03-12 »."""
    return date_courte(texte) if texte else "—"


def nombre(texte: str) -> str:
    """A decimal the French way: « 4,0 », « −18,5 », « 0,10 »."""
    return texte.replace(".", ",").replace("-", "−")


def degres(texte: str) -> str:
    return f"{'+' if not texte.startswith('-') else ''}{nombre(texte)} °C"


def releve(r: dict[str, Any]) -> str:
    """The reading of a row as the register prints it."""
    c = r["controle"]
    if c in ("froid_positif", "froid_negatif"):
        return f"Température relevée : {degres(r['valeur'])}"
    if c in ("dlc", "ddm"):
        return f"Lot {r['lot']} — {c.upper()} : {jour(r['echeance'])}"
    if c == "lot":
        fournisseur = r["fournisseur"] or "(non renseigné)"
        return f"Lot {r['lot']} — fournisseur : {fournisseur}"
    if c == "decennale":
        return f"Attestation décennale valable jusqu'au {jour(r['echeance'])}"
    if c == "verification":
        return f"Dernière vérification le {jour(r['date'])}"
    unite = load_regles().eau.parametres[r["code"]].unite
    return f"Résultat : {nombre(r['valeur'])} {unite}"


def _regles(registre: str, niveau: int) -> list[str]:
    """The rules of the register, as the organisation's procedure states them."""
    regles = load_regles()
    t = regles.temperatures
    rappel = niveau < 3  # level 3: the traps' reminders are the student's to know
    if registre == "haccp":
        lignes = [
            f"Froid positif (réfrigérateurs, vitrines) : {degres(str(t.froid_positif))} au plus.",
            f"Froid négatif (congélateurs) : {degres(str(t.froid_negatif))} au plus.",
            "DLC (« à consommer jusqu'au ») : après cette date, le produit est jeté.",
        ]
        if rappel:
            lignes += [
                "Le jour même de la DLC, le produit peut encore être vendu.",
                "DDM (« à consommer de préférence avant ») : une simple indication de "
                "qualité ; le produit peut être vendu après.",
            ]
        return lignes
    if registre == "eau":
        lignes = [
            f"{p.libelle} : {nombre(str(p.limite))} {p.unite} au plus."
            for p in regles.eau.parametres.values()
        ]
        return [*lignes, f"{ANALYSE_REGLE} : on informe la hiérarchie et l'ARS."]
    lignes = []
    if registre == "chantier":
        lignes.append(
            "Chaque sous-traitant doit avoir une attestation d'assurance décennale "
            "valable le jour du contrôle."
        )
    if registre == "tracabilite":
        lignes.append("Chaque lot reçu doit avoir son fournisseur ; un lot rappelé est isolé.")
    equipements = regles.verifications.equipements
    lignes += [
        f"{equipements[code].libelle} : vérification tous les {equipements[code].mois} mois."
        for code in EQUIPEMENTS[registre]
    ]
    if rappel:
        lignes.append(
            "Une vérification est en retard quand la date de la dernière vérification "
            "plus la périodicité est passée (le jour même, elle est encore à l'heure)."
        )
    return lignes


def _table_registre(p: dict[str, Any]) -> list[str]:
    lignes = ["| N° | Date | Objet | Relevé |", "|---|---|---|---|"]
    for n, r in enumerate(p["lignes"], 1):
        lignes.append(f"| {n} | {jour(r['date'])} | {r['objet']} | {releve(r)} |")
    return lignes


def _table_fournisseurs(p: dict[str, Any]) -> list[str]:
    lignes = [
        "| N° | Code | Nom | SIRET | IBAN | Contrat annuel HT | Attestation de vigilance du |",
        "|---|---|---|---|---|---|---|",
    ]
    for n, f in enumerate(p["fournisseurs"], 1):
        iban = format_iban(f["iban"]) if f["iban"] else "—"
        lignes.append(
            f"| {n} | {f['code']} | {f['nom']} | {f['siret'] or '—'} | {iban} | "
            f"{euros(Decimal(f['montant_contrat']))} | {jour(f['attestation_vigilance'])} |"
        )
    return lignes


def _fournisseurs(p: dict[str, Any], niveau: int) -> list[str]:
    vigilance = load_regles().vigilance
    lignes = [
        "",
        "### Le fichier fournisseurs",
        "",
        "Vérifiez aussi le fichier des fournisseurs avant les paiements du mois :",
        "",
        "- un SIRET a 14 chiffres et une clé de contrôle (clé de Luhn) ; un IBAN français a "
        "27 caractères et une clé de contrôle ;",
        "- une fiche sans SIRET est incomplète ; un même SIRET sur deux fiches est un doublon ;",
        f"- pour un contrat d'au moins {euros(vigilance.seuil_ht)} HT, l'attestation de "
        f"vigilance URSSAF doit dater de moins de {vigilance.mois} mois.",
    ]
    if niveau < 3:
        lignes[-1] += " En dessous de ce montant, elle n'est pas exigée."
    return [*lignes, "", *_table_fournisseurs(p)]


def _indice(p: dict[str, Any]) -> str:
    """Level 1: how many rows are not conforming (the student still finds which)."""
    registre = lire_params(p)
    lignes = sum(c.anomalie != "aucune" for c in constats(registre))
    texte = f"Indice : {lignes} lignes du registre ne sont pas conformes"
    if registre.fournisseurs:
        fiches = sum(c.anomalie != "aucune" for c in constats_fournisseurs(registre))
        texte += f", et {fiches} fiches fournisseurs ont un problème"
    return texte + ". Comparez chaque valeur ou chaque date à sa règle."


def enonce(p: dict[str, Any], organisation: Any, niveau: int) -> str:
    """The statement of these params for the student of this organisation."""
    controle = date.fromisoformat(p["date_controle"])
    registre = REGISTRES[p["registre"]]
    avec = bool(p["fournisseurs"])
    lignes = [
        f"## Contrôle du registre du {date_longue(controle)}",
        "",
        f"Vous travaillez chez **{organisation.raison_sociale}**. Secteur : {p['secteur']}.",
        f"Aujourd'hui, {date_longue(controle, jour_semaine=True)}, la responsable vous confie "
        f"le contrôle du **{registre.lower()}**.",
        "Pour chaque ligne, dites si elle est conforme. Sinon, nommez le problème et l'action.",
        "",
        "### Les règles à appliquer",
        "",
        *[f"- {r}" for r in _regles(p["registre"], niveau)],
        "",
        f"### {registre}",
        "",
        *_table_registre(p),
    ]
    if p["registre"] == "tracabilite":
        rappels = ", ".join(p["rappels"]) or "aucun"
        lignes += ["", f"Avis de rappel reçus du fabricant (lots concernés) : {rappels}."]
    if avec:
        lignes += _fournisseurs(p, niveau)
    if p["indices"]:
        lignes += ["", _indice(p)]
    lignes += [
        "",
        "### Ce que vous devez faire",
        "",
        "1. Pour chaque ligne du registre : la non-conformité (ou « conforme ») et l'action.",
    ]
    if avec:
        lignes.append(
            "2. Pour chaque fournisseur : le problème de la fiche (ou « fiche "
            "correcte ») et l'action."
        )
    return "\n".join(lignes) + "\n"
