"""A ``facture`` tells its sector's story with its sector's figures (audit of the sectors,
2026-12): a water utility bills one half-year subscription and the metered volume on every
volume line, after a meter reading, never an order nor a quote; a supplier bills what its
trade sells."""

from __future__ import annotations

from decimal import Decimal

import pytest

from agora.company import generate_company
from agora.company.achats import ce_que_vend
from agora.content.secteurs import secteur_codes
from agora.exercise.base import NIVEAUX
from agora.exercise.registry import KINDS

SEEDS = range(25)


@pytest.mark.parametrize("niveau", NIVEAUX)
def test_a_water_bill_charges_one_subscription_and_one_metered_volume(niveau):
    for seed in SEEDS:
        organisation = generate_company(seed, "regie_eau")
        unites = {a.reference: a.unite for a in organisation.catalogue}
        variant = KINDS["facture"].generate(seed, niveau, organisation)
        lignes = variant.params["lignes"]
        volumes = {x["quantite"] for x in lignes if unites[x["reference"]] == "m³"}
        abonnements = [x["quantite"] for x in lignes if unites[x["reference"]] == "semestre"]
        assert len(volumes) == 1, (seed, niveau, lignes)
        assert 20 <= Decimal(volumes.pop()) <= 500, (seed, niveau, lignes)
        assert abonnements and set(abonnements) == {"1"}, (seed, niveau, lignes)
        assert "Consommation d'eau potable" in {x["designation"] for x in lignes}
        assert "devis" not in variant.enonce and "à la commande" not in variant.enonce
        assert "compteur" in variant.enonce


def _fournisseur_de(variant, organisation):
    return next(f for f in organisation.fournisseurs if f"**{f.nom}**" in variant.enonce)


@pytest.mark.parametrize("secteur", secteur_codes())
def test_a_supplier_invoices_what_its_trade_sells(secteur):
    """An IT firm's telecom operator never bills show tickets, a wholesaler's toner maker never
    a dictionary nor mineral water: every line is an article of the supplier's trade (its
    name's keyword in scenarios/achats.yaml), or a caterer's for an event."""
    for seed in SEEDS:
        organisation = generate_company(seed, secteur)
        for niveau in NIVEAUX:
            variant = KINDS["facture"].generate(seed, niveau, organisation)
            if "Vérifier une facture fournisseur" not in variant.enonce:
                continue
            fournisseur = _fournisseur_de(variant, organisation)
            vend = {a[0] for a in ce_que_vend(secteur, fournisseur.nom)}
            lignes = {x["reference"] for x in variant.params["lignes"]}
            assert vend and lignes <= vend, (seed, niveau, fournisseur.nom, lignes)


def test_a_caterer_bills_one_number_of_guests():
    for seed in SEEDS:
        organisation = generate_company(seed, "informatique")
        variant = KINDS["facture"].generate(seed, 3, organisation)
        par_personne = {
            x["quantite"]
            for x in variant.params["lignes"]
            if x["designation"].endswith("(par personne)")
        }
        assert len(par_personne) <= 1, (seed, variant.params["lignes"])


@pytest.mark.parametrize("niveau", NIVEAUX)
def test_a_builders_invoice_is_for_one_kind_of_site(niveau):
    """Works in a home at reduced VAT (10 %, 5,5 %) and works on business premises or a new
    building (20 %) are never on one invoice; a business is not invoiced works in homes."""
    for seed in range(40):
        organisation = generate_company(seed, "batiment")
        variant = KINDS["facture"].generate(seed, niveau, organisation)
        designations = " ".join(x["designation"] for x in variant.params["lignes"])
        logement = "logement" in designations or "rénovation énergétique" in designations
        professionnel = "professionnel" in designations or "construction neuve" in designations
        assert not (logement and professionnel), (seed, designations)
        if "SIRET" in variant.enonce and "| — |" not in variant.enonce:
            assert not logement, (seed, designations)


def test_a_clubs_supplier_grants_no_rabais_for_an_intervention():
    """A club buys balls, shirts or a coach trip: a rabais makes up for a defect or a delay,
    never for « une intervention » its supplier never made."""
    for seed in SEEDS:
        organisation = generate_company(seed, "association_sportive")
        for niveau in NIVEAUX:
            enonce = KINDS["facture"].generate(seed, niveau, organisation).enonce
            assert "intervention" not in enonce and "interruption" not in enonce, (seed, niveau)
