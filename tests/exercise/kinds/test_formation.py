"""Hand-checked ``formation`` cases (computation in comments: own step-by-step calculation
following docs/exercices/formation.md and the rates of Code du travail art. L2315-61, L6331-1
and L6331-3), the diagnostics named, carried errors, and what each level holds."""

from __future__ import annotations

import copy

import pytest

from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.base import unflatten
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

KIND = get_kind("formation")


def session(intitule, tarif, par, jours, participants, frais, obligatoire=False, priorite=1):
    return {
        "intitule": intitule,
        "organisme": "Formavenir",
        "obligatoire": obligatoire,
        "priorite": priorite,
        "distanciel": frais == "0.00",
        "jours": jours,
        "tarif": tarif,
        "tarif_par": par,
        "participants": participants,
        "frais_par_participant": frais,
    }


CSE_PETITE = {  # 12 employees: no operating budget; ASC 0.75 % by decision of the direction
    "effectif": 12,
    "hypothetique": False,
    "masse_salariale_brute": "412345.67",
    "masse_salariale_nette": "321629.62",
    "taux_asc": "0.75",
    "fonctionnement": True,
    "activites": [
        {"libelle": "Arbre de Noël", "montant": "1500.00"},
        {"libelle": "Billetterie", "montant": "1650.40"},
    ],
}


def plan(niveau=2, budget="4200.00", sessions=None, cse=None, horaire=None, contribution=True):
    return {
        "niveau": niveau,
        "annee": 2026,
        "budget": budget,
        "heures_par_jour": "7",
        "cout_horaire": horaire,
        "arbitrage": horaire is not None,
        "sessions": copy.deepcopy(sessions or SESSIONS_2),
        "convocation": {
            "participant": "Léa Martin",
            "session": 0,
            "elements": ["intitule", "dates", "salaire", "lieu", "secu", "frais"],
        },
        "contribution": {"effectif": 12, "masse_salariale_brute": "412345.67"}
        if contribution
        else None,
        "cse": copy.deepcopy(cse or CSE_PETITE),
    }


SESSIONS_2 = [
    session("Habilitation électrique", "645.50", "jour", 2, 3, "37.45", True, 1),
    session("Tableur niveau 2", "1250.25", "session", 1, 2, "20.00", priorite=2),
    session("Accueil téléphonique", "380.00", "participant", 2, 4, "52.30", priorite=3),
]
SESSIONS_3 = [
    session("Accueil téléphonique", "900.00", "jour", 2, 3, "40.00", priorite=1),
    session("Gestes et postures", "450.00", "participant", 1, 4, "25.50", priorite=2),
    session("Tableur niveau 2", "1200.00", "session", 1, 2, "0.00", priorite=3),
    session("Sécurité incendie", "700.00", "jour", 1, 5, "30.00", True, 4),
]


def corrige(params, changes):
    """Grade the reference answer with some fields written otherwise (by dotted name)."""
    grade = KIND.grade(params, unflatten(flatten(KIND.solve(params)) | changes))
    return grade, [d.code for d in grade.diagnostics]


def champ(grade, path):
    return next(c for c in grade.champs if c.champ == path)


def test_cout_de_chaque_session():
    s = KIND.solve(plan())["sessions"]
    # 1. Per day: 645.50 × 2 = 1 291.00; expenses 37.45 × 3 = 112.35; total 1 403.35;
    #    per trainee 1 403.35 ÷ 3 = 467.7833… → 467.78.
    assert s[0] == {
        "cout_pedagogique": "1291.00",
        "frais": "112.35",
        "cout_total": "1403.35",
        "cout_participant": "467.78",
    }
    # 2. Flat price 1 250.25; expenses 20.00 × 2 = 40.00; total 1 290.25;
    #    per trainee 1 290.25 ÷ 2 = 645.125: the half cent goes up → 645.13.
    assert s[1]["cout_total"] == "1290.25" and s[1]["cout_participant"] == "645.13"
    # 3. Per trainee: 380.00 × 4 = 1 520.00; 52.30 × 4 = 209.20; total 1 729.20; ÷ 4 = 432.30.
    assert s[2]["cout_pedagogique"] == "1520.00" and s[2]["cout_participant"] == "432.30"


def test_plan_face_au_budget():
    r = KIND.solve(plan())
    # 4. Plan 1 403.35 + 1 290.25 + 1 729.20 = 4 422.80; 9 trainees: 4 422.80 ÷ 9 = 491.422… →
    #    491.42; variance 4 422.80 − 4 200.00 = 222.80, 222.80 ÷ 4 200 × 100 = 5.3047… → 5.30 %,
    #    above the budget: unfavourable.
    assert (r["total_plan"], r["cout_moyen"], r["ecart"]) == ("4422.80", "491.42", "222.80")
    assert (r["ecart_pct"], r["ecart_sens"]) == ("5.3", "defavorable")


def test_erreurs_nommees_du_plan():
    p = plan()
    # 645.125 cut instead of rounded: 645.12.
    assert "ARRONDI_TRONQUE" in corrige(p, {"sessions.1.cout_participant": "645,12"})[1]
    # Budget − actual: −222.80 (and −5.30 %).
    assert corrige(p, {"ecart": "-222,80"})[1] == ["ECART_SIGNE_INVERSE"]
    # On the actual: 222.80 ÷ 4 422.80 × 100 = 5.0375… → 5.04 %.
    assert corrige(p, {"ecart_pct": "5,04 %"})[1] == ["ECART_PCT_SUR_REALISE"]
    # Divided by the 3 sessions: 4 422.80 ÷ 3 = 1 474.266… → 1 474.27.
    assert corrige(p, {"cout_moyen": "1 474,27 €"})[1] == ["COUT_MOYEN_PAR_SESSIONS"]
    # The day price taken once: 645.50 instead of 1 291.00.
    assert corrige(p, {"sessions.0.cout_pedagogique": "645.50"})[1] == ["TARIF_NON_MULTIPLIE"]
    # Expenses of one trainee: 37.45 instead of 112.35.
    assert corrige(p, {"sessions.0.frais": "37.45"})[1] == ["FRAIS_NON_MULTIPLIES"]
    assert corrige(p, {"ecart_sens": "favorable"})[1] == ["SENS_INVERSE"]


def test_erreur_reportee():
    # A wrong teaching cost 1 391.00: total 1 391.00 + 112.35 = 1 503.35, ÷ 3 = 501.116… →
    # 501.12, plan 4 522.80, variance 322.80, 322.80 ÷ 4 200 × 100 = 7.6857… → 7.69 %.
    eleve = {
        "sessions.0.cout_pedagogique": "1391.00",
        "sessions.0.cout_total": "1503.35",
        "sessions.0.cout_participant": "501.12",
        "total_plan": "4522.80",
        "ecart": "322.80",
        "ecart_pct": "7.69",
    }
    grade, codes = corrige(plan(), eleve)
    assert not champ(grade, "sessions.0.cout_pedagogique").correct
    for path in ("sessions.0.cout_total", "sessions.0.cout_participant", "total_plan", "ecart"):
        assert champ(grade, path).correct and "reportée" in champ(grade, path).message
    assert champ(grade, "ecart_pct").correct and codes == []


def test_convocation():
    r = KIND.solve(plan())["convocation"]
    # intitulé, dates, lieu, frais: yes; salary and social security number: no.
    assert [e["figure"] for e in r] == ["oui", "oui", "non", "oui", "non", "oui"]
    manque = corrige(plan(), {"convocation.1.figure": "non"})[1]
    assert manque == ["CONVOCATION_ELEMENT_MANQUANT"]
    assert corrige(plan(), {"convocation.2.figure": "oui"})[1] == ["CONVOCATION_ELEMENT_INUTILE"]


def test_contribution_formation():
    # 12 employees: 1 % × 412 345.67 = 4 123.4567 → 4 123.46; 0.55 % would give 2 267.90.
    assert KIND.solve(plan())["contribution"] == "4123.46"
    assert corrige(plan(), {"contribution": "2267.90"})[1] == ["CONTRIBUTION_TAUX_CONFONDU"]
    # 9 employees: 0.55 % × 250 001.00 = 1 375.0055 → 1 375.01.
    p = plan()
    p["contribution"] = {"effectif": 9, "masse_salariale_brute": "250001.00"}
    assert KIND.solve(p)["contribution"] == "1375.01"


def test_budgets_sous_50_salaries():
    cse = KIND.solve(plan())["cse"]
    # 12 employees: no operating budget (0.00); ASC 0.75 % × 412 345.67 = 3 092.592525 →
    # 3 092.59; spent 1 500.00 + 1 650.40 = 3 150.40; variance 3 150.40 − 3 092.59 = 57.81.
    assert cse == {
        "budget_fonctionnement": "0.00",
        "budget_asc": "3092.59",
        "asc_realise": "3150.40",
        "asc_ecart": "57.81",
        "asc_sens": "defavorable",
    }
    # 0.20 % applied anyway: 412 345.67 × 0.002 = 824.69134 → 824.69.
    codes = corrige(plan(), {"cse.budget_fonctionnement": "824.69"})[1]
    assert codes == ["FONCTIONNEMENT_SOUS_50"]
    # On the net payroll: 321 629.62 × 0.0075 = 2 412.22215 → 2 412.22.
    assert corrige(plan(), {"cse.budget_asc": "2412.22"})[1] == ["MASSE_NETTE"]


@pytest.mark.parametrize(
    ("effectif", "attendu", "confondu"),
    [
        # 81 234 562.50 × 0.0022 = 178 716.0375 → 178 716.04 (from 2 000 employees).
        (2150, "178716.04", "162469.13"),
        (2000, "178716.04", "162469.13"),
        # 81 234 562.50 × 0.0020 = 162 469.125: the half cent goes up → 162 469.13.
        (1999, "162469.13", "178716.04"),
    ],
)
def test_budget_de_fonctionnement_du_cse(effectif, attendu, confondu):
    cse = dict(CSE_PETITE, effectif=effectif, hypothetique=True)
    cse["masse_salariale_brute"] = "81234562.50"
    p = plan(cse=cse)
    assert KIND.solve(p)["cse"]["budget_fonctionnement"] == attendu
    codes = corrige(p, {"cse.budget_fonctionnement": confondu})[1]
    assert codes == ["TAUX_FONCTIONNEMENT_CONFONDU"]


def test_niveau_3_salaires_et_reports():
    p = plan(niveau=3, budget="7500.00", sessions=SESSIONS_3, horaire="21.35")
    r = KIND.solve(p)
    s = r["sessions"]
    # Salaries: 3 × 2 × 7 h × 21.35 = 896.70; total 1 800 + 120 + 896.70 = 2 816.70, ÷ 3 = 938.90.
    assert (s[0]["salaires"], s[0]["cout_total"], s[0]["cout_participant"]) == (
        "896.70",
        "2816.70",
        "938.90",
    )
    # 4 × 7 × 21.35 = 597.80 → 2 499.80; 2 × 7 × 21.35 = 298.90 → 1 498.90 (÷ 2 = 749.45);
    # 5 × 7 × 21.35 = 747.25 → 1 597.25. Plan 8 412.65; ÷ 14 = 600.903… → 600.90;
    # variance 912.65, 912.65 ÷ 7 500 × 100 = 12.1686… → 12.17 %.
    assert (r["total_plan"], r["cout_moyen"], r["ecart_pct"]) == ("8412.65", "600.90", "12.17")
    # Postpone from the lowest priority: the fire-safety session (4) is mandatory, kept; the
    # spreadsheet one (3) postponed: 8 412.65 − 1 498.90 = 6 913.75 ≤ 7 500.
    assert [x["decision"] for x in s] == ["maintenir", "maintenir", "reporter", "maintenir"]
    assert corrige(p, {"sessions.3.decision": "reporter"})[1] == ["REPORT_OBLIGATOIRE"]
    # Salaries left out of the first total: 1 800 + 120 = 1 920.00.
    assert corrige(p, {"sessions.0.cout_total": "1920.00"})[1] == ["SALAIRES_OUBLIES"]


def test_ce_que_chaque_niveau_demande():
    org = generate_company(4)
    un, deux, trois = (KIND.generate(11, n, org).params for n in (1, 2, 3))
    assert un["contribution"] is None and not un["cse"]["fonctionnement"]
    assert "cout_moyen" not in KIND.solve(un) and len(un["sessions"]) == 2
    assert deux["contribution"] and deux["cse"]["masse_salariale_nette"]
    assert not deux["cse"]["hypothetique"] and deux["cse"]["effectif"] == len(org.salaries)
    assert trois["arbitrage"] and trois["cse"]["hypothetique"] and trois["cse"]["effectif"] >= 50
    decisions = [s["decision"] for s in KIND.solve(trois)["sessions"]]
    assert "reporter" in decisions and trois["sessions"][-1]["obligatoire"]


def test_parametres_refuses_en_une_ligne():
    p = plan()
    p["sessions"][0]["tarif_par"] = "heure"
    with pytest.raises(InvalidInput, match="tarif_par"):
        KIND.check_params(p)
    p = plan()
    p["convocation"]["elements"] = ["dates", "dates"]
    with pytest.raises(InvalidInput, match="une fois"):
        KIND.check_params(p)
