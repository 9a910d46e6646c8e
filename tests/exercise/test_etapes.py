"""The kit of a step-by-step kind (agora.exercise.etapes), on a toy calculation: the typical
answers in their order, and a calculation from absurd student values that gives up."""

from decimal import Decimal, InvalidOperation

from agora.exercise.etapes import depuis_siens, reponses_typiques

FAUTE = "TVA_OUBLIEE"


def calcule(d, own=None, faute=None):
    """HT then TTC, TTC from the student's own HT when given; the wrong method forgets VAT."""
    own = own or {}
    ht = own.get("ht", d * 2)
    ttc = ht if faute == FAUTE else ht * Decimal("1.2")
    if ttc > 10**6:
        raise InvalidOperation
    return {"ht": d * 2 if "ht" not in own else own["ht"], "ttc": ttc}


def document(valeurs):
    return {path: str(valeur) for path, valeur in valeurs.items()}


def test_the_typical_answers_are_right_wrong_by_method_carried_forward_then_unreadable():
    reponses = reponses_typiques(
        calcule,
        Decimal(10),
        [FAUTE],
        lambda faute, path: path == "ttc",
        document,
        ("HT faux, TTC juste d'après lui (erreur reportée)", "ht", 5),
        {"ht": "beaucoup"},
    )
    assert [(r.label, r.correct, r.expected_diagnostics) for r in reponses] == [
        ("Réponse juste", True, ()),
        ("Méthode fausse : TVA_OUBLIEE", False, (FAUTE,)),
        ("HT faux, TTC juste d'après lui (erreur reportée)", False, ()),
        ("Réponse illisible", False, ()),
    ]
    assert reponses[2].answer == {"ht": "25", "ttc": "30.0"}
    assert reponses[3].invalid


def test_a_calculation_from_absurd_student_values_gives_none_instead_of_raising():
    assert depuis_siens(calcule, Decimal(10), {"ht": Decimal(10**7)}) is None
    assert depuis_siens(calcule, Decimal(10), {"ht": Decimal(5)})["ttc"] == Decimal("6.0")
