"""The params of an ``avoir`` variant: read and checked, with one French line when unusable.

The original invoice has the shape of the ``facture`` kind's params (plus its number and date),
so the student's own invoice from an earlier step can be the one credited; it is checked by
the ``facture`` kind itself.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, NamedTuple

from agora.errors import InvalidInput
from agora.exercise.fields import as_text
from agora.exercise.kinds import facture
from agora.exercise.params import lire_objet
from agora.money import cents, contract_decimal, parse_decimal

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "avoir"

# What the credit note is for: goods sent back, a price reduction for a defect, the year-end
# rebate on the turnover, or a quantity invoiced by mistake (a meter misread, hours not worked).
NATURES = ("retour", "rabais", "ristourne", "trop_facture")
PAR_QUANTITE = ("retour", "trop_facture")  # the credit is quantity × unit price
ETATS = ("presente", "manquante", "non_exigee")
# The mentions a student may check, in reading order (scenarios/baremes/facturation.yaml).
CODES_MENTIONS = (
    "numero",
    "date",
    "siren_vendeur",
    "tva_vendeur",
    "echeance",
    "escompte",
    "penalites",
    "indemnite",
    "siren_client",
    "adresse_livraison",
    "nature_operation",
    "option_debits",
)
MAX_LIGNES, MAX_FACTURES, MAX_MENTIONS = 50, 24, 20
_NUMERO = re.compile(r"[A-Z]{1,4}\d{4}-\d{1,6}", re.ASCII)
_JOUR = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


class Ligne(NamedTuple):
    """A credited line: its invoice row, the quantity credited (retour) and its price and rate."""

    numero: int  # the invoice line, from 1
    reference: str
    quantite: Decimal  # credited (retour, trop facturé) or invoiced (rabais)
    quantite_facturee: Decimal
    prix: Decimal
    taux: Decimal


class Mention(NamedTuple):
    code: str
    libelle: str
    attendu: str  # one of ETATS


class Avoir(NamedTuple):
    """Typed, validated params. Groups are the VAT rates credited, in order of first appearance.

    Named tuples, not frozen dataclasses (as its lines and mentions): the params are read at
    every grade, and a frozen dataclass's __init__ costs a call per field."""

    nature: str
    reference: str | None  # the original invoice's number (None for a ristourne)
    autres_pieces: tuple[str, ...]  # numbers a student may cite by mistake (the avoir, the devis…)
    lignes: tuple[Ligne, ...]
    reductions: tuple[tuple[str, Decimal], ...]  # the invoice's reductions, in cascade order
    escompte: Decimal
    port: Decimal
    taux_port: Decimal
    rabais: Decimal
    ristourne: Decimal
    taux: tuple[Decimal, ...]
    membres: tuple[tuple[int, ...], ...]  # credited lines of each group
    hors_credit: tuple[Decimal, ...]  # per group, the invoice's other lines at that rate (rabais)
    chiffre_ht: tuple[Decimal, ...]  # per group, the year's turnover HT (ristourne)
    chiffre_ttc: tuple[Decimal, ...]
    mentions: tuple[Mention, ...]


def nombre(raw: Any, where: str, what: str = "nombre") -> Decimal:
    """A number of the params (« 45.00 », 45.5 read as the text written); one French line."""
    valeur = contract_decimal(raw)
    if valeur is not None:
        return valeur
    if raw is None:
        raise InvalidInput(f"Paramètres : {where} manquant.")
    try:
        return parse_decimal(as_text(raw), what)
    except InvalidInput as error:
        raise InvalidInput(f"Paramètres : {where} — {error}") from None


def _liste(raw: Any, where: str, maximum: int) -> list[Any]:
    if not isinstance(raw, list) or not raw or len(raw) > maximum:
        raise InvalidInput(f"Paramètres : {where} doit être une liste de 1 à {maximum} éléments.")
    return raw


def _numero(raw: Any, where: str) -> str:
    if not isinstance(raw, str) or not _NUMERO.fullmatch(raw):
        raise InvalidInput(f"Paramètres : {where} doit être un numéro comme FA2026-0042.")
    return raw


def _taux(raw: Any, where: str) -> Decimal:
    value = nombre(raw, where, "taux")
    if not Decimal(0) < value < 100:
        raise InvalidInput(f"Paramètres : {where} doit être compris entre 0 et 100 (exclus).")
    return value


def _facture(raw: Any) -> dict[str, Any]:
    """The original invoice, checked by the ``facture`` kind, with its number and date."""
    invoice = lire_objet(raw, "« facture »")
    _numero(invoice.get("numero"), "le numéro de la facture")
    if not isinstance(invoice.get("date"), str) or not _JOUR.fullmatch(invoice["date"]):
        raise InvalidInput("Paramètres : la date de la facture doit s'écrire AAAA-MM-JJ.")
    try:
        facture.KIND.check_params(invoice)
    except InvalidInput as error:
        detail = str(error).removeprefix("Paramètres : ")
        raise InvalidInput(f"Paramètres de la facture d'origine : {detail}") from None
    return invoice


def _invoice_line(invoice: dict[str, Any], numero: Any, where: str) -> dict[str, Any]:
    lignes = invoice["lignes"]
    if isinstance(numero, bool) or not isinstance(numero, int) or not 1 <= numero <= len(lignes):
        raise InvalidInput(f"Paramètres : {where} doit être un numéro de ligne de la facture.")
    return lignes[numero - 1]


def _ligne(invoice: dict[str, Any], numero: Any, quantite: Any, where: str) -> Ligne:
    row = _invoice_line(invoice, numero, where)
    facturee = nombre(row["quantite"], f"quantité de la ligne {numero}")
    credit = facturee if quantite is None else nombre(quantite, f"quantité de {where}")
    if not Decimal(0) < credit <= facturee:
        raise InvalidInput(
            f"Paramètres : la quantité de {where} doit être positive et au plus la quantité "
            "facturée."
        )
    return Ligne(
        numero=numero,
        reference=str(row.get("reference", f"L{numero}"))[:40],
        quantite=credit,
        quantite_facturee=facturee,
        prix=nombre(row["prix_unitaire_ht"], f"prix de la ligne {numero}"),
        taux=nombre(row["taux_tva"], f"taux de TVA de la ligne {numero}"),
    )


def _credits(params: dict[str, Any], invoice: dict[str, Any], nature: str) -> tuple[Ligne, ...]:
    if nature in PAR_QUANTITE:
        rows = _liste(params.get("credits"), "« credits »", MAX_LIGNES)
        lignes = tuple(
            _ligne(
                invoice,
                lire_objet(row, f"le crédit {i}").get("ligne"),
                row.get("quantite"),
                f"le crédit {i}",
            )
            for i, row in enumerate(rows, 1)
        )
    else:
        rabais = lire_objet(params.get("rabais"), "« rabais »")
        numeros = _liste(rabais.get("lignes"), "« rabais.lignes »", MAX_LIGNES)
        lignes = tuple(_ligne(invoice, n, None, f"la ligne {n} du rabais") for n in numeros)
    if len({ligne.numero for ligne in lignes}) != len(lignes):
        raise InvalidInput("Paramètres : une ligne de la facture est créditée deux fois.")
    return lignes


def _reductions(invoice: dict[str, Any]) -> tuple[tuple[str, Decimal], ...]:
    return tuple(
        (r["nature"], nombre(r["taux"], "taux d'une réduction"))
        for r in invoice.get("reductions") or []
    )


def _groupes(taux_lignes: list[Decimal]) -> tuple[tuple[Decimal, ...], tuple[tuple[int, ...], ...]]:
    taux = tuple(dict.fromkeys(taux_lignes))
    return taux, tuple(tuple(i for i, t in enumerate(taux_lignes) if t == g) for g in taux)


def _par_quantite_ou_rabais(params: dict[str, Any], nature: str) -> dict[str, Any]:
    invoice = _facture(params.get("facture"))
    lignes = _credits(params, invoice, nature)
    taux, membres = _groupes([ligne.taux for ligne in lignes])
    credited = {ligne.numero for ligne in lignes}
    autres = [
        (
            cents(nombre(r["quantite"], "quantité") * nombre(r["prix_unitaire_ht"], "prix")),
            nombre(r["taux_tva"], "taux"),
        )
        for n, r in enumerate(invoice["lignes"], 1)
        if n not in credited
    ]
    port = nombre(invoice.get("frais_port_ht", "0"), "frais_port_ht")
    rabais = params.get("rabais") if nature == "rabais" else None
    return {
        "reference": invoice["numero"],
        "lignes": lignes,
        "reductions": _reductions(invoice),
        "escompte": nombre(invoice.get("escompte_taux", "0"), "escompte_taux"),
        "port": port,
        "taux_port": nombre(invoice.get("taux_tva_port", lignes[0].taux), "taux_tva_port"),
        "rabais": _taux(rabais.get("taux"), "le taux du rabais") if rabais else Decimal(0),
        "taux": taux,
        "membres": membres,
        "hors_credit": tuple(sum((m for m, t in autres if t == g), Decimal(0)) for g in taux),
    }


def _ristourne(params: dict[str, Any]) -> dict[str, Any]:
    """The year's invoices to the customer: turnover HT and TTC by VAT rate."""
    ristourne = lire_objet(params.get("ristourne"), "« ristourne »")
    factures = _liste(ristourne.get("factures"), "« ristourne.factures »", MAX_FACTURES)
    montants: list[tuple[Decimal, Decimal]] = []
    for i, row in enumerate(factures, 1):
        where = f"la facture {i} de l'année"
        _numero(lire_objet(row, where).get("numero"), f"le numéro de {where}")
        for item in _liste(row.get("montants_ht"), f"les montants de {where}", 5):
            item = lire_objet(item, f"un montant de {where}")
            ht = nombre(item.get("montant_ht"), f"montant HT de {where}", "montant")
            if ht <= 0 or ht != cents(ht):
                raise InvalidInput(f"Paramètres : un montant HT de {where} est invalide.")
            montants.append((_taux(item.get("taux_tva"), f"taux de TVA de {where}"), ht))
    taux, _ = _groupes([t for t, _ in montants])
    chiffre_ht = tuple(sum((m for t, m in montants if t == g), Decimal(0)) for g in taux)
    chiffre_ttc = tuple(
        sum((m + cents(m * g / 100) for t, m in montants if t == g), Decimal(0)) for g in taux
    )
    return {
        "ristourne": _taux(ristourne.get("taux"), "le taux de la ristourne"),
        "taux": taux,
        "membres": tuple(() for _ in taux),
        "chiffre_ht": chiffre_ht,
        "chiffre_ttc": chiffre_ttc,
    }


def _mentions(raw: Any) -> tuple[Mention, ...]:
    if raw is None:
        return ()
    mentions = []
    for row in _liste(raw, "« mentions »", MAX_MENTIONS):
        row = lire_objet(row, "une mention")
        code, attendu = row.get("code"), row.get("attendu")
        if code not in CODES_MENTIONS or attendu not in ETATS:
            raise InvalidInput(
                "Paramètres : une mention a un code inconnu ou un état autre que "
                "presente, manquante ou non_exigee."
            )
        mentions.append(Mention(code, str(row.get("libelle", code))[:120], attendu))
    if len({m.code for m in mentions}) != len(mentions):
        raise InvalidInput("Paramètres : une mention est listée deux fois.")
    return tuple(mentions)


def lire_params(params: Any) -> Avoir:
    """Validate the contract params; InvalidInput with one French line when they are unusable."""
    params = lire_objet(params, "l'ensemble")
    nature = params.get("nature")
    if nature not in NATURES:
        raise InvalidInput(f"Paramètres : « nature » doit être l'une de : {', '.join(NATURES)}.")
    pieces = params.get("pieces") or {}
    autres = tuple(v for v in lire_objet(pieces, "« pieces »").values() if isinstance(v, str))
    vide: dict[str, Any] = {"reference": None, "lignes": (), "reductions": (), "hors_credit": ()}
    vide |= {"escompte": Decimal(0), "port": Decimal(0), "taux_port": Decimal(0)}
    vide |= {"rabais": Decimal(0), "ristourne": Decimal(0), "chiffre_ht": (), "chiffre_ttc": ()}
    if nature == "ristourne":
        vide |= _ristourne(params)
    else:
        vide |= _par_quantite_ou_rabais(params, nature)
    return Avoir(
        nature=nature, autres_pieces=autres, mentions=_mentions(params.get("mentions")), **vide
    )


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """Validate params from outside; InvalidInput with one French line when unusable."""
    lire_params(params)
    return params
