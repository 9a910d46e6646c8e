"""The French statement of a ``frais_deplacement`` variant: the travel order, the organisation's
rules, the cars and the barème lines, the expense report, then the numbered list of what to
fill in, in the form's order."""

from __future__ import annotations

from datetime import date
from typing import Any

from agora.calendrier import date_longue
from agora.exercise.fields import TAUX
from agora.exercise.kinds.frais_deplacement.params import Justificatif, Note, lire_params
from agora.exercise.kinds.frais_deplacement.regles import load_frais, puissance
from agora.exercise.kinds.frais_deplacement.solve import bareme
from agora.exercise.markdown import cellule
from agora.francais import de
from agora.money import euros

NATURES = {
    "repas": "Repas",
    "hotel": "Hôtel",
    "peage": "Péage",
    "parking": "Parking",
    "carburant": "Carburant",
    "divers": "Divers",
}


def _jour(jour: date) -> str:
    return jour.strftime("%d/%m/%Y")


def _km(km: int) -> str:
    return f"{km:,}".replace(",", "\u00a0") + "\u00a0km"


def _situation(org: Any, n: Note) -> list[str]:
    o = n.ordre
    lignes = [
        f"Vous travaillez au service administratif {de(org.raison_sociale, gras=True)} "
        f"({org.adresse.ville}).",
        f"**{o.salarie}** ({o.emploi}) part en déplacement professionnel.",
        "Vous préparez le budget de son ordre de mission.",
        f"À son retour, le {date_longue(n.date_note)}, vous contrôlez sa note de frais.",
        "",
    ]
    return lignes


def _ordre(n: Note) -> list[str]:
    o = n.ordre
    rangs = [
        ("Salarié", f"{o.salarie}, {o.emploi}"),
        ("Objet", o.objet),
        ("Lieu", o.lieu),
        ("Départ", _jour(o.depart)),
        ("Retour", _jour(o.retour)),
        ("Transport", f"voiture personnelle ({n.vehicules[0].libelle})"),
        ("Distance prévue (aller et retour)", _km(o.km_prevus)),
        ("Nuits prévues", str(o.nuits)),
        ("Repas prévus", str(o.repas)),
        ("Avance versée au départ", euros(o.avance) if o.avance else "aucune"),
    ]
    tableau = ["| Rubrique | Détail |", "|---|---|"]
    tableau += [f"| {titre} | {cellule(valeur)} |" for titre, valeur in rangs]
    return [f"### L'ordre de mission n° {o.numero}", "", *tableau, ""]


def _regles(n: Note) -> list[str]:
    lieu = {"paris": "à Paris et en petite couronne", "province": "en province"}
    zone = lieu.get(n.ordre.zone, "à l'étranger (règle propre à l'organisation)")
    lignes = [
        "### Les règles de l'organisation (note de service)",
        "",
        "- Voiture personnelle : indemnités kilométriques (IK) au **barème kilométrique** "
        f"{load_frais().annee}.",
        f"- Repas : remboursés sur justificatif, **{euros(n.plafond_repas)} au plus** par repas.",
        f"- Hôtel {zone} : **{euros(n.plafond_nuit)} au plus** par nuit, petit déjeuner compris.",
        "- Au-dessus du plafond, on rembourse le plafond : le reste est payé par le salarié.",
    ]
    if n.niveau > 1:
        lignes.append(
            "- Refusés : une dépense sans justificatif, une dépense personnelle, une dépense "
            "hors des dates de la mission, le carburant (déjà payé par les IK)."
        )
    return [*lignes, *_regle_tva(n), ""]


def _regle_tva(n: Note) -> list[str]:
    if n.niveau == 1:
        return []
    if not n.tva_recuperable:
        return ["- L'organisation n'est pas assujettie à la TVA : elle ne récupère aucune TVA."]
    if n.niveau == 3:
        return ["- L'organisation récupère la TVA des dépenses quand la loi le permet."]
    return [
        "- L'organisation récupère la TVA des repas, des péages et des parkings.",
        "- Elle ne récupère pas la TVA de l'hôtel (logement du personnel).",
    ]


def _vehicules(n: Note) -> list[str]:
    lignes = [
        "### Les kilomètres",
        "",
        "| Véhicule | Km professionnels déjà faits cette année | IK déjà versées cette année "
        "| Km de ce déplacement |",
        "|---|---:|---:|---:|",
    ]
    for v in n.vehicules:
        deja = bareme(v.cv, v.km_anterieurs)
        lignes.append(
            f"| {cellule(v.libelle)} | {_km(v.km_anterieurs)} | {euros(deja)} | {_km(v.km)} |"
        )
    if len(n.vehicules) > 1:
        lignes += [
            "",
            "Au retour, sa voiture est tombée en panne : il a fini avec la voiture de son "
            "conjoint, qu'il utilise aussi pour son travail cette année.",
        ]
    return [*lignes, "", *_bareme(n), ""]


def _bareme(n: Note) -> list[str]:
    lignes = [
        "Barème kilométrique (d = distance professionnelle de l'année avec ce véhicule) :",
        "",
        "| Puissance | d jusqu'à 5 000 km | d de 5 001 à 20 000 km | d au-delà de 20 000 km |",
        "|---|---|---|---|",
    ]
    vus: list[int] = []
    for v in n.vehicules:
        p = puissance(v.cv)
        if p.cv in vus:
            continue
        vus.append(p.cv)
        t1, t2, t3 = (f"{t.a}".replace(".", ",") for t in p.tranches)
        b = euros(p.tranches[1].b, symbol=False)
        lignes.append(f"| {p.libelle} | d × {t1} | (d × {t2}) + {b} | d × {t3} |")
    return lignes


def _tva(j: Justificatif) -> str:
    if not j.fourni:
        return "—"  # no receipt, so nothing shows the VAT
    return f"{euros(j.tva)} ({TAUX.display(j.taux_tva)})"


def _note(n: Note) -> list[str]:
    lignes = [
        f"### La note de frais {de(n.ordre.salarie)}",
        "",
        "| N° | Date | Dépense | Montant TTC | dont TVA | Justificatif |",
        "|---|---|---|---:|---:|---|",
    ]
    for j in n.justificatifs:
        ailleurs = " (payé à l'étranger)" if j.etranger else ""
        fourni = "joint" if j.fourni else "**non fourni**"
        lignes.append(
            f"| {j.numero} | {_jour(j.jour)} | {NATURES[j.nature]} : {cellule(j.libelle)}"
            f"{ailleurs} | {euros(j.ttc)} | {_tva(j)} | {fourni} |"
        )
    return [*lignes, ""]


def _methode(n: Note) -> list[str]:
    v = n.vehicules[0]
    a = f"{puissance(v.cv).tranches[0].a}".replace(".", ",")
    return [
        "### Méthode",
        "",
        f"- IK = km × {a} (première tranche du barème : moins de 5 000 km dans l'année).",
        "- Budget hébergement = nuits × plafond par nuit ; budget repas = repas × plafond.",
        "- Montant retenu = le montant du ticket, ou le plafond s'il est dépassé.",
        "- À rembourser = total des frais retenus − avance.",
        "",
    ]


def _comptes(n: Note) -> str:
    tva = "44566 TVA déductible, " if n.tva_recuperable else ""
    return (
        "L'écriture de la note de frais (journal des opérations diverses) : 6251 Voyages et "
        f"déplacements (IK, péages, parkings), 6256 Missions (repas et hôtel), {tva}425 "
        "Personnel – avances et acomptes (l'avance), 421 Personnel – rémunérations dues (le "
        "reste, payé avec le salaire)."
    )


def a_faire(n: Note) -> list[str]:
    """The numbered list of what to do, in the order of the form."""
    comme = ", calculée comme à l'étape 2" if n.niveau > 1 else ""
    etapes = [
        f"Le budget de l'ordre de mission : transport (IK sur la distance prévue{comme}), "
        "hébergement, repas, et le total.",
    ]
    if n.niveau > 1:
        etapes.append(
            "Pour chaque véhicule : la distance professionnelle de l'année (km déjà faits + km "
            "du déplacement), l'IK de l'année au barème, puis l'IK de ce déplacement "
            "(IK de l'année − IK déjà versées)."
        )
    else:
        etapes.append("L'indemnité kilométrique (IK) de ce déplacement.")
    tva = " et la TVA récupérable (0 si aucune)" if n.niveau > 1 and n.tva_recuperable else ""
    etapes += [
        f"Pour chaque dépense : votre décision, le montant retenu (0 si refusée){tva}.",
        "Le total des frais retenus (IK + dépenses retenues).",
        "Le montant à rembourser au salarié.",
    ]
    if n.niveau > 1:
        etapes.append(
            "L'écart avec le budget : total des frais retenus − total du budget "
            "(négatif : le budget est respecté)."
        )
    if n.niveau > 1:
        ht = " Montants HT quand la TVA est récupérée." if n.tva_recuperable else ""
        etapes.append(_comptes(n) + ht)
    lignes = ["### À faire", "", "Arrondissez chaque montant au centime le plus proche.", ""]
    return lignes + [f"{i}. {etape}" for i, etape in enumerate(etapes, 1)]


def enonce(org: Any, p: dict[str, Any], niveau: int) -> str:
    """The French Markdown statement."""
    n = lire_params(p)
    lignes = [
        f"## Le déplacement {de(n.ordre.salarie)}",
        "",
        "### La situation",
        "",
        *_situation(org, n),
        *_ordre(n),
        *_regles(n),
        *_vehicules(n),
        *_note(n),
    ]
    if niveau == 1:
        lignes += _methode(n)
    lignes += a_faire(n)
    return "\n".join(lignes) + "\n"
