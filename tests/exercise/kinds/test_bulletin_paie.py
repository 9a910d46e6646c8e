"""bulletin_paie beyond the shared contract (tests/exercise/test_kind_contract.py): the levels and
the barème, the misconceptions named, the statement, French messages, what the form asks."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from functools import cache

import pytest

from agora.company import generate_company
from agora.content.baremes import load_bareme
from agora.errors import InvalidInput
from agora.exercise.base import FormatErrors
from agora.exercise.forms import AnswerForm
from agora.exercise.kinds.bulletin_paie import KIND as bp
from agora.exercise.kinds.bulletin_paie.statement import champs_demandes

SEEDS = range(100)
NIVEAUX = (1, 2, 3)
BAREME = load_bareme(2026)


@cache
def company(seed: int):
    return generate_company(seed)


@cache
def variant(seed: int, niveau: int):
    return bp.generate(seed, niveau, company(seed))


def test_every_diagnostic_required_by_the_brief_is_raised_by_some_sample():
    required = {
        "CSG_SUR_BRUT", "CSG_SANS_PATRONAL_MUTUELLE", "HS_MAUVAIS_TAUX", "ABSENCE_NON_DEDUITE",
        "TRANCHE_A_NON_PLAFONNEE", "NET_IMPOSABLE_SANS_CSG_NON_DEDUCTIBLE",
        "PAS_SUR_NET_A_PAYER", "PAS_SUR_BRUT", "AVANTAGE_NATURE_NON_DEDUIT",
        "COUT_EMPLOYEUR_SANS_PATRONALES", "TAUX_SALARIAL_PATRONAL_INVERSES",
    }  # fmt: skip
    seen = {
        code
        for seed in range(10)
        for sample in bp.sample_answers(variant(seed, 3).params)
        for code in sample.expected_diagnostics
    }
    assert required <= seen


def test_six_typical_cases_at_least_and_the_unreadable_one_scores_zero():
    for niveau in NIVEAUX:
        params = variant(3, niveau).params
        samples = bp.sample_answers(params)
        assert len(samples) >= 6
        assert bp.grade(params, samples[-1].answer).score == 0


def _decimal(params, champ):
    return Decimal(params[champ])


@pytest.mark.parametrize("seed", range(0, 100, 3))
def test_variants_follow_the_levels_and_the_bareme(seed):
    org = company(seed)
    smic, pmss = BAREME.smic.horaire, BAREME.pmss.valeur
    for niveau in NIVEAUX:
        v = variant(seed, niveau)
        p, sol = v.params, bp.solve(v.params)
        assert _decimal(p, "taux_horaire") >= smic
        assert p["pmss"] == str(pmss)
        noms = {f"{s.prenom} {s.nom}" for s in org.salaries}
        assert p["salarie"]["nom"] in noms and p["salarie"]["nom"] in v.enonce
        assert org.raison_sociale in v.enonce
        assert "montant net social" in v.enonce
        at_mp = [c for c in p["cotisations"] if c["libelle"].startswith("Accidents du travail")]
        if niveau == 1:
            assert _decimal(p, "heures_sup_25") == _decimal(p, "absence_heures") == 0
            assert len(p["cotisations"]) <= 8 and not at_mp
            continue
        assert p["heures_mensuelles"] == "151.67"  # 35 h × 52 / 12
        assert _decimal(p, "heures_sup_25") > 0 and p["primes"]
        assert len(at_mp) == 1 and Decimal(at_mp[0]["taux_patronal"]) > 0
        assert "Carsat" in v.enonce and "heures supplémentaires sont traitées" in v.enonce
        if niveau == 2:
            assert _decimal(p, "heures_sup_50") == _decimal(p, "absence_heures") == 0
            continue
        assert Decimal(sol["salaire_brut"]) > pmss
        assert _decimal(p, "heures_sup_50") > 0 and _decimal(p, "absence_heures") > 0
        assert p["avantages_nature"] and _decimal(p, "remboursement_transport") > 0
        tranche_2 = [c for c in sol["cotisations"] if "tranche 2" in c["libelle"]]
        assert tranche_2 and all(Decimal(c["base"]) > 0 for c in tranche_2)
        (mutuelle,) = [c for c in p["cotisations"] if c["assiette"] == "forfait"]
        salarial, patronal = (
            Decimal(mutuelle["montant_salarial"]),
            Decimal(mutuelle["montant_patronal"]),
        )
        assert BAREME.mutuelle.total_min <= salarial + patronal <= BAREME.mutuelle.total_max
        assert patronal >= salarial and mutuelle["patronal_assiette_csg"]
        assert mutuelle["patronal_imposable"]
        assert "PMSS n'est pas proratisé" in v.enonce


def test_statement_lists_the_form_fields_in_order():
    for niveau in NIVEAUX:
        v = variant(3, niveau)
        travail = v.enonce.split("## Travail à faire")[1]
        assert travail.count("\n1. ") == 1
        assert len([ligne for ligne in travail.splitlines() if ligne[:1].isdigit()]) == len(
            champs_demandes(v.params, niveau)
        )


def test_empty_field_is_wrong_and_absent_field_is_not_graded():
    params = variant(1, 2).params
    grade = bp.grade(params, {"salaire_base": "", "cotisations": [{"base": None}]})
    assert [(c.champ, c.correct, c.message) for c in grade.champs] == [
        ("salaire_base", False, "Champ non rempli."),
        ("cotisations.0.base", False, "Champ non rempli."),
    ]
    assert bp.grade(params, {}).champs == []


def test_validate_field_messages():
    assert bp.validate_field("salaire_brut", "1 234,56") is None
    assert bp.validate_field("cotisations.3.base", "") is None
    assert "valide" in bp.validate_field("net_a_payer", "douze")
    assert "centime" in bp.validate_field("cotisations.0.montant_patronal", "1,234")
    assert bp.validate_field("inconnu", "1") == "Champ inconnu « inconnu »."


# ---------------------------------------------------------------- the form


@pytest.mark.parametrize("niveau", NIVEAUX)
@pytest.mark.parametrize("seed", [0, 5, 11, 42])
def test_the_form_asks_the_fields_of_the_level(seed, niveau, form_values):
    params = variant(seed, niveau).params
    posted = form_values("bulletin_paie", params, niveau, AnswerForm.from_answer(bp.solve(params)))
    demandes = champs_demandes(params, niveau)
    top = {name for name in posted if not name.startswith("cotisations.")}
    assert top == set(demandes) - {"cotisations"}
    lignes = {name for name in posted if name.startswith("cotisations.")}
    attendues = {
        f"cotisations.{i}.{col}"
        for i, c in enumerate(params["cotisations"])
        if c["assiette"] != "forfait"
        for col, taux in (
            ("base", "1"),
            ("montant_salarial", c["taux_salarial"]),
            ("montant_patronal", c["taux_patronal"]),
        )
        if Decimal(taux)
    }
    assert lignes == attendues


@pytest.mark.parametrize(
    "hostile",
    [10**26, "9" * 400, float("nan"), float("inf"), 1e300, [1, 2], {"a": 1}, True, "12,345"],
)
def test_hostile_values_are_wrong_with_a_message(hostile):
    params = variant(2, 3).params
    grade = bp.grade(params, {"salaire_brut": hostile, "cotisations": [{"base": hostile}]})
    assert grade.score == 0
    assert all(c.message and not c.correct for c in grade.champs)
    with pytest.raises(FormatErrors):
        bp.parse({"net_a_payer": hostile})


def test_expected_values_in_the_grading_are_the_solution_strings():
    for niveau in NIVEAUX:
        params = variant(9, niveau).params
        solution = bp.solve(params)
        flat = {
            **{k: v for k, v in solution.items() if k != "cotisations"},
            **{
                f"cotisations.{i}.{k}": v
                for i, c in enumerate(solution["cotisations"])
                for k, v in c.items()
            },
        }
        for champ in bp.grade(params, solution).champs:
            assert champ.attendu == flat[champ.champ]


def test_grade_with_unusable_params_scores_zero_with_a_message():
    grade = bp.grade({"taux_horaire": "x"}, {"salaire_brut": "1"})
    assert grade.score == 0 and grade.champs[0].champ == "paramètres"
    assert grade.champs[0].message.startswith("paramètres :")


def test_the_march_payroll_mission_makes_march_payslips():
    # Regression: « La paie de mars » gave each student a payslip of a month drawn from the
    # seed (April for some). The mission's step sets the kind's option mois: mars.
    from agora.content.missions import ExerciseStep, load_missions, variant_seed
    from agora.exercise.variants import build_variant

    mission = load_missions()["la-paie-de-mars"]
    assert "mars" in mission.titre
    index, step = next((i, s) for i, s in enumerate(mission.etapes) if isinstance(s, ExerciseStep))
    for org_seed in (1, 77, 4242, 9):
        seed = variant_seed(org_seed, mission.slug, index)
        variant = build_variant(step.kind, step.niveau, seed, org_seed, step.options)
        assert variant.params["periode"] == "2026-03"
        assert "## Les éléments du mois de mars" in variant.enonce
        assert "avril" not in variant.enonce


def test_a_fixed_month_changes_only_the_period():
    # The default (au_choix) draws the month as before (VERSION unchanged); a fixed month
    # keeps every other draw of the same seed, so only the period and its wording differ.
    assert bp.choose_options() == {"mois": "au_choix"}
    for seed, niveau in ((4, 1), (11, 2), (23, 3)):
        drawn = bp.generate(seed, niveau, company(seed))
        assert bp.generate(seed, niveau, company(seed), {"mois": "au_choix"}) == drawn
        fixed = bp.generate(seed, niveau, company(seed), {"mois": "décembre"})
        assert fixed.params["periode"] == "2026-12"
        assert {**fixed.params, "periode": drawn.params["periode"]} == drawn.params
    with pytest.raises(InvalidInput, match="Valeur « 13 » impossible pour l'option « mois »"):
        bp.choose_options({"mois": "13"})


def _restaurant_seed() -> int:
    return next(s for s in range(200) if company(s).secteur == "restaurant")


@pytest.mark.parametrize("niveau", [1, 2, 3])
def test_a_restaurants_payslip_counts_the_staff_meals_at_the_minimum_garanti(niveau):
    # HCR (IDCC 1979): staff fed at work get the meals as a benefit in kind, one minimum
    # garanti a meal (4,25 € in the 2026 barème); at level 1 the employee is not fed and gets
    # the compensatory allowance of the same amount. 13 meals × 4,25 € = 55,25 €.
    seed = _restaurant_seed()
    params = bp.generate(seed, niveau, company(seed)).params
    mg = load_bareme(2026).minimum_garanti.valeur
    avantages = {a["libelle"]: Decimal(a["montant"]) for a in params.get("avantages_nature", [])}
    primes = {p["libelle"]: Decimal(p["montant"]) for p in params.get("primes", [])}
    repas = avantages.get("Avantage en nature repas") or primes.get(
        "Indemnité compensatrice de nourriture"
    )
    assert repas is not None and repas % mg == 0 and 8 <= repas / mg <= 20
    assert ("Indemnité compensatrice de nourriture" in primes) == (niveau == 1)
    assert bp.grade(params, bp.solve(params)).score == 1


def test_a_restaurants_statement_states_the_company_agreement_on_overtime_with_its_source():
    seed = _restaurant_seed()
    texte = bp.generate(seed, 2, company(seed)).enonce
    assert "## Les règles de paie de l'entreprise" in texte
    assert "accord d'entreprise" in texte and "10 % de la 36e à la 39e heure" in texte
    assert "L3121-33" in texte and "IDCC 1979" in texte


def test_a_payslip_outside_hotels_and_restaurants_has_no_meal_rule():
    seed = next(s for s in range(200) if company(s).secteur == "librairie")
    for niveau in (1, 2):
        variant = bp.generate(seed, niveau, company(seed))
        assert "avantages_nature" not in variant.params or not variant.params["avantages_nature"]
        assert "Les règles de paie" not in variant.enonce


def _apprentis(org) -> set[str]:
    return {f"{s.prenom} {s.nom}" for s in org.salaries if s.contrat == "apprentissage"}


def test_no_payslip_is_an_apprentices():
    # The kind does not apply an apprentice's payslip rules (employee contributions exempt up
    # to 50 % of the SMIC, CSG/CRDS on the part above it): it never draws one.
    for seed in range(200):
        apprentis = _apprentis(company(seed))
        for niveau in NIVEAUX:
            assert variant(seed, niveau).params["salarie"]["nom"] not in apprentis, (seed, niveau)


def test_an_organisation_of_apprentices_only_has_no_payslip():
    org = company(0)
    seuls = replace(org, salaries=tuple(replace(s, contrat="apprentissage") for s in org.salaries))
    for niveau in NIVEAUX:
        with pytest.raises(InvalidInput, match="hors apprentis"):
            bp.generate(0, niveau, seuls)
