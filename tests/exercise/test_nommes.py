"""The wrong methods one answer's grading names (agora.exercise.nommes): each listed once, in the
order found, and read in the field's message before what was expected."""

from agora.exercise.nommes import Nommes

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
