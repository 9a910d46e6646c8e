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
