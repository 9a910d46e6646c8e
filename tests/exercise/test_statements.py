"""What a student reads names things in French: no statement shows an answer field's internal
name (« Solde du relevé (`solde_releve`) » was found by trying the reconciliation, issue 16)."""

import re

import pytest

from agora.company import generate_company
from agora.exercise.base import NIVEAUX
from agora.exercise.registry import KINDS

CODE = re.compile(r"`([^`]+)`")


def _internal_names(kind) -> set[str]:
    return {
        part
        for nom in kind.ANSWER_SCHEMA.noms
        for part in nom.split(".")
        if part != "#" and "_" in part
    }


@pytest.mark.parametrize("niveau", NIVEAUX)
@pytest.mark.parametrize("name", KINDS)
def test_no_statement_shows_a_fields_internal_name(name, niveau):
    kind = KINDS[name]
    internes = _internal_names(kind)
    for seed in (0, 7):
        enonce = kind.generate(seed, niveau, generate_company(seed)).enonce
        assert not internes & set(CODE.findall(enonce)), CODE.findall(enonce)
