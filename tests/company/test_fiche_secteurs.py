"""A water utility's fiche speaks of subscribers and bills, not of orders (audit of the
sectors, 2026-12); the other organisations keep their orders."""

from __future__ import annotations

from datetime import date

from agora.company import generate_company, render_fiche


def test_a_water_utility_takes_no_orders():
    for seed in range(10):
        fiche = render_fiche(generate_company(seed, "regie_eau"), aujourdhui=date(2026, 1, 15))
        assert "commande" not in fiche.lower(), seed
        assert "| Factures |" in fiche and "abonné" in fiche


def test_a_shop_still_counts_its_orders():
    fiche = render_fiche(generate_company(3, "boulangerie"), aujourdhui=date(2026, 1, 15))
    assert "| Commandes |" in fiche and "Toute commande" in fiche
