"""The params of a ``frais_deplacement`` variant: the travel order, the organisation's ceilings,
the vehicles and the receipts of the expense report, read into typed objects or refused in one
French line."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from operator import itemgetter
from typing import Any, NamedTuple

from agora.errors import InvalidInput
from agora.exercise.params import MONTANT_ECRIT, lire_liste, lire_montant, lire_objet
from agora.money import cents

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "frais_deplacement"

ZONES = ("province", "paris", "etranger")
# What a receipt pays for; repas and hotel have a ceiling, the others go to 6251.
NATURES = ("repas", "hotel", "peage", "parking", "carburant", "divers")
MAX_TAUX_TVA = Decimal(30)  # receipts abroad carry their country's rates (6 %, 12 %, 21 %…)
MAX_JUSTIFICATIFS = 16  # level 3 in Italy: 12 receipts and the Italian tolls
MAX_VEHICULES = 2
MAX_KM = 100_000
CENT_POUR_CENT = Decimal(100)


class Ordre(NamedTuple):
    """The travel order (ordre de mission): who goes where, when, and the advance paid. (The
    params' objects are named tuples, not frozen dataclasses: read anew at every grade, and
    built twice as fast.)"""

    numero: str
    salarie: str
    emploi: str
    objet: str
    lieu: str
    zone: str
    depart: date
    retour: date
    km_prevus: int
    nuits: int
    repas: int
    avance: Decimal


class Vehicule(NamedTuple):
    """The traveller's own car: fiscal power, km already driven for work this year, km now."""

    libelle: str
    cv: int
    km_anterieurs: int
    km: int


class Justificatif(NamedTuple):
    """One line of the expense report as the employee wrote it."""

    numero: str
    jour: date
    nature: str
    libelle: str
    ttc: Decimal
    taux_tva: Decimal
    fourni: bool  # the receipt is attached
    personnel: bool  # a private expense (what the statement's wording shows)
    etranger: bool  # paid abroad: its VAT is foreign

    @property
    def tva(self) -> Decimal:
        """The VAT the receipt shows: TTC × rate ÷ (100 + rate), to the cent."""
        return cents(self.ttc * self.taux_tva / (CENT_POUR_CENT + self.taux_tva))


class Note(NamedTuple):
    """Typed, validated params of one trip and its expense report."""

    niveau: int
    tva_recuperable: bool
    plafond_repas: Decimal
    plafond_nuit: Decimal
    ordre: Ordre
    vehicules: tuple[Vehicule, ...]
    justificatifs: tuple[Justificatif, ...]
    date_note: date

    @property
    def piece(self) -> str:
        return f"NF-{self.ordre.numero.removeprefix('OM-')}"

    def pendant_la_mission(self, jour: date) -> bool:
        return self.ordre.depart <= jour <= self.ordre.retour


def _refus(ou: str, quoi: str, champ: str = "") -> InvalidInput:
    """The refusal of the value at ``ou`` (``champ``: its key there, joined only now: a
    receipt's nine locations are not worth writing out while nothing is refused)."""
    return InvalidInput(f"Paramètres : {ou}{'.' if champ else ''}{champ} — {quoi}.")


def _rangs(raw: Any, ou: str, maximum: int) -> list[dict[str, Any]]:
    lignes = lire_liste(raw, ou, maximum, minimum=1)
    for i, ligne in enumerate(lignes):
        if not isinstance(ligne, dict):
            lire_objet(ligne, f"{ou} {i + 1}")  # refuses the row, named (only now: speed)
    return lignes


def _entier(raw: Any, ou: str, bas: int, haut: int, champ: str = "") -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or not bas <= raw <= haut:
        raise _refus(ou, f"un entier de {bas} à {haut} est attendu", champ)
    return raw


def _jour(raw: Any, ou: str, champ: str = "") -> date:
    try:
        return date.fromisoformat(raw)
    except (TypeError, ValueError):
        raise _refus(ou, "une date ISO (2026-03-10) est attendue", champ) from None


def _texte(raw: Any, ou: str, champ: str = "") -> str:
    if not isinstance(raw, str) or not raw.strip() or len(raw) > 160:
        raise _refus(ou, "un texte court est attendu", champ)
    return raw


def _parmi(raw: Any, ou: str, valeurs: tuple[str, ...], champ: str = "") -> str:
    if not isinstance(raw, str) or raw not in valeurs:
        raise _refus(ou, f"valeur attendue parmi {', '.join(valeurs)}", champ)
    return raw


def _oui_non(raw: Any, ou: str, champ: str = "") -> bool:
    if not isinstance(raw, bool):
        raise _refus(ou, "true ou false est attendu", champ)
    return raw


def _montant(raw: Any, ou: str, champ: str) -> Decimal:
    """``lire_montant`` of the receipt's field, at once when written as generate writes it."""
    if type(raw) is str and MONTANT_ECRIT.fullmatch(raw):
        return Decimal(raw)
    return lire_montant(raw, f"{ou}.{champ}")


def _ordre(raw: Any) -> Ordre:
    o = lire_objet(raw, "ordre")
    ordre = Ordre(
        numero=_texte(o.get("numero"), "ordre.numero")[:20],
        salarie=_texte(o.get("salarie"), "ordre.salarie"),
        emploi=_texte(o.get("emploi"), "ordre.emploi"),
        objet=_texte(o.get("objet"), "ordre.objet"),
        lieu=_texte(o.get("lieu"), "ordre.lieu"),
        zone=_parmi(o.get("zone"), "ordre.zone", ZONES),
        depart=_jour(o.get("depart"), "ordre.depart"),
        retour=_jour(o.get("retour"), "ordre.retour"),
        km_prevus=_entier(o.get("km_prevus"), "ordre.km_prevus", 1, 5_000),
        nuits=_entier(o.get("nuits"), "ordre.nuits", 0, 20),
        repas=_entier(o.get("repas"), "ordre.repas", 0, 40),
        avance=lire_montant(o.get("avance"), "ordre.avance"),
    )
    if not 0 <= (ordre.retour - ordre.depart).days <= 20:
        raise _refus("ordre.retour", "le retour suit le départ de 0 à 20 jours")
    return ordre


def _vehicule(v: dict[str, Any], ou: str) -> Vehicule:
    return Vehicule(
        libelle=_texte(v.get("libelle"), ou, "libelle"),
        cv=_entier(v.get("cv"), ou, 1, 7, "cv"),
        km_anterieurs=_entier(v.get("km_anterieurs"), ou, 0, MAX_KM, "km_anterieurs"),
        km=_entier(v.get("km"), ou, 1, 5_000, "km"),
    )


# A receipt's fields, in the order of a Justificatif.
_CHAMPS_JUSTIFICATIF = itemgetter(
    "numero", "date", "nature", "libelle", "ttc", "taux_tva", "fourni", "personnel", "etranger"
)


def _justificatif(j: dict[str, Any], ou: str) -> Justificatif:
    """A receipt: at once when every field is written as generate writes it (a grade reads a
    dozen), else field by field, the first wrong one refused."""
    try:
        numero, jour, nature, libelle, ttc, taux, fourni, personnel, etranger = (
            _CHAMPS_JUSTIFICATIF(j)
        )
    except KeyError:
        return _justificatif_lu(j, ou)
    if not (
        _texte_court(numero)
        and type(jour) is str
        and nature in NATURES
        and _texte_court(libelle)
        and type(ttc) is str
        and type(taux) is str
        and MONTANT_ECRIT.fullmatch(ttc)
        and MONTANT_ECRIT.fullmatch(taux)
        and type(fourni) is bool
        and type(personnel) is bool
        and type(etranger) is bool
    ):
        return _justificatif_lu(j, ou)
    taux_tva = Decimal(taux)
    try:
        jour = date.fromisoformat(jour)
    except ValueError:
        return _justificatif_lu(j, ou)
    if taux_tva > MAX_TAUX_TVA:
        return _justificatif_lu(j, ou)
    return Justificatif(
        numero[:10], jour, nature, libelle, Decimal(ttc), taux_tva, fourni, personnel, etranger
    )


def _texte_court(raw: Any) -> bool:
    """What ``_texte`` accepts (strip() leaves something: not only spaces)."""
    return type(raw) is str and 0 < len(raw) <= 160 and not raw.isspace()


def _justificatif_lu(j: dict[str, Any], ou: str) -> Justificatif:
    """A receipt read field by field: the first wrong field refused, in one French line."""
    get = j.get
    taux = _montant(get("taux_tva"), ou, "taux_tva")
    if taux > MAX_TAUX_TVA:
        raise _refus(ou, f"un taux de 0 à {MAX_TAUX_TVA} % est attendu", "taux_tva")
    return Justificatif(
        _texte(get("numero"), ou, "numero")[:10],
        _jour(get("date"), ou, "date"),
        _parmi(get("nature"), ou, NATURES, "nature"),
        _texte(get("libelle"), ou, "libelle"),
        _montant(get("ttc"), ou, "ttc"),
        taux,
        _oui_non(get("fourni"), ou, "fourni"),
        _oui_non(get("personnel"), ou, "personnel"),
        _oui_non(get("etranger"), ou, "etranger"),
    )


def lire_params(params: Any) -> Note:
    """Validate the contract params; InvalidInput with one French line when they are unusable."""
    p = lire_objet(params, "l'ensemble")
    plafonds = lire_objet(p.get("plafonds"), "plafonds")
    note = Note(
        niveau=_entier(p.get("niveau"), "niveau", 1, 3),
        tva_recuperable=_oui_non(p.get("tva_recuperable"), "tva_recuperable"),
        plafond_repas=lire_montant(plafonds.get("repas"), "plafonds.repas"),
        plafond_nuit=lire_montant(plafonds.get("nuit"), "plafonds.nuit"),
        ordre=_ordre(p.get("ordre")),
        vehicules=tuple(
            _vehicule(v, f"vehicules {i + 1}")
            for i, v in enumerate(_rangs(p.get("vehicules"), "vehicules", MAX_VEHICULES))
        ),
        justificatifs=tuple(
            _justificatif(j, f"justificatifs {i + 1}")
            for i, j in enumerate(
                _rangs(p.get("justificatifs"), "justificatifs", MAX_JUSTIFICATIFS)
            )
        ),
        date_note=_jour(p.get("date_note"), "date_note"),
    )
    if note.plafond_repas <= 0 or note.plafond_nuit <= 0:
        raise _refus("plafonds", "des plafonds positifs sont attendus")
    return note


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """Validate params from outside; InvalidInput with one French line when unusable."""
    lire_params(params)
    return params
