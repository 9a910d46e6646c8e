"""The statement of an ageing balance, in Markdown: the organisation on the day of the balance,
the open invoices, the reminder procedure, the CGV clause and the half-year's rates as tables,
then numbered questions in the order of the form (short sentences)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from agora.calendrier import date_courte, date_longue
from agora.exercise.enonce import Reprise
from agora.exercise.markdown import numerotee, pourcent
from agora.money import euros

PERSONNES = {"client": "Particulier", "usager": "Usager (particulier)", "adherent": "Adhérent"}
QUI = {"client": "clients", "usager": "usagers", "adherent": "adhérents"}
CLAUSES = {
    "bce": "taux de la BCE majoré de 10 points",
    "triple_legal": "trois fois le taux de l'intérêt légal",
}
# What an earlier step deducted from an invoice (encaissements' balance: « deduit »).
DEDUITS = {
    "acompte": "acompte",
    "arrhes": "arrhes",
    "reglement": "règlement partiel",
    "avoir": "avoir",
}


def _taux(texte: str) -> str:
    return pourcent(f"{Decimal(texte):f}", " ")


def conditions(c: dict[str, Any]) -> str:
    """« À réception », « 30 jours date de facture », « 45 jours fin de mois »."""
    if not c["jours"]:
        return "À réception"
    return f"{c['jours']} jours {'fin de mois' if c['fin_de_mois'] else 'date de facture'}"


def _balance(p: dict[str, Any], niveau: int) -> list[str]:
    from agora.exercise.kinds.relances.params import lire_params
    from agora.exercise.kinds.relances.solve import echeance

    personne = PERSONNES.get(p.get("relation"), "Particulier")
    acompte = any(Decimal(f["deja_paye"]) for f in p["factures"])
    tete = "| N° | Client | Type | Facture | Date | Conditions |"
    regle = "|---:|---|---|---|---|---|"
    if niveau == 1:
        tete, regle = tete + " Échéance |", regle + "---|"
    tete, regle = tete + " Montant TTC |", regle + "---:|"
    if acompte:
        tete, regle = tete + " Déjà payé |", regle + "---:|"
    lignes = [f"## La balance âgée au {date_courte(p['date_balance'])}", "", tete, regle]
    # Level 1 gives the due dates, computed as the solver does.
    dues = [echeance(f) for f in lire_params(p).factures] if niveau == 1 else []
    for n, f in enumerate(p["factures"], 1):
        sorte = "Professionnel" if f["professionnel"] else personne
        ligne = f"| {n} | {f['client']} | {sorte} | {f['numero']} | {date_courte(f['date'])} | "
        ligne += f"{conditions(f['conditions'])} |"
        if niveau == 1:
            ligne += f" {date_courte(dues[n - 1])} |"
        ligne += f" {euros(f['montant_ttc'])} |"
        if acompte:
            ligne += f" {euros(f['deja_paye'])} |"
        lignes.append(ligne)
    if acompte:
        lignes += ["", "Les sommes « déjà payées » ont été reçues avant l'échéance."]
    return lignes


def _procedure(p: dict[str, Any]) -> list[str]:
    s = p["procedure"]
    lignes = ["## La procédure de relance", "", "| Retard | Ce qu'il faut faire |", "|---|---|"]
    if s["relance_amiable"] > 1:
        lignes.append(f"| moins de {s['relance_amiable']} jours | Aucune relance pour l'instant |")
    lignes += [
        f"| de {s['relance_amiable']} à {s['deuxieme_relance'] - 1} jours | Relance amiable "
        "(courriel ou appel) |",
        f"| de {s['deuxieme_relance']} à {s['mise_en_demeure'] - 1} jours | Deuxième relance "
        "(lettre) |",
        f"| {s['mise_en_demeure']} jours et plus | Mise en demeure (lettre recommandée avec "
        "accusé de réception) |",
    ]
    return lignes


def _taux_du_semestre(p: dict[str, Any]) -> list[str]:
    b, semestre = p["baremes"], p["baremes"]["semestre"]
    annee, moitie = semestre[:4], semestre[-1]
    debut = f"1er {'janvier' if moitie == '1' else 'juillet'} {annee}"
    nom = f"{'premier' if moitie == '1' else 'second'} semestre {annee}"
    lignes = [
        "## Les conditions de vente et les taux officiels",
        "",
        f"Les conditions générales de vente (CGV) disent : « Pénalités de retard : "
        f"{CLAUSES[p['clause_penalites']]}. Pour un client professionnel, indemnité forfaitaire "
        f"de {euros(b['indemnite'])} pour frais de recouvrement. »",
        "",
        "| Taux officiel | Valeur |",
        "|---|---:|",
        f"| Taux de la BCE (refinancement) au {debut} | {_taux(b['taux_bce'])} |",
        f"| Taux de l'intérêt légal, {nom}, créancier particulier | "
        f"{_taux(b['taux_legal_particuliers'])} |",
        f"| Taux de l'intérêt légal, {nom}, autres cas (créancier professionnel) | "
        f"{_taux(b['taux_legal_autres'])} |",
    ]
    contrat = next((f for f in p["factures"] if f.get("taux_contrat")), None)
    if contrat:
        lignes += [
            "",
            f"Le contrat signé avec {contrat['client']} prévoit des pénalités au taux de "
            f"{_taux(contrat['taux_contrat'])}.",
        ]
    return lignes


def _questions(p: dict[str, Any], niveau: int) -> list[str]:
    guide = niveau == 1
    q = ["Calculez le **taux des pénalités** prévu par les CGV."]
    if not guide:
        q.append("Calculez le **taux plancher** : 3 × le taux de l'intérêt légal des autres cas.")
    contrat = next((f for f in p["factures"] if f.get("taux_contrat")), None)
    if contrat:
        q.append(
            f"Quel **taux** appliquez-vous à {contrat['client']} ? Un taux de contrat ne peut "
            "pas être plus bas que le plancher."
        )
    pour = []
    if not guide:
        pour.append("son **échéance** ;")
    pour.append(
        f"ses **jours de retard** au {date_courte(p['date_balance'])} (0 si elle n'est pas échue) ;"
    )
    pour.append("l'**action de relance** que demande la procédure ;")
    if not guide:
        pour.append(
            "pour un client professionnel : le **délai de paiement** respecte-t-il la loi ?"
        )
    if any(Decimal(f["deja_paye"]) for f in p["factures"]):
        pour.append("le **reste dû** (montant TTC − déjà payé) ;")
    pour += [
        "les **pénalités de retard** ;",
        "l'**indemnité forfaitaire** (0 si elle n'est pas due).",
    ]
    q.append("Pour chaque facture, trouvez :\n" + "\n".join(f"   - {ligne}" for ligne in pour))
    q.append(
        f"Rédigez la **lettre** pour {p['lettre_client']} (relance ou mise en demeure, selon la "
        "procédure). Citez chaque facture en retard : son numéro, le montant restant dû et "
        "l'échéance. Votre professeur corrigera le reste de la lettre."
    )
    return numerotee(q)


def _regles(niveau: int) -> list[str]:
    regles = [
        "Pénalités = montant restant dû TTC × taux × jours de retard ÷ 365. Arrondissez au "
        "centime le plus proche.",
        "L'indemnité de 40 € est due pour chaque facture en retard d'un client professionnel. "
        "Jamais pour un particulier.",
    ]
    if niveau == 1:
        regles.insert(0, "Jours de retard = date de la balance − date d'échéance.")
    else:
        regles += [
            "« 45 jours fin de mois » : ajoutez 45 jours à la date de la facture, puis allez au "
            "dernier jour de ce mois.",
            "La loi (art. L441-10 du Code de commerce) limite le délai de paiement entre "
            "professionnels : 60 jours après la date de la facture, ou 45 jours fin de mois.",
        ]
    return [f"- {r}" for r in regles]


def _deduits(deduit: tuple[str, ...] | None) -> str:
    """« arrhes et règlement partiel »; every kind when the earlier step does not say."""
    noms = [DEDUITS[x] for x in deduit or () if x in DEDUITS]
    if not noms:
        return "acompte ou arrhes, règlement partiel, avoir"
    return noms[0] if len(noms) == 1 else ", ".join(noms[:-1]) + " et " + noms[-1]


def enonce(
    organisation: Any,
    p: dict[str, Any],
    niveau: int,
    reprise: Reprise | None = None,
    deduit: tuple[str, ...] | None = None,
) -> str:
    """The statement of these params for the organisation, in Markdown; ``reprise``: the
    customer whose unpaid invoices come from the earlier step's ageing balance, and that
    step; ``deduit``: what that step deducted from them (``DEDUITS``' keys), when known."""
    qui = QUI.get(organisation.relation, "clients")
    suite = []
    if reprise is not None:
        suite = [
            "",
            f"Les factures de **{reprise.quoi}** sont celles que vous avez enregistrées "
            f"{reprise.ou} de la mission et qui restent dues. La lettre est pour ce client.",
        ]
        if any(Decimal(f["deja_paye"]) for f in p["factures"] if f["client"] == reprise.quoi):
            suite[-1] += (
                f" Ce qu'il a déjà réglé ou qui lui a été déduit ({_deduits(deduit)}) figure "
                "dans la colonne « Déjà payé »."
            )
    texte = [
        f"# Les relances des {qui} en retard",
        "",
        f"Vous travaillez chez **{organisation.raison_sociale}** ({organisation.secteur_libelle}).",
        f"Nous sommes le {date_longue(date.fromisoformat(p['date_balance']))}.",
        f"{organisation.dirigeant} vous confie le suivi des factures des {qui} qui ne sont pas "
        "encore payées.",
        *suite,
        "",
        *_balance(p, niveau),
        "",
        *_procedure(p),
        "",
        *_taux_du_semestre(p),
        "",
        "## Travail à faire",
        "",
        *_regles(niveau),
        "",
        *_questions(p, niveau),
    ]
    return "\n".join(texte) + "\n"
