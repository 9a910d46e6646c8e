"""journal_paie: hand-checked payroll entries (the calculation in comments, own computation),
a half-cent rounding trap carried from the payslip, the due dates (5th or 15th, postponed past
weekends and public holidays, Easter 2026), the named wrong methods, the errors carried forward,
and what each level puts in the exercise."""

from __future__ import annotations

from typing import Any

import pytest

from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.kinds.journal_paie.generate import resume
from agora.exercise.registry import get_kind

KIND = get_kind("journal_paie")


def ligne(libelle: str, organisme: str, salarial: str, patronal: str) -> dict[str, str]:
    return {"libelle": libelle, "organisme": organisme, "salarial": salarial, "patronal": patronal}


# Own computation, brut 2 000,00 € (rates of the 2026 barème):
# vieillesse plafonnée 6,90 % = 138,00 / 8,55 % = 171,00 ; maladie 13 % = 260,00 (employer) ;
# AGIRC-ARRCO T1 3,15 % = 63,00 / 4,72 % = 94,40 ; CSG déductible 6,80 % × 98,25 % × 2 000
# = 6,80 % × 1 965,00 = 133,62. Employee 334,62 ; employer 525,40.
# Net avant impôt 2 000,00 − 334,62 = 1 665,38 ; PAS 38,30 ; net à payer 1 627,08.
LEA = {
    "salarie": "Léa Martin",
    "salaire_brut": "2000.00",
    "cotisations": [
        ligne("Assurance vieillesse plafonnée", "urssaf", "138.00", "171.00"),
        ligne("Sécurité sociale - Maladie", "urssaf", "0.00", "260.00"),
        ligne(
            "Retraite complémentaire AGIRC-ARRCO tranche 1",
            "retraite_complementaire",
            "63.00",
            "94.40",
        ),
        ligne("CSG déductible", "urssaf", "133.62", "0.00"),
    ],
    "net_avant_impot": "1665.38",
    "prelevement_source": "38.30",
    "net_a_payer": "1627.08",
}
# Brut 1 823,07 € : vieillesse plafonnée 1 823,07 × 6,90 % = 125,79183 → 125,79 ;
# × 8,55 % = 155,872485 → 155,87 ; CEG T1 × 0,86 % = 15,678402 → 15,68 ; × 1,29 % =
# 23,517603 → 23,52. Employee 141,47 ; net avant impôt 1 681,60 ; PAS 0 ;
# advance 300,00 paid on the 15th.
TOM = {
    "salarie": "Tom Petit",
    "salaire_brut": "1823.07",
    "cotisations": [
        ligne("Assurance vieillesse plafonnée", "urssaf", "125.79", "155.87"),
        ligne(
            "Contribution d'équilibre général (CEG) tranche 1",
            "retraite_complementaire",
            "15.68",
            "23.52",
        ),
    ],
    "net_avant_impot": "1681.60",
    "prelevement_source": "0.00",
    "net_a_payer": "1681.60",
    "acompte": "300.00",
}


def paie(*bulletins: dict, periode: str = "2026-03", effectif: int = 12, **autres: Any) -> dict:
    return {
        "periode": periode,
        "effectif": effectif,
        "paie_dans_le_mois": True,
        "date_paie": f"{periode}-28",
        "bulletins": list(bulletins),
        **autres,
    }


def ecriture(p: dict) -> list[tuple[str, str, str]]:
    return [(r["compte"], r["debit"], r["credit"]) for r in KIND.solve(p)["ecriture"]]


def echeances(p: dict) -> set[str]:
    return {o["echeance"] for o in KIND.solve(p)["organismes"].values()}


def reponse(p: dict, **changes: Any) -> dict:
    """The right answer as the form sends it, with some parts changed."""
    s = KIND.solve(p)
    organismes = {
        o: {"montant": v["montant"], "echeance": v["echeance"]} for o, v in s["organismes"].items()
    }
    return {"ecriture": s["ecriture"], "organismes": organismes, "reglement": s["reglement"]} | (
        changes
    )


def lignes(*rows: tuple[str, str, str]) -> list[dict[str, str]]:
    return [{"compte": c, "debit": d, "credit": k} for c, d, k in rows]


def codes(p: dict, answer: dict) -> set[str]:
    return {d.code for d in KIND.grade(p, answer).diagnostics}


def champ(p: dict, answer: dict, nom: str):
    return next(c for c in KIND.grade(p, answer).champs if c.champ == nom)


def test_one_payslip_entry():
    # 431 = URSSAF shares: employee 138,00 + 0 + 133,62 = 271,62 ; employer 171,00 + 260,00
    # = 431,00 ; 702,62. 437 = 63,00 + 94,40 = 157,40. Debits 2 000,00 + 525,40 = 2 525,40 ;
    # credits 702,62 + 157,40 + 38,30 + 1 627,08 = 2 525,40.
    assert ecriture(paie(LEA)) == [
        ("641", "2000.00", "0.00"),
        ("645", "525.40", "0.00"),
        ("431", "0.00", "702.62"),
        ("437", "0.00", "157.40"),
        ("4421", "0.00", "38.30"),
        ("421", "0.00", "1627.08"),
    ]


def test_one_payslip_bodies_and_due_date():
    # 12 employees: the 15th of April 2026, a Wednesday.
    s = KIND.solve(paie(LEA))
    assert {o: (v["compte"], v["montant"]) for o, v in s["organismes"].items()} == {
        "urssaf": ("431", "702.62"),
        "retraite_complementaire": ("437", "157.40"),
        "dgfip": ("4421", "38.30"),
    }
    assert echeances(paie(LEA)) == {"2026-04-15"}
    assert [(r["compte"], r["debit"], r["credit"]) for r in s["reglement"]] == [
        ("421", "1627.08", "0.00"),
        ("512", "0.00", "1627.08"),
    ]


def test_two_payslips_with_an_advance():
    # 641 = 2 000,00 + 1 823,07 = 3 823,07 ; 645 = 525,40 + 155,87 + 23,52 = 704,79 ;
    # 431 = 702,62 + 125,79 + 155,87 = 984,28 ; 437 = 157,40 + 15,68 + 23,52 = 196,60 ;
    # 4421 = 38,30 ; 425 = 300,00 ; 421 = 1 627,08 + 1 681,60 − 300,00 = 3 008,68.
    # Debits 4 527,86 = credits 984,28 + 196,60 + 38,30 + 300,00 + 3 008,68.
    p = paie(LEA, TOM)
    assert ecriture(p) == [
        ("641", "3823.07", "0.00"),
        ("645", "704.79", "0.00"),
        ("431", "0.00", "984.28"),
        ("437", "0.00", "196.60"),
        ("4421", "0.00", "38.30"),
        ("425", "0.00", "300.00"),
        ("421", "0.00", "3008.68"),
    ]
    assert KIND.solve(p)["reglement"][0]["debit"] == "3008.68"


def test_no_tax_withheld_leaves_out_4421_but_keeps_the_dgfip():
    # Tom alone: no PAS, so no 4421 row; the DSN still declares 0,00 to the DGFiP.
    p = paie(TOM | {"acompte": "0.00"})
    assert [c for c, _, _ in ecriture(p)] == ["641", "645", "431", "437", "421"]
    assert KIND.solve(p)["organismes"]["dgfip"]["montant"] == "0.00"


def test_half_cent_rounding_comes_from_the_payslip():
    # bulletin_paie: 12,02 × 151,67 = 1 823,0734 → 1 823,07, + prime 178,18 = 2 001,25.
    # Vieillesse déplafonnée 0,40 % × 2 001,25 = 8,005 → 8,01 (half up; truncation and
    # banker's rounding both give 8,00); 2,11 % = 42,226375 → 42,23.
    # AGIRC-ARRCO T1 3,15 % = 63,039375 → 63,04 ; 4,72 % = 94,459 → 94,46.
    # Net imposable 2 001,25 − 8,01 − 63,04 = 1 930,20 ; PAS 2,3 % = 44,3946 → 44,39.
    bulletin = {
        "salarie": {"nom": "Ali Benali", "statut": "non_cadre", "emploi": "Vendeur"},
        "taux_horaire": "12.02",
        "heures_mensuelles": "151.67",
        "pmss": "4005.00",
        "taux_pas": "2.3",
        "primes": [{"libelle": "Prime de rendement", "montant": "178.18"}],
        "cotisations": [
            {
                "libelle": "Assurance vieillesse déplafonnée",
                "assiette": "brut",
                "taux_salarial": "0.40",
                "taux_patronal": "2.11",
                "deductible": True,
            },
            {
                "libelle": "Retraite complémentaire AGIRC-ARRCO tranche 1",
                "assiette": "tranche_a",
                "taux_salarial": "3.15",
                "taux_patronal": "4.72",
                "deductible": True,
            },
        ],
    }
    r = resume(bulletin)
    assert r["salaire_brut"] == "2001.25"
    assert [(c["organisme"], c["salarial"], c["patronal"]) for c in r["cotisations"]] == [
        ("urssaf", "8.01", "42.23"),
        ("retraite_complementaire", "63.04", "94.46"),
    ]
    # 431 = 8,01 + 42,23 = 50,24 ; 437 = 63,04 + 94,46 = 157,50 ; 645 = 136,69 ;
    # 421 = 1 930,20 − 44,39 = 1 885,81. Debits 2 137,94 = credits.
    assert ecriture(paie(r)) == [
        ("641", "2001.25", "0.00"),
        ("645", "136.69", "0.00"),
        ("431", "0.00", "50.24"),
        ("437", "0.00", "157.50"),
        ("4421", "0.00", "44.39"),
        ("421", "0.00", "1885.81"),
    ]


@pytest.mark.parametrize(
    ("periode", "effectif", "dans_le_mois", "attendue"),
    [
        # 50 and more, paid in the month: the 5th. 5 April 2026 is Easter Sunday, 6 April
        # Easter Monday: Tuesday 7 April.
        ("2026-03", 60, True, "2026-04-07"),
        # 50 and more but paid the next month: the 15th.
        ("2026-03", 60, False, "2026-04-15"),
        # Under 50: the 15th; 15 August 2026 is a Saturday and a public holiday: Monday 17.
        ("2026-07", 49, True, "2026-08-17"),
        # December: the 15th of January of the next year, a Friday.
        ("2026-12", 12, True, "2027-01-15"),
        # 15 November 2026 is a Sunday: Monday 16.
        ("2026-10", 12, True, "2026-11-16"),
    ],
)
def test_due_dates(periode, effectif, dans_le_mois, attendue):
    p = paie(LEA, periode=periode, effectif=effectif, paie_dans_le_mois=dans_le_mois)
    assert echeances(p) == {attendue}


def test_employer_charges_in_641():
    p = paie(LEA)
    # 641 = 2 000,00 + 525,40 = 2 525,40, no 645 row.
    rows = lignes(
        ("641", "2525.40", ""),
        ("431", "", "702.62"),
        ("437", "", "157.40"),
        ("4421", "", "38.30"),
        ("421", "", "1627.08"),
    )
    answer = reponse(p, ecriture=rows)
    assert "CHARGES_PATRONALES_EN_641" in codes(p, answer)
    assert champ(p, answer, "ecriture.0.debit").message.startswith("Les cotisations patronales")


def test_employee_contributions_in_645():
    p = paie(LEA)
    # 641 = 2 000,00 − 334,62 = 1 665,38 ; 645 = 525,40 + 334,62 = 860,02 (balanced).
    rows = lignes(
        ("641", "1665.38", ""),
        ("645", "860.02", ""),
        ("431", "", "702.62"),
        ("437", "", "157.40"),
        ("4421", "", "38.30"),
        ("421", "", "1627.08"),
    )
    assert codes(p, reponse(p, ecriture=rows)) == {"COTISATIONS_SALARIALES_EN_645"}


def test_net_before_tax_or_tax_forgotten():
    p = paie(LEA)
    rows = reponse(p)["ecriture"]
    net_avant = [r | {"credit": "1665.38"} if r["compte"] == "421" else r for r in rows]
    assert codes(p, reponse(p, ecriture=net_avant)) == {
        "ECRITURE_DESEQUILIBREE",
        "NET_AVANT_IMPOT_EN_421",
    }
    sans_pas = [r for r in net_avant if r["compte"] != "4421"]
    assert codes(p, reponse(p, ecriture=sans_pas)) == {"PAS_OUBLIE"}


def test_urssaf_employee_share_only():
    p = paie(LEA)
    # 138,00 + 0 + 133,62 = 271,62 instead of 702,62.
    answer = reponse(
        p,
        organismes=reponse(p)["organismes"]
        | {"urssaf": {"montant": "271,62 €", "echeance": "15/04/2026"}},
    )
    assert codes(p, answer) == {"URSSAF_PART_SALARIALE"}


def test_advance_forgotten():
    p = paie(LEA, TOM)
    rows = [r for r in reponse(p)["ecriture"] if r["compte"] != "425"]
    # 421 = 1 627,08 + 1 681,60 = 3 308,68 (the advance not deducted): balanced again.
    rows = [r | {"credit": "3308.68"} if r["compte"] == "421" else r for r in rows]
    assert codes(p, reponse(p, ecriture=rows)) == {"ACOMPTE_OUBLIE"}


def test_due_date_confused_or_not_postponed():
    p = paie(LEA, periode="2026-07")
    un = {"urssaf": {"montant": "702.62", "echeance": "05/08/2026"}}
    assert codes(p, reponse(p, organismes=reponse(p)["organismes"] | un)) == {"ECHEANCE_CONFONDUE"}
    un = {"urssaf": {"montant": "702.62", "echeance": "2026-08-15"}}
    assert codes(p, reponse(p, organismes=reponse(p)["organismes"] | un)) == {
        "ECHEANCE_NON_REPORTEE"
    }


def test_errors_carried_forward():
    p = paie(LEA)
    # 431 written 712,62 (and 645 535,40: balanced); the URSSAF paid from it; 421 written
    # 1 617,08 with 4421 at 48,30; the transfer from that 421.
    rows = [
        r
        | {
            "credit": {"431": "712.62", "4421": "48.30", "421": "1617.08"}.get(
                r["compte"], r["credit"]
            )
        }
        for r in reponse(p)["ecriture"]
    ]
    rows = [r | {"debit": "535.40"} if r["compte"] == "645" else r for r in rows]
    organismes = reponse(p)["organismes"] | {
        "urssaf": {"montant": "712.62", "echeance": "2026-04-15"},
        "dgfip": {"montant": "48.30", "echeance": "2026-04-15"},
    }
    reglement = lignes(("421", "1617.08", ""), ("512", "", "1617.08"))
    answer = reponse(p, ecriture=rows, organismes=organismes, reglement=reglement)
    grade = KIND.grade(p, answer)
    for nom in ("organismes.urssaf.montant", "organismes.dgfip.montant"):
        assert champ(p, answer, nom).correct
        assert "erreur reportée" in champ(p, answer, nom).message
    assert all(c.correct for c in grade.champs if c.champ.startswith("reglement"))
    assert not grade.diagnostics


def test_answers_written_the_french_way():
    p = paie(LEA)
    rows = lignes(
        ("641000", "2 000,00 €", ""),
        ("6451", "525,40", ""),
        ("431", "", "702,62"),
        ("437", "", "157,4"),
        ("4421", "", "38,30"),
        ("421MARTIN", "", "1 627,08"),
    )
    assert KIND.grade(p, reponse(p, ecriture=rows)).score == 1


def test_inconsistent_payslip_refused():
    with pytest.raises(InvalidInput, match="net avant impôt"):
        KIND.check_params(paie(LEA | {"net_avant_impot": "1700.00"}))
    with pytest.raises(InvalidInput, match="organisme"):
        KIND.check_params(paie(LEA | {"cotisations": [ligne("X", "mutuelle", "1.00", "1.00")]}))


def test_levels():
    org = generate_company(4)
    un = KIND.generate(4, 1, org).params
    assert len(un["bulletins"]) == 1 and "Aide" in KIND.generate(4, 1, org).enonce
    deux = KIND.generate(4, 2, org).params
    assert 2 <= len(deux["bulletins"]) <= 3
    for seed in range(3):
        trois = KIND.generate(seed, 3, generate_company(seed))
        p = trois.params
        assert 3 <= len(p["bulletins"]) <= 4 or len(p["bulletins"]) == len(
            [s for s in generate_company(seed).salaries if s.contrat != "apprentissage"]
        )
        assert sum(b["acompte"] != "0.00" for b in p["bulletins"]) == 1
        # The 15th of the next month is not a working day: the date is postponed.
        assert not any(e.endswith("-15") for e in echeances(p))
        assert "Organisme" not in trois.enonce


def test_a_payslip_from_an_earlier_step_is_the_first_of_the_month():
    # The payslip the student computed at the mission's step 1 (bulletin_paie, level 2, May):
    # its summary is the month's first payslip, of its month; the others are drawn.
    from agora.exercise.kinds.journal_paie.generate import reprendre

    org = generate_company(3)
    source = get_kind("bulletin_paie").generate(3, 2, org, {"mois": "mai"}).params
    variant = reprendre(3, 2, org, {"mois": "au_choix"}, {"bulletin_paie": source})
    p = variant.params
    assert p["periode"] == "2026-05" and p["bulletins"][0] == resume(source)
    assert len({b["salarie"] for b in p["bulletins"]}) == len(p["bulletins"]) >= 2
    assert "étape précédente" in variant.enonce
    assert KIND.grade(p, KIND.solve(p)).score == 1
    # A payslip with a transport refund (bulletin_paie level 3) cannot serve: drawn as usual.
    avantages = get_kind("bulletin_paie").generate(3, 3, org).params
    tiree = reprendre(3, 2, org, {"mois": "au_choix"}, {"bulletin_paie": avantages})
    assert tiree == KIND.generate(3, 2, org, {"mois": "au_choix"})
    assert reprendre(3, 1, org, {}, {"bulletin_paie": {"junk": 1}}) == KIND.generate(3, 1, org, {})


def test_no_payslip_of_the_month_is_an_apprentices():
    # bulletin_paie's rule, kept when the payroll draws several payslips: no apprentice.
    for seed in range(200):
        org = generate_company(seed)
        apprentis = {f"{s.prenom} {s.nom}" for s in org.salaries if s.contrat == "apprentissage"}
        for niveau in (1, 2, 3):
            noms = {b["salarie"] for b in KIND.generate(seed, niveau, org).params["bulletins"]}
            assert not noms & apprentis, (seed, niveau)
