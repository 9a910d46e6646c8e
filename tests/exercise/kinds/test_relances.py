"""The relances kind, beyond the shared contract: hand-checked balances (each computed step by
step in the comments), the half-cent rounding, the named wrong methods, errors carried forward,
the letter's automatic checks, what each level puts in the exercise, and the refused params.

Source of every case: own computation from Code de commerce L441-10 (penalty rate, floor,
payment ceilings) and D441-5 (40 €), with the figures of scenarios/baremes/relances.yaml."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.kinds.relances import KIND as relances
from agora.exercise.kinds.relances.regles import baremes

# The balance of 30 June 2026 (first half-year 2026: BCE 2,15 %, legal rate 2,62 % / 6,67 %).
# CGV: BCE + 10 points = 12,15 %. Floor: 3 × 2,62 = 7,86 %. Procedure: 1 / 15 / 30 days.
BALANCE = {
    "date_balance": "2026-06-30",
    "organisation": {"nom": "Régie des eaux de Dole", "ville": "Dole"},
    "relation": "usager",
    "baremes": {
        "semestre": "2026-S1",
        "taux_bce": "2.15",
        "taux_legal_autres": "2.62",
        "taux_legal_particuliers": "6.67",
        "indemnite": "40.00",
    },
    "clause_penalites": "bce",
    "procedure": {"relance_amiable": 1, "deuxieme_relance": 15, "mise_en_demeure": 30},
    "factures": [
        # 0. 15/04 + 30 j = 15/05 ; retard 16 (mai) + 30 (juin) = 46 j ≥ 30 → mise en demeure.
        _f := {
            "numero": "FA2026-0101",
            "client": "Hôtel du Lac",
            "professionnel": True,
            "date": "2026-04-15",
            "conditions": {"jours": 30, "fin_de_mois": False},
            "montant_ttc": "1200.00",
            "deja_paye": "0.00",
            "taux_contrat": None,
        },
        # 1. 31/03 + 45 j = 15/05, fin de mois → 31/05 ; retard 30 j → mise en demeure (seuil
        #    inclus) ; 45 j fin de mois : légal.
        {
            **_f,
            "numero": "FA2026-0102",
            "client": "Camping des Pins",
            "date": "2026-03-31",
            "conditions": {"jours": 45, "fin_de_mois": True},
            "montant_ttc": "2000.00",
        },
        # 2. Particulier, à réception : échéance 10/06, retard 20 j → deuxième relance ; pas de 40 €.
        {
            **_f,
            "numero": "FA2026-0103",
            "client": "Mme Durand",
            "professionnel": False,
            "date": "2026-06-10",
            "conditions": {"jours": 0, "fin_de_mois": False},
            "montant_ttc": "85.50",
        },
        # 3. 20/06 + 30 j = 20/07 : pas encore échue → 0 j, aucune relance, 0 €, 0 €.
        {
            **_f,
            "numero": "FA2026-0104",
            "client": "Laverie Martin",
            "date": "2026-06-20",
            "montant_ttc": "640.00",
        },
        # 4. 02/03 + 60 j = 01/05, fin de mois → 31/05 ; retard 30 j ; 60 j fin de mois : illégal.
        #    Acompte 200 € reçu : reste dû 300 €.
        {
            **_f,
            "numero": "FA2026-0105",
            "client": "Boulangerie Petit",
            "date": "2026-03-02",
            "conditions": {"jours": 60, "fin_de_mois": True},
            "montant_ttc": "500.00",
            "deja_paye": "200.00",
        },
        # 5. Contrat à 5 % < plancher 7,86 % → 7,86 %. 20/05 + 30 j = 19/06 ; retard 11 j → amiable.
        {
            **_f,
            "numero": "FA2026-0106",
            "client": "Collège Jean Moulin",
            "date": "2026-05-20",
            "montant_ttc": "730.00",
            "taux_contrat": "5.00",
        },
    ],
    "guide": False,
    "lettre_client": "Boulangerie Petit",
}


def corrige(answer, params=BALANCE):
    return relances.grade(params, answer)


def champ(grade, nom):
    return next(c for c in grade.champs if c.champ == nom)


def codes(grade):
    return [d.code for d in grade.diagnostics]


def test_the_rates_of_the_cgv_the_floor_and_the_contract():
    solution = relances.solve(BALANCE)
    assert solution["taux_cgv"] == "12.15"  # 2,15 + 10
    assert solution["taux_plancher"] == "7.86"  # 3 × 2,62
    assert solution["taux_contrat"] == "7.86"  # max(5, 7,86)


def test_a_late_invoice_of_a_business_customer():
    f = relances.solve(BALANCE)["factures"][0]
    # 1 200 × 12,15 × 46 ÷ 36 500 = 670 680 ÷ 36 500 = 18,3748… → 18,37 €.
    assert f == {
        "echeance": "2026-05-15",
        "jours_retard": "46",
        "niveau": "mise_en_demeure",
        "delai_legal": "oui",
        "reste_du": "1200.00",
        "penalites": "18.37",
        "indemnite": "40.00",
    }


def test_end_of_month_terms_and_the_threshold_included():
    f = relances.solve(BALANCE)["factures"][1]
    # 31/03 + 45 j = 15/05 → 31/05 ; 30 j de retard ; 2 000 × 12,15 × 30 ÷ 36 500 = 19,9726 → 19,97.
    assert (f["echeance"], f["jours_retard"], f["niveau"]) == (
        "2026-05-31",
        "30",
        "mise_en_demeure",
    )
    assert (f["delai_legal"], f["penalites"]) == ("oui", "19.97")


def test_a_consumer_owes_penalties_but_never_the_40_euros():
    f = relances.solve(BALANCE)["factures"][2]
    # 85,50 × 12,15 × 20 ÷ 36 500 = 20 776,5 ÷ 36 500 = 0,5692 → 0,57 ; pas de delai_legal.
    assert f == {
        "echeance": "2026-06-10",
        "jours_retard": "20",
        "niveau": "deuxieme_relance",
        "reste_du": "85.50",
        "penalites": "0.57",
        "indemnite": "0.00",
    }
    grade = corrige({"factures": [{}, {}, {"indemnite": "40"}]})
    assert codes(grade) == ["INDEMNITE_CONSOMMATEUR"]


def test_an_invoice_not_yet_due_has_no_day_late():
    f = relances.solve(BALANCE)["factures"][3]
    assert (f["echeance"], f["jours_retard"], f["niveau"]) == ("2026-07-20", "0", "aucune")
    assert (f["penalites"], f["indemnite"]) == ("0.00", "0.00")
    # 30/06 − 20/07 = −20 : un retard négatif est nommé.
    grade = corrige({"factures": [{}, {}, {}, {"jours_retard": "-20"}]})
    assert codes(grade) == ["RETARD_NEGATIF"]


def test_a_partial_payment_and_an_illegal_term():
    f = relances.solve(BALANCE)["factures"][4]
    # Reste dû 500 − 200 = 300 ; 300 × 12,15 × 30 ÷ 36 500 = 109 350 ÷ 36 500 = 2,9959 → 3,00.
    assert (f["echeance"], f["delai_legal"], f["reste_du"], f["penalites"]) == (
        "2026-05-31",
        "non",
        "300.00",
        "3.00",
    )
    # Sur le TTC : 500 × 12,15 × 30 ÷ 36 500 = 4,9932 → 4,99 : PENALITES_SANS_ACOMPTE.
    grade = corrige({"factures": [{}, {}, {}, {}, {"penalites": "4.99"}]})
    assert codes(grade) == ["PENALITES_SANS_ACOMPTE"]
    # « 60 jours fin de mois » jugé légal : PLAFOND_FIN_DE_MOIS_60.
    grade = corrige({"factures": [{}, {}, {}, {}, {"delai_legal": "oui"}]})
    assert codes(grade) == ["PLAFOND_FIN_DE_MOIS_60"]


def test_a_contract_rate_under_the_floor():
    f = relances.solve(BALANCE)["factures"][5]
    # 730 × 7,86 × 11 ÷ 36 500 = 63 115,8 ÷ 36 500 = 1,7292 → 1,73 (au taux du contrat : 1,10).
    assert (f["echeance"], f["jours_retard"], f["niveau"], f["penalites"]) == (
        "2026-06-19",
        "11",
        "relance_amiable",
        "1.73",
    )
    grade = corrige({"taux_contrat": "5 %"})
    assert codes(grade) == ["TAUX_CONTRAT_SOUS_PLANCHER"]
    assert "plancher qui s'applique" in champ(grade, "taux_contrat").message


# The half-cent: BCE 0 % (as in 2016-2022) → 10 % ; 73 days = 365 ÷ 5, so the penalty is 2 %
# of the amount: 100,25 × 10 × 73 ÷ 36 500 = 2,005 exactly → 2,01 (half up), 2,00 truncated;
# over 360 days: 73 000 × 100,25 … = 2,0328 → 2,03.
DEMI = {
    **BALANCE,
    "baremes": {**BALANCE["baremes"], "taux_bce": "0.00"},
    "date_balance": "2026-05-31",
    "factures": [
        {**_f, "date": "2026-02-17", "montant_ttc": "100.25"},  # 17/02 + 30 j = 19/03 ; 73 j
    ],
    "lettre_client": "Hôtel du Lac",
}


def test_half_a_cent_is_rounded_up_and_truncating_is_named():
    f = relances.solve(DEMI)["factures"][0]
    assert (f["echeance"], f["jours_retard"], f["penalites"]) == ("2026-03-19", "73", "2.01")
    assert codes(corrige({"factures": [{"penalites": "2,00"}]}, DEMI)) == ["PENALITES_TRONQUEES"]
    assert codes(corrige({"factures": [{"penalites": "2,03 €"}]}, DEMI)) == ["PENALITES_360"]


def test_the_floor_of_three_times_the_legal_rate():
    triple = {**BALANCE, "clause_penalites": "triple_legal"}
    assert relances.solve(triple)["taux_cgv"] == "7.86"
    # Facture 0 au plancher : 1 200 × 7,86 × 46 ÷ 36 500 = 433 872 ÷ 36 500 = 11,8869 → 11,89.
    assert relances.solve(triple)["factures"][0]["penalites"] == "11.89"
    assert codes(corrige({"taux_plancher": "2,62"})) == ["TAUX_LEGAL_NON_TRIPLE"]
    # 3 × 6,67 = 20,01 : le taux des particuliers.
    assert codes(corrige({"taux_plancher": "20,01 %"})) == ["TAUX_LEGAL_PARTICULIERS"]
    assert codes(corrige({"taux_cgv": "2.15"})) == ["TAUX_BCE_SANS_MAJORATION"]


def test_days_counted_from_the_invoice_date_and_end_of_month_forgotten():
    # Depuis la facture : 30/06 − 15/04 = 76 j au lieu de 46.
    assert codes(corrige({"factures": [{"jours_retard": "76"}]})) == ["RETARD_DEPUIS_FACTURE"]
    # Sans fin de mois : 31/03 + 45 j = 15/05 au lieu du 31/05.
    grade = corrige({"factures": [{}, {"echeance": "15/05/2026"}]})
    assert codes(grade) == ["ECHEANCE_SANS_FIN_DE_MOIS"]
    assert codes(corrige({"factures": [{"indemnite": "0"}]})) == ["INDEMNITE_OUBLIEE"]


def test_errors_are_carried_forward_from_the_students_own_due_date():
    # Échéance fausse 20/05 → 41 j de retard (juste avec elle), toujours mise en demeure,
    # 1 200 × 12,15 × 41 ÷ 36 500 = 597 780 ÷ 36 500 = 16,3775 → 16,38 : trois points reportés.
    answer = {
        "factures": [
            {
                "echeance": "20/05/2026",
                "jours_retard": "41",
                "niveau": "mise_en_demeure",
                "penalites": "16,38 €",
                "indemnite": "40",
            }
        ]
    }
    grade = corrige(answer)
    verdicts = [c.correct for c in grade.champs]
    assert verdicts == [False, True, True, True, True]
    assert champ(grade, "factures.0.penalites").message.startswith("Juste à partir de vos")
    # A wrong CGV rate carries into every penalty at that rate: 13 % → 1 200 × 13 × 46 ÷ 36 500
    # = 19,6603 → 19,66, credited.
    grade = corrige({"taux_cgv": "13", "factures": [{"penalites": "19.66"}]})
    assert [c.correct for c in grade.champs] == [False, True]


def test_the_letter_is_checked_for_each_late_invoice():
    # Boulangerie Petit : FA2026-0105, reste dû 300,00 €, échéance 31/05/2026.
    complete = (
        "Madame, Monsieur, notre facture n° FA 2026-0105 du 2 mars, échue le 31 mai 2026, "
        "n'est pas réglée : il reste 300,00 € à payer. Veuillez agréer…"
    )
    assert champ(corrige({"lettre": complete}), "lettre").correct
    oubli = complete.replace("31 mai 2026", "31 mai")
    grade = corrige({"lettre": oubli})
    assert not champ(grade, "lettre").correct
    assert "l'échéance de la facture FA2026-0105 (31/05/2026)" in champ(grade, "lettre").message
    assert codes(grade) == ["LETTRE_INCOMPLETE"]
    # The TTC amount is accepted as the amount too (« 500 € »).
    assert champ(corrige({"lettre": complete.replace("300,00 €", "500 €")}), "lettre").correct


def test_the_reference_letter_passes_and_the_whole_answer_scores_one():
    solution = relances.solve(BALANCE)
    assert "FA2026-0105" in solution["lettre"]
    assert relances.grade(BALANCE, solution).score == 1


@pytest.mark.parametrize("seed", [0, 3, 11])
def test_what_each_level_puts_in_the_exercise(seed):
    company = generate_company(seed)
    for niveau, nombre in ((1, 3), (2, 6), (3, 8)):
        variant = relances.generate(seed, niveau, company)
        p = variant.params
        assert len(p["factures"]) == nombre
        assert p["guide"] is (niveau == 1)
        solution = relances.solve(p)
        assert ("taux_plancher" in solution) is (niveau > 1)
        assert ("echeance" in solution["factures"][0]) is (niveau > 1)
        if niveau == 3:  # one invoice not yet due; one partial payment
            assert any(f["jours_retard"] == "0" for f in solution["factures"])
            assert any(f["deja_paye"] != "0.00" for f in p["factures"])


def test_the_trap_customers_at_level_3_when_the_organisation_has_both():
    for seed in range(30):
        company = generate_company(seed)
        kinds = {c.type == "entreprise" for c in company.clients}
        if kinds == {True, False}:
            break
    p = relances.generate(seed, 3, company).params
    assert any(not f["professionnel"] for f in p["factures"])
    contrat = [f for f in p["factures"] if f["taux_contrat"]]
    assert contrat and Decimal(contrat[0]["taux_contrat"]) < 3 * Decimal("2.62")


def test_the_rates_come_from_a_verified_half_year_when_there_is_one():
    company = generate_company(3)
    p = relances.generate(3, 2, company).params
    semestre = next(s for s in baremes().semestres if s.semestre == p["baremes"]["semestre"])
    assert not semestre.a_verifier
    assert p["baremes"]["taux_bce"] == str(semestre.taux_bce)
    assert baremes().indemnite_recouvrement.montant == Decimal("40.00")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda p: p.update(clause_penalites="usure"), "clause de pénalités inconnue"),
        (lambda p: p["factures"][0].update(deja_paye="1200.00"), "déjà entièrement payée"),
        (lambda p: p["procedure"].update(deuxieme_relance=40), "doivent croître"),
        (lambda p: p["factures"][1].update(taux_contrat="4.00"), "un seul taux de contrat"),
        (lambda p: p.update(lettre_client="Inconnu"), "aucune facture"),
        (lambda p: p["factures"][0].update(date="30/06/2026"), "AAAA-MM-JJ"),
    ],
)
def test_unusable_params_are_refused_in_one_french_line(change, message):
    params = copy.deepcopy(BALANCE)
    change(params)
    with pytest.raises(InvalidInput, match=message):
        relances.check_params(params)


def test_the_invoices_left_unpaid_after_the_receipts_step_are_reminded():
    # The ageing balance of a mission's encaissements step (level 2: a partial payment and a
    # credit note): the invoices still owed, with what was received or credited, are in the
    # month-end balance, at their due date; the letter goes to that customer.
    from agora.exercise.kinds.encaissements.generate import document
    from agora.exercise.kinds.relances.generate import reprendre
    from agora.exercise.registry import get_kind

    org = generate_company(0)
    source = get_kind("encaissements").generate(0, 2, org)
    balance = document(source, org)
    assert balance["factures"]  # this seed leaves invoices unpaid
    variant = reprendre(0, 2, org, {}, {"balance_agee": balance})
    p = variant.params
    client = balance["client"]["nom"]
    repris = {f["numero"]: f for f in p["factures"] if f["client"] == client}
    assert set(repris) == {f["numero"] for f in balance["factures"]}
    for f in balance["factures"]:
        r = repris[f["numero"]]
        assert r["date"] == f["date"] and r["montant_ttc"] == f["montant_ttc"]
        paye = Decimal(f["montant_ttc"]) - Decimal(f["reste_du"])
        assert Decimal(r["deja_paye"]) == paye
    assert p["lettre_client"] == client and p["date_balance"] >= balance["date_balance"]
    assert len({f["numero"] for f in p["factures"]}) == len(p["factures"])
    assert "étape précédente" in variant.enonce
    assert relances.grade(p, relances.solve(p)).score == 1
    # Nothing left unpaid, or not a balance: drawn as usual.
    vide = {**balance, "factures": []}
    assert reprendre(0, 2, org, {}, {"balance_agee": vide}) == relances.generate(0, 2, org)
    assert reprendre(0, 1, org, {}, {"balance_agee": {"junk": 1}}) == relances.generate(0, 1, org)


def _chronologiques(factures) -> bool:
    """Invoice numbers as a ledger gives them: the year of the invoice's date, and in each year
    a later invoice has a higher number."""
    par_annee: dict[str, list[tuple[str, int]]] = {}
    for f in factures:
        annee, _, rang = f["numero"].removeprefix("FA").partition("-")
        if annee != f["date"][:4]:
            return False
        par_annee.setdefault(annee, []).append((f["date"], int(rang)))
    for suite in par_annee.values():
        suite.sort()
        rangs = [rang for _, rang in suite]
        if rangs != sorted(rangs) or len(set(rangs)) < len(rangs):
            return False
    return True


@pytest.mark.parametrize("org_seed", range(12))
def test_the_reminded_customer_has_only_the_invoices_of_the_earlier_step(org_seed):
    # The statement says this customer's invoices are those recorded at the earlier step: no
    # invoice drawn for the others may go to them (a water utility has few business users: the
    # demo's laundry got five invoices never seen), and the others' invoices are numbered with
    # those taken over, in date order, with the year of their date (FA2026-0060 was dated
    # 27/12/2025, and came after FA2026-0274 of 16/02).
    from agora.exercise.kinds.encaissements.generate import document
    from agora.exercise.kinds.relances.generate import reprendre
    from agora.exercise.registry import get_kind

    org = generate_company(org_seed)
    balance = document(get_kind("encaissements").generate(org_seed, 2, org), org)
    for niveau in (2, 3):
        p = reprendre(org_seed, niveau, org, {}, {"balance_agee": balance}).params
        client = balance["client"]["nom"]
        siennes = {f["numero"] for f in p["factures"] if f["client"] == client}
        assert siennes <= {f["numero"] for f in balance["factures"]}, (niveau, siennes)
        tout = {f["numero"]: f for f in [*balance["pieces"], *p["factures"]]}
        assert _chronologiques(tout.values()), p["factures"]


@pytest.mark.parametrize("seed", range(20))
def test_invoice_numbers_follow_their_dates_and_years(seed):
    org = generate_company(seed)
    for niveau in (1, 2, 3):
        assert _chronologiques(relances.generate(seed, niveau, org).params["factures"])


def test_the_statement_names_what_the_receipts_step_deducted_or_every_kind_when_unknown():
    # « (acompte, règlement partiel, avoir) » listed kinds the customer never had, and not
    # arrhes: the balance says what reduced each invoice; an older balance does not.
    from agora.exercise.kinds.encaissements.generate import document
    from agora.exercise.kinds.relances.generate import reprendre
    from agora.exercise.registry import get_kind

    org = generate_company(0)
    balance = document(get_kind("encaissements").generate(0, 2, org), org)
    deduit = {
        x
        for f in balance["factures"]
        if Decimal(f["reste_du"]) < Decimal(f["montant_ttc"])
        for x in f["deduit"]
    }
    assert deduit  # this seed has a partly paid invoice
    texte = reprendre(0, 2, org, {}, {"balance_agee": balance}).enonce
    phrase = texte.split("déduit (")[1].split(")")[0]
    noms = {
        "acompte": "acompte",
        "arrhes": "arrhes",
        "reglement": "règlement partiel",
        "avoir": "avoir",
    }
    assert set(phrase.replace(" et ", ", ").split(", ")) == {noms[x] for x in deduit}
    ancienne = {
        **balance,
        "factures": [{k: v for k, v in f.items() if k != "deduit"} for f in balance["factures"]],
    }
    texte = reprendre(0, 2, org, {}, {"balance_agee": ancienne}).enonce
    assert "déduit (acompte ou arrhes, règlement partiel, avoir)" in texte
