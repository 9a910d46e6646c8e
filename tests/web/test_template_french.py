"""French agreement in the templates: a count of 1 is followed by a singular noun (teacher
audit 11: « 1 étapes », « 1 questions · 5 points », « à ces 1 élève »)."""

import re
from pathlib import Path
from types import SimpleNamespace

import agora
from agora.web.templating import make_environment

ENV = make_environment(agora.TEMPLATES_DIR)

# « {{ n }} étapes », « {{ a }} / {{ b }}</strong> points »: a printed value followed by a plural
# noun, with no « {{ 's' if … }} » to agree with it.
COUNT_THEN_PLURAL = re.compile(r"\}\}(?:</strong>)? ([a-zéèêàç]+s)\b")
NOT_A_NOUN = {"les", "des", "ses", "mes", "vos", "nos", "aux", "dans", "sous", "sans", "plus",
              "moins", "puis", "mais", "vers", "après", "avec", "pas", "fois"}  # fmt: skip
# Counts that are never 1: the referentiel's competencies, a generated organisation's suppliers
# and catalogue (several by construction), payment terms in days (30, 45, 60).
ALWAYS_SEVERAL = {
    ("teacher/coverage.html", "compétences"),
    ("student/competences.html", "compétences"),
    ("student/dashboard.html", "fournisseurs"),
    ("student/dashboard.html", "articles"),
    ("student/organisation.html", "jours"),
    ("exam/teacher/journal.html", "adresses"),  # shown only when there are several
}


def test_no_count_is_followed_by_a_plural_noun_that_ignores_it():
    found = []
    for path in sorted(Path(agora.TEMPLATES_DIR).rglob("*.html")):
        name = path.relative_to(agora.TEMPLATES_DIR).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for noun in COUNT_THEN_PLURAL.findall(line):
                if noun not in NOT_A_NOUN and (name, noun) not in ALWAYS_SEVERAL:
                    found.append(f"{name}:{number}: {noun}")
    assert found == []


def _mission(etapes: int, points: int) -> SimpleNamespace:
    return SimpleNamespace(
        slug="m", titre="Titre", niveau=1, duree_minutes=30, resume="Résumé",
        etapes=[object()] * etapes, points=points,
    )  # fmt: skip


def test_a_mission_to_choose_agrees_its_steps_and_points():
    template = ENV.get_template("teacher/_choix_mission.html")
    one = template.render(m=_mission(1, 1), values={})
    assert "1 étape · 1 point<" in one and "1 étapes" not in one
    assert "3 étapes · 12 points<" in template.render(m=_mission(3, 12), values={})
