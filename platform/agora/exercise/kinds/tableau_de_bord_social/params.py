"""The params of a ``tableau_de_bord_social`` variant: a year of the organisation's staff data
(monthly headcounts and movements, hours, absences by reason, accidents, the staff register),
read into typed objects or refused in one French line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import repeat
from operator import itemgetter
from typing import Any

from agora.exercise import params as kit

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "tableau_de_bord_social"

MOTIFS = {
    "maladie": "Maladie",
    "accident_travail": "Accident du travail ou de trajet",
    "absence_injustifiee": "Absence injustifiée",
    "conges_payes": "Congés payés",
    "formation": "Formation",
}
NATURES_ACCIDENT = ("travail", "trajet")
SEXES = ("F", "H")
# The charts the student chooses, in the form's order.
GRAPHIQUES = (
    "evolution_effectif",
    "pyramide_ages",
    "absences_par_motif",
    "absenteisme_par_service",
)
# The checks of the data (1.3.1), in the form's order.
CONTROLES = ("doublon", "age", "dates", "effectif")
MAX_PERSONNEL = 60
MAX_ACCIDENTS = 10
MAX_EFFECTIF = 10_000
MAX_HEURES = Decimal(20_000_000)
CENTIEME = Decimal("0.01")  # hours have two decimals at most
CODES_MOTIFS = tuple(MOTIFS)  # the reasons an absence may have, as code_attendu lists them


# The typed params are plain dataclasses, not frozen ones: a frozen dataclass's __init__ sets
# each field through object.__setattr__, several times slower, and the params are read again at
# every grade. Nothing changes them once read. The rows (up to 60 people a register) have slots:
# no dict of attributes to make for each.
@dataclass(slots=True)
class Mois:
    """One month of the headcount table, as the payroll software printed it."""

    entrees: int
    sorties: int
    effectif_fin: int


@dataclass(slots=True)
class Absence:
    motif: str
    heures: Decimal


@dataclass(slots=True)
class Accident:
    jour: date
    salarie: str
    nature: str  # travail | trajet
    arret: bool
    jours_perdus: int


@dataclass(slots=True)
class Personne:
    """One row of the staff register (a duplicate row repeats a matricule)."""

    matricule: str
    nom: str
    prenom: str
    sexe: str
    naissance: date
    entree: date
    sortie: date | None


@dataclass
class Donnees:
    """Typed, validated params of one year of staff data."""

    niveau: int
    annee: int
    date_reference: date
    date_bilan: date
    effectif_debut: int
    mois: tuple[Mois, ...]
    heures_theoriques: Decimal
    heures_travaillees: Decimal
    absences: tuple[Absence, ...]
    accidents: tuple[Accident, ...]
    personnel: tuple[Personne, ...]
    graphiques: tuple[str, ...]
    controles: tuple[str, ...]


def _entier(raw: Any, ou: str, haut: int, bas: int = 0) -> int:
    """A whole number written as a JSON integer (not a text), from ``bas`` to ``haut``."""
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise kit.refus(ou, "un nombre entier est attendu")
    valeur = kit.lire_entier(raw, ou, haut)
    if valeur < bas:
        raise kit.refus(ou, f"un entier de {bas} à {haut} est attendu")
    return valeur


def _heures(raw: Any, ou: str) -> Decimal:
    valeur = kit.lire_nombre(raw, ou, "nombre d'heures")
    if not 0 <= valeur < MAX_HEURES or valeur != valeur.quantize(CENTIEME):
        raise kit.refus(ou, "un nombre d'heures positif (2 décimales au plus) est attendu")
    return valeur


def _rangs(raw: Any, ou: str, maximum: int, minimum: int = 1) -> list[dict[str, Any]]:
    """A list of JSON objects. A row's place (« mois 3 ») is spelled out only to refuse it:
    the params are read at every grade, and their rows almost never are refused."""
    lignes = kit.lire_liste(raw, ou, maximum, minimum=minimum)
    if not all(map(isinstance, lignes, repeat(dict))):  # every row an object, with no generator
        for i, r in enumerate(lignes):
            kit.lire_objet(r, _place(ou, i))
    return lignes


def _place(ou: str, i: int) -> str:
    """Where the row of index ``i`` stands, as a refusal names it: « personnel 3 »."""
    return f"{ou} {i + 1}"


def _noms(raw: Any, ou: str, valeurs: tuple[str, ...]) -> tuple[str, ...]:
    liste = kit.lire_liste(raw, ou, len(valeurs), minimum=1)
    choisis = tuple(kit.code_attendu(v, ou, valeurs) for v in liste)
    if len(set(choisis)) != len(choisis):
        raise kit.refus(ou, "chaque valeur une seule fois")
    return choisis


def _mois(m: dict[str, Any], i: int) -> Mois:
    """The month of index ``i``; three JSON integers in range read at once (speed: twelve rows
    a grade), anything else by ``_entier``, which says what is wrong."""
    entrees, sorties, fin = m.get("entrees"), m.get("sorties"), m.get("effectif_fin")
    if (  # the three tested at once, with no call
        type(entrees) is int
        and type(sorties) is int
        and type(fin) is int
        and 0 <= entrees <= MAX_EFFECTIF
        and 0 <= sorties <= MAX_EFFECTIF
        and 0 <= fin <= MAX_EFFECTIF
    ):
        return Mois(entrees, sorties, fin)
    ou = _place("mois", i)
    return Mois(
        entrees=_entier(m.get("entrees"), f"{ou}.entrees", MAX_EFFECTIF),
        sorties=_entier(m.get("sorties"), f"{ou}.sorties", MAX_EFFECTIF),
        effectif_fin=_entier(m.get("effectif_fin"), f"{ou}.effectif_fin", MAX_EFFECTIF),
    )


def _absence(a: dict[str, Any], i: int) -> Absence:
    ou = _place("absences", i)
    motif = kit.code_attendu(a.get("motif"), f"{ou}.motif", CODES_MOTIFS)
    return Absence(motif, _heures(a.get("heures"), f"{ou}.heures"))


def _accident(a: dict[str, Any], i: int) -> Accident:
    """The accident of index ``i``: the usual one read at once, any other by the field readers,
    which say what is wrong."""
    return _accident_usuel(a) or _accident_lu(a, _place("accidents", i))


# The fields of an accident, taken in one call.
_CHAMPS_ACCIDENT = itemgetter("date", "salarie", "nature", "arret", "jours_perdus")


def _accident_usuel(a: dict[str, Any]) -> Accident | None:
    """The accident when every field is as the readers of ``_accident_lu`` accept it, read
    without naming each field for a message; else None."""
    try:  # a field left out (KeyError), or a day lire_jour refuses
        jour, salarie, nature, arret, jours = _CHAMPS_ACCIDENT(a)
        jour = date.fromisoformat(jour)
    except (KeyError, TypeError, ValueError):
        return None
    if not (  # what texte_attendu, code_attendu, lire_booleen and _entier accept
        type(salarie) is str
        and len(salarie) <= 80
        and salarie.strip()
        and nature in NATURES_ACCIDENT
        and type(arret) is bool
        and type(jours) is int
        and 0 <= jours <= 366
        and (arret or not jours)  # no day lost without a stop
    ):
        return None
    return Accident(jour, salarie, nature, arret, jours)


def _accident_lu(a: dict[str, Any], ou: str) -> Accident:
    arret = kit.lire_booleen(a.get("arret"), f"{ou}.arret")
    jours = _entier(a.get("jours_perdus"), f"{ou}.jours_perdus", 366)
    if not arret and jours:
        raise kit.refus(f"{ou}.jours_perdus", "0 pour un accident sans arrêt")
    return Accident(
        jour=kit.lire_jour(a.get("date"), f"{ou}.date"),
        salarie=kit.texte_attendu(a.get("salarie"), f"{ou}.salarie", 80),
        nature=kit.code_attendu(a.get("nature"), f"{ou}.nature", NATURES_ACCIDENT),
        arret=arret,
        jours_perdus=jours,
    )


def _personne(p: dict[str, Any], i: int) -> Personne:
    """The row of index ``i`` of the register: the usual one read at once, any other by the
    field readers, which say what is wrong."""
    return _personne_usuelle(p) or _personne_lue(p, _place("personnel", i))


# The fields of a row of the register, taken in one call.
_CHAMPS_PERSONNE = itemgetter("matricule", "nom", "prenom", "sexe", "naissance", "entree", "sortie")


def _personne_usuelle(p: dict[str, Any]) -> Personne | None:
    """The row when every field is as the readers of ``_personne_lue`` accept it, read without
    naming each field for a message (speed: the register has up to 60 rows); else None."""
    try:
        matricule, nom, prenom, sexe, naissance, entree, sortie = _CHAMPS_PERSONNE(p)
    except KeyError:  # a field left out: _personne_lue names it
        return None
    if not (  # what texte_attendu and code_attendu accept, tested with no call
        type(matricule) is str
        and type(nom) is str
        and type(prenom) is str
        and len(matricule) <= 8
        and len(nom) <= 80
        and len(prenom) <= 80
        and matricule.strip()
        and nom.strip()
        and prenom.strip()
        and sexe in SEXES
    ):
        return None
    try:  # what lire_jour accepts (a non-text raises TypeError)
        naissance, entree = date.fromisoformat(naissance), date.fromisoformat(entree)
        sortie = None if sortie is None else date.fromisoformat(sortie)
    except (TypeError, ValueError):
        return None
    return Personne(matricule, nom, prenom, sexe, naissance, entree, sortie)


def _personne_lue(p: dict[str, Any], ou: str) -> Personne:
    sortie = p.get("sortie")
    return Personne(
        matricule=kit.texte_attendu(p.get("matricule"), f"{ou}.matricule", 8),
        nom=kit.texte_attendu(p.get("nom"), f"{ou}.nom", 80),
        prenom=kit.texte_attendu(p.get("prenom"), f"{ou}.prenom", 80),
        sexe=kit.code_attendu(p.get("sexe"), f"{ou}.sexe", SEXES),
        naissance=kit.lire_jour(p.get("naissance"), f"{ou}.naissance"),
        entree=kit.lire_jour(p.get("entree"), f"{ou}.entree"),
        sortie=None if sortie is None else kit.lire_jour(sortie, f"{ou}.sortie"),
    )


def lire_params(params: Any) -> Donnees:
    """Validate the contract params; InvalidInput with one French line when they are unusable."""
    p = kit.lire_objet(params, "l'ensemble")
    annee = _entier(p.get("annee"), "annee", 2100, 2000)
    d = Donnees(
        niveau=_entier(p.get("niveau"), "niveau", 3, 1),
        annee=annee,
        date_reference=kit.lire_jour(p.get("date_reference"), "date_reference"),
        date_bilan=kit.lire_jour(p.get("date_bilan"), "date_bilan"),
        effectif_debut=_entier(p.get("effectif_debut"), "effectif_debut", MAX_EFFECTIF),
        mois=tuple(_mois(m, i) for i, m in enumerate(_rangs(p.get("mois"), "mois", 12, 12))),
        heures_theoriques=_heures(p.get("heures_theoriques"), "heures_theoriques"),
        heures_travaillees=_heures(p.get("heures_travaillees"), "heures_travaillees"),
        absences=tuple(
            _absence(a, i) for i, a in enumerate(_rangs(p.get("absences"), "absences", len(MOTIFS)))
        ),
        accidents=tuple(
            _accident(a, i)
            for i, a in enumerate(_rangs(p.get("accidents"), "accidents", MAX_ACCIDENTS, 0))
        ),
        personnel=tuple(
            _personne(r, i)
            for i, r in enumerate(_rangs(p.get("personnel"), "personnel", MAX_PERSONNEL))
        ),
        graphiques=_noms(p.get("graphiques"), "graphiques", GRAPHIQUES),
        controles=_noms(p.get("controles"), "controles", CONTROLES),
    )
    if d.heures_theoriques <= 0 or d.heures_travaillees <= 0:
        raise kit.refus("heures", "des heures théoriques et travaillées positives sont attendues")
    if len({a.motif for a in d.absences}) != len(d.absences):
        raise kit.refus("absences", "un motif une seule fois")
    return d


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """Validate params from outside; InvalidInput with one French line when unusable."""
    lire_params(params)
    return params
