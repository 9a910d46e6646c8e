"""« de » and « à » before a name, elided or contracted (teacher audit 11: « au nom de Eau de
Saint-Denis », « Aménagement de Odette Brunel », « 71, rue de Étienne »)."""

import pytest

from agora.francais import a, de, elidable, insecables


@pytest.mark.parametrize(
    ("nom", "attendu"),
    [
        ("Eau de Saint-Denis", "d'Eau de Saint-Denis"),
        ("Odette Brunel", "d'Odette Brunel"),
        ("Étoile sportive Roux", "d'Étoile sportive Roux"),
        ("Hélène Martin", "d'Hélène Martin"),
        ("Honoré Ribeiro", "d'Honoré Ribeiro"),
        ("Yves Durand", "d'Yves Durand"),
        ("Yannick Durand", "de Yannick Durand"),
        ("Haute-Savoie", "de Haute-Savoie"),
        ("Régie des eaux de Lyon", "de Régie des eaux de Lyon"),
        ("Le Bistrot de Paul Roux", "du Bistrot de Paul Roux"),
        ("Les Artisans Roux", "des Artisans Roux"),
        ("La Table de Paul Roux", "de La Table de Paul Roux"),
        ("L'Auberge Roux", "de L'Auberge Roux"),
        ("Le Mans", "du Mans"),
    ],
)
def test_de_elides_before_a_vowel_or_a_mute_h_and_contracts_le_les(nom, attendu):
    assert de(nom) == attendu


def test_de_in_bold_keeps_the_small_word_outside():
    assert de("Eau de Saint-Denis", gras=True) == "d'**Eau de Saint-Denis**"
    assert de("Le Bistrot de Paul Roux", gras=True) == "du **Bistrot de Paul Roux**"
    assert de("Librairie Roux", gras=True) == "de **Librairie Roux**"


def test_a_contracts_le_les_only():
    assert [a("Le Mans"), a("Les Artisans Roux"), a("Amiens"), a("La Table")] == [
        "au Mans",
        "aux Artisans Roux",
        "à Amiens",
        "à La Table",
    ]


def test_elidable_and_no_break_guillemets():
    assert elidable("usager") and elidable("adhérent") and not elidable("client")
    assert not elidable("")
    assert insecables("relations « clients »") == "relations «\u00a0clients\u00a0»"
