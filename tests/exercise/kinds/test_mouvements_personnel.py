"""The mouvements_personnel kind, beyond the shared contract: hand-checked cases (each computed
step by step in the comments; own computation on the 2026-2027 calendar with the rules of the
Code du travail as docs/exercices/mouvements_personnel.md states them), the half-cent traps,
the named wrong methods, errors carried forward, what each level puts in the exercise, and the
refused params."""

from __future__ import annotations

import copy
from datetime import date, timedelta
from decimal import Decimal

import pytest

from agora.company import generate_company
from agora.content.baremes import load_bareme
from agora.errors import InvalidInput
from agora.exercise.kinds.mouvements_personnel import KIND as mouvements
from agora.exercise.kinds.mouvements_personnel.solve import plus_mois
from agora.money import cents

# A bakery (the example of the contract page). Monday 16 March 2026: a baker (employee) starts
# his CDI; the branch agreement allows one renewal and his contract provides it. A saleswoman's
# CDD (busy period) ran from Monday 5 January to Thursday 30 April 2026.
FOURNIL = {
    "niveau": 2,
    "convention": {"nom": "Boulangerie-pâtisserie artisanale", "renouvellement_essai": True},
    "embauche": {
        "salarie": "Nathan Petit",
        "emploi": "Boulanger",
        "categorie": "employe",
        "debut": "2026-03-16",
        "date_naissance": "2001-05-02",
        "renouvellement_au_contrat": True,
        "travail_de_nuit": False,
    },
    "depart": {
        "salarie": "Inès Roux",
        "emploi": "Vendeur en boulangerie",
        "debut": "2026-01-05",
        "fin_prevue": "2026-04-30",
        "fin": "2026-04-30",
        "motif": "accroissement",
        "proposition_cdi": "aucune",
        "rupture_anticipee": False,
        "courrier": "2026-04-10",
        "mois": [
            {"mois": "2026-01", "base": "1587.43", "autres": "0.00"},
            {"mois": "2026-02", "base": "1823.03", "autres": "45.60"},
            {"mois": "2026-03", "base": "1823.03", "autres": "0.00"},
            {"mois": "2026-04", "base": "1823.03", "autres": "62.73"},
        ],
    },
    "conservation": [
        {"piece": "bulletins", "date_piece": "2026-04-30"},
        {"piece": "registre", "date_piece": "2026-01-05"},
        {"piece": "contrat", "date_piece": "2026-01-02"},
        {"piece": "cv", "date_piece": "2026-02-20"},
    ],
    "annonce": {
        "poste": "Boulanger",
        "phrases": [
            {"texte": "Le fournil recrute un ou une boulanger en CDI.", "critere": "aucun"},
            {"texte": "Vous avez entre 25 et 35 ans.", "critere": "age"},
            {"texte": "Débutants acceptés : une formation est prévue.", "critere": "aucun"},
            {"texte": "Nationalité française exigée.", "critere": "origine"},
        ],
    },
}


def fournil(**changes) -> dict:
    """The bakery's params with some keys of its sections changed (``depart={...}``)."""
    params = copy.deepcopy(FOURNIL)
    for section, valeurs in changes.items():
        if isinstance(params[section], dict) and isinstance(valeurs, dict):
            params[section].update(valeurs)
        else:
            params[section] = valeurs
    return params


def grade(params: dict, answer: dict) -> dict:
    """The grading JSON's verdicts by field, and its diagnostic codes under « codes »."""
    document = mouvements.grade(params, answer).to_json()
    verdicts = {c["champ"]: c for c in document["champs"]}
    verdicts["codes"] = [d["code"] for d in document["diagnostics"]]
    verdicts["competences"] = {c["code"]: c["score"] for c in document["competences"]}
    return verdicts


def avec(solution: dict, **champs: str) -> dict:
    """The solution with some dotted fields replaced (``depart__iccp="1.00"``)."""
    answer = copy.deepcopy(solution)
    for nom, valeur in champs.items():
        *chemin, feuille = [int(p) if p.isdigit() else p for p in nom.split("__")]
        noeud = answer
        for part in chemin:
            noeud = noeud[part]
        noeud[feuille] = valeur
    return answer


def test_hiring_dates_of_the_bakery():
    s = mouvements.solve(FOURNIL)["embauche"]
    # DPAE: 16/03 − 8 days = 08/03 at the earliest; at the latest the first day, 16/03.
    assert (s["dpae_au_plus_tot"], s["dpae_au_plus_tard"]) == ("2026-03-08", "2026-03-16")
    # Employee: 2 months, date to date: 16/03 + 2 months = 16/05, the eve: 15/05.
    assert s["fin_essai"] == "2026-05-15"
    # Branch allows, contract provides: renewed 2 months from 16/05: 16/07, the eve 15/07
    # (4 months in all, the maximum of L1221-21).
    assert (s["renouvelable"], s["fin_essai_maximale"]) == ("oui", "2026-07-15")
    # VIP within 3 months of taking up the post: 16/03 + 3 months = 16/06.
    assert s["visite_au_plus_tard"] == "2026-06-16"


def test_end_of_the_cdd_with_the_half_cent_trap():
    s = mouvements.solve(FOURNIL)
    # Total gross: 1 587,43 + 1 823,03 + 45,60 + 1 823,03 + 1 823,03 + 62,73 = 7 164,85.
    # Indemnity 10 %: 716,485 → half a cent, rounded up: 716,49.
    # ICCP 10 % of (7 164,85 + 716,49) = 7 881,34 → 788,134 → 788,13.
    assert s["depart"] == {
        "total_brut": "7164.85",
        "indemnite_cas": "due",
        "indemnite_precarite": "716.49",
        "iccp": "788.13",
    }
    # Documents handed over on the last day of the contract, not on the letter's day (10/04).
    assert set(s["documents"].values()) == {"2026-04-30"}
    assert s["registre"] == {"entree": "2026-03-16", "sortie": "2026-04-30"}


def test_retention_dates():
    s = mouvements.solve(FOURNIL)
    # Pay slip: 5 years from its date 30/04/2026 → 30/04/2031. Register line and contract:
    # 5 years from the exit 30/04/2026 (not from their own dates) → 30/04/2031. Candidate not
    # kept: 2 years from the last contact 20/02/2026 → 20/02/2028.
    assert [c["jusqu_au"] for c in s["conservation"]] == [
        "2031-04-30",
        "2031-04-30",
        "2031-04-30",
        "2028-02-20",
    ]
    assert [a["critere"] for a in s["annonce"]] == ["aucun", "age", "aucun", "origine"]


def test_trial_period_across_the_new_year_without_renewal():
    params = fournil(convention={"renouvellement_essai": False}, embauche={"debut": "2026-12-01"})
    s = mouvements.solve(params)["embauche"]
    # 01/12/2026 + 2 months = 01/02/2027, the eve: 31/01/2027; no renewal: same last day.
    # DPAE from 23/11/2026 (1st December − 8 days).
    assert (s["fin_essai"], s["renouvelable"], s["fin_essai_maximale"]) == (
        "2027-01-31",
        "non",
        "2027-01-31",
    )
    assert s["dpae_au_plus_tot"] == "2026-11-23"
    # The renewal applied although the branch does not allow it: named on « renouvelable »; the
    # later end computed from that « oui » is carried: 01/02/2027 + 2 months − 1 = 31/03/2027.
    answer = avec(mouvements.solve(params), embauche__renouvelable="oui")
    answer["embauche"]["fin_essai_maximale"] = "31/03/2027"
    v = grade(params, answer)
    assert v["codes"] == ["RENOUVELLEMENT_NON_PERMIS"]
    assert v["embauche.fin_essai_maximale"]["correct"]
    assert "erreur reportée" in v["embauche.fin_essai_maximale"]["message"]


def test_manager_and_supervisor_trial_periods():
    # Manager, 4 months from 28/01/2026: 28/05, the eve 27/05; renewed: 28/05 + 4 months − 1
    # = 27/09/2026 (8 months in all). Supervisor, 3 months from 28/01: 27/04/2026.
    cadre = mouvements.solve(fournil(embauche={"categorie": "cadre", "debut": "2026-01-28"}))
    assert (cadre["embauche"]["fin_essai"], cadre["embauche"]["fin_essai_maximale"]) == (
        "2026-05-27",
        "2026-09-27",
    )
    am = mouvements.solve(fournil(embauche={"categorie": "agent_maitrise", "debut": "2026-01-28"}))
    assert am["embauche"]["fin_essai"] == "2026-04-27"


def test_contract_silent_on_renewal_and_night_work():
    params = fournil(embauche={"renouvellement_au_contrat": False, "travail_de_nuit": True})
    s = mouvements.solve(params)["embauche"]
    # The branch allows but the contract does not provide it: no renewal (L1221-23). A night
    # worker has the visit before taking up the post: 16/03/2026 (R4624-18).
    assert (s["renouvelable"], s["fin_essai_maximale"]) == ("non", "2026-05-15")
    assert s["visite_au_plus_tard"] == "2026-03-16"
    v = grade(params, avec(mouvements.solve(params), embauche__visite_au_plus_tard="2026-06-16"))
    assert v["codes"] == ["VISITE_PREALABLE_OUBLIEE"]


def test_a_minor_has_the_visit_before_the_first_day():
    # Born 01/06/2009: 16 years old on 16/03/2026.
    s = mouvements.solve(fournil(embauche={"date_naissance": "2009-06-01"}))
    assert s["embauche"]["visite_au_plus_tard"] == "2026-03-16"


def test_cdi_refused_no_indemnity_and_leave_pay_on_the_total():
    params = fournil(depart={"proposition_cdi": "refusee"})
    s = mouvements.solve(params)["depart"]
    # No indemnity (L1243-10, 3°); ICCP 10 % of 7 164,85 = 716,485 → 716,49.
    assert (s["indemnite_cas"], s["indemnite_precarite"], s["iccp"]) == (
        "refus_cdi",
        "0.00",
        "716.49",
    )
    # Granted anyway: named on the case; the indemnity computed from that « due » (716,49) and
    # the ICCP from that indemnity (788,13) are carried forward.
    answer = avec(
        mouvements.solve(params),
        depart__indemnite_cas="due",
        depart__indemnite_precarite="716,49 €",
        depart__iccp="788,13",
    )
    v = grade(params, answer)
    assert v["codes"] == ["PRECARITE_CAS_EXCLU"]
    assert not v["depart.indemnite_cas"]["correct"]
    assert v["depart.iccp"]["correct"] and v["depart.indemnite_precarite"]["correct"]


def test_seasonal_and_holiday_jobs_have_no_indemnity():
    saison = mouvements.solve(fournil(depart={"motif": "saisonnier"}))["depart"]
    vacances = mouvements.solve(fournil(depart={"motif": "vacances_scolaires"}))["depart"]
    assert (saison["indemnite_cas"], vacances["indemnite_cas"]) == (
        "saisonnier",
        "etudiant_vacances",
    )
    assert saison["indemnite_precarite"] == vacances["indemnite_precarite"] == "0.00"


def test_early_end_at_the_employees_request():
    params = fournil(
        depart={"fin": "2026-04-17", "rupture_anticipee": True, "courrier": "2026-04-03"}
    )
    s = mouvements.solve(params)
    # No indemnity (L1243-10, 4°); exit, documents and the register's 5 years from 17/04.
    assert s["depart"]["indemnite_cas"] == "rupture_salarie"
    assert s["registre"]["sortie"] == "2026-04-17"
    assert set(s["documents"].values()) == {"2026-04-17"}
    assert s["conservation"][1]["jusqu_au"] == "2031-04-17"
    v = grade(params, avec(s, documents__certificat_travail="30/04/2026"))
    assert v["codes"] == ["FIN_PREVUE_RETENUE"]


@pytest.mark.parametrize(
    ("champs", "code"),
    [
        # The 8 days counted after: 16/03 then 24/03.
        (
            {
                "embauche__dpae_au_plus_tot": "2026-03-16",
                "embauche__dpae_au_plus_tard": "2026-03-24",
            },
            "DPAE_COMPTEE_APRES",
        ),
        # Same day of the month: 16/05 instead of 15/05.
        ({"embauche__fin_essai": "16/05/2026"}, "ESSAI_MEME_QUANTIEME"),
        # 2 × 22 working days from Monday 16/03 (counted): 8 weeks = 40 days to Friday 08/05,
        # then 11, 12, 13, 14 May: Thursday 14/05.
        ({"embauche__fin_essai": "14/05/2026"}, "ESSAI_EN_JOURS_OUVRES"),
        # Base salary only: 1 587,43 + 3 × 1 823,03 = 7 056,52 → 705,652 → 705,65.
        ({"depart__indemnite_precarite": "705,65"}, "PRECARITE_SUR_SALAIRE_DE_BASE"),
        # ICCP without the indemnity: 7 164,85 × 10 % = 716,485 → 716,49.
        ({"depart__iccp": "716,49"}, "CONGES_SANS_PRECARITE"),
        # Truncated: 716,485 → 716,48.
        ({"depart__indemnite_precarite": "716,48"}, "ARRONDI_TRONQUE"),
        # Dated on the letter of 10/04.
        ({"documents__solde_tout_compte": "10/04/2026"}, "DOCUMENTS_DATE_DU_COURRIER"),
        # The register line counted from its own date 05/01/2026: 05/01/2031.
        ({"conservation__1__jusqu_au": "05/01/2031"}, "CONSERVATION_DEPUIS_LA_PIECE"),
        # Ten years, as for accounting documents: 30/04/2036.
        ({"conservation__0__jusqu_au": "30/04/2036"}, "CONSERVATION_DIX_ANS"),
        ({"annonce__1__critere": "aucun"}, "ANNONCE_CRITERE_OUBLIE"),
        ({"annonce__2__critere": "sante_handicap"}, "ANNONCE_CRITERE_EN_TROP"),
    ],
)
def test_named_method_errors(champs, code):
    v = grade(FOURNIL, avec(mouvements.solve(FOURNIL), **champs))
    assert v["codes"] == [code]


def test_a_wrong_criterion_is_only_wrong():
    v = grade(FOURNIL, avec(mouvements.solve(FOURNIL), annonce__1__critere="sexe"))
    assert v["codes"] == [] and not v["annonce.1.critere"]["correct"]


def test_errors_carried_forward_from_the_total_and_the_exit_date():
    # Total 100 € too high: 7 264,85 → indemnity 726,485 → 726,49; ICCP (7 264,85 + 726,49)
    # × 10 % = 799,134 → 799,13: both credited. Exit 17/04 instead of 30/04: the register and
    # contract kept until 17/04/2031, credited.
    answer = avec(
        mouvements.solve(FOURNIL),
        depart__total_brut="7 264,85 €",
        depart__indemnite_precarite="726,49",
        depart__iccp="799,13",
        registre__sortie="17/04/2026",
        conservation__1__jusqu_au="17/04/2031",
        conservation__2__jusqu_au="17/04/2031",
    )
    v = grade(FOURNIL, answer)
    assert not v["depart.total_brut"]["correct"] and not v["registre.sortie"]["correct"]
    for champ in ("depart.indemnite_precarite", "depart.iccp", "conservation.1.jusqu_au"):
        assert v[champ]["correct"] and "erreur reportée" in v[champ]["message"]
    # The pay slip counts from its own date: 30/04/2031 stays the answer.
    assert v["conservation.0.jusqu_au"]["correct"]
    assert v["competences"]["3.1.1"] != "1.0000" and v["competences"]["3.1.2"] != "1.0000"


def test_competencies_are_scored_on_their_own_fields():
    v = grade(FOURNIL, avec(mouvements.solve(FOURNIL), registre__entree="2026-03-17"))
    assert v["competences"] == {"3.1.1": "1.0000", "3.1.2": "0.8333"}  # 5 of 6 fields


def test_levels():
    org = generate_company(3, "boulangerie")
    for niveau, pieces, phrases, discriminantes in ((1, 2, 4, 2), (2, 3, 6, 2), (3, 4, 8, 3)):
        p = mouvements.generate(11, niveau, org).params
        assert len(p["conservation"]) == pieces and len(p["annonce"]["phrases"]) == phrases
        assert sum(x["critere"] != "aucun" for x in p["annonce"]["phrases"]) == discriminantes
    un = mouvements.generate(11, 1, org)
    assert all(m["autres"] == "0.00" for m in un.params["depart"]["mois"])
    assert "Aide" in un.enonce and un.params["convention"]["renouvellement_essai"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"embauche": {"debut": "2026-03-29"}}, "embauche.debut"),
        ({"depart": {"fin": "2026-05-31"}}, "depart.fin"),
        ({"depart": {"motif": "autre"}}, "depart.motif"),
        ({"conservation": [{"piece": "bulletins", "date_piece": "2028-02-29"}]}, "29 février"),
        ({"annonce": {"poste": "X", "phrases": [{"texte": "a", "critere": "taille"}]}}, "critere"),
    ],
)
def test_refused_params(changes, message):
    with pytest.raises(InvalidInput, match=message):
        mouvements.check_params(fournil(**changes))


def test_the_cdd_is_never_paid_below_the_smic():
    # Without a CDD in the organisation, the fixed-term contract takes an employee's job and
    # hourly rate: never an apprentice's, a % of the SMIC (the apprentices' wage audit).
    smic = load_bareme(2026).smic.mensuel_35h
    for seed in range(200):
        org = generate_company(seed)
        for niveau in (1, 2, 3):
            d = mouvements.generate(seed, niveau, org).params["depart"]
            debut, fin = date.fromisoformat(d["debut"]), date.fromisoformat(d["fin"])
            for m in d["mois"]:
                premier = date.fromisoformat(m["mois"] + "-01")
                dernier = plus_mois(premier, 1) - timedelta(days=1)
                jours = (min(fin, dernier) - max(debut, premier)).days + 1
                plancher = cents(smic * jours / dernier.day) - Decimal("0.01")
                assert Decimal(m["base"]) >= plancher, (seed, niveau, m)
