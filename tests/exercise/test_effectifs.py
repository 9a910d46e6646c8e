"""Every kind that tells an organisation's headcount tells the same one: its staff (issue 16
follow-up: a water utility's social dashboard drew 7 employees where its payslip said 15)."""

from __future__ import annotations

import re

from agora.company import generate_company
from agora.content.secteurs import secteur_codes
from agora.exercise.base import NIVEAUX
from agora.exercise.registry import KINDS

# How each statement gives the organisation's whole staff (not a team nor a sample of it).
EFFECTIF_DIT = {
    "bulletin_paie": re.compile(r" — (\d+) salariés\."),
    "formation": re.compile(r"L'organisation compte (\d+) salariés\."),
    "journal_paie": re.compile(r"L'organisation emploie \*\*(\d+) salariés\*\*"),
}


def _present_au_31_decembre(params: dict) -> set[str]:
    """The register's people on its reference day, each once (a row to check left out)."""
    jour = params["date_reference"]
    return {
        p["matricule"]
        for p in params["personnel"]
        if p["entree"] <= jour
        and (p["sortie"] is None or p["sortie"] > jour)
        and (p["sortie"] is None or p["sortie"] >= p["entree"])
    }


def test_every_kind_of_one_organisation_counts_its_own_staff():
    vus: set[str] = set()
    for secteur in secteur_codes():
        for seed in range(10):
            organisation = generate_company(seed, secteur)
            staff = {s.id for s in organisation.salaries}
            for niveau in NIVEAUX:
                for name, motif in EFFECTIF_DIT.items():
                    enonce = KINDS[name].generate(seed, niveau, organisation).enonce
                    dits = {int(n) for n in motif.findall(enonce)}
                    assert dits <= {len(staff)}, (secteur, seed, name, niveau, dits)
                    vus |= {name} if dits else set()
                tableau = KINDS["tableau_de_bord_social"].generate(seed, niveau, organisation)
                p = tableau.params
                # The payroll's December headcount and the register are the organisation's
                # staff on 31 December (everyone in it was hired before 1 January).
                assert p["mois"][-1]["effectif_fin"] == len(staff), (secteur, seed, niveau)
                assert _present_au_31_decembre(p) == staff, (secteur, seed, niveau)
    assert vus == set(EFFECTIF_DIT)
