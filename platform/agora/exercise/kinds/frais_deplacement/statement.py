"""The French statement of a ``frais_deplacement`` variant: the travel order, the organisation's
rules, the cars and the barème lines, the expense report, then the numbered list of what to
fill in, in the form's order."""

from __future__ import annotations

from typing import Any

from agora.calendrier import date_courte, date_longue
from agora.content.geographie import commune
from agora.exercise.enonce import au_service, tete
from agora.exercise.fields import TAUX
from agora.exercise.kinds.frais_deplacement.params import Justificatif, Note, Vehicule, lire_params
from agora.exercise.kinds.frais_deplacement.regles import Puissance, load_frais, puissance
from agora.exercise.kinds.frais_deplacement.solve import bareme
from agora.exercise.markdown import NBSP, cellule, milliers, numerotee, section, tableau, texte
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


def _km(km: int) -> str:
    return f"{milliers(km)}{NBSP}km"


def _situation(org: Any, n: Note) -> list[str]:
    o = n.ordre
    return [
        au_service(org, "administratif"),
        f"**{o.salarie}** ({o.emploi}) part en déplacement professionnel.",
        *_traversee(org),
        "Vous préparez le budget de son ordre de mission.",
        f"À son retour, le {date_longue(n.date_note)}, vous contrôlez sa note de frais.",
    ]


def _traversee(org: Any) -> list[str]:
    """From an island, the car crosses by ferry: where its kilometres start (deplacements)."""
    port = commune(org.adresse.code_postal, org.adresse.ville).port_continent
    if port is None:
        return []
    return [
        f"La voiture traverse en ferry jusqu'à {port} (billet réglé directement par "
        f"l'organisation) : les kilomètres se comptent à partir du port de {port}."
    ]


def _ordre(n: Note) -> list[str]:
    o = n.ordre
    rangs = [
        ("Salarié", f"{o.salarie}, {o.emploi}"),
        ("Objet", o.objet),
        ("Lieu", o.lieu),
        ("Départ", date_courte(o.depart)),
        ("Retour", date_courte(o.retour)),
        ("Transport", f"voiture personnelle ({n.vehicules[0].libelle})"),
        ("Distance prévue (aller et retour)", _km(o.km_prevus)),
        ("Nuits prévues", str(o.nuits)),
        ("Repas prévus", str(o.repas)),
        ("Avance versée au départ", euros(o.avance) if o.avance else "aucune"),
    ]
    rangees = [(titre, cellule(valeur)) for titre, valeur in rangs]
    return section(
        f"### L'ordre de mission n° {o.numero}", *tableau(("Rubrique", "Détail"), rangees)
    )


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
    colonnes = (
        "Véhicule",
        "Km professionnels déjà faits cette année",
        "IK déjà versées cette année",
        "Km de ce déplacement",
    )
    lignes = tableau(colonnes, map(_vehicule, n.vehicules), "<>>>")
    if len(n.vehicules) > 1:
        lignes += [
            "",
            "Au retour, sa voiture est tombée en panne : la fin du trajet s'est faite avec "
            "l'autre voiture du foyer, utilisée aussi pour son travail cette année.",
        ]
    return section("### Les kilomètres", *lignes, "", *_bareme(n))


def _vehicule(v: Vehicule) -> tuple[str, ...]:
    """A car's row: its kilometres of the year so far, the IK they were paid, this trip's."""
    deja = euros(bareme(v.cv, v.km_anterieurs))
    return (cellule(v.libelle), _km(v.km_anterieurs), deja, _km(v.km))


def _bareme(n: Note) -> list[str]:
    """The barème's lines of the cars' powers, each once, its bands named from its thresholds."""
    bas, haut = load_frais().bareme_kilometrique.seuils_km
    jusqua, apres, audela = (milliers(km, " ") for km in (bas, bas + 1, haut))
    bandes = (f"d jusqu'à {jusqua} km", f"d de {apres} à {audela} km", f"d au-delà de {audela} km")
    puissances = {p.cv: p for p in (puissance(v.cv) for v in n.vehicules)}
    return [
        "Barème kilométrique (d = distance professionnelle de l'année avec ce véhicule) :",
        "",
        *tableau(("Puissance", *bandes), map(_formules, puissances.values())),
    ]


def _formules(p: Puissance) -> tuple[str, ...]:
    """A power's row of the barème: the amount of each band, d × a (+ b)."""
    t1, t2, t3 = (f"{t.a}".replace(".", ",") for t in p.tranches)
    b = euros(p.tranches[1].b, symbol=False)
    return (p.libelle, f"d × {t1}", f"(d × {t2}) + {b}", f"d × {t3}")


def _tva(j: Justificatif) -> str:
    if not j.fourni:
        return "—"  # no receipt, so nothing shows the VAT
    return f"{euros(j.tva)} ({TAUX.display(j.taux_tva)})"


def _note(n: Note) -> list[str]:
    colonnes = ("N°", "Date", "Dépense", "Montant TTC", "dont TVA", "Justificatif")
    rangees = [
        (
            j.numero,
            date_courte(j.jour),
            f"{NATURES[j.nature]} : {cellule(j.libelle)}"
            + (" (payé à l'étranger)" if j.etranger else ""),
            euros(j.ttc),
            _tva(j),
            "joint" if j.fourni else "**non fourni**",
        )
        for j in n.justificatifs
    ]
    return section(
        f"### La note de frais {de(n.ordre.salarie)}", *tableau(colonnes, rangees, "<<<>><")
    )


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
    return lignes + numerotee(etapes)


def enonce(org: Any, p: dict[str, Any], niveau: int) -> str:
    """The French Markdown statement."""
    n = lire_params(p)
    return texte(
        tete(f"## Le déplacement {de(n.ordre.salarie)}", *_situation(org, n)),
        _ordre(n),
        _regles(n),
        _vehicules(n),
        _note(n),
        _methode(n) if niveau == 1 else [],
        a_faire(n),
    )
