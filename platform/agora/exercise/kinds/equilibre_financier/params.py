"""The params of an ``equilibre_financier`` variant: the balance sheet read into typed objects,
refused in one French line when it cannot be analysed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Any, NamedTuple

from agora.errors import InvalidInput
from agora.exercise.kinds.equilibre_financier.regles import regles
from agora.exercise.params import MONTANT_ECRIT, code_connu, lire_objet
from agora.money import cents, contract_decimal, parse_decimal

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "equilibre_financier"
MAX_POSTES = 30  # lines of a balance sheet
_MAX_MONTANT = Decimal(1_000_000_000)
_ZERO = Decimal(0)

MASSE_DE = regles().masse_de()  # nature code -> its mass in the functional balance sheet
MASSES_ACTIF = (
    "emplois_stables",
    "actif_exploitation",
    "actif_hors_exploitation",
    "tresorerie_active",
)
MASSES_PASSIF = (
    "ressources_stables",
    "dettes_exploitation",
    "dettes_hors_exploitation",
    "tresorerie_passive",
)
MASSES = MASSES_ACTIF + MASSES_PASSIF
# Amortisations and impairments: written under the asset they reduce in an accounting balance
# sheet; a student who puts one in an asset mass deducts it (see solve.masses).
DEDUCTIONS = ("amortissement", "depreciation_circulant")
HORS_EXPLOITATION = ("creance_hors_exploitation", "dette_immobilisation")
STATUTS = ("entreprise", "association", "service_public")
PRESENTATIONS = ("fonctionnel", "comptable")


class Poste(NamedTuple):
    """One line of the balance sheet (wording, nature as in regles, amount in euros)."""

    libelle: str
    nature: str
    montant: Decimal

    @property
    def masse(self) -> str:
        """Where the line goes in the functional balance sheet."""
        return MASSE_DE[self.nature]


@dataclass(frozen=True)
class Bilan:
    """Typed, validated params: who it is, how the sheet is shown, and its lines."""

    statut: str
    presentation: str
    postes: tuple[Poste, ...]

    @property
    def comptable(self) -> bool:
        """Level 3: an accounting balance sheet the student reclassifies line by line."""
        return self.presentation == "comptable"

    def total(self, *natures: str) -> Decimal:
        return sum((self.totaux.get(n, _ZERO) for n in natures), _ZERO)

    @cached_property
    def totaux(self) -> dict[str, Decimal]:
        """Each nature's lines summed, once: the checks and each run of the analysis ask for
        totals a dozen times (sums of cents, exact: the order of the additions changes nothing)."""
        totaux: dict[str, Decimal] = {}
        for p in self.postes:
            totaux[p.nature] = totaux.get(p.nature, _ZERO) + p.montant
        return totaux


def _ligne(i: int) -> str:
    """Where line ``i`` is, as a refusal says it (written only then: a sheet has 30 lines)."""
    return f"la ligne {i + 1}"


def _montant(raw: Any, i: int) -> Decimal:
    """The amount of line ``i``."""
    if type(raw) is str and MONTANT_ECRIT.fullmatch(raw):
        return Decimal(raw)
    if isinstance(raw, bool) or raw is None:
        raise InvalidInput(f"Paramètres : le montant de {_ligne(i)} manque.")
    valeur = contract_decimal(raw)
    if valeur is None:
        texte = repr(raw) if isinstance(raw, float) else raw
        try:
            valeur = parse_decimal(texte if isinstance(texte, (int, str)) else str(texte)[:40])
        except InvalidInput as error:
            raise InvalidInput(f"Paramètres : {_ligne(i)} — {error}") from None
    if not 0 <= valeur <= _MAX_MONTANT or valeur != cents(valeur):
        raise InvalidInput(
            f"Paramètres : le montant de {_ligne(i)} doit être positif, au centime, sous 1 milliard."
        )
    return valeur


def _poste(raw: Any, i: int) -> Poste:
    p = raw if isinstance(raw, dict) else lire_objet(raw, _ligne(i))  # lire_objet refuses the rest
    nature, libelle = p.get("nature"), p.get("libelle")
    if not isinstance(nature, str) or nature not in MASSE_DE:
        raise InvalidInput(f"Paramètres : nature inconnue à {_ligne(i)} ({', '.join(MASSE_DE)}).")
    texte = libelle.strip() if isinstance(libelle, str) else ""
    if not texte:
        raise InvalidInput(f"Paramètres : {_ligne(i)} n'a pas de libellé.")
    return Poste(texte[:120], nature, _montant(p.get("montant"), i))


def _choix(p: dict[str, Any], cle: str, valeurs: tuple[str, ...]) -> str:
    return code_connu(p.get(cle), valeurs, f"« {cle} » inconnu")


def lire_params(params: Any) -> Bilan:
    """The typed balance sheet; InvalidInput (one French line) when the params are unusable."""
    p = lire_objet(params, "les paramètres (un objet JSON)")
    statut = _choix(lire_objet(p.get("organisation"), "« organisation »"), "statut", STATUTS)
    presentation = _choix(p, "presentation", PRESENTATIONS)
    brut = p.get("postes")
    if not isinstance(brut, list) or not brut or len(brut) > MAX_POSTES:
        raise InvalidInput(
            f"Paramètres : « postes » doit être une liste de 1 à {MAX_POSTES} lignes."
        )
    bilan = Bilan(statut, presentation, tuple(_poste(raw, i) for i, raw in enumerate(brut)))
    _analysable(bilan)
    return bilan


def _analysable(bilan: Bilan) -> None:
    """What the analysis divides by is not zero, and the functional sheet balances."""
    if not bilan.comptable and any(p.nature in HORS_EXPLOITATION for p in bilan.postes):
        raise InvalidInput(
            "Paramètres : un bilan déjà fonctionnel n'a pas de poste hors exploitation."
        )
    if not bilan.total("immobilisation"):
        raise InvalidInput("Paramètres : aucune immobilisation, pas d'emplois stables à financer.")
    if not bilan.total("emprunt"):
        raise InvalidInput("Paramètres : aucun emprunt, l'autonomie financière ne se calcule pas.")
    if not bilan.total(*_COURT_TERME):
        raise InvalidInput(
            "Paramètres : aucune dette à court terme, la liquidité ne se calcule pas."
        )
    actif, passif = bilan.total(*_NATURES_ACTIF), bilan.total(*_NATURES_PASSIF)
    if actif != passif:
        raise InvalidInput(
            f"Paramètres : le bilan fonctionnel n'est pas équilibré ({actif} € d'emplois, "
            f"{passif} € de ressources)."
        )


# The natures of short-term debts, of the uses and of the resources (from the rules, once).
_COURT_TERME = tuple(n for n, m in MASSE_DE.items() if m in MASSES_PASSIF[1:])
_NATURES_ACTIF = tuple(n for n, m in MASSE_DE.items() if m in MASSES_ACTIF)
_NATURES_PASSIF = tuple(n for n, m in MASSE_DE.items() if m in MASSES_PASSIF)


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """Validate params from outside; InvalidInput with one French line when unusable."""
    lire_params(params)
    return params
