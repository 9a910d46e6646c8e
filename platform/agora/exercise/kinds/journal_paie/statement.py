"""The statement of a ``journal_paie`` variant: the month's payslips in tables (level 1: each
contribution line with its body; level 2: the contributions summed by body, as a PGI's summary
prints them; level 3: each line, without its body), then what to record and pay, in the form's
order (Markdown, no HTML)."""

from __future__ import annotations

from typing import Any

from agora.calendrier import MOIS, date_longue
from agora.exercise.kinds.journal_paie.params import Bulletin, Paie, lire_params
from agora.exercise.kinds.journal_paie.regles import regles
from agora.exercise.kinds.journal_paie.solve import echeance, jour_regle, piece
from agora.exercise.markdown import tableau
from agora.francais import de
from agora.money import ZERO, euros


def _lignes(b: Bulletin, niveau: int) -> list[str]:
    """The payslip's contribution lines: with their body at level 1, without at level 3."""
    total = ("**Total**", f"**{euros(b.total_salarial)}**", f"**{euros(b.total_patronal)}**")
    if niveau == 1:
        organismes = regles().organismes
        rangees = [
            (c.libelle, organismes[c.organisme].libelle, euros(c.salarial), euros(c.patronal))
            for c in b.cotisations
        ]
        colonnes = ("Cotisation", "Organisme", "Part salariale", "Part patronale")
        # The total row leaves its body cell empty: « | | », as the payslip's tables print it.
        return [*tableau(colonnes, rangees, "<<>>"), f"| {total[0]} | | {total[1]} | {total[2]} |"]
    rangees = [(c.libelle, euros(c.salarial), euros(c.patronal)) for c in b.cotisations]
    return tableau(("Cotisation", "Part salariale", "Part patronale"), [*rangees, total], "<>>")


def _recapitulatif(b: Bulletin) -> list[str]:
    """Level 2: the payslip's contributions summed by body, as a PGI prints them."""
    r = regles()
    rangees = []
    cotisations = b.cotisations  # read from the params' lines at each access
    for o in r.organismes:
        sal = sum((c.salarial for c in cotisations if c.organisme == o), ZERO)
        pat = sum((c.patronal for c in cotisations if c.organisme == o), ZERO)
        if any(c.organisme == o for c in cotisations):
            rangees.append((r.organismes[o].libelle, euros(sal), euros(pat)))
    total = ("**Total**", f"**{euros(b.total_salarial)}**", f"**{euros(b.total_patronal)}**")
    return tableau(("Organisme", "Part salariale", "Part patronale"), [*rangees, total], "<>>")


def _bulletin(b: Bulletin, niveau: int) -> list[str]:
    cotisations = _recapitulatif(b) if niveau == 2 else _lignes(b, niveau)
    lignes = [f"### Bulletin {de(b.salarie)}", "", *cotisations]
    lignes += [
        "",
        f"Salaire brut : **{euros(b.brut)}** ; net avant impôt : {euros(b.net_avant_impot)} ; "
        f"prélèvement à la source : {euros(b.pas)} ; net à payer : **{euros(b.net_a_payer)}**.",
    ]
    for a in b.avantages:
        lignes.append(
            f"Dans le brut : **{a.libelle}, {euros(a.montant)}** (soumis aux cotisations, "
            "mais pas versé en argent : il est déduit avant le net à payer)."
        )
    if b.acompte:
        lignes.append(
            f"Le 15 du mois, {b.salarie} a demandé un **acompte de {euros(b.acompte)}**, "
            "déjà versé par virement (compte 425)."
        )
    return [*lignes, ""]


def _aide(p: Paie) -> list[str]:
    """Level 1: the accounts and the rule of the due date, written out."""
    lignes = [
        "**Aide.** L'écriture de paie :",
        "",
        "- au débit : 641 (les salaires bruts) et 645 (les cotisations patronales) ;",
        "- au crédit : 431 (URSSAF, parts salariales + patronales), 437 (retraite "
        "complémentaire), 4421 (prélèvement à la source) et 421 (le net à payer aux salariés).",
    ]
    if any(b.avantages for b in p.bulletins):
        lignes.append(
            "- l'avantage en nature reste dans le brut (641) ; comme il n'est pas versé, il est "
            "neutralisé au crédit du 708 (produits des activités annexes)."
        )
    return [
        *lignes,
        "",
        "Le virement des salaires : débit 421, crédit 512.",
        "",
    ]


def _regle_echeance(p: Paie) -> list[str]:
    e = regles().echeances
    return [
        f"Rappel : la DSN et les paiements du mois sont dus le {e.jour_des_le_seuil} du mois "
        f"suivant pour un employeur de {e.seuil_effectif} salariés et plus qui paie les salaires "
        f"dans le mois, le {e.jour_avant_seuil} du mois suivant pour les autres. Une date qui "
        "tombe un samedi, un dimanche ou un jour férié est reportée au premier jour ouvré "
        "suivant.",
        "",
    ]


def _qui(p: Paie, de_mois: str) -> str:
    """Whose payslips the student records: one employee's, or some of them."""
    n = len(p.bulletins)
    if n == 1:
        return (
            f"Le bulletin de paie {de_mois} {de(p.bulletins[0].salarie)} est prêt. Vous "
            "l'enregistrez dans le PGI, puis vous préparez les paiements."
        )
    autres = " (un collègue enregistre les autres)" if n < p.effectif else ""
    return (
        f"Les bulletins de paie {de_mois} sont prêts. Vous enregistrez dans le PGI ceux de "
        f"ces {n} salariés{autres}, puis vous préparez les paiements."
    )


def enonce(org: Any, params: dict[str, Any], niveau: int, reprise: str | None = None) -> str:
    """The Markdown statement for the level; ``reprise``: the first payslip is the one the
    student made at the mission's earlier step, at that step (« à l'étape 1 »)."""
    p = lire_params(params)
    nom_mois = f"{MOIS[p.mois - 1]} {p.annee}"
    de_mois = ("d'" if nom_mois[0] in "aeiouy" else "de ") + nom_mois
    lignes = [
        f"## La paie {de_mois} à enregistrer",
        "",
        f"Vous êtes assistant ou assistante de gestion chez **{org.raison_sociale}**.",
        _qui(p, de_mois),
        f"L'organisation emploie **{p.effectif} salariés**. Les salaires sont versés par "
        f"virement le **{date_longue(p.date_paie)}**.",
        "",
    ]
    if reprise:
        lignes += [
            f"Le bulletin de {p.bulletins[0].salarie} est celui que vous avez calculé "
            f"{reprise} de la mission (avec ses montants justes).",
            "",
        ]
    for b in p.bulletins:
        lignes += _bulletin(b, niveau)
    if niveau == 3:
        lignes += [
            "Chaque ligne va à l'organisme qui la recouvre : la retraite complémentaire et la "
            "CEG à l'AGIRC-ARRCO, la complémentaire santé à son organisme, toutes les autres à "
            "l'URSSAF (elle recouvre aussi le chômage, l'AGS, la CSG et la CRDS).",
            "",
        ]
    if niveau == 1:
        lignes += _aide(p)
    if niveau < 3:
        lignes += _regle_echeance(p)
    jour = echeance(p)
    lignes += [
        "### Ce que vous devez faire",
        "",
        f"1. Passez l'écriture de paie du mois (journal OD, pièce {piece(p)}, le "
        f"{p.date_paie.strftime('%d/%m/%Y')}) : une ligne par compte, avec le total de tous "
        "les bulletins.",
        "2. Pour chaque organisme, calculez le montant à lui payer et la date limite de paiement.",
        "3. Passez l'écriture du virement des salaires (journal BQ).",
    ]
    if niveau == 1 and jour.day != jour_regle(p):
        lignes.append(
            f"   Attention : le {jour_regle(p)} du mois suivant n'est pas un jour ouvré cette fois."
        )
    return "\n".join(lignes) + "\n"
