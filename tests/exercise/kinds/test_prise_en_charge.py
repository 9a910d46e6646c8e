"""The prise_en_charge kind, beyond the shared contract: hand-checked deadlines (own computation
on the 2026 calendar, shown step by step in the comments, with the rules of
docs/exercices/prise_en_charge.md: R = the day received, shifted past the 17:30 limit, weekends
and public holidays; the deadline is the n-th working day after R), the contact fields read as
a person writes them, each named mistake, errors carried forward, what each level puts in the
message, and refused params."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.kinds.prise_en_charge import KIND as fiche

# 2026: Friday 1 May and Friday 8 May are public holidays; Ascension is Thursday 14 May.
FERIES = ["2026-05-01", "2026-05-08", "2026-05-14"]

# A voicemail left on Friday 1 May 2026 (public holiday) at 18:10 at a water utility: a bill
# twice the usual consumption (not urgent by the rules), 3 working days to act.
MESSAGE = {
    "niveau": 3,
    "situation": "releve_conteste",
    "canal": "messagerie",
    "message": ["**Message vocal laissé le vendredi 1er mai 2026 à 18 h 10**", "« Bonjour… »"],
    "demandeur": {
        "civilite": "madame",
        "prenom": "Claire",
        "nom": "Dupré",
        "organisation": None,
        "telephone": "0612345678",
        "telephone_dit": "0612345687",
        "courriel": "claire.dupre@free.fr",
    },
    "demande": {
        "date": "2026-05-01",
        "heure": "18:10",
        "objet": "facturation",
        "reference": "FA-2026-0412",
        "leurre": "FA-2026-0398",
        "urgente": False,
    },
    "besoin": {
        "exprime": "contester_facture",
        "reel": "releve_controle",
        "propositions": ["prix", "contester_facture", "releve_controle", "avoir"],
    },
    "annuaire": [
        {"fonction": "direction", "service": "Direction", "nom": "Paul Roy", "emploi": "Directeur"},
        {"fonction": "administration", "service": "Administration", "nom": "Léa Roux",
         "emploi": "Assistant comptable"},
        {"fonction": "accueil", "service": "Service aux usagers", "nom": "Ali Ben",
         "emploi": "Chargé de clientèle"},
    ],
    "suite": {"destinataire": "accueil", "action": "rendez_vous"},
    "regles": {
        "heure_limite": "17:30",
        "delai_urgent": 1,
        "delai_normal": 3,
        "urgences": ["Une coupure d'eau est urgente."],
    },
    "feries": FERIES,
}  # fmt: skip


def avec(**changes) -> dict:
    """The message with some params changed: ``demande__heure="17:29"`` sets demande.heure."""
    params = copy.deepcopy(MESSAGE)
    for cle, valeur in changes.items():
        noeud = params
        *parents, dernier = cle.split("__")
        for part in parents:
            noeud = noeud[part]
        noeud[dernier] = valeur
    return params


def echeance(params: dict) -> str:
    return fiche.solve(params)["suite"]["echeance"]


def champ(grade, nom: str):
    return next(c for c in grade.champs if c.champ == nom)


def codes(grade) -> list[str]:
    return [d.code for d in grade.diagnostics]


# --- 1. The deadline, counted by hand -------------------------------------------------------


def test_a_friday_evening_holiday_message_counts_from_monday():
    # 1 May 18:10 > 17:30 → 2 May (Sat) → 3 (Sun) → R = Mon 4 May.
    # 3 working days after R: Tue 5, Wed 6, Thu 7 → 7 May.
    assert echeance(MESSAGE) == "2026-05-07"


def test_an_urgent_request_is_due_the_next_working_day_after_the_day_received():
    # R = Mon 4 May (as above); 1 working day after: Tue 5 May.
    assert echeance(avec(demande__urgente=True)) == "2026-05-05"


def test_before_the_hour_limit_the_day_itself_is_the_day_received():
    # Thu 30 April 17:29 ≤ 17:30 → R = 30 April. After it: 1 May holiday, 2-3 weekend,
    # Mon 4 (1), Tue 5 (2), Wed 6 (3) → 6 May.
    assert echeance(avec(demande__date="2026-04-30", demande__heure="17:29")) == "2026-05-06"


def test_at_the_hour_limit_exactly_the_request_is_still_of_that_day():
    # 17:30 is not after 17:30 → R = 30 April → 6 May, as above.
    assert echeance(avec(demande__date="2026-04-30", demande__heure="17:30")) == "2026-05-06"


def test_one_minute_after_the_limit_moves_the_deadline_by_a_working_day():
    # 17:31 → 1 May (holiday) → weekend → R = Mon 4 May → 5, 6, 7 → 7 May.
    assert echeance(avec(demande__date="2026-04-30", demande__heure="17:31")) == "2026-05-07"


def test_a_public_holiday_inside_the_delay_is_skipped():
    # R = Mon 4 May, 5 working days: 5, 6, 7, (8 holiday), (9-10 weekend), 11, 12 → 12 May.
    assert echeance(avec(regles__delai_normal=5)) == "2026-05-12"


def test_ascension_and_its_weekend_are_skipped():
    # Wed 13 May 10:00 → R = 13 May; 2 working days: (14 Ascension), 15 (1), (16-17), 18 (2).
    params = avec(demande__date="2026-05-13", demande__heure="10:00", regles__delai_normal=2)
    assert echeance(params) == "2026-05-18"


# --- 2. The deadline counted a wrong way is named ---------------------------------------------


@pytest.mark.parametrize(
    ("arrivee", "delai", "donne", "code"),
    [
        # R = Mon 4 May; + 5 calendar days = Sat 9 May (right: 5, 6, 7, 11, 12 → 12 May).
        ("2026-05-01 18:10", 5, "09/05/2026", "ECHEANCE_EN_JOURS_CALENDAIRES"),
        # Thu 7 May 10:00 → R = 7 May; right: (8 holiday) 11, 12 → 12 May; the holiday counted
        # as worked: 8, 11 → 11 May.
        ("2026-05-07 10:00", 2, "11/05/2026", "ECHEANCE_FERIE_COMPTE"),
        # From Fri 1 May itself, no shift: Mon 4 (1), 5 (2), 6 (3) → 6 May (right: 7 May).
        ("2026-05-01 18:10", 3, "06/05/2026", "ECHEANCE_DEPUIS_L_ARRIVEE"),
        # Mon 18 May 10:00 → R = 18 May; right: 19, 20, 21 → 21 May; R counted as day 1:
        # 18, 19, 20 → 20 May (no holiday in the way: Whit Monday is the 25th).
        ("2026-05-18 10:00", 3, "20/05/2026", "ECHEANCE_JOUR_DE_RECEPTION_COMPTE"),
    ],
)
def test_a_deadline_counted_the_wrong_way_is_named(arrivee, delai, donne, code):
    jour, heure = arrivee.split()
    params = avec(demande__date=jour, demande__heure=heure, regles__delai_normal=delai)
    grade = fiche.grade(params, {"suite": {"echeance": donne}})
    assert grade.score == 0
    assert codes(grade) == [code]


def test_a_holiday_inside_the_delay_is_named_before_the_day_received_counted():
    # Mon 4 May 10:00, 5 days: right 5, 6, 7, 11, 12 → 12 May. Counting the holiday (5, 6, 7,
    # 8, 11) and counting R (4, 5, 6, 7, 11) both give 11 May: the holiday, in plain sight in
    # the rules, is named.
    params = avec(demande__date="2026-05-04", demande__heure="10:00", regles__delai_normal=5)
    assert echeance(params) == "2026-05-12"
    grade = fiche.grade(params, {"suite": {"echeance": "11/05/2026"}})
    assert codes(grade) == ["ECHEANCE_FERIE_COMPTE"]


def test_a_deadline_right_from_the_students_own_urgency_is_carried_forward():
    # Urgency wrongly « urgente »: 1 working day after R = Tue 5 May, credited; the urgency is
    # wrong and named.
    grade = fiche.grade(
        MESSAGE, {"demande": {"urgence": "urgente"}, "suite": {"echeance": "05/05/2026"}}
    )
    assert champ(grade, "suite.echeance").correct
    assert not champ(grade, "demande.urgence").correct
    assert codes(grade) == ["URGENCE_INVERSEE"]


def test_a_deadline_right_from_the_students_own_date_is_carried_forward():
    # Date noted Thu 7 May 10:00: R = 7 May; 3 working days: (8 holiday), 11, 12, 13 → 13 May.
    answer = {
        "demande": {"date": "07/05/2026", "heure": "10:00"},
        "suite": {"echeance": "13/05/2026"},
    }
    grade = fiche.grade(MESSAGE, answer)
    assert champ(grade, "suite.echeance").correct
    assert not champ(grade, "demande.date").correct


# --- 3. The contact fields, as a person writes them ------------------------------------------


@pytest.mark.parametrize(
    "tel", ["06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78", "0612345678", "06-12-34-56-78"]
)
def test_the_phone_number_is_read_however_it_is_written(tel):
    grade = fiche.grade(MESSAGE, {"demandeur": {"telephone": tel}})
    assert grade.score == 1


def test_the_number_said_first_then_corrected_is_named():
    grade = fiche.grade(MESSAGE, {"demandeur": {"telephone": "06 12 34 56 87"}})
    assert codes(grade) == ["TELEPHONE_AVANT_CORRECTION"]
    assert "06 12 34 56 78" in champ(grade, "demandeur.telephone").message


def test_a_wrong_digit_is_named():
    grade = fiche.grade(MESSAGE, {"demandeur": {"telephone": "06 12 43 56 78"}})
    assert codes(grade) == ["TELEPHONE_MAL_NOTE"]


def test_a_phone_number_of_nine_digits_is_a_format_error_not_a_wrong_answer():
    with pytest.raises(InvalidInput, match="10 chiffres"):
        fiche.parse({"demandeur": {"telephone": "06 12 34 56 7"}})


@pytest.mark.parametrize(
    ("nom", "juste"),
    [("Dupré", True), ("DUPRE", True), ("Mme Claire Dupré", True), ("dupre claire", True),
     ("Dupont", False), ("Claire", False)],
)  # fmt: skip
def test_the_family_name_is_compared_without_case_accents_or_first_name(nom, juste):
    grade = fiche.grade(MESSAGE, {"demandeur": {"nom": nom}})
    assert (grade.score == 1) is juste


def test_the_e_mail_address_ignores_case_and_a_miscopy_is_named():
    assert fiche.grade(MESSAGE, {"demandeur": {"courriel": "Claire.Dupre@Free.fr"}}).score == 1
    grade = fiche.grade(MESSAGE, {"demandeur": {"courriel": "claire.dupres@free.fr"}})
    assert codes(grade) == ["COURRIEL_MAL_NOTE"]


def test_the_reference_ignores_case_and_dashes_and_the_other_number_is_named():
    assert fiche.grade(MESSAGE, {"demande": {"reference": "fa 2026 0412"}}).score == 1
    leurre = fiche.grade(MESSAGE, {"demande": {"reference": "FA-2026-0398"}})
    assert codes(leurre) == ["REFERENCE_HORS_SUJET"]
    faute = fiche.grade(MESSAGE, {"demande": {"reference": "FA-2026-0421"}})
    assert codes(faute) == ["REFERENCE_MAL_COPIEE"]


# --- 4. The need and the follow-up -------------------------------------------------------------


def test_the_expressed_need_taken_for_the_real_one_is_named():
    grade = fiche.grade(MESSAGE, {"besoin": {"exprime": "contester_facture",
                                             "reel": "contester_facture"}})  # fmt: skip
    assert champ(grade, "besoin.exprime").correct
    assert codes(grade) == ["BESOIN_EXPRIME_PRIS_POUR_REEL"]


def test_the_wrong_service_is_named_and_the_follow_up_proves_1_1_2():
    grade = fiche.grade(MESSAGE, {"suite": {"destinataire": "administration"}})
    assert codes(grade) == ["TRANSMIS_AU_MAUVAIS_SERVICE"]
    assert dict(grade.competences) == {"1.1.2": 0}


def test_the_reference_fiche_scores_one_on_both_competencies():
    grade = fiche.grade(MESSAGE, fiche.solve(MESSAGE))
    assert grade.score == 1 and not grade.diagnostics
    assert set(dict(grade.competences)) == {"1.1.1", "1.1.2"}


# --- 5. What each level puts in the message ----------------------------------------------------


@pytest.fixture(scope="module")
def organisations():
    return [generate_company(seed) for seed in (1, 2, 3, 5, 8)]


def test_level_1_is_clear_on_a_working_day_within_hours(organisations):
    for org in organisations:
        for seed in range(6):
            p = fiche.generate(seed, 1, org).params
            jour = date.fromisoformat(p["demande"]["date"])
            assert jour.weekday() < 5 and p["demande"]["date"] not in p["feries"]
            assert p["demande"]["heure"] <= "17:30"
            assert p["besoin"]["exprime"] == p["besoin"]["reel"]
            assert p["demande"]["leurre"] is None and p["demandeur"]["telephone_dit"] is None


def test_level_3_dictates_the_number_in_words_and_sets_its_traps(organisations):
    variantes = [fiche.generate(s, 3, org).params for org in organisations for s in range(6)]
    for p in variantes:
        assert p["besoin"]["exprime"] != p["besoin"]["reel"]
        assert p["demande"]["leurre"] in " ".join(p["message"])
        if p["canal"] != "courriel":
            assert "zéro" in " ".join(p["message"])
    assert any(p["demandeur"]["telephone_dit"] for p in variantes)
    vendredis = [p for p in variantes if date.fromisoformat(p["demande"]["date"]).weekday() == 4]
    assert any(p["demande"]["heure"] > "17:30" for p in vendredis)


def test_the_request_fits_the_sector(organisations):
    for org in organisations:
        for seed in range(8):
            p = fiche.generate(seed, 2, org).params
            assert p["suite"]["destinataire"] in {m["fonction"] for m in p["annuaire"]}
            if p["situation"] == "coupure_eau":
                assert org.secteur == "regie_eau"


# --- 6. Refused params -------------------------------------------------------------------------


def test_a_recipient_outside_the_directory_is_refused():
    with pytest.raises(InvalidInput, match=r"suite\.destinataire"):
        fiche.check_params(avec(suite__destinataire="logistique"))


def test_needs_offered_without_the_real_one_are_refused():
    with pytest.raises(InvalidInput, match=r"besoin\.propositions"):
        fiche.check_params(avec(besoin__propositions=["prix", "contester_facture"]))
