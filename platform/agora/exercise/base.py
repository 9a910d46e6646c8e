"""The shared vocabulary of exercise kinds: Variant, Grade, FormatErrors and ExerciseKind.

Every kind is a package (``agora.exercise.kinds.<name>``) whose ``KIND`` is an ExerciseKind:
its name, French title, competencies, answer schema and lifecycle functions, plus the options
a mission may choose and the documents it produces or consumes (chaining). Grading is pure, so
any stored raw answer can be re-graded at any time.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache, partial
from itertools import pairwise
from typing import TYPE_CHECKING, Any, NamedTuple

from agora.content.secteurs import FAMILLES
from agora.errors import InvalidInput

if TYPE_CHECKING:  # both read the vocabulary of this module
    from agora.exercise.answer_names import AnswerSchema
    from agora.exercise.reading import Lecture

NIVEAUX = (1, 2, 3)


@dataclass(frozen=True)
class Variant:
    """One generated exercise: contract params plus the French Markdown statement."""

    kind: str
    seed: int
    niveau: int
    params: dict[str, Any]
    enonce: str
    # The options the variant was made with (every option of its kind); part of its identity.
    options: Mapping[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        document = {
            "kind": self.kind,
            "seed": self.seed,
            "niveau": self.niveau,
            "params": self.params,
            "enonce": self.enonce,
        }
        if self.options:  # a kind without options keeps the contract JSON it always had
            document["options"] = dict(self.options)
        return document


class ChampResult(NamedTuple):
    """The verdict on one answer field (``champ`` is a dotted path such as ``tva.0.montant``).

    A named tuple, not a frozen dataclass: a payslip grade builds about 70 of them, and a
    frozen dataclass's __init__ was the largest single cost of grading (issue 4's 5 000/s).
    """

    champ: str
    attendu: str | None
    recu: Any
    correct: bool
    message: str

    def to_json(self) -> dict[str, Any]:
        return {
            "champ": self.champ,
            "attendu": self.attendu,
            "recu": self.recu,
            "correct": self.correct,
            "message": self.message,
        }


# A ChampResult made from its five values in order, as one tuple: the named tuple's own
# __new__ is a Python function (a third dearer), and graders make one verdict per field.
champ_result = partial(tuple.__new__, ChampResult)


@dataclass(frozen=True)
class Diagnostic:
    """A recognised misconception or rule violation; ``details`` adds kind-specific keys."""

    code: str
    message: str
    details: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, **self.details, "message": self.message}


@dataclass(frozen=True)
class Grade:
    """The grading of one answer, serialisable to the public grading JSON."""

    kind: str
    score: Decimal
    champs: list[ChampResult]
    diagnostics: list[Diagnostic]
    competences: list[tuple[str, Decimal]]

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "score": str(self.score),
            "champs": [c.to_json() for c in self.champs],
            "diagnostics": [d.to_json() for d in self.diagnostics],
            "competences": [{"code": code, "score": str(s)} for code, s in self.competences],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Grade:
        """The Grade stored as JSON (``to_json``) as objects again, e.g. for a form's verdicts."""
        return cls(
            kind=data["kind"],
            score=Decimal(data["score"]),
            champs=[ChampResult(**c) for c in data.get("champs", [])],
            diagnostics=[
                Diagnostic(
                    d["code"],
                    d["message"],
                    {k: v for k, v in d.items() if k not in {"code", "message"}},
                )
                for d in data.get("diagnostics", [])
            ],
            competences=[(c["code"], Decimal(c["score"])) for c in data.get("competences", [])],
        )


class FormatErrors(InvalidInput):
    """An answer that cannot be read: a French message per field. Not a wrong answer."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        first = next(iter(errors.items()), ("réponse", "réponse illisible"))
        super().__init__(f"{first[0]} : {first[1]}")


class EmptyAnswer(FormatErrors):
    """An answer with no field filled in (a form sent untouched): nothing to grade."""

    def __init__(self) -> None:
        super().__init__({})
        self.args = (
            "Vous n'avez rempli aucun champ : remplissez au moins un champ avant d'envoyer.",
        )


@dataclass(frozen=True)
class SampleAnswer:
    """A typical answer for tests and demos: what it is, and what grading should find."""

    label: str
    answer: dict[str, Any]
    correct: bool
    expected_diagnostics: tuple[str, ...] = ()
    invalid: bool = False


@dataclass(frozen=True)
class KindOption:
    """A choice a mission may make for a kind's variants (stock valuation CMUP or FIFO…)."""

    libelle: str  # French, for the teacher: « Méthode de valorisation des stocks »
    valeurs: Mapping[str, str]  # each allowed value and its French label
    defaut: str


# The modules every kind package has, in the order ``ExerciseKind.from_package`` reads them.
KIND_MODULES = ("params", "answer", "generate", "solve", "grade", "samples")
# Where a kind keeps the message of each named wrong method (its ``MESSAGES``), in the order
# ``ExerciseKind.from_package`` looks: a module of their own, else the grade module.
MESSAGE_MODULES = ("messages", "methodes", "grade")

# The callables of a kind, typed once (params, answers and solutions are contract JSON).
Json = dict[str, Any]


@dataclass(frozen=True, eq=False, kw_only=True)
class ExerciseKind:
    """One exercise kind: what it is, its lifecycle functions, and what a mission may set.

    A frozen dataclass each kind package instantiates as ``KIND``, rather than a Protocol that
    modules satisfy: building it fails at import when a kind lacks a function, the optional
    declarations (options, chaining) have defaults in one place, and the registry holds objects
    of one type that every caller and type checker sees. Names of the declarations stay in
    capitals, as when kinds were modules, so existing callers read ``kind.NAME`` unchanged.
    """

    NAME: str  # as in the public contract ("facture"); also the package and form folder name
    TITRE: str  # a French title for pages
    COMPETENCES: tuple[str, ...]  # the référentiel codes the kind proves
    # The generator's version, bumped when a change makes a seed draw other params or another
    # statement (agora.exercise.history): stored exercises keep the version that drew them.
    VERSION: int
    ANSWER_SCHEMA: AnswerSchema  # the answer's fields and their types, checked on save
    check_params: Callable[[Json], Json]  # validated params; InvalidInput (one French line)
    generate: Callable[..., Variant]  # (seed, niveau, organisation, options=None)
    read: Callable[[Json], Lecture]  # the answer read field by field; never raises
    solve: Callable[[Json], Json]  # the reference solution, contract JSON
    grade_read: Callable[[Json, Lecture], Grade]  # pure: no clock, no database, never raises
    sample_answers: Callable[[Json], list[SampleAnswer]]
    OPTIONS: Mapping[str, KindOption] = field(default_factory=dict)
    # What students read for each named method error (diagnostic code -> French message), for
    # the remediation a teacher gives for it; found in MESSAGE_MODULES unless declared.
    MESSAGES: Mapping[str, str] = field(default_factory=dict)
    # Chaining: the document type this kind's solved answer is (an invoice is a "facture"), and
    # the document types it can take from an earlier step (type -> French description).
    PRODUIT: str | None = None
    CONSOMME: Mapping[str, str] = field(default_factory=dict)
    # The sector families (agora.content.secteurs.FAMILLES) whose organisations it tells a story
    # for: a kind drawing its lines from the organisation's own catalogue, staff and bank has one
    # for each; a mission step is refused at load for a family its kind does not tell.
    FAMILLES: tuple[str, ...] = tuple(FAMILLES)
    # A producer's document for a later step: (variant, organisation, the documents the variant
    # was itself built on, or None) -> JSON (generate.document).
    document: Callable[[Variant, Any, Any], Json] | None = None
    # A consumer's variant built on earlier documents: (seed, niveau, organisation, options,
    # {type: document}) -> Variant (generate.reprendre).
    reprendre: Callable[..., Variant] | None = None
    # The student's answer as the real business document (an invoice): (variant, organisation,
    # Lecture) -> agora.documents.commercial.DocumentCommercial.
    piece_commerciale: Callable[..., Any] | None = None
    # The student's answer as the real document when it is not a business one (a filled fiche):
    # (params, organisation, Lecture) -> the context of templates/exercise/<kind>/apercu.html.
    apercu: Callable[..., Any] | None = None
    # The form laid out where its layout needs logic (the planning grid): (params,
    # agora.exercise.forms.AnswerForm) -> what templates/exercise/<kind>/form.html prints.
    formulaire: Callable[..., Any] | None = None

    @classmethod
    def from_package(cls, package: str, **declarations: Any) -> ExerciseKind:
        """The kind of the package ``package`` (a kind's ``__init__`` passes its ``__name__``),
        whose functions are in the modules every kind package has (``KIND_MODULES``): its
        ``__init__`` declares only what is its own.

        The answer module declares ``ANSWER_SCHEMA``, and ``read`` only when the answer has a
        shape the schema's generic reader does not know (pairs, lists written « B5, B6 »…);
        ``MESSAGES`` is read in the first of ``MESSAGE_MODULES`` that declares it."""
        params, answer, generate, solve, grade, samples = (
            importlib.import_module(f"{package}.{module}") for module in KIND_MODULES
        )
        schema = answer.ANSWER_SCHEMA
        declarations.setdefault("MESSAGES", _messages(package))
        return cls(
            NAME=params.NAME,
            ANSWER_SCHEMA=schema,
            check_params=params.check_params,
            generate=generate.generate,
            read=getattr(answer, "read", schema.read),
            solve=solve.solve,
            grade_read=grade.grade,
            sample_answers=samples.sample_answers,
            document=getattr(generate, "document", None),
            reprendre=getattr(generate, "reprendre", None),
            **declarations,
        )

    def parse(self, answer: Json) -> Lecture:
        """The answer read, for grading; FormatErrors (which costs no attempt) if unreadable."""
        return self.read(answer).raise_errors()

    def grade(self, params: Json, answer: Json) -> Grade:
        """The grading of an answer JSON as stored or posted (unreadable fields are wrong)."""
        return self.grade_read(params, self.read(answer))

    def validate_field(self, name: str, value: str) -> str | None:
        """The French format message of one field while it is typed; None when readable."""
        return self.ANSWER_SCHEMA.validate(name, value)

    def choose_options(self, chosen: Mapping[str, Any] | None = None) -> dict[str, str]:
        """Every option of the kind with its value (the mission's choice, else the default);
        InvalidInput with a French message for an unknown option or value."""
        chosen = dict(chosen or {})
        for name, value in chosen.items():
            option = self.OPTIONS.get(name)
            if option is None:
                known = ", ".join(self.OPTIONS) or "aucune"
                raise InvalidInput(
                    f"Option inconnue pour « {self.NAME} » : « {name} » (options : {known})."
                )
            if value not in option.valeurs:
                allowed = ", ".join(option.valeurs)
                raise InvalidInput(
                    f"Valeur « {value} » impossible pour l'option « {name} » de « {self.NAME} » "
                    f"({option.libelle} : {allowed})."
                )
        return {name: chosen.get(name, option.defaut) for name, option in self.OPTIONS.items()}


def _messages(package: str) -> Mapping[str, str]:
    """The ``MESSAGES`` of the kind package ``package``, from the first of its
    ``MESSAGE_MODULES`` that declares them; none when no module does."""
    for module in MESSAGE_MODULES:
        name = f"{package}.{module}"
        if importlib.util.find_spec(name) is None:
            continue
        messages = getattr(importlib.import_module(name), "MESSAGES", None)
        if messages is not None:
            return messages
    return {}


def tirage(nom: str, seed: int, niveau: int, *options: str) -> random.Random:
    """The random stream of one variant, from the kind's name, the seed, the level and the
    options that change the draw; InvalidInput (French) for a level other than 1, 2 or 3."""
    if niveau not in NIVEAUX:
        raise InvalidInput(f"Niveau inconnu : {niveau} (1, 2 ou 3).")
    return random.Random(":".join((nom, str(seed), str(niveau), *options)))


# What a kind's ``generate`` and ``reprendre`` receive besides the seed, level and organisation:
# the options a mission chose, and the documents of earlier steps ({type: document}).
Options = Mapping[str, str] | None
Documents = Mapping[str, dict[str, Any]]


def a_l_etape(document: Mapping[str, Any] | None) -> str:
    """Where the student made an earlier step's document, as a statement says it: « à l'étape
    2 » (its number in the mission, carried by the document), else « dans une étape
    précédente » (the step before may be another one, an e-mail to write)."""
    etape = (document or {}).get("etape")
    if type(etape) is int and etape > 0:
        return f"à l'étape {etape}"
    return "dans une étape précédente"


def variante(
    nom: str,
    seed: int,
    niveau: int,
    organisation: Any,
    tire: Callable[[random.Random, Any, int], dict[str, Any]],
    enonce: Callable[[Any, dict[str, Any], int], str],
) -> Variant:
    """The variant of a kind without options: params drawn by ``tire(rng, organisation,
    niveau)`` from the stream ``tirage`` gives, and the statement ``enonce(organisation,
    params, niveau)``."""
    params = tire(tirage(nom, seed, niveau), organisation, niveau)
    return Variant(nom, seed, niveau, params, enonce(organisation, params, niveau))


def generateur(
    nom: str,
    tire: Callable[[random.Random, Any, int], dict[str, Any]],
    enonce: Callable[[Any, dict[str, Any], int], str],
) -> Callable[..., Variant]:
    """The ``generate`` of a kind without options, whose params and statement are drawn as
    ``variante`` draws them: the kind's generate module names only its own two steps."""

    def generate(seed: int, niveau: int, organisation: Any, options: Options = None) -> Variant:
        return variante(nom, seed, niveau, organisation, tire, enonce)

    return generate


@lru_cache(maxsize=4096)  # every grade scores itself and each competency: the same few ratios
def score_ratio(points: int | Decimal, total: int | Decimal) -> Decimal:
    """A score in [0, 1] as a decimal with 4 places (0 when nothing was gradable)."""
    if not total:
        return _ZERO
    ratio = Decimal(points) / Decimal(total)
    return max(_ZERO, min(_ONE, ratio)).quantize(_FOUR_PLACES, ROUND_HALF_UP)


# Built once: every grade scores its fields and each competency (Decimals are immutable).
_ZERO, _ONE, _FOUR_PLACES = Decimal(0), Decimal(1), Decimal("0.0001")


# Bounds of unflatten, above any kind's answer schema: an index, a depth, and the list rows one
# call may create (holes included), so no stored or posted name can make it allocate much.
UNFLATTEN_MAX_INDEX = 10_000
UNFLATTEN_MAX_DEPTH = 10
UNFLATTEN_MAX_ROWS = 20_000


def unflatten(form: dict[str, Any]) -> dict[str, Any]:
    """Turn flat form names (``groupes.0.net_commercial``) into the nested answer JSON.

    Numeric path parts become list indexes; holes in lists are filled with empty dicts,
    so a form missing a row still yields a gradable answer. Total and bounded: a name that
    clashes with an earlier one (``a`` then ``a.0``), goes too deep, or asks for an index or
    more rows than the bounds allow is left out, never an exception.
    """
    root: dict[str, Any] = {}
    budget = [UNFLATTEN_MAX_ROWS]
    for name, value in form.items():
        parts = str(name).split(".", UNFLATTEN_MAX_DEPTH)
        if len(parts) <= UNFLATTEN_MAX_DEPTH:
            keys = [_key(part) for part in parts]
            if None not in keys:
                _place(root, keys, value, budget)
    return root


def _key(part: str) -> int | str | None:
    """An index for ASCII digits as flatten writes them, the text otherwise; None if too big."""
    if not (part.isascii() and part.isdigit()) or (len(part) > 1 and part[0] == "0"):
        return part  # « ² », « ١٢ », « 01 »: a plain key (int() would fail or alias « 1 »)
    if len(part) > len(str(UNFLATTEN_MAX_INDEX)) or int(part) >= UNFLATTEN_MAX_INDEX:
        return None
    return int(part)


def _place(node: Any, keys: list[Any], value: Any, budget: list[int]) -> None:
    """Put ``value`` at ``keys`` under ``node``; silently nothing when it clashes or over budget."""
    for key, nxt in pairwise(keys):
        node = _child(node, key, [] if isinstance(nxt, int) else {}, budget)
        if node is None:
            return
    last = keys[-1]
    if isinstance(node, dict) and isinstance(last, str) and last not in node:
        node[last] = value
    elif isinstance(node, list) and isinstance(last, int) and _grow(node, last, budget):
        node[last] = value if node[last] == {} else node[last]  # a hole, not a row already given


def _child(node: Any, key: Any, default: list | dict, budget: list[int]) -> Any:
    """The container at ``key`` (created if absent or a hole); None when the shapes clash."""
    if isinstance(node, dict) and isinstance(key, str):
        child = node.setdefault(key, default)
    elif isinstance(node, list) and isinstance(key, int) and _grow(node, key, budget):
        if node[key] == {} and isinstance(default, list):
            node[key] = default  # a hole becomes the list this name needs
        child = node[key]
    else:
        return None
    return child if type(child) is type(default) else None


def _grow(node: list, index: int, budget: list[int]) -> bool:
    """Pad ``node`` with holes up to ``index`` if the row budget allows."""
    missing = index + 1 - len(node)
    if missing > budget[0]:
        return False
    if missing > 0:
        budget[0] -= missing
        node.extend({} for _ in range(missing))
    return True


def dumps(document: Any) -> str:
    """The one JSON style of the CLI: UTF-8, sorted keys off (contract order), two-space indent."""
    return json.dumps(document, ensure_ascii=False, indent=2)
