"""A ``tableau_de_bord_social`` variant drawn from the organisation: its staff register for the
year (all its employees, from level 2 a few departures), the monthly headcounts, the hours, the
absences and the accidents; level 1 has one duplicate, level 2 two anomalies among four checks,
level 3 three anomalies plus traps (commuting accident, training and paid leave in the absence
table). The staff on 31 December is the organisation's, the headcount every other kind tells."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from faker.providers.person.fr_FR import Provider as Prenoms

from agora.exercise.base import generateur
from agora.exercise.kinds.tableau_de_bord_social import statement
from agora.exercise.kinds.tableau_de_bord_social.params import CONTROLES, GRAPHIQUES, NAME
from agora.exercise.kinds.tableau_de_bord_social.regles import bornes, motif_compte

ANNEE = 2025
REFERENCE = date(ANNEE, 12, 31)
FEMININS = frozenset(Prenoms.first_names_female)
HEURES_ANNUELLES = 1607  # legal yearly hours of a full-time job (Code du travail, L3121-41)


def _jour(rng: random.Random, annee: int, mois: tuple[int, int] = (1, 12)) -> date:
    return date(annee, rng.randint(*mois), rng.randint(1, 28))


def _ligne(
    matricule: str,
    prenom: str,
    nom: str,
    sexe: str,
    naissance: date,
    entree: date,
    sortie: date | None = None,
) -> dict[str, Any]:
    return {
        "matricule": matricule,
        "nom": nom,
        "prenom": prenom,
        "sexe": sexe,
        "naissance": naissance.isoformat(),
        "entree": entree.isoformat(),
        "sortie": sortie.isoformat() if sortie else None,
    }


class Registre:
    """The staff register being drawn: every employee of the organisation (all hired before the
    first of January that follows the year, so all present on 31 December), then the people
    who left during the year and a row with reversed dates, who are not on its staff."""

    def __init__(self, rng: random.Random, org: Any):
        self.rng = rng
        self.lignes = [
            _ligne(
                s.id,
                s.prenom,
                s.nom,
                "F" if s.prenom in FEMININS else "H",
                s.date_naissance,
                s.date_entree,
            )
            for s in org.salaries
        ]
        # Who may get a drawn birth date: adults (a minor's age rules other kinds' stories).
        self.majeurs = [s.id for s in org.salaries if s.age_le(REFERENCE) >= 18]
        self.rang = max((int(s.id.lstrip("E")) for s in org.salaries), default=0)

    def renee(self, naissance: date, erreur: bool = False) -> bool:
        """The register gives one of the adults not yet re-dated the birth date ``naissance``:
        a typing error to report (``erreur``), or a trap at a band's bound, then among those it
        leaves 16 on their entry. False when none is left."""
        seize = "" if erreur else naissance.replace(year=naissance.year + 16).isoformat()
        lignes = [g for g in self.lignes if g["matricule"] in self.majeurs and g["entree"] >= seize]
        if not lignes:
            return False
        ligne = self.rng.choice(lignes)
        ligne["naissance"] = naissance.isoformat()
        self.majeurs.remove(ligne["matricule"])
        return True

    def ajoute(self, naissance: date, entree: date, sortie: date | None = None) -> str:
        """A new person with a drawn name; their matricule."""
        self.rang += 1
        sexe = self.rng.choice(("F", "H"))
        prenoms = Prenoms.first_names_female if sexe == "F" else Prenoms.first_names_male
        prenom, nom = self.rng.choice(prenoms), self.rng.choice(Prenoms.last_names)
        matricule = f"E{self.rang}"
        self.lignes.append(_ligne(matricule, prenom, nom, sexe, naissance, entree, sortie))
        return matricule


def _pieges_ages(rng: random.Random, r: Registre, bilan: date, niveau: int) -> None:
    """An employee exactly 25, 35, 45 or 55 on 31 December (the band's lower bound); from
    level 2, one a year younger whose birthday falls before the day of the work. A bound that
    no employee's entry date allows gives way to another (55 suits every adult: born in 1970
    or 1971, 16 before any organisation was created)."""
    for b in rng.sample(bornes(), len(bornes())):
        if r.renee(date(ANNEE - b, rng.randint(bilan.month + 1, 12), rng.randint(1, 28))):
            break
    if niveau > 1:
        for b in rng.sample(bornes(), len(bornes())):
            dernier = bilan.day if bilan.month == 1 else 28
            if r.renee(date(ANNEE + 1 - b, 1, rng.randint(2, dernier))):
                break


def _anomalies(rng: random.Random, r: Registre, niveau: int) -> set[str]:
    """The anomalies put in the data: at level 1 a duplicate, then 2 or 3 of the four."""
    choisies = {"doublon"} if niveau == 1 else set(rng.sample(CONTROLES, niveau))
    if "age" in choisies:  # a typing error in an employee's birth date
        naissance = rng.choice(
            (_jour(rng, rng.randint(2010, 2013)), _jour(rng, rng.randint(1945, 1953)))
        )
        r.renee(naissance, erreur=True)
    if "dates" in choisies:
        entree = _jour(rng, ANNEE, (7, 11))
        r.ajoute(
            _jour(rng, rng.randint(1970, 2002)), entree, entree - timedelta(rng.randint(60, 150))
        )
    if niveau > 1:  # people who left during the year: on the register, not in the pyramid
        for _ in range(rng.randint(1, 2)):
            sortie = _jour(rng, ANNEE, (2, 11))
            r.ajoute(
                _jour(rng, rng.randint(1965, 2003)), _jour(rng, rng.randint(2012, 2024)), sortie
            )
    if "doublon" in choisies:
        copie = rng.choice(r.lignes[: len(r.lignes) // 2 + 1])
        r.lignes.insert(rng.randint(r.lignes.index(copie) + 2, len(r.lignes)), dict(copie))
    return choisies


def _mois(r: Registre, incoherent: bool, rng: random.Random) -> tuple[int, list]:
    """The headcount at 1 January and the 12 months (entries, exits, end headcount), from the
    register's dates (each person once, the row with reversed dates left out)."""
    e, s = [0] * 12, [0] * 12
    vus: set[str] = set()
    presents = 0
    for ligne in r.lignes:
        entree, sortie = ligne["entree"], ligne["sortie"]
        if ligne["matricule"] in vus or (sortie is not None and sortie < entree):
            continue
        vus.add(ligne["matricule"])
        presents += sortie is None
        if entree.startswith(str(ANNEE)):
            e[int(entree[5:7]) - 1] += 1
        if sortie is not None and sortie.startswith(str(ANNEE)):
            s[int(sortie[5:7]) - 1] += 1
    effectif = debut = presents - sum(e) + sum(s)
    mois = []
    for k in range(12):
        effectif += e[k] - s[k]
        mois.append({"entrees": e[k], "sorties": s[k], "effectif_fin": effectif})
    if incoherent:  # an entry typed in the table that the headcount does not show
        mois[rng.randrange(11)]["entrees"] += 1
    return debut, mois


def _accidents(rng: random.Random, r: Registre, niveau: int) -> list[dict[str, Any]]:
    """Accidents of people on the staff that day: with stoppage, from level 2 one without,
    at level 3 a commuting accident."""
    sortes = [("travail", True)] * rng.randint(1, niveau)
    if niveau > 1:
        sortes.append(("travail", False))
    if niveau == 3:
        sortes.append(("trajet", True))
    jours = sorted(_jour(rng, ANNEE) for _ in sortes)
    accidents = []
    for jour, (nature, arret) in zip(jours, sortes, strict=True):
        la = jour.isoformat()
        noms = [
            f"{x['prenom']} {x['nom']}"
            for x in r.lignes
            if x["entree"] <= la and (x["sortie"] or "9999") > max(la, x["entree"])
        ]
        accidents.append(
            {
                "date": la,
                "salarie": rng.choice(noms or [f"{r.lignes[0]['prenom']} {r.lignes[0]['nom']}"]),
                "nature": nature,
                "arret": arret,
                "jours_perdus": rng.randint(2, 45) if arret else 0,
            }
        )
    return accidents


def _heures(rng: random.Random, p: dict[str, Any], niveau: int) -> None:
    """Theoretical hours from the monthly headcounts, the absences by reason, the hours worked."""
    theoriques = Decimal(sum(m["effectif_fin"] for m in p["mois"]) * HEURES_ANNUELLES // 12)
    jours_at = sum(a["jours_perdus"] for a in p["accidents"])
    absences = {
        "maladie": theoriques * rng.randint(20, 55) / 1000,
        "accident_travail": Decimal(jours_at * 5),
    }
    if niveau > 1:
        absences["absence_injustifiee"] = Decimal(rng.randint(7, 60))
    if niveau == 3:
        absences["formation"] = Decimal(rng.randint(5, 20) * 7)
        absences["conges_payes"] = Decimal(rng.randint(20, 60) * 7)
    lignes = [(m, (h * 2).quantize(Decimal(1)) / 2) for m, h in absences.items()]
    comptees = sum(h for m, h in lignes if motif_compte(m))
    supplementaires = Decimal(rng.randint(0, 60) * 5) / 2
    p["heures_theoriques"] = str(theoriques)
    p["heures_travaillees"] = str(theoriques - comptees + supplementaires)
    p["absences"] = [{"motif": m, "heures": str(h)} for m, h in lignes]


def params(rng: random.Random, org: Any, niveau: int) -> dict[str, Any]:
    """Contract params for the level."""
    bilan = date(ANNEE + 1, rng.randint(1, 3), rng.randint(12, 28))
    r = Registre(rng, org)
    _pieges_ages(rng, r, bilan, niveau)
    choisies = _anomalies(rng, r, niveau)
    debut, mois = _mois(r, "effectif" in choisies, rng)
    p: dict[str, Any] = {
        "niveau": niveau,
        "annee": ANNEE,
        "date_reference": REFERENCE.isoformat(),
        "date_bilan": bilan.isoformat(),
        "effectif_debut": debut,
        "mois": mois,
        "accidents": _accidents(rng, r, niveau),
    }
    _heures(rng, p, niveau)
    p["personnel"] = r.lignes
    p["graphiques"] = list(GRAPHIQUES[:2] if niveau == 1 else GRAPHIQUES)
    p["controles"] = ["doublon"] if niveau == 1 else list(CONTROLES)
    ordre = (
        "niveau",
        "annee",
        "date_reference",
        "date_bilan",
        "effectif_debut",
        "mois",
        "heures_theoriques",
        "heures_travaillees",
        "absences",
        "accidents",
        "personnel",
        "graphiques",
        "controles",
    )
    return {cle: p[cle] for cle in ordre}


# A variant drawn from the organisation: its staff, its year, its sector.
generate = generateur(NAME, params, statement.enonce)
