"""The statement of a year-end balance sheet to analyse, in Markdown: who asks and why, the sheet
as tables (already functional at levels 1 and 2, the accounting one at level 3), then numbered
questions in the order of the form (short sentences; the formulas at levels 1 and 2)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from agora.calendrier import date_longue
from agora.exercise.kinds.equilibre_financier.params import MASSE_DE
from agora.exercise.kinds.equilibre_financier.regles import regles
from agora.exercise.markdown import numerotee
from agora.money import euros

TITRES = {
    "emplois_stables": "Emplois stables",
    "actif_exploitation": "Actif circulant d'exploitation",
    "tresorerie_active": "Trésorerie active",
    "ressources_stables": "Ressources stables",
    "dettes_exploitation": "Dettes d'exploitation",
    "tresorerie_passive": "Trésorerie passive",
}
# Who asks for the analysis, and who will read it, by status.
DEMANDE = {
    "entreprise": "La direction prépare un rendez-vous avec la banque. Elle vous demande si "
    "l'entreprise est en bonne santé financière.",
    "association": "Le trésorier présente les comptes à l'assemblée générale. Il vous demande si "
    "l'association est en bonne santé financière.",
    "service_public": "Le directeur présente les comptes au conseil d'administration de la "
    "régie. Il vous demande si le service est en bonne santé financière.",
}
AIDE = (
    "Aide : FRNG = ressources stables − emplois stables. BFR = actif circulant d'exploitation − "
    "dettes d'exploitation. Trésorerie nette = trésorerie active − trésorerie passive. "
    "Si tout est juste, la trésorerie nette est aussi égale à FRNG − BFR."
)


def _e(texte: str) -> str:
    return euros(Decimal(texte))


def _tableau(titre: str, entetes: str, gauche: int, lignes: list[str]) -> list[str]:
    """A Markdown table under its heading: ``gauche`` text columns, then amounts on the right."""
    colonnes = entetes.count("|") - 1
    alignement = "|---" * gauche + "|---:" * (colonnes - gauche) + "|"
    return ["", f"### {titre}", "", entetes, alignement, *lignes]


def _fonctionnel(p: dict[str, Any]) -> list[str]:
    """The functional sheet: one table for the uses (assets), one for the resources."""
    cotes = (
        ("Les emplois (actif)", ("emplois_stables", "actif_exploitation", "tresorerie_active")),
        (
            "Les ressources (passif)",
            ("ressources_stables", "dettes_exploitation", "tresorerie_passive"),
        ),
    )
    texte: list[str] = []
    for titre, masses in cotes:
        rangees = [
            f"| {TITRES[m]} | {x['libelle']} | {_e(x['montant'])} |"
            for m in masses
            for x in p["postes"]
            if MASSE_DE[x["nature"]] == m
        ]
        texte += _tableau(titre, "| Masse | Poste | Montant |", 2, rangees)
    return texte


def _reduit(postes: list[dict[str, str]], i: int) -> Decimal | None:
    """The amortisation or impairment printed on the same row as line ``i``, if any."""
    suivant = postes[i + 1] if i + 1 < len(postes) else None
    if suivant and suivant["nature"] in ("amortissement", "depreciation_circulant"):
        return Decimal(suivant["montant"])
    return None


def _comptable(p: dict[str, Any]) -> list[str]:
    """The accounting sheet: assets with gross, amortisation and net; then liabilities."""
    postes, actif, brut, amortis = p["postes"], [], Decimal(0), Decimal(0)
    for i, x in enumerate(postes):
        if not _a_l_actif(x["nature"]) or x["nature"] in (
            "amortissement",
            "depreciation_circulant",
        ):
            continue
        moins = _reduit(postes, i)
        valeur = Decimal(x["montant"])
        brut, amortis = brut + valeur, amortis + (moins or 0)
        colonne = euros(moins) if moins is not None else ""
        actif.append(
            f"| {x['libelle']} | {euros(valeur)} | {colonne} | {euros(valeur - (moins or 0))} |"
        )
    actif.append(
        f"| **Total de l'actif** | {euros(brut)} | {euros(amortis)} | **{euros(brut - amortis)}** |"
    )
    dettes = [x for x in postes if not _a_l_actif(x["nature"])]
    passif = [f"| {x['libelle']} | {_e(x['montant'])} |" for x in dettes]
    total = sum((Decimal(x["montant"]) for x in dettes), Decimal(0))
    passif.append(f"| **Total du passif** | **{euros(total)}** |")
    entetes = "| Poste | Brut | Amortissements et dépréciations | Net |"
    return _tableau("Actif", entetes, 1, actif) + _tableau(
        "Passif", "| Poste | Montant |", 1, passif
    )


def _a_l_actif(nature: str) -> bool:
    """Where the accounting sheet prints a line: amortisations under the asset they reduce."""
    return nature in ("amortissement", "depreciation_circulant") or MASSE_DE[nature] in (
        "emplois_stables",
        "actif_exploitation",
        "actif_hors_exploitation",
        "tresorerie_active",
    )


def _ratios(niveau: int) -> list[str]:
    noms = {
        "autonomie_financiere": "l'**autonomie financière**",
        "liquidite_generale": "la **liquidité générale**",
        "couverture_emplois_stables": "la **couverture des emplois stables**",
    }
    lignes = []
    for ratio in regles().ratios:
        if ratio.code == "couverture_emplois_stables" and niveau < 3:
            continue
        formule = f" = {ratio.formule}" if niveau < 3 else ""
        lignes.append(f"Calculez {noms[ratio.code]}{formule}.")
    return lignes


def _questions(niveau: int) -> list[str]:
    q = []
    if niveau == 3:
        q.append(
            "Classez chaque ligne du bilan dans une **masse du bilan fonctionnel**. "
            "Attention : l'actif se prend à sa valeur **brute**."
        )
    q.append("Calculez le **total de chaque masse** du bilan fonctionnel.")
    q.append("Calculez le **fonds de roulement net global** (FRNG).")
    if niveau == 3:
        q.append(
            "Calculez le **BFR d'exploitation**, le **BFR hors exploitation**, puis le "
            "**BFR** total."
        )
    else:
        q.append("Calculez le **besoin en fonds de roulement** (BFR).")
    q.append("Calculez la **trésorerie nette**, puis vérifiez-la : FRNG − BFR.")
    q += _ratios(niveau)
    q.append("Choisissez la **lecture de la situation**, puis la **mesure à proposer**.")
    return numerotee(q)


def enonce(p: dict[str, Any], organisation: Any, niveau: int) -> str:
    """The statement of these params for the organisation, in Markdown."""
    jour = date_longue(date.fromisoformat(p["date_bilan"]))
    comptable = p["presentation"] == "comptable"
    texte = [
        "# Le bilan de fin d'année : l'équilibre financier",
        "",
        f"Vous travaillez chez **{p['organisation']['nom']}** ({organisation.secteur_libelle}).",
        DEMANDE[p["organisation"]["statut"]],
        "",
    ]
    if comptable:
        texte += [
            f"## Le bilan comptable au {jour} (en euros)",
            "",
            "Vous devez d'abord le reclasser en bilan fonctionnel.",
        ]
        texte += _comptable(p)
    else:
        texte += [
            f"## Le bilan fonctionnel au {jour} (en euros)",
            "",
            "Le bilan est déjà classé en grandes masses.",
        ]
        texte += _fonctionnel(p)
    if niveau == 1:
        texte += ["", AIDE]
    texte += [
        "",
        "## Travail à faire",
        "",
        "Les montants sont en euros. Arrondissez chaque ratio à deux décimales, au plus "
        "proche (par exemple 1,25).",
        "",
        *_questions(niveau),
    ]
    return "\n".join(texte) + "\n"
