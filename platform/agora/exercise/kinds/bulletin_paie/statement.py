"""The French statement of a payslip exercise, and the list of fields each level asks for."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from agora.calendrier import mois_annee
from agora.company.model import Company
from agora.content.secteurs import load_secteur
from agora.errors import DomainError
from agora.exercise.kinds.bulletin_paie.params import LIBELLE_AT_MP, nombre
from agora.exercise.markdown import numerotee
from agora.money import cents

if TYPE_CHECKING:  # generate imports this module
    from agora.exercise.kinds.bulletin_paie.generate import Mois


NBSP = "\u00a0"
# The form's labels, in the form's order (the template prints the same words).
LIBELLES = {
    "salaire_base": "le salaire de base",
    "retenue_absence": "la retenue pour absence",
    "montant_hs_25": "le montant des heures supplémentaires à 25 %",
    "montant_hs_50": "le montant des heures supplémentaires à 50 %",
    "salaire_brut": "le salaire brut",
    "cotisations": "pour chaque cotisation du tableau : la base, la part salariale et la part "
    "patronale (seulement les colonnes qui ont un taux)",
    "total_salarial": "le total des cotisations salariales",
    "total_patronal": "le total des cotisations patronales",
    "net_imposable": "le net imposable",
    "net_avant_impot": "le net à payer avant impôt sur le revenu",
    "prelevement_source": "l'impôt sur le revenu prélevé à la source",
    "net_a_payer": "le net à payer au salarié",
    "cout_employeur": "le coût total pour l'employeur",
}
BASES = {
    "brut": "Salaire brut",
    "tranche_a": "Tranche A",
    "tranches_a_b": "Tranches A et B",
    "tranche_2": "Tranche 2",
    "csg_crds": "Base CSG/CRDS",
    "forfait": "Forfait",
}


def _positif(params: dict[str, Any], champ: str) -> bool:
    return Decimal(str(params.get(champ) or 0)) > 0


def champs_demandes(params: dict[str, Any], niveau: int) -> list[str]:
    """The answer fields the level asks, in the form's order ("cotisations" = the table)."""
    champs = ["salaire_base"]
    for champ, donnee in (
        ("retenue_absence", "absence_heures"),
        ("montant_hs_25", "heures_sup_25"),
        ("montant_hs_50", "heures_sup_50"),
    ):
        if _positif(params, donnee):
            champs.append(champ)
    champs += ["salaire_brut", "cotisations", "total_salarial", "total_patronal"]
    if niveau >= 2:
        champs.append("net_imposable")
    champs.append("net_avant_impot")
    if niveau >= 2:
        champs += ["prelevement_source", "net_a_payer", "cout_employeur"]
    return champs


def eur(value: Decimal | str) -> str:
    """« 1 234,56 € » with non-breaking spaces."""
    text = f"{cents(Decimal(str(value))):,.2f}".replace(",", NBSP).replace(".", ",")
    return f"{text}{NBSP}€"


def pct(value: Decimal | str) -> str:
    return f"{str(value).replace('.', ',')}{NBSP}%"


def heures(value: Decimal | str) -> str:
    return f"{nombre(Decimal(str(value))).replace('.', ',')}{NBSP}h"


def enonce(organisation: Company, params: dict[str, Any], mois: Mois, niveau: int) -> str:
    """The statement: situation, contract, the month's events, rates, reminders, work to do."""
    parts = [
        _situation(organisation, params, mois, niveau),
        _contrat(params, mois),
        _elements(params, mois, niveau),
        regles_du_secteur(organisation, mois),
        _cotisations(params),
        _rappels(params, niveau),
        _simplifications(params, mois, niveau),
        _travail(params, niveau),
    ]
    return "\n\n".join(p for p in parts if p) + "\n"


def de(mot: str) -> str:
    """The French preposition « de », elided before a vowel (« d'avril », « d'Alfred »)."""
    return f"d'{mot}" if mot[:1].lower() in "aeiouyéèêàâîôû" else f"de {mot}"


def _situation(org: Company, params: dict[str, Any], mois: Mois, niveau: int) -> str:
    s = mois.salarie
    lines = [
        f"# Bulletin de paie {de(mois_annee(params['periode']))} : {s.prenom} {s.nom}",
        f"**{org.raison_sociale}** — {org.secteur_libelle} — {len(org.salaries)} salariés.",
        f"{org.dirigeant}, {org.dirigeant_fonction.lower()}, vous confie la paie du mois. "
        f"Vous préparez le bulletin {de(s.prenom)} {s.nom}, {s.emploi_libelle.lower()}.",
    ]
    if niveau == 1:
        lines.append("C'est un bulletin simplifié. Suivez les rappels de calcul pas à pas.")
    return "\n\n".join(lines)


def _contrat(params: dict[str, Any], mois: Mois) -> str:
    s = mois.salarie
    hebdo = cents(mois.heures_mensuelles * 12 / 52).normalize()
    rows = [
        ("Salarié(e)", f"{s.prenom} {s.nom}"),
        ("Emploi", f"{s.emploi_libelle} (service {s.service.lower()})"),
        ("Statut", "cadre" if s.statut == "cadre" else "non-cadre"),
        ("Contrat", f"{s.contrat}, {heures(hebdo)} par semaine"),
        ("Taux horaire brut", eur(params["taux_horaire"])),
        (
            "Heures mensuelles",
            f"{heures(params['heures_mensuelles'])} ({heures(hebdo)} × 52 semaines ÷ 12 mois)",
        ),
    ]
    table = "\n".join(f"| {k} | {v} |" for k, v in rows)
    return f"## Le contrat de travail\n\n| Élément | Valeur |\n|---|---|\n{table}"


def _elements(params: dict[str, Any], mois: Mois, niveau: int) -> str:
    out = [f"## Les éléments du mois {de(mois_annee(params['periode']).split()[0])}"]
    if mois.semaines:
        out.append("Relevé des heures travaillées (le contrat prévoit 35 h par semaine) :")
        rows = "\n".join(
            f"| Semaine {i} | {heures(h)} | {remarque or '—'} |"
            for i, (h, remarque) in enumerate(mois.semaines, 1)
        )
        out.append(f"| Semaine | Heures travaillées | Remarque |\n|---|---|---|\n{rows}")
    items = []
    if mois.heures_sup_25 and not mois.semaines:
        items.append(
            f"{heures(mois.heures_sup_25)} supplémentaires, toutes majorées à 25 % "
            "(moins de 8 heures supplémentaires chaque semaine)."
        )
    if niveau == 1:
        items.append("Pas d'heures supplémentaires ni d'absence ce mois-ci.")
    items += [f"{lib} : {eur(m)}." for lib, m in mois.primes if not lib.startswith("Indemnité")]
    if mois.repas:
        items.append(_repas(mois))
    if mois.transport:
        nom, prix, rembourse = mois.transport
        items.append(
            f"{mois.salarie.prenom} a payé un {nom} de {eur(prix)}. "
            f"L'employeur en rembourse la moitié : {eur(rembourse)}."
        )
    out.append("\n".join(f"- {item}" for item in items))
    return "\n\n".join(out)


def _repas(mois: Mois) -> str:
    nb, valeur = mois.repas
    calcul = f"{nb} × {eur(valeur)} = {eur(nb * valeur)}"
    if any(lib.startswith("Indemnité compensatrice") for lib, _ in mois.primes):
        return (
            f"{mois.salarie.prenom} travaille en dehors des repas du personnel : l'employeur ne "
            f"fournit pas ses repas. {mois.salarie.prenom} reçoit l'indemnité compensatrice de "
            f"nourriture pour {nb} repas, "
            f"évalués {eur(valeur)} chacun ({calcul})."
        )
    return (
        f"L'employeur a fourni {nb} repas de midi, évalués {eur(valeur)} chacun "
        f"(avantage en nature repas : {calcul})."
    )


def regles_du_secteur(organisation: Company, mois: Mois) -> str:
    """The sector's payroll rules this payslip follows (overtime, meals), with their source."""
    try:
        secteur = load_secteur(organisation.secteur)
    except DomainError:
        return ""
    sujets = []
    if mois.heures_sup_25 or mois.heures_sup_50:
        sujets.append("heures_supplementaires")
    if mois.repas:
        sujets.append("repas")
    regles = [r for sujet in sujets if (r := secteur.regle_paie(sujet))]
    if not regles:
        return ""
    lignes = [f"- {r.texte} *({r.source}.)*" for r in regles]
    return "## Les règles de paie de l'entreprise\n\n" + "\n".join(lignes)


def _cotisations(params: dict[str, Any]) -> str:
    rows = []
    for c in params["cotisations"]:
        if c["assiette"] == "forfait":
            sal, pat = eur(c["montant_salarial"]), eur(c["montant_patronal"])
        else:
            sal = pct(c["taux_salarial"]) if Decimal(c["taux_salarial"]) else "—"
            pat = pct(c["taux_patronal"]) if Decimal(c["taux_patronal"]) else "—"
        rows.append(f"| {c['libelle']} | {BASES[c['assiette']]} | {sal} | {pat} |")
    table = "| Rubrique | Base | Part salariale | Part patronale |\n|---|---|---|---|\n"
    out = [
        "## Les cotisations de ce bulletin",
        f"Plafond mensuel de la sécurité sociale (PMSS) en 2026 : {eur(params['pmss'])}.",
        table + "\n".join(rows),
    ]
    notes = _bases_utilisees(params)
    at = next((c for c in params["cotisations"] if c["libelle"] == LIBELLE_AT_MP), None)
    if at:
        notes.append(
            f"Le taux accidents du travail - maladies professionnelles de l'entreprise est "
            f"{pct(at['taux_patronal'])} (taux notifié par la Carsat) : il est à la charge de "
            "l'employeur seulement."
        )
    non_deductibles = [c["libelle"] for c in params["cotisations"] if not c["deductible"]]
    if non_deductibles:
        notes.append(
            "Toutes les cotisations salariales sont déductibles du revenu imposable, sauf : "
            + ", ".join(non_deductibles)
            + "."
        )
    if any(c.get("patronal_imposable") for c in params["cotisations"]):
        notes.append("La part patronale de la complémentaire santé est imposable pour le salarié.")
    if Decimal(params["taux_pas"]):
        notes.append(
            f"Taux de prélèvement à la source {de(params['salarie']['nom'])} : "
            f"{pct(params['taux_pas'])} (taux transmis par l'administration fiscale)."
        )
    out.append("\n".join(f"- {n}" for n in notes))
    return "\n\n".join(out)


def _bases_utilisees(params: dict[str, Any]) -> list[str]:
    pmss = Decimal(params["pmss"])
    textes = {
        "brut": "Salaire brut : tout le salaire brut.",
        "tranche_a": f"Tranche A : le salaire brut, limité au PMSS ({eur(pmss)}).",
        "tranches_a_b": f"Tranches A et B : le salaire brut, limité à 4 PMSS ({eur(4 * pmss)}).",
        "tranche_2": "Tranche 2 : la partie du salaire brut au-dessus du PMSS "
        f"(brut − {eur(pmss)}, jusqu'à 8 PMSS).",
        "csg_crds": "Base CSG/CRDS : 98,25 % du salaire brut (abattement de 1,75 %, jusqu'à 4 PMSS)"
        + (
            ", plus la part patronale de la complémentaire santé."
            if any(c.get("patronal_assiette_csg") for c in params["cotisations"])
            else "."
        ),
        "forfait": "Forfait : les montants sont donnés (déjà inscrits sur le bulletin).",
    }
    used = dict.fromkeys(c["assiette"] for c in params["cotisations"])
    return [textes[a] for a in textes if a in used]


def _rappels(params: dict[str, Any], niveau: int) -> str:
    steps = [
        "Salaire de base = taux horaire × heures mensuelles.",
        "Heures supplémentaires = heures × taux horaire × 1,25 (les 8 premières de la semaine) "
        "ou × 1,50 (au-delà de 43 h dans la semaine).",
        "Retenue pour absence = taux horaire × heures d'absence.",
        "Salaire brut = salaire de base − absence + heures supplémentaires + primes "
        "+ avantages en nature.",
        "Part salariale = base × taux salarial ; part patronale = base × taux patronal.",
        "Net imposable = brut − cotisations salariales déductibles + part patronale imposable.",
        "Net à payer avant impôt = brut − total des cotisations salariales − avantages en nature "
        "+ remboursement de transport.",
        "Impôt prélevé à la source = net imposable × taux de prélèvement.",
        "Net à payer = net avant impôt − impôt prélevé à la source.",
        "Coût total employeur = brut + total des cotisations patronales.",
    ]
    if niveau == 1:
        steps = [steps[0], steps[3], steps[4], "Les totaux : additionnez chaque colonne.", steps[6]]
        exemple = (
            "Exemple pour la CSG : si le brut est 2 000,00 €, la base CSG est "
            "2 000,00 × 98,25 % = 1 965,00 € ; la CSG déductible est 1 965,00 × 6,80 % = 133,62 €."
        )
        steps.append(exemple)
    elif niveau == 3:
        steps = [steps[1], steps[6], steps[7]]
    titre = "## Rappels de calcul"
    rows = "\n".join(numerotee(steps))
    return f"{titre}\n\nArrondissez chaque montant au centime, comme sur le bulletin.\n\n{rows}"


def _simplifications(params: dict[str, Any], mois: Mois, niveau: int) -> str:
    items = []
    if niveau == 1:
        items.append(
            "Ce bulletin ne reprend que quelques cotisations ; un vrai bulletin en a davantage."
        )
    if mois.heures_sup_25 or mois.heures_sup_50:
        items.append(
            "Les heures supplémentaires sont traitées comme le reste du salaire : pas de "
            "réduction de cotisations salariales ni d'exonération d'impôt sur le revenu."
        )
    if mois.absence_heures or mois.brut() > Decimal(params["pmss"]) or mois.heures_mensuelles < 151:
        items.append("Le PMSS n'est pas proratisé : on prend le plafond du mois entier.")
    if mois.brut() > Decimal(params["pmss"]):
        items.append(
            "La contribution d'équilibre technique (CET), l'APEC et la prévoyance ne sont pas "
            "demandées."
        )
    if niveau == 2:
        items.append("La complémentaire santé (mutuelle) n'apparaît pas sur ce bulletin.")
    if niveau >= 2:
        items.append(
            "Le coût employeur est calculé avant la réduction générale des cotisations patronales."
        )
    items.append("Le montant net social n'est pas demandé.")
    return "## Simplifications\n\n" + "\n".join(f"- {i}" for i in items)


def _travail(params: dict[str, Any], niveau: int) -> str:
    champs = champs_demandes(params, niveau)
    rows = "\n".join(numerotee(f"{LIBELLES[c][0].upper()}{LIBELLES[c][1:]}." for c in champs))
    return (
        "## Travail à faire\n\nRemplissez le bulletin dans cet ordre "
        f"(les montants en euros, au centime) :\n\n{rows}"
    )
