"""The contract every registered exercise kind keeps, checked over kinds × levels × seeds.

The reference answer scores exactly 1; each sample wrong answer scores below 1 and raises its
diagnostics; the unreadable sample gives format errors and still grades; the form filled with
the reference answer posts it back and scores 1; the grading JSON has the contract keys; the
command line follows the contract (README « Les exercices », docs/exercices/), byte for byte
whatever the hash seed. Hostile answers: test_grading_hostile.py; the catalogue (form, page,
mission, competencies): test_catalogue.py; hand-checked cases: kinds/. How to add a kind:
docs/ajouter-un-exercice.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from typing import Any

import pytest

from agora.company import generate_company
from agora.exercise.base import NIVEAUX, FormatErrors, dumps, unflatten
from agora.exercise.forms import AnswerForm
from agora.exercise.registry import KINDS, get_kind
from agora.exercise.variants import build_variant, source_of

SEEDS = (0, 7, 23)
MANY_SEEDS = range(100)
CASES = [(kind, niveau, seed) for kind in KINDS for niveau in NIVEAUX for seed in SEEDS]
GRADE_KEYS = ["kind", "score", "champs", "diagnostics", "competences"]
CHAMP_KEYS = ["champ", "attendu", "recu", "correct", "message"]


def assert_grading_json(document: dict[str, Any], kind: str) -> None:
    """The public grading JSON: contract keys, a decimal score in [0, 1], declared codes only."""
    assert list(document) == GRADE_KEYS and document["kind"] == kind
    assert 0 <= Decimal(document["score"]) <= 1
    for champ in document["champs"]:
        assert list(champ) == CHAMP_KEYS, champ
        assert isinstance(champ["correct"], bool) and champ["message"]
    for diagnostic in document["diagnostics"]:
        assert diagnostic["code"].isupper() and diagnostic["message"], diagnostic
        keys = list(diagnostic)
        assert keys[0] == "code" and keys[-1] == "message"
    for competence in document["competences"]:
        assert list(competence) == ["code", "score"]
        assert competence["code"] in get_kind(kind).COMPETENCES
        assert 0 <= Decimal(competence["score"]) <= 1


def check_reference(kind: str, params: dict[str, Any]) -> None:
    """solve() scores exactly 1, raises nothing and credits every declared competency."""
    module = get_kind(kind)
    assert module.check_params(params) == params  # generated params pass their own checks
    grade = module.grade(params, module.solve(params))
    assert grade.score == 1, [c for c in grade.champs if not c.correct]
    assert grade.diagnostics == []
    assert grade.competences == [(code, 1) for code in module.COMPETENCES]
    assert_grading_json(grade.to_json(), kind)


def check_samples(kind: str, params: dict[str, Any]) -> None:
    """First sample right, last unreadable, the ones between wrong and named."""
    module = get_kind(kind)
    right, *wrong, unreadable = module.sample_answers(params)
    assert right.correct and module.grade(params, right.answer).score == 1
    assert wrong, "a kind shows at least one typical mistake"
    for sample in wrong:
        assert not sample.correct and not sample.invalid, sample.label
        module.parse(sample.answer)  # readable: a wrong answer, not a format error
        grade = module.grade(params, sample.answer)
        codes = {d.code for d in grade.diagnostics}
        assert grade.score < 1, sample.label
        assert set(sample.expected_diagnostics) <= codes, (sample.label, codes)
        assert_grading_json(grade.to_json(), kind)
    assert unreadable.invalid and not unreadable.correct
    with pytest.raises(FormatErrors) as error:
        module.parse(unreadable.answer)
    assert error.value.errors
    assert module.grade(params, unreadable.answer).score < 1


@pytest.mark.parametrize(("kind", "niveau", "seed"), CASES)
def test_the_reference_scores_one_and_each_sample_is_diagnosed(kind, niveau, seed, variant):
    generated = variant(kind, seed, niveau)
    assert (generated.kind, generated.seed, generated.niveau) == (kind, seed, niveau)
    assert generated.enonce.strip() and "<" not in generated.enonce  # Markdown, no raw HTML
    check_reference(kind, generated.params)
    check_samples(kind, generated.params)


@pytest.mark.slow
@pytest.mark.parametrize("niveau", NIVEAUX)
@pytest.mark.parametrize("kind", KINDS)
def test_the_reference_and_the_samples_over_a_hundred_seeds(kind, niveau):
    for seed in MANY_SEEDS:
        params = get_kind(kind).generate(seed, niveau, generate_company(seed)).params
        check_reference(kind, params)
        check_samples(kind, params)


CHAINS = [
    (producer, consumer)
    for producer, made in KINDS.items()
    for consumer, taking in KINDS.items()
    if made.PRODUIT in taking.CONSOMME and made.document and taking.reprendre
]


@pytest.mark.parametrize(("producer", "consumer"), CHAINS)
@pytest.mark.parametrize("niveau", NIVEAUX)
def test_a_variant_built_on_an_earlier_steps_document_keeps_the_contract(
    producer, consumer, niveau
):
    chained = 0
    for seed in range(8):
        for source_niveau in NIVEAUX:
            source = source_of(producer, source_niveau, seed, None)
            built = build_variant(consumer, niveau, seed + 100, seed, None, source)
            chained += built != build_variant(consumer, niveau, seed + 100, seed)
            assert built.enonce.strip() and "<" not in built.enonce
            check_reference(consumer, built.params)
            check_samples(consumer, built.params)
    assert chained, "aucune variante n'a repris le document de l'étape précédente"


@pytest.mark.parametrize("kind", KINDS)
def test_different_seeds_give_different_exercises(kind, variant):
    assert len({json.dumps(variant(kind, seed, 2).params) for seed in range(10)}) == 10


@pytest.mark.parametrize("kind", KINDS)
def test_an_empty_answer_grades_no_field_and_scores_zero(kind, variant):
    params = variant(kind, 0, 2).params
    grade = get_kind(kind).grade(params, {})
    assert grade.champs == [] and grade.score == 0


# --- the form and the grader cannot drift ---------------------------------------------------


@pytest.mark.parametrize(("kind", "niveau", "seed"), CASES)
def test_the_form_filled_from_solve_posts_an_answer_that_scores_one(
    kind, niveau, seed, variant, form_values
):
    module = get_kind(kind)
    params = variant(kind, seed, niveau).params
    posted = form_values(kind, params, niveau, AnswerForm.from_answer(module.solve(params)))
    answer = unflatten(posted)
    grade = module.grade(params, answer)
    assert grade.score == 1, grade.to_json()
    # Shown again with its verdicts (as after a submission), the form posts the same values.
    assert form_values(kind, params, niveau, AnswerForm.from_answer(answer, grade)) == posted


@pytest.mark.parametrize("niveau", NIVEAUX)
@pytest.mark.parametrize("kind", KINDS)
def test_the_empty_form_is_gradable_and_scores_zero(kind, niveau, variant, form_values):
    params = variant(kind, 0, niveau).params
    answer = unflatten(form_values(kind, params, niveau, AnswerForm()))
    assert get_kind(kind).grade(params, answer).score == 0


# --- the command line -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_generate_prints_the_variant(kind, run_cli, variant):
    run = run_cli(["generate", kind, "--seed", "5", "--niveau", "3"])
    assert run.code == 0 and run.err == ""
    document = json.loads(run.out)
    options = ["options"] if get_kind(kind).OPTIONS else []  # a kind with options names them
    assert list(document) == ["kind", "seed", "niveau", "params", "enonce", *options]
    assert run.out == dumps(variant(kind, 5, 3).to_json()) + "\n"
    assert json.loads(run_cli(["generate", kind, "--seed", "5"]).out)["niveau"] == 2


@pytest.mark.parametrize("kind", KINDS)
def test_solve_reads_the_params_from_stdin_or_a_file(kind, run_cli, variant, tmp_path):
    params = variant(kind, 5, 2).params
    from_stdin = run_cli(["solve", kind], stdin=json.dumps(params))
    assert from_stdin.code == 0 and from_stdin.err == ""
    assert from_stdin.out == dumps(get_kind(kind).solve(params)) + "\n"
    path = tmp_path / "params.json"
    path.write_text(json.dumps(params), "utf-8")
    assert run_cli(["solve", kind, "--params", str(path)]).out == from_stdin.out


@pytest.mark.parametrize("kind", KINDS)
def test_grade_prints_the_grading_json(kind, run_cli, variant, tmp_path):
    module = get_kind(kind)
    params = variant(kind, 5, 3).params
    (tmp_path / "params.json").write_text(json.dumps(params), "utf-8")
    base = ["grade", kind, "--params", str(tmp_path / "params.json"), "--answer"]
    for sample in module.sample_answers(params):
        (tmp_path / "answer.json").write_text(json.dumps(sample.answer), "utf-8")
        run = run_cli([*base, str(tmp_path / "answer.json")])
        assert run.code == 0 and run.err == ""
        document = json.loads(run.out)
        assert_grading_json(document, kind)
        assert run.out == dumps(module.grade(params, sample.answer).to_json()) + "\n"
        assert (document["score"] == "1.0000") == sample.correct, sample.label


def bad_inputs(kind: str, good_params: str, directory) -> dict[str, tuple[list[str], str, str]]:
    """Each way a user can get the command wrong: (argv, stdin, words the message must hold)."""
    files = {"params": good_params, "empty": "{}", "list": "[1, 2]", "broken": "{pas du json"}
    for name, text in files.items():
        (directory / f"{name}.json").write_text(text, "utf-8")
    params, empty = str(directory / "params.json"), str(directory / "empty.json")
    absent = str(directory / "absent.json")

    def answer(name: str) -> list[str]:
        return ["grade", kind, "--params", params, "--answer", name]

    return {
        "negative seed": (["generate", kind, "--seed", "-1"], "", "seed"),
        "seed not a number": (["generate", kind, "--seed", "douze"], "", "seed"),
        "no seed": (["generate", kind], "", "seed"),
        "level 4": (["generate", kind, "--seed", "1", "--niveau", "4"], "", "niveau"),
        "unknown kind": (["generate", "devis_magique", "--seed", "1"], "", "devis_magique"),
        "malformed params": (["solve", kind], "{pas du json", "JSON invalide"),
        "params not an object": (["solve", kind], "[1, 2]", "objet JSON"),
        "params missing everything": (["solve", kind], "{}", ""),
        "absent params file": (["solve", kind, "--params", absent], "", "illisible"),
        "grade with bad params": (["grade", kind, "--params", empty, "--answer", empty], "", ""),
        "malformed answer": (answer(str(directory / "broken.json")), "", "JSON invalide"),
        "answer not an object": (answer(str(directory / "list.json")), "", "objet JSON"),
        "absent answer file": (answer(absent), "", "illisible"),
    }


@pytest.mark.parametrize("kind", KINDS)
def test_bad_input_prints_one_french_line_and_exits_2(kind, run_cli, variant, tmp_path):
    good = json.dumps(variant(kind, 5, 2).params)
    for case, (argv, stdin, words) in bad_inputs(kind, good, tmp_path).items():
        run = run_cli(argv, stdin=stdin)
        assert run.code == 2 and run.out == "", case
        assert len(run.err.splitlines()) == 1 and run.err.startswith("agora : "), (case, run.err)
        assert words in run.err, (case, run.err)


GENERATE_ALL = """
import sys
from agora.cli import main
for kind in sys.argv[1:]:
    main(["generate", kind, "--seed", "13", "--niveau", "3"])
    print("\\x00")
"""


def generated_under(hash_seed: str) -> list[str]:
    """`agora generate` of every kind in a fresh interpreter with this PYTHONHASHSEED."""
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run(
        [sys.executable, "-c", GENERATE_ALL, *KINDS],
        env=env,
        capture_output=True,
        check=True,
        text=True,
        encoding="utf-8",
    )
    return done.stdout.split("\x00\n")[: len(KINDS)]


@pytest.fixture(scope="module")
def outputs_by_hash_seed() -> tuple[list[str], list[str]]:
    return generated_under("0"), generated_under("2026")


@pytest.mark.parametrize("index", range(len(KINDS)), ids=list(KINDS))
def test_generate_is_byte_identical_whatever_the_hash_seed(index, outputs_by_hash_seed, variant):
    first, second = (outputs[index] for outputs in outputs_by_hash_seed)
    kind = list(KINDS)[index]
    assert first == second
    assert first == dumps(variant(kind, 13, 3).to_json()) + "\n"
