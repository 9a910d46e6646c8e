"""The shared readers of a kind's params that relances added: a whole number in bounds, an ISO
day, a JSON boolean, a rate; each refuses in one French line naming where the value is."""

from __future__ import annotations

from datetime import date

import pytest

from agora.errors import InvalidInput
from agora.exercise.params import (
    code_attendu,
    lire_booleen,
    lire_entier,
    lire_jour,
    lire_nombre,
    lire_taux,
    texte_attendu,
)


def test_a_whole_number_within_its_bounds():
    assert lire_entier("45", "délai", 120) == 45
    assert lire_entier(0, "délai", 120) == 0
    for mauvais in ("45.5", "121", "-1", 4.5, None, True):
        with pytest.raises(InvalidInput, match=r"^Paramètres : délai"):
            lire_entier(mauvais, "délai", 120)


def test_a_number_read_as_written_whatever_way_it_is_read():
    # The contract's writing is read by a shortcut: the same value, zeros kept, as any other.
    assert str(lire_nombre("12.50", "prix")) == "12.50"
    assert str(lire_nombre("1 234,50", "prix")) == "1234.50"
    assert lire_nombre(7, "prix") == lire_nombre("7", "prix")
    assert lire_entier(120, "délai", 120) == 120
    with pytest.raises(InvalidInput, match=r"^Paramètres : délai doit être un nombre entier"):
        lire_entier(121, "délai", 120)


def test_an_iso_day():
    assert lire_jour("2026-06-30", "date") == date(2026, 6, 30)
    for mauvais in ("30/06/2026", "2026-02-30", 20260630, None):
        with pytest.raises(InvalidInput, match="AAAA-MM-JJ"):
            lire_jour(mauvais, "date")


def test_a_json_boolean_not_a_text():
    assert lire_booleen(False, "guide") is False
    for mauvais in ("true", 1, None):
        with pytest.raises(InvalidInput, match="true ou false"):
            lire_booleen(mauvais, "guide")


def test_a_rate_from_0_to_100():
    assert str(lire_taux("12.15", "taux")) == "12.15"
    with pytest.raises(InvalidInput, match="taux de 0 à 100"):
        lire_taux("100.01", "taux")


def test_a_short_text_and_a_code_among_the_contract_s():
    from agora.exercise.params import lire_parmi, lire_texte

    assert lire_texte("Formavenir", "organisme") == "Formavenir"
    for mauvais in ("", "   ", "x" * 161, 12, None):
        with pytest.raises(InvalidInput, match=r"^Paramètres : organisme"):
            lire_texte(mauvais, "organisme")
    assert lire_parmi("jour", "tarif_par", ("jour", "session")) == "jour"
    for mauvais in ("heure", ["jour"], None):
        with pytest.raises(InvalidInput, match="jour ou session"):
            lire_parmi(mauvais, "tarif_par", ("jour", "session"))


def test_a_short_text_or_a_listed_code_is_refused_saying_what_was_expected():
    assert texte_attendu("Léa Martin", "embauche.salarie") == "Léa Martin"
    assert (
        code_attendu("saisonnier", "depart.motif", ("remplacement", "saisonnier")) == "saisonnier"
    )
    for mauvais in ("  ", "x" * 161, None, 7):
        with pytest.raises(InvalidInput) as refus:
            texte_attendu(mauvais, "embauche.salarie")
        assert str(refus.value) == "Paramètres : embauche.salarie — un texte court est attendu."
    for mauvais in ("cdi", ["saisonnier"], None):
        with pytest.raises(InvalidInput) as refus:
            code_attendu(mauvais, "depart.motif", ("remplacement", "saisonnier"))
        assert str(refus.value) == (
            "Paramètres : depart.motif — valeur attendue parmi remplacement, saisonnier."
        )


def test_an_unknown_code_is_refused_with_the_codes_it_may_be():
    from agora.exercise.params import code_connu

    assert code_connu("bce", ("bce", "triple_legal"), "clause inconnue") == "bce"
    assert code_connu("fifo", {"fifo": "PEPS", "cump": "CUMP"}, "méthode inconnue") == "fifo"
    for mauvais in ("usure", ["bce"], None, 3):
        with pytest.raises(InvalidInput) as refus:
            code_connu(mauvais, ("bce", "triple_legal"), "clause inconnue")
        assert str(refus.value) == "Paramètres : clause inconnue (bce, triple_legal)."


def test_a_day_within_the_years_of_a_story_and_a_level_from_1_to_3():
    from agora.exercise.params import jour_entre, niveau_attendu

    assert jour_entre("1960-05-02", "naissance", 1900) == date(1960, 5, 2)
    for mauvais, attendu in (("1899-12-31", "une date de 1900 à 2100"), ("02/05/1960", "AAAA")):
        with pytest.raises(InvalidInput, match=attendu):
            jour_entre(mauvais, "naissance", 1900)
    assert [niveau_attendu(n) for n in (1, "2", 3)] == [1, 2, 3]
    for mauvais in (0, 4, "deux", None):
        with pytest.raises(InvalidInput, match=r"^Paramètres : niveau"):
            niveau_attendu(mauvais)


def test_params_keep_what_is_derived_from_them_once():
    from dataclasses import dataclass

    from agora.exercise.params import Memoire

    @dataclass
    class Exemple(Memoire):
        valeur: int

    exemple, appels = Exemple(3), []
    for _ in range(2):
        assert exemple.garde("double", lambda: appels.append(1) or 2 * exemple.valeur) == 6
    assert appels == [1]
    assert Exemple(3) == exemple  # the memo is no part of the params' value
