"""The French statement of a ``reglements_fournisseurs`` variant: the Monday's situation, the
organisation's payment rules, the schedule of supplier invoices, the bank details to check,
then the numbered list of what to fill in, in the form's order."""

from __future__ import annotations

from typing import Any

from agora.calendrier import date_courte, date_longue
from agora.company.identifiers import format_iban
from agora.exercise.kinds.reglements_fournisseurs.params import (
    FactureFournisseur,
    Reglements,
    lire_params,
)
from agora.exercise.markdown import cellule, numerotee, pourcent, section, tableau
from agora.francais import de
from agora.money import euros


def _taux(taux: Any) -> str:
    return pourcent(f"{taux.normalize():f}", " ")


def _situation(r: Reglements) -> list[str]:
    return [
        f"Vous travaillez au service comptable {de(r.organisation, gras=True)}.",
        f"Nous sommes le **{date_longue(r.date_paiement, jour_semaine=True)}**.",
        "Chaque lundi, vous préparez les virements aux fournisseurs de la semaine.",
        f"La semaine se termine le {date_longue(r.fin_semaine, jour_semaine=True)}.",
        "Les virements partent aujourd'hui, dans un seul fichier remis à la banque.",
        "",
    ]


def _regles(r: Reglements) -> list[str]:
    regles = (
        "On paie aujourd'hui les factures **déjà échues** et celles qui arrivent à échéance "
        "**avant la fin de la semaine**. Les autres attendent leur échéance.",
        "On ne vire qu'aux coordonnées du **fichier fournisseurs**. Si l'IBAN de la facture "
        "est différent, si la clé de l'IBAN est fausse ou si le BIC n'est pas du pays de "
        "l'IBAN (lettres 5 et 6 du BIC = 2 premières lettres de l'IBAN), on **bloque** le "
        "paiement et on appelle le fournisseur.",
        f"Le compte bancaire est à découvert. Le découvert coûte **{_taux(r.taux_decouvert)}** "
        "par an (année de 360 jours).",
        "Un escompte se prend seulement s'il rapporte **plus** que le découvert ne coûte.",
    )
    lignes = ["### Les règles de paiement de l'organisation", ""]
    lignes += numerotee(regles)
    if r.assujettie:
        lignes.append(
            "   L'organisation récupère la TVA : l'escompte rapporte son montant **hors taxes**."
        )
    else:
        lignes.append(
            "   L'organisation ne récupère pas la TVA : l'escompte rapporte son montant **TTC** "
            "(hors taxes + TVA)."
        )
    if r.niveau == 1:
        lignes += [
            "",
            "**Aide.** Escompte HT = montant HT × taux d'escompte ÷ 100. "
            "TVA de l'escompte = escompte HT × taux de TVA ÷ 100. "
            "Jours d'avance = jours entre aujourd'hui et l'échéance. "
            "Coût du découvert = (TTC − escompte HT − TVA de l'escompte) × taux du découvert "
            "÷ 100 × jours d'avance ÷ 360. Arrondissez chaque montant au centime.",
        ]
    if r.niveau == 3:
        lignes += [
            "",
            "La clé d'un IBAN se vérifie ainsi : on place les 4 premiers caractères à la fin, "
            "on remplace chaque lettre par un nombre (A = 10, B = 11… Z = 35) ; le reste de la "
            "division du grand nombre obtenu par 97 doit valoir 1.",
        ]
    return [*lignes, ""]


def _conditions(f: FactureFournisseur) -> str:
    morceaux = []
    if f.escompte:
        morceaux.append(
            f"escompte de {_taux(f.escompte.taux)} si paiement sous {f.escompte.jours} jours"
        )
    if f.avoir:
        morceaux.append(f"avoir {f.avoir.numero} reçu : {euros(f.avoir.ht)} HT")
    if f.deja_paye:
        morceaux.append(f"déjà payé : {euros(f.deja_paye)}")
    return " ; ".join(morceaux) or "—"


def _echeancier(r: Reglements) -> list[str]:
    colonnes = (
        "N°",
        "Fournisseur",
        "Facture",
        "Date",
        "Échéance",
        "HT",
        "TVA",
        "TTC",
        "Conditions",
    )
    rangees = [
        (
            i,
            cellule(f.fournisseur),
            cellule(f.numero),
            date_courte(f.jour),
            date_courte(f.echeance),
            euros(f.ht),
            f"{euros(f.tva)} ({_taux(f.taux_tva)})",
            euros(f.ttc),
            cellule(_conditions(f)),
        )
        for i, f in enumerate(r.factures, 1)
    ]
    return section("### L'échéancier des fournisseurs", *tableau(colonnes, rangees))


def _coordonnees(r: Reglements) -> list[str]:
    colonnes = ("N°", "Fichier fournisseurs : IBAN", "BIC", "Sur la facture : IBAN", "BIC")
    rangees = [
        (i, format_iban(f.iban_fichier), f.bic_fichier, format_iban(f.iban), f.bic)
        for i, f in enumerate(r.factures, 1)
    ]
    return section("### Les coordonnées bancaires", *tableau(colonnes, rangees))


def _a_faire(r: Reglements) -> list[str]:
    lignes = ["### À faire", ""]
    etapes = [
        "Pour chaque facture, dites si elle est **déjà échue**, **à échéance cette semaine** "
        "ou **à échéance plus tard**.",
        "Pour chaque facture, dites si les coordonnées bancaires sont **conformes** ou **à "
        "vérifier**.",
    ]
    if r.niveau == 3:
        etapes.append(
            "Pour chaque facture, calculez le **reste dû** (TTC − avoir TTC − déjà payé)."
        )
    if r.rang_escompte is not None:
        etapes.append(
            f"Pour la facture {r.factures[r.rang_escompte].numero} : calculez l'**escompte HT**, "
            "sa **TVA**, les **jours d'avance**, le **coût du découvert**, puis décidez si vous "
            "prenez l'escompte."
        )
    etapes += [
        "Pour chaque facture, décidez : **payer cette semaine**, **attendre l'échéance** ou "
        "**bloquer le paiement** ; écrivez le **montant viré** des factures payées.",
        "Calculez le **total** des virements de la semaine.",
        f"Passez l'**écriture** des virements au journal de banque, le "
        f"{r.date_paiement:%d/%m/%Y} : une ligne 401 par facture payée, puis l'escompte s'il "
        "est pris, puis la banque.",
    ]
    lignes += numerotee(etapes)
    return [*lignes, ""]


def enonce(org: Any, params: dict[str, Any], niveau: int) -> str:
    """The statement, Markdown without HTML."""
    r = lire_params(params)
    parties = [
        "## Les virements fournisseurs de la semaine",
        "",
        *_situation(r),
        *_regles(r),
        *_echeancier(r),
        *_coordonnees(r),
        *_a_faire(r),
    ]
    return "\n".join(parties)
