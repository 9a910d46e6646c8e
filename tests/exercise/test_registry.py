"""The registry: every kind is one typed object, found by name, with its form."""

from pathlib import Path

import pytest

import agora.exercise.kinds
from agora import TEMPLATES_DIR
from agora.company import generate_company
from agora.errors import UnknownCode
from agora.exercise.base import ExerciseKind
from agora.exercise.registry import KINDS, form_template, get_kind

KINDS_DIR = Path(agora.exercise.kinds.__file__).parent


def test_kinds_are_typed_objects_registered_under_their_name():
    packages = {p.name for p in KINDS_DIR.iterdir() if (p / "__init__.py").is_file()}
    assert set(KINDS) == packages  # every kind package is registered, and nothing else
    for name, kind in KINDS.items():
        assert isinstance(kind, ExerciseKind) and name == kind.NAME and get_kind(name) is kind


def test_an_unknown_kind_is_refused_in_french_naming_the_known_ones():
    with pytest.raises(UnknownCode, match=r"Type d'exercice inconnu : « inventaire » .*facture"):
        get_kind("inventaire")


@pytest.mark.parametrize("name", KINDS)
def test_every_kind_has_its_form_template(name):
    assert form_template(name) == f"exercise/{name}/form.html"
    assert (TEMPLATES_DIR / form_template(name)).is_file()


def test_a_kind_missing_a_function_fails_when_it_is_built():
    with pytest.raises(TypeError, match="grade"):
        ExerciseKind(**{f: getattr(KINDS["facture"], f) for f in ("NAME", "TITRE", "COMPETENCES", "VERSION", "ANSWER_SCHEMA", "check_params", "generate", "read", "solve", "sample_answers")})  # fmt: skip


def test_a_kind_s_messages_are_read_in_its_messages_module_else_methodes_else_grade():
    from agora.exercise.kinds.avoir import methodes
    from agora.exercise.kinds.encaissements import messages
    from agora.exercise.kinds.facture import grade

    assert KINDS["encaissements"].MESSAGES is messages.MESSAGES
    assert KINDS["avoir"].MESSAGES is methodes.MESSAGES
    assert KINDS["facture"].MESSAGES is grade.MESSAGES


@pytest.mark.parametrize("name", KINDS)
def test_every_method_error_a_sample_answer_names_has_its_message(name):
    """The class report's remediation says « Point à revoir » with the kind's message."""
    kind = KINDS[name]
    for niveau in (1, 2, 3):
        params = kind.generate(0, niveau, generate_company(0)).params
        for sample in kind.sample_answers(params):
            for diagnostic in kind.grade(params, sample.answer).diagnostics:
                assert diagnostic.code in kind.MESSAGES, (niveau, sample.label, diagnostic.code)
