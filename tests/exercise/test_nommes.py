"""The wrong methods one answer's grading names (agora.exercise.nommes): each listed once, in the
order found, and read in the field's message before what was expected; a kind's messages file."""

import pytest

from agora.errors import ContentError
from agora.exercise.nommes import Nommes, codes_declares, messages_lus

MESSAGES = {"TAUX": "Le taux est faux.", "ARRONDI": "Arrondi au centime."}


def test_a_code_named_twice_gives_one_diagnostic_in_the_order_found():
    nommes = Nommes(MESSAGES.__getitem__)
    nommes.nomme("ARRONDI")
    nommes.devant("TAUX", "Attendu : 20 %.")
    nommes.nomme("ARRONDI")
    assert [(d.code, d.message) for d in nommes.diagnostics()] == [
        ("ARRONDI", "Arrondi au centime."),
        ("TAUX", "Le taux est faux."),
    ]


def test_the_message_comes_before_what_was_expected_and_no_code_leaves_it_alone():
    nommes = Nommes(MESSAGES.__getitem__)
    assert nommes.devant("TAUX", "Attendu : 20 %.") == "Le taux est faux. Attendu : 20 %."
    assert nommes.devant(None, "Attendu : 20 %.") == "Attendu : 20 %."
    assert nommes.nomme(None) is None
    assert nommes.codes == ["TAUX"]


def test_a_kind_s_messages_file_is_read_in_its_order(tmp_path):
    fichier = tmp_path / "messages.yaml"
    fichier.write_text("TAUX: >-\n  Le taux\n  est faux.\nARRONDI: Arrondi au centime.\n")
    assert list(messages_lus(fichier, ("ARRONDI", "TAUX")).items()) == list(MESSAGES.items())


@pytest.mark.parametrize(
    ("contenu", "erreur"),
    [
        ("TAUX: Le taux est faux.\n", "aucun message pour ARRONDI"),
        ("TAUX: Faux.\nARRONDI: Arrondi.\nTVA: La TVA.\n", "code d'erreur inconnu du type : TVA"),
        ("TAUX: Faux.\nARRONDI: ''\n", "« ARRONDI » : texte trop court"),
        ("- TAUX\n- ARRONDI\n", "objet"),
    ],
)
def test_a_messages_file_that_misses_or_misspells_a_code_is_refused_naming_it(
    tmp_path, contenu, erreur
):
    fichier = tmp_path / "messages.yaml"
    fichier.write_text(contenu)
    with pytest.raises(ContentError, match=erreur) as refus:
        messages_lus(fichier, ("TAUX", "ARRONDI"))
    assert str(fichier) in str(refus.value)


def test_without_codes_the_file_is_their_list_and_an_empty_message_is_still_refused(tmp_path):
    fichier = tmp_path / "messages.yaml"
    fichier.write_text("TAUX: >-\n  Le taux\n  est faux.\nARRONDI: Arrondi au centime.\n")
    assert list(messages_lus(fichier).items()) == list(MESSAGES.items())
    fichier.write_text("TAUX: Faux.\nARRONDI: ''\n")
    with pytest.raises(ContentError, match="« ARRONDI » : texte trop court"):
        messages_lus(fichier)


def test_the_codes_a_module_declares_are_its_constants_named_as_what_they_hold():
    constantes = {"TAUX": "TAUX", "ARRONDI": "ARRONDI", "NAME": "facture", "FAUTES": ("TAUX",)}
    assert codes_declares(constantes) == ("TAUX", "ARRONDI")
