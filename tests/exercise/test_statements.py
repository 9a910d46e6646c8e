"""What a student reads names things in French: no statement shows an answer field's internal
name (« Solde du relevé (`solde_releve`) » was found by trying the reconciliation, issue 16)."""

import json
import re

import pytest
from tests.exercise.tirages import variantes

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


# Organisations in Le Mans and Le Havre (seeds 7 and 198): « à Le Mans » was read in a job ad.
VILLES_A_ARTICLE = (7, 127, 198)
A_OU_DE_LE = re.compile(r"\b(?:à|de) (?:Le|Les) [A-Z]")


@pytest.mark.parametrize("name", KINDS)
def test_a_town_with_an_article_is_written_au_mans_du_mans(name):
    for _, _, organisation, variant in variantes(name, VILLES_A_ARTICLE):
        assert organisation.adresse.ville.startswith("Le ")
        texte = variant.enonce + json.dumps(variant.params, ensure_ascii=False)
        assert not A_OU_DE_LE.findall(texte), A_OU_DE_LE.findall(texte)
