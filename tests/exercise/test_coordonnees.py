"""Contact field types: a French phone number, an e-mail address and a person's name are read
as a person writes them, explain what they cannot read, and compare as a colleague would."""

from __future__ import annotations

import pytest

from agora.exercise.coordonnees import COURRIEL, NOM_ORGANISATION, NOM_PERSONNE, TELEPHONE


@pytest.mark.parametrize(
    "saisie",
    ["06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "+33 6 12 34 56 78", "+33 (0)6 12 34 56 78",
     "0033612345678", "0612345678"],
)  # fmt: skip
def test_a_phone_number_is_read_in_every_usual_writing(saisie):
    lu = TELEPHONE.read(saisie)
    assert lu.valeur == "0612345678" and lu.erreur is None
    assert TELEPHONE.display(lu.valeur) == "06 12 34 56 78"


@pytest.mark.parametrize("saisie", ["06 12 34 56", "06 12 34 56 78 9", "zéro six", "16 12 34 56 78",
                                    "٠٦١٢٣٤٥٦٧٨"])  # fmt: skip
def test_a_phone_number_that_is_not_ten_digits_gets_a_french_message(saisie):
    lu = TELEPHONE.read(saisie)
    assert lu.valeur is None and "10 chiffres" in lu.erreur


def test_an_e_mail_address_is_read_in_lower_case_and_a_malformed_one_is_refused():
    assert COURRIEL.read(" Claire.Dupre@Free.FR ").valeur == "claire.dupre@free.fr"
    for saisie in ("claire.dupre", "claire@free", "claire dupre@free.fr@x.fr"):
        assert "adresse électronique" in COURRIEL.read(saisie).erreur


@pytest.mark.parametrize(
    ("saisie", "juste"),
    [("Lefèvre", True), ("LEFEVRE", True), ("M. Julien Lefèvre", True), ("Monsieur lefevre julien", True),
     ("Lefevres", False), ("Julien", False), ("Jean Paul Pierre Lefèvre", False)],
)  # fmt: skip
def test_a_name_is_the_family_name_whatever_the_case_accents_first_name_or_civility(saisie, juste):
    assert NOM_PERSONNE.same("Lefèvre", NOM_PERSONNE.read(saisie).valeur) is juste


def test_a_name_without_any_letter_is_refused():
    assert NOM_PERSONNE.read("1234").erreur == "« 1234 » n'est pas un nom."


@pytest.mark.parametrize(
    ("attendu", "saisie", "juste"),
    [("Restaurant Da Costa d'Angoulême", "Restaurant Da Costa", True),
     ("Restaurant Da Costa d'Angoulême", "restaurant da costa d'angouleme", True),
     ("Restaurant Da Costa d'Angoulême", "Costa", False),
     ("Restaurant Da Costa d'Angoulême", "Restaurant Dacosta", False),
     ("Salle", "service Salle", True),
     ("Salle", "Cuisine", False),
     ("Camping Joly de Strasbourg", "Camping Joly", True),
     ("Camping Joly de Strasbourg", "Camping du Lac", False)],
)  # fmt: skip
def test_an_organisation_is_recognised_by_its_words_without_foreign_ones(attendu, saisie, juste):
    assert NOM_ORGANISATION.same(attendu, NOM_ORGANISATION.read(saisie).valeur) is juste
