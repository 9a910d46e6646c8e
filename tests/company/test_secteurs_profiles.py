"""Sector profiles: the eight required ones load, and a malformed profile gets a French error."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from agora.content.secteurs import SECTEURS_DIR, load_secteur, load_secteurs
from agora.errors import ContentError, UnknownCode

VALID = (SECTEURS_DIR / "informatique.yaml").read_text(encoding="utf-8")


def test_the_required_profiles_cover_relations_and_vat_situations():
    profiles = load_secteurs()
    assert len(profiles) >= 8
    assert {p.relation for p in profiles.values()} == {"client", "usager", "adherent"}
    rates = {code: set(p.taux_tva) for code, p in profiles.items()}
    assert rates["grossiste_fournitures"] == {Decimal("20")}
    assert {Decimal("5.5"), Decimal("10")} <= rates["restaurant"]
    assert {Decimal("5.5"), Decimal("20")} <= rates["boulangerie"]
    assert {Decimal("2.1"), Decimal("5.5"), Decimal("20")} <= rates["librairie"]
    assert {Decimal("10"), Decimal("20")} <= rates["batiment"]
    assert profiles["informatique"].option_tva_sur_debits
    assert not profiles["association_sportive"].assujetti_tva
    assert profiles["association_sportive"].subventions
    assert profiles["regie_eau"].relation == "usager"
    assert any("HACCP" in c for c in profiles["restaurant"].contraintes)


def test_every_profile_has_real_looking_codes():
    for profile in load_secteurs().values():
        assert re.fullmatch(r"\d{4}", profile.convention_collective.idcc)
        assert all(re.fullmatch(r"\d{2}\.\d{2}[A-Z]", naf.code) for naf in profile.naf)
        assert {e.statut for e in profile.emplois} <= {"cadre", "non_cadre"}


def test_unknown_sector_lists_the_known_ones():
    with pytest.raises(UnknownCode, match="secteurs connus : association_sportive"):
        load_secteur("pressing")


def _load_variant(tmp_path: Path, old: str, new: str) -> None:
    text = VALID.replace(old, new, 1)
    assert text != VALID
    (tmp_path / "informatique.yaml").write_text(text, encoding="utf-8")
    load_secteurs.__wrapped__(tmp_path)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('taux_tva: ["20"]', 'taux_tva: ["19.6"]', "taux de TVA inconnu"),
        ("delais_paiement_jours: [30, 45, 60]", "delais_paiement_jours: [30, 90]", "60 jours"),
        ('- "{nom} et {nom2} Solutions Logicielles"', '- "{nom} SA"', "deux parties variables"),
        ("effectif: {min: 6, max: 40}", "effectif: {min: 6, max: 60}", "entre 6 et 40"),
        ('idcc: "1486"', 'idcc: "Syntec"', "convention_collective.idcc"),
        ("formes_juridiques: [SAS", "formes_juridiques: [GIE", "forme juridique inconnue"),
        ("code: informatique", "code: numerique", "doit être le nom du fichier"),
        ("  samedi: null\n", "", "sept jours"),
        ('feminin: "Développeuse", ', "", "emplois.1.feminin"),
        ('feminin: "Développeuse"', 'feminin: ""', "emplois.1.feminin"),
    ],
)
def test_malformed_profile_gets_a_french_error_naming_the_file(tmp_path, old, new, message):
    with pytest.raises(ContentError, match=message) as error:
        _load_variant(tmp_path, old, new)
    assert "informatique.yaml" in str(error.value)
    assert "Value error" not in str(error.value)
