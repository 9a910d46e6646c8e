"""The registry: every kind is one typed object, found by name, with its form."""

import pytest

from agora import TEMPLATES_DIR
from agora.errors import UnknownCode
from agora.exercise.base import ExerciseKind
from agora.exercise.registry import KINDS, form_template, get_kind


def test_kinds_are_typed_objects_registered_under_their_name():
    assert list(KINDS) == ["facture", "avoir", "rapprochement", "bulletin_paie", "planning"]
    for name, kind in KINDS.items():
        assert isinstance(kind, ExerciseKind) and name == kind.NAME and get_kind(name) is kind


def test_an_unknown_kind_is_refused_in_french_naming_the_known_ones():
    with pytest.raises(UnknownCode, match=r"Type d'exercice inconnu : « devis » .*facture"):
        get_kind("devis")


@pytest.mark.parametrize("name", KINDS)
def test_every_kind_has_its_form_template(name):
    assert form_template(name) == f"exercise/{name}/form.html"
    assert (TEMPLATES_DIR / form_template(name)).is_file()


def test_a_kind_missing_a_function_fails_when_it_is_built():
    with pytest.raises(TypeError, match="grade"):
        ExerciseKind(**{f: getattr(KINDS["facture"], f) for f in ("NAME", "TITRE", "COMPETENCES", "VERSION", "ANSWER_SCHEMA", "check_params", "generate", "read", "solve", "sample_answers")})  # fmt: skip
