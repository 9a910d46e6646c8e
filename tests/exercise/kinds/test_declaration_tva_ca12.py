"""declaration_tva with ``regime: ca12``: hand-checked annual returns (3517-S-SD, the calculation
in comments), the acomptes and their threshold, the named wrong methods, carried errors, the
form, the option checked when a mission loads, the generated variants."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.exercise.kinds.test_declaration_tva import KIND, codes, ecriture, lignes
from tests.exercise.kinds.test_declaration_tva import params as params_ca3

from agora.company import generate_company
from agora.content.missions import load_mission, load_missions, variant_seed
from agora.errors import ContentError, InvalidInput
from agora.exercise.base import unflatten
from agora.exercise.forms import AnswerForm
from agora.exercise.variants import build_variant

CA12 = {"regime": "ca12"}


def params(ventes=(), achats=(), base="0.00", credit="0.00", **autres: Any) -> dict[str, Any]:
    """A CA12's params: ventes as (taux, HT), achats as (nature, HT, taux, TVA), base = the
    line 57 of last year's CA12."""
    return params_ca3(
        ventes,
        achats,
        credit,
        regime="ca12",
        periode="2026",
        date_declaration="2027-05-04",
        base_acomptes=base,
        **autres,
    )


# Sales 100 000 at 20 % and 10 000,50 at 5,5 %; goods and services VAT 8 000; a machine VAT 1 000.
DUE = params(
    [("20", "100000.00"), ("5.5", "10000.50")],
    [
        ("biens_services", "40000.00", "20", "8000.00"),
        ("immobilisation", "5000.00", "20", "1000.00"),
    ],
    base="10000.00",
)


def test_balance_due_after_the_two_acomptes():
    # 5A: 100 000 × 20 % = 20 000 ; 06: 10 000,50 × 5,5 % = 550,0275 → 550,03.
    # 16 = 19 = 20 550,03 ; 20 = 22 = 8 000 ; 23 = 1 000 ; 24 = 0 ; 26 = 9 000.
    # 28 = 20 550,03 − 9 000 = 11 550,03. Acomptes on last year's 10 000: July 55 % = 5 500,
    # December 40 % = 4 000, line 30 = 9 500. 33 = 11 550,03 − 9 500 = 2 050,03.
    # 57 = 16 − 22 = 20 550,03 − 8 000 = 12 550,03 (the machine's VAT is not taken off).
    ca12 = lignes(DUE)
    assert (ca12["ligne_5A_taxe"], ca12["ligne_06_taxe"], ca12["ligne_16"]) == (
        "20000.00",
        "550.03",
        "20550.03",
    )
    assert (ca12["ligne_19"], ca12["ligne_22"], ca12["ligne_23"], ca12["ligne_26"]) == (
        "20550.03",
        "8000.00",
        "1000.00",
        "9000.00",
    )
    assert (ca12["ligne_28"], ca12["ligne_29"]) == ("11550.03", "0.00")
    assert (ca12["acompte_juillet"], ca12["acompte_decembre"], ca12["ligne_30"]) == (
        "5500.00",
        "4000.00",
        "9500.00",
    )
    assert (ca12["ligne_33"], ca12["ligne_34"], ca12["ligne_35"]) == ("2050.03", "0.00", "0.00")
    assert ca12["ligne_57"] == "12550.03"
    # D 44571 20 550,03 = C 44562 1 000 + C 44566 8 000 + C 44581 9 500 + C 44551 2 050,03.
    assert ecriture(DUE) == [
        ("44571", "20550.03", "0.00"),
        ("44562", "0.00", "1000.00"),
        ("44566", "0.00", "8000.00"),
        ("44581", "0.00", "9500.00"),
        ("44551", "0.00", "2050.03"),
    ]
    assert KIND.solve(DUE)["ecriture"][0]["piece"] == "CA12-2026"


def test_acomptes_above_the_vat_due_leave_a_surplus():
    # 16 = 20 000 × 20 % = 4 000 ; 20 = 1 000 ; 28 = 3 000. Acomptes on 4 000: 2 200 + 1 600 =
    # 3 800 > 3 000: 33 = 0, 34 = 3 800 − 3 000 = 800, 35 = 0 + 800 = 800. 57 = 3 000.
    # Entry: D 44571 4 000 + D 44567 800 = C 44566 1 000 + C 44581 3 800.
    p = params([("20", "20000.00")], [("biens_services", "5000.00", "20", "1000.00")], "4000.00")
    ca12 = lignes(p)
    assert (ca12["ligne_28"], ca12["ligne_30"]) == ("3000.00", "3800.00")
    assert (ca12["ligne_33"], ca12["ligne_34"], ca12["ligne_35"], ca12["ligne_57"]) == (
        "0.00",
        "800.00",
        "800.00",
        "3000.00",
    )
    assert ecriture(p) == [
        ("44571", "4000.00", "0.00"),
        ("44566", "0.00", "1000.00"),
        ("44581", "0.00", "3800.00"),
        ("44567", "800.00", "0.00"),
    ]


def test_a_credit_with_last_years_credit_and_acomptes():
    # 6C: 10 000 × 10 % = 1 000 = 16 = 19. 20 = 22 = 600 ; 23 = 2 000 ; 24 = 300 ; 26 = 2 900.
    # 29 = 2 900 − 1 000 = 1 900 ; 28 = 0. Acomptes on 1 200: 660 + 480 = 1 140 = 30.
    # 33 = 0 ; 34 = 1 140 − 0 = 1 140 ; 35 = 1 900 + 1 140 = 3 040. 57 = 1 000 − 600 = 400.
    # Entry: D 44571 1 000 + D 44567 3 040 = C 44562 2 000 + C 44566 600 + C 44567 300
    # + C 44581 1 140 = 4 040.
    p = params(
        [("10", "10000.00")],
        [
            ("biens_services", "3000.00", "20", "600.00"),
            ("immobilisation", "10000.00", "20", "2000.00"),
        ],
        base="1200.00",
        credit="300.00",
    )
    ca12 = lignes(p)
    assert (ca12["ligne_6C_base"], ca12["ligne_6C_taxe"], ca12["ligne_24"]) == (
        "10000.00",
        "1000.00",
        "300.00",
    )
    assert (ca12["ligne_26"], ca12["ligne_28"], ca12["ligne_29"]) == ("2900.00", "0.00", "1900.00")
    assert (ca12["ligne_30"], ca12["ligne_33"], ca12["ligne_34"], ca12["ligne_35"]) == (
        "1140.00",
        "0.00",
        "1140.00",
        "3040.00",
    )
    assert ca12["ligne_57"] == "400.00"
    assert ecriture(p) == [
        ("44571", "1000.00", "0.00"),
        ("44562", "0.00", "2000.00"),
        ("44566", "0.00", "600.00"),
        ("44567", "0.00", "300.00"),
        ("44581", "0.00", "1140.00"),
        ("44567", "3040.00", "0.00"),
    ]
    assert "CREDIT_ANTERIEUR_OUBLIE" in codes(p, {"ligne_24": "0", "ligne_26": "2600"})
    assert "SOLDE_INVERSE" in codes(p, {"ligne_28": "1900", "ligne_29": "0"})


def test_no_acompte_under_1000_euros_and_from_1000_euros_on():
    # Last year's line 57 at 999,99 < 1 000: no acompte (CGI art. 287-3); computing them anyway
    # (999,99 × 55 % = 549,9945 → 549,99 and × 40 % = 399,996 → 400,00) is named.
    # At exactly 1 000 they are due: 550 and 400.
    sous = params([("20", "5000.00")], base="999.99")
    assert (lignes(sous)["acompte_juillet"], lignes(sous)["ligne_30"]) == ("0.00", "0.00")
    assert lignes(sous)["ligne_33"] == "1000.00"
    computed = {"acompte_juillet": "549.99", "acompte_decembre": "400.00", "ligne_30": "949.99"}
    assert "ACOMPTES_SOUS_SEUIL" in codes(sous, computed)
    pile = lignes(params([("20", "5000.00")], base="1000.00"))
    assert (pile["acompte_juillet"], pile["acompte_decembre"], pile["ligne_30"]) == (
        "550.00",
        "400.00",
        "950.00",
    )


def test_acomptes_round_half_up_and_other_rate_lines():
    # 1 234,57 × 55 % = 679,0135 → 679,01 ; × 40 % = 493,828 → 493,83 (cutting gives 493,82).
    # 2,1 % on line 09: 1 000,50 × 2,1 % = 21,0105 → 21,01.
    p = params([("2.1", "1000.50"), ("20", "10000.00")], base="1234.57")
    ca12 = lignes(p)
    assert (ca12["acompte_juillet"], ca12["acompte_decembre"]) == ("679.01", "493.83")
    assert ca12["ligne_09_taxe"] == "21.01"
    assert "ARRONDI_TRONQUE" in codes(p, {"acompte_decembre": "493.82"})


def test_the_acomptes_mistakes_are_named():
    inverses = {"acompte_juillet": "4000.00", "acompte_decembre": "5500.00"}
    assert "ACOMPTES_TAUX_INVERSES" in codes(DUE, inverses)
    assert "ACOMPTES_OUBLIES" in codes(DUE, {"ligne_30": "0"})
    # Line 57 after taking off the machine's VAT too: 20 550,03 − 8 000 − 1 000 = 11 550,03.
    assert codes(DUE, {"ligne_57": "11550.03"}) == {"BASE_ACOMPTES_IMMO_DEDUITE"}
    assert "IMMOBILISATION_EN_ABS" in codes(DUE, {"ligne_20": "9000.00", "ligne_23": "0"})
    message = KIND.grade(DUE, {"ligne_20": "9000.00"}).diagnostics[0].message
    assert "ligne 23" in message  # the CA12's line, not the CA3's 19


def test_error_carried_forward_earns_its_credit():
    # Line 30 written 9 000 instead of 9 500: 33 = 11 550,03 − 9 000 = 2 550,03 is right from it.
    answer = {"ligne_28": "11550.03", "ligne_30": "9000", "ligne_33": "2550.03"}
    verdicts = {c.champ: c.correct for c in KIND.grade(DUE, answer).champs}
    assert verdicts == {"ligne_28": True, "ligne_30": False, "ligne_33": True}


def test_the_entry_takes_the_acomptes_account():
    answer = {
        "ecriture": [
            {"compte": "445710", "debit": "20 550,03", "credit": ""},
            {"compte": "44562", "debit": "", "credit": "1000"},
            {"compte": "44566", "debit": "", "credit": "8000"},
            {"compte": "44581", "debit": "", "credit": "9500"},
            {"compte": "44551", "debit": "", "credit": "2050,03"},
        ]
    }
    assert KIND.grade(DUE, answer).score == 1
    confondu = {"ecriture": [{"compte": "44567", "debit": "", "credit": "9500"}]}
    assert "COMPTE_TVA_CONFONDU" in codes(DUE, confondu)


def test_bad_ca12_params_are_refused_in_one_french_line():
    with pytest.raises(InvalidInput, match="periode doit être une année"):
        KIND.check_params(DUE | {"periode": "2026-03"})
    with pytest.raises(InvalidInput, match="acquisitions_ue"):
        ue = [{"piece": "UE", "fournisseur": "DE", "libelle": "X", "montant_ht": "5.00"}]
        KIND.check_params(DUE | {"acquisitions_ue": ue})
    with pytest.raises(InvalidInput, match="base_acomptes"):
        KIND.check_params({k: v for k, v in DUE.items() if k != "base_acomptes"})


@pytest.mark.parametrize("seed", range(8))
def test_every_sector_gives_a_ca12_at_every_level(seed):
    organisation = generate_company(seed)
    for niveau in (1, 2, 3):
        variant = build_variant("declaration_tva", niveau, seed, seed, CA12)
        p = variant.params
        assert (p["regime"], p["periode"], variant.options) == ("ca12", "2026", CA12)
        assert "3517-S-SD" in variant.enonce and "ligne 57" in variant.enonce.lower()
        assert KIND.grade(p, KIND.solve(p)).score == 1
        assert any(a["nature"] == "immobilisation" for a in p["achats"]) == (niveau > 1)
        for sample in KIND.sample_answers(p):
            found = codes(p, sample.answer)
            assert set(sample.expected_diagnostics) <= found, sample.label
    # The default stays the monthly CA3, drawn as before the option existed.
    assert KIND.generate(seed, 2, organisation).params["regime"] == "ca3_mensuelle"


def test_level_3_draws_a_base_under_the_threshold_for_some_seeds():
    bases = [
        float(build_variant("declaration_tva", 3, seed, seed, CA12).params["base_acomptes"])
        for seed in range(12)
    ]
    assert any(b < 1000 for b in bases) and any(b >= 1000 for b in bases)


@pytest.mark.parametrize("niveau", (1, 2, 3))
def test_the_ca12_form_posts_the_right_answer_and_the_empty_one(niveau, form_values):
    for seed in range(3):
        p = build_variant("declaration_tva", niveau, seed, seed, CA12).params
        posted = form_values("declaration_tva", p, niveau, AnswerForm.from_answer(KIND.solve(p)))
        assert KIND.grade(p, unflatten(posted)).score == 1
        assert set(posted) >= {"ligne_57", "ligne_30", "acompte_juillet", "ligne_35"}
        empty = unflatten(form_values("declaration_tva", p, niveau, AnswerForm()))
        assert KIND.grade(p, empty).score == 0


def _mission(tmp_path: Path, options: str) -> Path:
    path = tmp_path / "annuelle.md"
    path.write_text(
        "---\ntitre: Essai\nniveau: 1\nduree_minutes: 30\nresume: Un essai.\n"
        'competences: ["2.2.4"]\netapes: [{kind: declaration_tva, niveau: 2, points: 5, '
        f'titre: "CA12", options: {options}}}]\n---\nHistoire.\n',
        encoding="utf-8",
    )
    return path


def test_the_regime_option_is_checked_when_a_mission_loads(tmp_path):
    assert load_mission(_mission(tmp_path, "{regime: ca12}")).etapes[0].options == CA12
    with pytest.raises(ContentError, match="Valeur « ca13 » impossible pour l'option « regime »"):
        load_mission(_mission(tmp_path, "{regime: ca13}"))


def test_the_annual_mission_builds_ca12_steps_for_a_small_organisation():
    mission = load_missions()["la-declaration-annuelle-de-tva"]
    for index, step in enumerate(mission.etapes):
        seed = variant_seed(77, "la-declaration-annuelle-de-tva", index)
        variant = build_variant(step.kind, step.niveau, seed, 77, step.options)
        assert variant.params["regime"] == "ca12"
        assert KIND.grade(variant.params, KIND.solve(variant.params)).score == 1
