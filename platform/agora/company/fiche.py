"""The fiche entreprise: the organisation described in French Markdown (tables, no raw HTML).

The page is read on a day of the platform's (``aujourdhui``, Settings.date): its activity table
covers the twelve months before that day's month. The generated history is a typical year, one
figure per calendar month; the page shows each month's own figures under the window's dates, so
the seasons stay where they are and the organisation itself (same seed, same bytes) never moves.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from agora.calendrier import date_courte, mois_annee
from agora.company.identifiers import format_iban
from agora.company.model import Company, MoisHistorique, Salarie
from agora.money import euros

CATALOGUE_EXTRAIT = 8

RELATIONS = {"client": "clients", "usager": "usagers", "adherent": "adhérents"}
# What the month's count is for each public: a water utility issues bills after meter
# readings (no orders); a club takes memberships and sells a few goods.
OPERATIONS = {"client": "Commandes", "usager": "Factures", "adherent": "Inscriptions et ventes"}
CONTRATS = {
    "CDI": "CDI",
    "CDD": "CDD",
    "apprentissage": "Apprentissage",
    "temps_partiel": "CDI à temps partiel",
}


def render_fiche(company: Company, *, aujourdhui: date) -> str:
    """The fiche entreprise in Markdown (presentation, organigramme, chiffres, catalogue, CGV),
    as read on the platform's day ``aujourdhui``."""
    parts = [
        f"# {company.raison_sociale}",
        f"*{company.secteur_libelle}*",
        _presentation(company),
        _horaires(company),
        "### Contraintes réglementaires du secteur\n\n"
        + "\n".join(f"- {c}" for c in company.contraintes),
        _organigramme(company),
        _chiffres(company, douze_derniers_mois(company, aujourdhui)),
        _catalogue(company),
        "## Conditions générales de vente\n\n" + company.cgv.texte,
    ]
    return "\n\n".join(parts) + "\n"


def _presentation(c: Company) -> str:
    forme = c.forme_juridique
    if c.capital is not None:
        forme += f" au capital de {euros(c.capital)}"
    rows = [
        ("Forme juridique", forme),
        ("SIREN", _groups(c.siren, (3, 3, 3))),
        ("SIRET du siège", _groups(c.siret, (3, 3, 3, 5))),
        (
            "Immatriculation",
            f"{c.rcs} {_groups(c.siren, (3, 3, 3))}" if c.rcs else "Non inscrite au RCS",
        ),
        ("Code NAF", f"{c.naf} – {c.naf_libelle}"),
        ("N° de TVA intracommunautaire", c.tva_intracom or "Non assujettie à la TVA"),
        ("Adresse", f"{c.adresse.rue}, {c.adresse.code_postal} {c.adresse.ville}"),
        ("Téléphone", c.telephone),
        ("Courriel", c.email),
        ("Site web", c.site_web),
        ("Dirigeant", f"{c.dirigeant}, {c.dirigeant_fonction.lower()}"),
        ("Date de création", date_courte(c.date_creation)),
        (
            "Exercice comptable",
            f"du {date_courte(c.exercice_debut)} au {date_courte(c.exercice_fin)}",
        ),
        (
            "Régime de TVA",
            c.regime_tva + (" (option pour la TVA sur les débits)" if c.tva_sur_debits else ""),
        ),
        (
            "Convention collective",
            f"{c.convention_collective.nom} (IDCC {c.convention_collective.idcc})",
        ),
        ("Banque", c.banque.nom),
        ("IBAN", format_iban(c.banque.iban)),
        ("BIC", c.banque.bic),
        ("Public servi", RELATIONS[c.relation]),
    ]
    return "## Présentation\n\n" + _table(("Rubrique", "Information"), rows)


def _horaires(c: Company) -> str:
    rows = [
        (jour.capitalize(), f"{plage[0]} – {plage[1]}" if plage else "Fermé")
        for jour, plage in c.horaires.items()
    ]
    return "### Horaires d'ouverture\n\n" + _table(("Jour", "Horaires"), rows)


def _organigramme(c: Company) -> str:
    lines = ["## Organigramme", f"**Direction** : {c.dirigeant} ({c.dirigeant_fonction.lower()})"]
    services: dict[str, list[Salarie]] = {}
    for salarie in c.salaries:
        services.setdefault(salarie.service, []).append(salarie)
    for service, staff in services.items():
        rows = [
            (s.id, f"{s.prenom} {s.nom}", s.emploi_libelle, _contrat(s), s.statut.replace("_", "-"))
            for s in staff
        ]
        header = ("Matricule", "Nom", "Emploi", "Contrat", "Statut")
        lines.append(f"### {service} ({_plural(len(staff), 'salarié')})\n\n" + _table(header, rows))
    return "\n\n".join(lines)


def douze_derniers_mois(company: Company, aujourdhui: date) -> tuple[MoisHistorique, ...]:
    """The history as the twelve months before ``aujourdhui``'s month, oldest first: each month
    of the window with the figures the organisation has for that calendar month."""
    par_mois = {int(m.mois[5:7]): m for m in company.historique}
    annee, mois = aujourdhui.year, aujourdhui.month
    fenetre = []
    for _ in range(12):
        annee, mois = (annee, mois - 1) if mois > 1 else (annee - 1, 12)
        if mois in par_mois:
            fenetre.append(replace(par_mois[mois], mois=f"{annee}-{mois:02d}"))
    return tuple(reversed(fenetre))


def _chiffres(c: Company, historique: tuple[MoisHistorique, ...]) -> str:
    total = sum((m.chiffre_affaires_ht for m in historique), Decimal(0))
    cadres = sum(1 for s in c.salaries if s.statut == "cadre")
    apprentis = sum(1 for s in c.salaries if s.contrat == "apprentissage")
    rows = [
        (
            "Effectif",
            f"{_plural(len(c.salaries), 'salarié')} (dont {cadres} cadre(s), {apprentis} apprenti(s))",
        ),
        (f"Chiffre d'affaires HT des douze derniers mois ({_periode(historique)})", euros(total)),
        (f"{RELATIONS[c.relation].capitalize()} du fichier (extrait)", str(len(c.clients))),
        ("Fournisseurs réguliers", str(len(c.fournisseurs))),
        (f"Solde bancaire au {date_courte(c.banque.date_solde)}", euros(c.banque.solde_initial)),
    ]
    rows += [(f"Subvention : {s.financeur} ({s.objet})", euros(s.montant)) for s in c.subventions]
    history = [
        (
            mois_annee(m.mois),
            euros(m.chiffre_affaires_ht),
            str(m.nombre_commandes),
            str(m.jours_absence),
        )
        for m in historique
    ]
    return (
        "## Chiffres clés\n\n"
        + _table(("Indicateur", "Valeur"), rows)
        + f"\n\n### Activité des douze derniers mois, {_periode(historique)}\n\n"
        + _table(
            ("Mois", "Chiffre d'affaires HT", OPERATIONS[c.relation], "Jours d'absence"),
            history,
        )
    )


def _periode(historique: tuple[MoisHistorique, ...]) -> str:
    """The months the table covers, named (« de décembre 2025 à novembre 2026 »): « the last
    twelve months » always says of which day."""
    if not historique:
        return ""
    premier, dernier = historique[0].mois, historique[-1].mois
    return f"de {mois_annee(premier)} à {mois_annee(dernier)}"


def _catalogue(c: Company) -> str:
    rows = [
        (a.reference, a.designation, a.unite, euros(a.prix_ht), _taux(a.taux_tva))
        for a in c.catalogue[:CATALOGUE_EXTRAIT]
    ]
    header = ("Référence", "Désignation", "Unité", "Prix HT", "TVA")
    return "## Extrait du catalogue\n\n" + _table(header, rows)


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    lines = [_row(header), "|" + "|".join("---" for _ in header) + "|"]
    return "\n".join(lines + [_row(row) for row in rows])


def _row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def _taux(rate: Decimal) -> str:
    if not rate:
        return "Hors TVA"
    return format(rate.normalize(), "f").replace(".", ",") + " %"


def _contrat(s: Salarie) -> str:
    label = CONTRATS.get(s.contrat, s.contrat)
    hours = format(s.heures_hebdo.normalize(), "f").replace(".", ",")
    return f"{label}, {hours} h"


def _groups(digits: str, sizes: tuple[int, ...]) -> str:
    out, start = [], 0
    for size in sizes:
        out.append(digits[start : start + size])
        start += size
    return " ".join(out)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count > 1 else ''}"
