"""What each sector buys, from which of its suppliers, and into which PCG account (achats.yaml,
next to this module): the purchase documents fit the organisation (a bakery buys flour into
601, a bookshop books to resell into 607, a club coach trips into 624).

An article: (supplier keyword, reference, designation, unit, lowest and highest unit price HT,
VAT rate, account). The keyword is a word of the sector's supplier names (scenarios/secteurs/),
so an invoice from « Moulins Martin » bills flour.
"""

from __future__ import annotations

from pathlib import Path

from agora.content.loading import StrictModel, load_yaml_model

Article = tuple[str, str, str, str, int, int, str, str]
# (supplier keyword, reference, designation, lowest and highest price HT, account, the
# supplier when none of the file has the keyword, the accessory line capitalised with it)
Immobilisation = tuple[str, str, str, int, int, str, str, str]


class Achats(StrictModel):
    articles: dict[str, tuple[Article, ...]]
    aussi_acceptes: dict[str, tuple[str, ...]]
    immobilisations: dict[str, Immobilisation]
    fournisseurs_ue: dict[str, tuple[str, str]]  # (name, country)


_DONNEES = load_yaml_model(Path(__file__).with_name("achats.yaml"), Achats)

ARTICLES = _DONNEES.articles
# Other accounts accepted for an account, besides its three-digit root.
AUSSI_ACCEPTES = _DONNEES.aussi_acceptes
# A fixed asset the organisation may buy (level 3), above the capitalisation threshold.
IMMOBILISATIONS = _DONNEES.immobilisations
# A supplier in another EU country (level 3, organisations subject to VAT).
FOURNISSEURS_UE = _DONNEES.fournisseurs_ue
