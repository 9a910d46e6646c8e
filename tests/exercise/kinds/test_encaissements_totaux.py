"""encaissements reads each invoice's totals without the ``facture`` kind's model: they must be
that kind's solution, and its refusals the same, whatever the invoice's writing."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

import pytest

from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.kinds.encaissements.totaux import _CONTRAT, _LIGNE_ECRITE, _TAUX_ECRIT, totaux
from agora.exercise.registry import get_kind

FACTURE = get_kind("facture")


def _solution(invoice: dict[str, Any]) -> tuple:
    """The totals as the ``facture`` kind's solution prints them, read back."""
    s = FACTURE.solve(invoice)
    tva = tuple((Decimal(t["taux"]), Decimal(t["montant"])) for t in s["tva"])
    noms = ("total_ttc", "total_ht", "net_commercial", "escompte", "frais_port_ht")
    return (*(Decimal(s[n]) for n in noms), tva, Decimal(s["acompte"]))


def _pareils(invoice: dict[str, Any]) -> None:
    t = totaux(invoice)
    assert tuple(t) == _solution(invoice)
    # The same writing too (« 20 » and « 120.00 »), as the grade prints them.
    assert [str(x) for x in t[:5]] == [str(x) for x in _solution(invoice)[:5]]
    assert t.net_a_payer == Decimal(FACTURE.solve(invoice)["net_a_payer"])


def _invoices():
    for niveau in (1, 2, 3):
        for seed in range(10):
            v = get_kind("encaissements").generate(seed, niveau, generate_company(seed % 7))
            yield from (d["facture"] for d in v.params["documents"] if d["type"] == "facture")
    for seed in range(10):
        yield FACTURE.generate(seed, 1 + seed % 3, generate_company(seed % 7)).params


def test_the_totals_of_every_drawn_invoice_are_the_facture_kinds():
    for invoice in _invoices():
        _pareils(invoice)


LIGNES = [
    {"quantite": "3", "prix_unitaire_ht": "10.005", "taux_tva": "20"},
    {"quantite": "2.5", "prix_unitaire_ht": "7.13", "taux_tva": "5.5"},
    {"quantite": "1", "prix_unitaire_ht": "0", "taux_tva": "10"},
]


@pytest.mark.parametrize(
    "extra",
    [
        {"frais_port_ht": "12.50", "taux_tva_port": "5.5", "escompte_taux": "2"},
        {"reductions": [{"nature": "remise", "taux": "5"}, {"nature": "rabais", "taux": "2.5"}]},
        {"acompte": "20.00", "escompte_taux": "1.5", "reductions": None},
        # Written otherwise than the contract: read by the facture kind itself.
        {"frais_port_ht": 12, "taux_tva_port": 20, "acompte": "1 000,00"},
        {"escompte_taux": "2,5", "reductions": [{"nature": "ristourne", "taux": 3}]},
    ],
)
def test_totals_with_carriage_reductions_escompte_and_other_writings(extra):
    _pareils({"lignes": LIGNES, **extra})


@pytest.mark.parametrize(
    "extra",
    [
        {"lignes": []},
        {"lignes": [{"quantite": "0", "prix_unitaire_ht": "1", "taux_tva": "20"}]},
        {"lignes": [{"quantite": "1", "prix_unitaire_ht": "-1", "taux_tva": "20"}]},
        {"lignes": [{"quantite": "1", "prix_unitaire_ht": "1", "taux_tva": "100"}]},
        {"frais_port_ht": "5.00"},  # two rates: the carriage's rate is required
        {"frais_port_ht": "5.001", "taux_tva_port": "20"},
        {"frais_port_ht": "5.00", "taux_tva_port": "7"},
        {"reductions": [{"nature": "escompte", "taux": "2"}]},
        {"reductions": [{"taux": "2"}]},
        {"reductions": [{"nature": "remise", "taux": "0"}]},
        {"escompte_taux": None},
        {"acompte": "-3.00"},
    ],
)
def test_refusals_are_the_facture_kinds(extra):
    invoice = {"lignes": LIGNES, **extra}
    with pytest.raises(InvalidInput) as attendu:
        FACTURE.solve(invoice)
    with pytest.raises(InvalidInput) as refus:
        totaux(invoice)
    assert str(refus.value) == str(attendu.value)


def _ecritures(rng: random.Random) -> list[str]:
    """Numbers as the contract writes them, and near misses: a digit, a dot, a sign or a space
    more or less, another digit (« ٣ »), the bounds of the contract's lengths."""
    valides = ["0", "3", "20", "5.5", "10.005", "2.1", "19.6", "123456789012.345", "0.01"]
    alphabet = "0123456789.. -+,e٣"
    ecrits = [*valides, "", ".", "5.", ".5", "05", "5.50", "100", "8.50", "1234567890123"]
    for _ in range(400):
        texte = list(rng.choice(valides))
        for _ in range(rng.randint(1, 3)):
            k = rng.randint(0, len(texte))
            quoi = rng.random()
            if quoi < 0.4 and texte:
                texte[min(k, len(texte) - 1)] = rng.choice(alphabet)
            elif quoi < 0.7:
                texte.insert(k, rng.choice(alphabet))
            elif texte:
                del texte[min(k, len(texte) - 1)]
        ecrits.append("".join(texte))
    ecrits += ["".join(rng.choices(alphabet, k=rng.randint(1, 17))) for _ in range(200)]
    return ecrits


def test_a_line_is_recognised_in_one_match_exactly_as_number_by_number():
    # The line's quick reading matches its three numbers at once: it must accept and refuse
    # exactly what the three matches, one a number, accept and refuse.
    rng = random.Random(7)
    ecrits = _ecritures(rng)
    for _ in range(20_000):
        q, p, t = rng.choice(ecrits), rng.choice(ecrits), rng.choice(ecrits)
        un_a_un = bool(_CONTRAT.fullmatch(q) and _CONTRAT.fullmatch(p) and _TAUX_ECRIT.fullmatch(t))
        assert bool(_LIGNE_ECRITE.fullmatch(f"{q} {p} {t}")) == un_a_un, (q, p, t)
