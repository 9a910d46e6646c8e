"""Planning form beyond the shared round trip (tests/exercise/test_kind_contract.py): the time
fields' keyboard, extra créneaux, day names, verdicts and errors in their cell of the grid."""

from html.parser import HTMLParser

import agora
from agora.company import generate_company
from agora.exercise.base import unflatten
from agora.exercise.forms import AnswerForm
from agora.exercise.kinds.planning import KIND as planning
from agora.web.templating import make_environment

ENV = make_environment(agora.TEMPLATES_DIR)  # the app's: forms read answer_schema


class Champs(HTMLParser):
    """Every input name=value of a rendered form, and the placeholders of the time inputs."""

    def __init__(self):
        super().__init__()
        self.valeurs: dict[str, str] = {}
        self.inputmodes: set[str] = set()
        self.placeholders: set[str] = set()
        self.titres: list[str] = []
        self._titre = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and "name" in a:
            self.valeurs[a["name"]] = a.get("value") or ""
            if a.get("type") == "text":
                self.inputmodes.add(a.get("inputmode"))
                self.placeholders.add(a.get("placeholder"))
        self._titre = tag == "span" and a.get("class") == "planning-jour-titre"

    def handle_data(self, data):
        if self._titre and data.strip():
            self.titres.append(data.strip())
            self._titre = False


def rendre(params, niveau, form):
    champs = Champs()
    champs.feed(
        ENV.get_template("exercise/planning/form.html").render(
            params=params, niveau=niveau, form=form
        )
    )
    return champs


def test_time_fields_take_a_keyboard_that_can_type_a_time_and_show_one():
    params = planning.generate(5, 3, generate_company(5)).params
    champs = rendre(params, 3, AnswerForm.from_answer(planning.solve(params)))
    # The widget comes from the field's type (HORAIRE): a phone's numeric or decimal pad has
    # no « : » nor « h », so « 09:30 » or « 9h30 » could not be typed with it.
    assert champs.inputmodes == {planning.ANSWER_SCHEMA.type_of("creneaux.0.debut").inputmode}
    assert champs.inputmodes == {"text"}
    # No grey « 09:00 » in every box: a weak reader takes it for a value already there.
    assert champs.placeholders == {None}


def test_extra_creneaux_get_extra_periods_and_typed_places_are_kept():
    params = planning.generate(2, 1, generate_company(2)).params
    ident, jour = params["salaries"][0]["id"], sorted(params["ouverture"])[0]
    trois = [
        {"salarie": ident, "jour": jour, "debut": d, "fin": f}
        for d, f in (("09:00", "10:00"), ("11:00", "12:00"), ("14:00", "15:00"))
    ]
    champs = rendre(params, 1, AnswerForm.from_answer({"creneaux": trois}))
    jours = len(params["ouverture"])
    # Three periods per day now; the three créneaux fill the first day of the first employee.
    assert len(champs.valeurs) == 4 * 3 * jours * len(params["salaries"])
    assert [champs.valeurs[f"creneaux.{n}.debut"] for n in range(3)] == ["09:00", "11:00", "14:00"]
    # Only the afternoon typed (grid index 1): it stays in the afternoon.
    apres_midi = {
        "creneaux.1.salarie": ident,
        "creneaux.1.jour": jour,
        "creneaux.1.debut": "14:00",
        "creneaux.1.fin": "17:00",
    }
    champs = rendre(params, 1, AnswerForm(values=apres_midi))
    assert champs.valeurs["creneaux.0.debut"] == ""
    assert champs.valeurs["creneaux.1.debut"] == "14:00"


def test_day_names_are_right_across_months_and_years():
    params = {
        "semaine": "2026-12-28",
        "salaries": [
            {
                "id": "E1",
                "nom": "A",
                "contrat_heures": "35",
                "mineur": False,
                "indisponibilites": [],
            }
        ],
        "ouverture": {"2026-12-28": ["09:00", "17:00"], "2027-01-03": ["09:00", "12:00"]},
        "besoins": [],
        "fin_semaine_precedente": {},
    }
    titres = rendre(params, 2, AnswerForm()).titres
    assert titres == ["lundi 28/12", "dimanche 03/01"]
    params["ouverture"] = {"2026-03-01": ["09:00", "12:00"], "2026-02-28": ["09:00", "12:00"]}
    assert rendre(params, 2, AnswerForm()).titres == ["samedi 28/02", "dimanche 01/03"]


def test_verdicts_and_format_errors_show_in_their_cell():
    params = planning.generate(2, 1, generate_company(2)).params
    solution = planning.solve(params)
    champs = rendre(params, 1, AnswerForm.from_answer(solution))
    reponse = unflatten(champs.valeurs)
    premier = next(c for c in reponse["creneaux"] if c["debut"])
    premier["debut"] = "25:00"
    grade = planning.grade(params, reponse)
    form = AnswerForm.from_answer(reponse, grade, validate_url="/valider", disabled=True)
    html = ENV.get_template("exercise/planning/form.html").render(
        params=params, niveau=1, form=form
    )
    assert "va de 00:00 à 24:00" in html  # the format error of the typed time
    assert "Rien à signaler ce jour-là." in html
    assert 'hx-post="/valider"' not in html  # a disabled form does not validate as you type
    assert "disabled" in html


def test_staff_missing_is_said_under_the_day_not_in_each_employees_cell():
    couverture = "besoin en personnel non couvert"
    for seed in range(1, 30):
        params = planning.generate(seed, 2, generate_company(seed)).params
        solution = planning.solve(params)["creneaux"]
        for retire in {(c["salarie"], c["jour"]) for c in solution}:
            reste = [c for c in solution if (c["salarie"], c["jour"]) != retire]
            grade = planning.grade(params, {"creneaux": reste})
            faux = [r for r in grade.champs if not r.correct]
            if faux and all(couverture in r.message for r in faux):
                break
        else:
            continue
        break
    else:
        raise AssertionError("aucune semaine où il ne manque que du personnel")
    form = AnswerForm.from_answer({"creneaux": reste}, grade, disabled=True)
    html = ENV.get_template("exercise/planning/form.html").render(
        params=params, niveau=2, form=form
    )
    # Said once, under the day; the employees who work that day broke no rule of theirs.
    assert html.count(couverture) == 0
    assert html.count("Besoin en personnel non couvert ce jour-là.") == 1
    assert "Rien à signaler pour ce salarié ce jour-là." in html
    assert "verdict--faux" in html and html.count("planning-cellule--faux") == 0
