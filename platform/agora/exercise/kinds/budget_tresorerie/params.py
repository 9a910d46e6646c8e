"""The params of a ``budget_tresorerie`` variant: the organisation's forecasts read into typed
objects, refused in one French line when they cannot be used.

Every operation is placed by ``mois``: 0 is the first month of the budget, -1 and -2 the months
before it (sales and purchases still to be paid, wages whose social charges fall in month 0)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from typing import Any

from agora.errors import InvalidInput
from agora.exercise import params as kit
from agora.exercise.kinds.budget_tresorerie.regles import regles
from agora.money import CENT, ZERO, cents

NAME = "budget_tresorerie"
MIN_MOIS, MAX_MOIS = 3, 6
MAX_OPERATIONS = 40  # sales or purchases over the budget and the two months before
MAX_DELAI = regles().delai_paiement_maximum.mois  # 60 days at most (Code de commerce, L441-10)
# The places a refusal names, written once (not at each operation of each grade): as many as
# ``lire_liste`` lets in.
_VENTES = tuple(f"la vente {i + 1}" for i in range(MAX_OPERATIONS))
_ACHATS = tuple(f"l'achat {i + 1}" for i in range(MAX_OPERATIONS))
_PAIES = tuple(f"la paie {i + 1}" for i in range(MAX_MOIS + 1))
STATUTS = ("entreprise", "association", "service_public")
# An amount written the contract's way (« 1234.50 »), read at once; and the whole percents
# (« 20 », « 40 »), most of the rates and every part of a sale's payment terms, by their writing.
_est_montant = kit.MONTANT_ECRIT.fullmatch
_POURCENTS = {str(p): Decimal(p) for p in range(101)}
# A percent of an amount is taken × 0.01, not ÷ 100: the same value (the product of an amount
# and a percent, exact or rounded to the context's 28 digits, only moves its point), for a
# third of a division's cost, on every instalment of every sale.
_POUR_CENT = Decimal("0.01")
# The VAT rates by their writing (whole percents and the reduced rates), each with its TTC
# factor 1 + rate ÷ 100: a TTC is then one product, rounded, where ``ttc`` adds, multiplies
# and divides. Exact either way (an amount under MONTANT_MAX to the cent has at most eleven
# digits, far within the context's 28), so the TTC is the same to the last digit.
_TAUX_TVA = {
    texte: (taux, (kit.HUNDRED + taux) / kit.HUNDRED)
    for texte, taux in {**_POURCENTS, "5.5": Decimal("5.5"), "2.1": Decimal("2.1")}.items()
}


# The typed params are plain dataclasses, not frozen ones: a frozen dataclass's __init__ sets
# each field through object.__setattr__, five times slower, and the params are read again at
# every grade. Nothing changes them once read. Each but the Budget (its cached_property keeps
# a dict) has slots: its fields set and read without an instance dict, two dozen a grade.
@dataclass(slots=True)
class Operation:
    """What is invoiced in ``mois``: its wording, its amount HT, its VAT rate and its amount
    TTC (found once when read: the rows, the VAT and the receivables all use it)."""

    libelle: str
    mois: int
    montant_ht: Decimal
    taux_tva: Decimal
    ttc: Decimal


@dataclass(slots=True)
class Vente(Operation):
    """A sale (or a billing of members or users), collected TTC in parts, ``parts[k]``
    percent ``k`` months later: ``encaissements[k]`` euros (found once when read: the
    receipts and the receivables both use them)."""

    parts: tuple[Decimal, ...]
    encaissements: tuple[Decimal, ...]


@dataclass(slots=True)
class Achat(Operation):
    """A purchase, paid TTC ``delai`` months later."""

    delai: int


@dataclass(slots=True)
class Salaires:
    """The wages of a month: net paid that month, social charges paid the month after."""

    mois: int
    net: Decimal
    charges: Decimal


@dataclass(slots=True)
class Investissement(Operation):
    """Equipment bought and paid TTC in ``mois``; its VAT deductible that month."""


@dataclass(slots=True)
class Subvention:
    """A grant paid in instalments: ``(mois, percent)``, the last one takes the remainder."""

    financeur: str
    montant: Decimal
    versements: tuple[tuple[int, Decimal], ...]


@dataclass
class Budget:
    """Typed, validated params."""

    nom: str
    statut: str
    mois: tuple[str, ...]
    tresorerie_initiale: Decimal
    seuil: Decimal
    decouvert_maximum: Decimal
    assujetti_tva: bool
    ventes: tuple[Vente, ...]
    achats: tuple[Achat, ...]
    salaires: tuple[Salaires, ...]
    charges_fixes: Decimal
    libelle_charges_fixes: str
    emprunt: Decimal
    investissement: Investissement | None
    subvention: Subvention | None
    n: int  # the number of months, asked at every row of every run
    # ``lignes()``, found once when read (each run of a grade asks; a cached_property would
    # take its lock at the first read, and every grade's budget is new).
    rangees: tuple[tuple[str, ...], tuple[str, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.rangees = rangees(
            self.subvention, self.assujetti_tva, self.emprunt, self.investissement
        )

    @cached_property
    def creances_clients(self) -> list[Decimal]:
        """What customers still owe at the end of each month: of each sale invoiced by then,
        what its instalments up to that month leave (the receivables a bank can discount or
        factor); only a company's count. Found when the remedy rule first asks, once a grade
        (not for every budget: it was the dearest row)."""
        dues = [ZERO] * self.n
        if self.statut != "entreprise":
            return dues
        for v in self.ventes:
            reste = v.ttc
            for j, montant in enumerate(v.encaissements[:-1], v.mois):
                reste -= montant
                if 0 <= j < self.n:
                    dues[j] += reste
        return dues

    def lignes(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The budget's receipt rows and payment rows, in the order of the table."""
        return self.rangees


def rangees(
    subvention: Subvention | None,
    assujetti_tva: bool,
    emprunt: Decimal,
    investissement: Investissement | None,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The receipt rows and payment rows of a budget with these operations."""
    enc = ("ventes",) + (("subvention",) if subvention else ())
    dec = ["achats", "salaires", "charges_sociales"]
    if assujetti_tva:
        dec.append("tva")
    if emprunt:
        dec.append("emprunt")
    dec.append("charges_fixes")
    if investissement:
        dec.append("investissement")
    return enc, tuple(dec)


def ttc(ht: Decimal, taux: Decimal) -> Decimal:
    """HT × (100 + rate) ÷ 100, to the cent."""
    return (ht * (kit.HUNDRED + taux) / kit.HUNDRED).quantize(CENT, ROUND_HALF_UP)


def tranches(total: Decimal, parts: tuple[Decimal, ...]) -> list[Decimal]:
    """``total`` (never negative) split by percentages: each part to the cent (a nought part
    is nought: not computed), the last non-zero one the remainder (the parts add up to
    ``total`` exactly). One pass, rounded in place: a budget splits two dozen amounts a grade."""
    derniere = len(parts) - 1
    while derniere and not parts[derniere]:
        derniere -= 1
    if not parts[derniere]:
        derniere = len(parts) - 1  # every part nought: the last one takes the whole
    montants, reste = [], total
    for part in parts[:derniere]:
        if part:
            montant = (total * part * _POUR_CENT).quantize(CENT, ROUND_HALF_UP)
            reste -= montant
            montants.append(montant)
        else:
            montants.append(ZERO)
    montants.append(reste)
    montants += [ZERO] * (len(parts) - derniere - 1)  # after the last non-zero part
    return montants


def _texte(raw: Any, ou: str) -> str:
    texte = raw.strip() if isinstance(raw, str) else ""
    if not texte:
        raise InvalidInput(f"Paramètres : {ou} n'a pas de libellé.")
    return texte[:120]


def _mois(raw: Any, ou: str, n: int, avant: int = -MAX_DELAI) -> int:
    """A month offset: from ``avant`` (months before the budget) to the budget's last month."""
    if isinstance(raw, bool) or not isinstance(raw, int) or not avant <= raw < n:
        raise InvalidInput(
            f"Paramètres : le mois de {ou} doit être un entier de {avant} à {n - 1}."
        )
    return raw


def _signe(raw: Any, ou: str) -> Decimal:
    """An amount to the cent that may be negative (an opening overdraft)."""
    valeur = kit.lire_nombre(raw, ou, "montant")
    if abs(valeur) >= kit.MONTANT_MAX or valeur != cents(valeur):
        raise InvalidInput(f"Paramètres : {ou} doit être un montant au centime.")
    return valeur


def _montant(raw: Any, quoi: str, ou: str | None = None) -> Decimal:
    """``lire_montant`` of ``quoi`` (de ``ou``), the place named only when refused (a budget
    holds dozens of amounts, read at each grade)."""
    if type(raw) is str and _est_montant(raw):
        return Decimal(raw)
    return kit.lire_montant(raw, quoi if ou is None else f"{quoi} de {ou}")


def _taux(raw: Any, quoi: str, ou: str) -> Decimal:
    """``lire_taux`` of ``quoi`` de ``ou``, the place named only when refused."""
    taux = _POURCENTS.get(raw) if type(raw) is str else None
    return kit.lire_taux(raw, f"{quoi} de {ou}") if taux is None else taux


def _parts(raw: Any, ou: str) -> tuple[Decimal, ...]:
    brut = raw
    if type(raw) is not list or not 1 <= len(raw) <= MAX_DELAI + 1:  # its place, to refuse it
        brut = kit.lire_liste(raw, f"parts de {ou}", MAX_DELAI + 1, 1)
    # ``_taux`` of each part written out: a whole percent (every part the generator draws) by
    # one look-up, with no call; any other read, or refused, by _taux. (Not a test of None in
    # the parts: each Decimal compared to None fetches the decimal context, a dear call.)
    lues = []
    for p in brut:
        taux = _POURCENTS.get(p) if type(p) is str else None
        lues.append(_taux(p, "une part", ou) if taux is None else taux)
    parts = tuple(lues)
    if sum(parts) != kit.HUNDRED:
        raise InvalidInput(f"Paramètres : les parts de {ou} doivent faire 100 %.")
    return parts


def _operation(x: dict[str, Any], ou: str, n: int, avant: int = -MAX_DELAI) -> tuple:
    """The fields of an Operation, in order, from ``x`` (its month from ``avant``). Each read at
    once when written as the generator writes it; any other read, or refused, by its reader, in
    the same order (the first refusal said is the same)."""
    libelle, mois, ht = x.get("libelle"), x.get("mois"), x.get("montant_ht")
    libelle = libelle.strip()[:120] if type(libelle) is str else ""
    if not libelle:
        libelle = _texte(x.get("libelle"), ou)
    if type(mois) is not int or not avant <= mois < n:
        mois = _mois(mois, ou, n, avant)
    ht = Decimal(ht) if type(ht) is str and _est_montant(ht) else _montant(ht, "le montant HT", ou)
    raw = x.get("taux_tva")
    taux_et_facteur = _TAUX_TVA.get(raw) if type(raw) is str else None
    if taux_et_facteur is None:  # a rate of another writing, or refused
        taux = _taux(raw, "le taux de TVA", ou)
        return libelle, mois, ht, taux, ttc(ht, taux)
    taux, facteur = taux_et_facteur
    return libelle, mois, ht, taux, (ht * facteur).quantize(CENT, ROUND_HALF_UP)


def _vente(raw: Any, i: int, n: int) -> Vente:
    ou = _VENTES[i]
    # An object taken at once (``lire_objet`` only to refuse anything else): every sale,
    # purchase and payroll of every grade.
    v = raw if type(raw) is dict else kit.lire_objet(raw, ou)
    operation, parts = _operation(v, ou, n), _parts(v.get("parts"), ou)
    return Vente(*operation, parts, tuple(tranches(operation[-1], parts)))


def _achat(raw: Any, i: int, n: int) -> Achat:
    ou = _ACHATS[i]
    a = raw if type(raw) is dict else kit.lire_objet(raw, ou)
    operation, delai = _operation(a, ou, n), a.get("delai")
    if type(delai) is not int or not 0 <= delai <= MAX_DELAI:  # its place written to refuse it
        delai = kit.lire_entier(delai, f"le délai de {ou} (en mois)", MAX_DELAI)
    return Achat(*operation, delai)


def _salaires(raw: Any, i: int, n: int) -> Salaires:
    ou = _PAIES[i]
    s = raw if type(raw) is dict else kit.lire_objet(raw, ou)
    mois = s.get("mois")
    if type(mois) is not int or not -1 <= mois < n:  # its reader, to read it otherwise or refuse
        mois = _mois(mois, ou, n, -1)
    net = _montant(s.get("net"), "le net", ou)
    return Salaires(mois, net, _montant(s.get("charges"), "les charges sociales", ou))


def _investissement(raw: Any, n: int) -> Investissement | None:
    if raw is None:
        return None
    ou = "l'investissement"
    return Investissement(*_operation(kit.lire_objet(raw, ou), ou, n, 0))


def _subvention(raw: Any, n: int) -> Subvention | None:
    if raw is None:
        return None
    ou = "la subvention"
    s = kit.lire_objet(raw, ou)
    versements = []
    for i, v in enumerate(kit.lire_liste(s.get("versements"), "versements", n, 1)):
        v = kit.lire_objet(v, f"le versement {i + 1}")
        versements.append(
            (_mois(v.get("mois"), f"le versement {i + 1}", n, 0), kit.lire_taux(v.get("part"), ou))
        )
    if sum(p for _, p in versements) != kit.HUNDRED:
        raise InvalidInput("Paramètres : les versements de la subvention doivent faire 100 %.")
    return Subvention(
        _texte(s.get("financeur"), ou),
        _montant(s.get("montant"), "le montant", ou),
        tuple(versements),
    )


def _periode(raw: Any) -> tuple[str, ...]:
    mois = kit.lire_liste(raw, "mois", MAX_MOIS, MIN_MOIS)
    for m in mois:
        if not isinstance(m, str) or len(m) != 7 or m[4] != "-" or not m.replace("-", "").isdigit():
            raise InvalidInput("Paramètres : chaque mois s'écrit AAAA-MM (« 2026-04 »).")
        if not 1 <= int(m[5:]) <= 12:
            raise InvalidInput(f"Paramètres : mois impossible « {m} ».")
    return tuple(mois)


def _chacune(lire: Callable[[Any, int, int], Any], liste: list[Any], n: int) -> tuple:
    """Each item of ``liste`` read by ``lire(item, i, n)``, as a tuple (of a list: no generator
    resumed per operation)."""
    return tuple([lire(item, i, n) for i, item in enumerate(liste)])


def lire_params(params: Any) -> Budget:
    """The typed budget; InvalidInput (one French line) when the params are unusable."""
    p = kit.lire_objet(params, "les paramètres (un objet JSON)")
    org = kit.lire_objet(p.get("organisation"), "« organisation »")
    statut = kit.code_connu(org.get("statut"), STATUTS, "« statut » inconnu")
    mois = _periode(p.get("mois"))
    n = len(mois)
    fixes = kit.lire_objet(p.get("charges_fixes"), "« charges_fixes »")
    return Budget(
        n=n,
        nom=_texte(org.get("nom"), "l'organisation"),
        statut=statut,
        mois=mois,
        tresorerie_initiale=_signe(p.get("tresorerie_initiale"), "la trésorerie initiale"),
        seuil=_montant(p.get("seuil"), "le seuil de sécurité"),
        decouvert_maximum=_montant(p.get("decouvert_maximum"), "le découvert maximum"),
        assujetti_tva=kit.lire_booleen(p.get("assujetti_tva"), "« assujetti_tva »"),
        ventes=_chacune(_vente, kit.lire_liste(p.get("ventes"), "ventes", MAX_OPERATIONS, 1), n),
        achats=_chacune(_achat, kit.lire_liste(p.get("achats"), "achats", MAX_OPERATIONS), n),
        salaires=_chacune(
            _salaires, kit.lire_liste(p.get("salaires"), "salaires", MAX_MOIS + 1), n
        ),
        charges_fixes=_montant(fixes.get("montant"), "le montant des charges fixes"),
        libelle_charges_fixes=_texte(fixes.get("libelle"), "les charges fixes"),
        emprunt=_montant(p.get("emprunt"), "l'échéance d'emprunt"),
        investissement=_investissement(p.get("investissement"), n),
        subvention=_subvention(p.get("subvention"), n),
    )


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """Validate params from outside; InvalidInput with one French line when unusable."""
    lire_params(params)
    return params
