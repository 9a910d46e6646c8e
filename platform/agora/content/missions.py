"""Missions (scenarios/missions/*.md): Markdown stories with YAML front matter, validated.

A mission chains steps in the student's organisation: exercise steps (a registered kind at a
level, with the options it accepts) and prose steps (« redaction », graded by the teacher with
the mission's rubric). Cross-references are checked at load: each kind is registered with the
options chosen, each competency code exists, and a step taking its input from an earlier one
(``depuis``) names an earlier exercise whose kind produces what this one consumes.

A text tells its story per sector family where the words differ (a bookshop « livre » its
books, a water utility bills a consumption): a block opened by « ::: biens » (or several
families, « ::: services association ») on its own line and closed by « ::: ». Text outside
the blocks is everyone's. A mission may be given to any organisation, so at load every text
with blocks must have one for each family of the known sectors, and each exercise step's kind
must tell a story for each of them.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from agora import SCENARIOS_DIR
from agora.content.loading import describe
from agora.content.remediation import is_remediation, remediation_mission
from agora.content.secteurs import FAMILLES, familles_presentes, load_secteur, load_secteurs
from agora.errors import ContentError, InvalidInput, UnknownCode
from agora.exercise.registry import KINDS
from agora.francais import prepose

MISSIONS_DIR = SCENARIOS_DIR / "missions"

# Words a mission text may write in braces ({organisation}); replaced by the student's own.
PLACEHOLDERS = ("organisation", "ville", "dirigeant", "fonction", "relation")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# The same in generic words, where no student's organisation is known (the teacher choosing a
# mission reads « L'organisation ouvre ses portes… », « Un client mécontent… »).
GENERIQUES = {
    "organisation": "l'organisation",
    "ville": "la ville",
    "dirigeant": "le dirigeant",
    "fonction": "direction",
    "relation": "client",
}
_DEBUT_PHRASE = re.compile(r"(?:\A|[.!?…]\s+)\Z")
# « de {organisation} », « à **{ville}** »: the small word follows the name (agora.francais).
_PREPOSE = re.compile(r"(?<![\w'’-])([Dd]e|[Àà]) (\*\*)?\{([a-z_]+)\}")
# « ::: biens » … « ::: »: the story of some sector families (see the module's docstring).
_BLOC = re.compile(r"^::: *([a-z_][a-z_ ]*?) *\n(.*?)^::: *(?:\n|\Z)", re.M | re.S)
_MARQUE = re.compile(r"^:::.*$", re.M)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ExerciseStep(_Strict):
    """A step graded automatically by an exercise kind."""

    type: Literal["exercice"] = "exercice"
    kind: str
    niveau: int = Field(ge=1, le=3)
    points: int = Field(ge=1)
    titre: str
    contexte: str = ""  # Markdown telling where this step sits in the story
    options: dict[str, str] = {}  # the kind's options this mission chooses (others: defaults)
    depuis: int | None = Field(default=None, ge=1)  # the step number whose document it takes


class Critere(_Strict):
    """One line of a prose step's grading rubric.

    ``competences``: the codes this criterion proves (evidence is recorded per criterion);
    empty = the step's own competences.
    """

    critere: str
    points: int = Field(ge=1)
    description: str
    competences: list[str] = []


# The shape of a written answer: a plain text, or the parts of the real document.
FORMATS_REDACTION = (
    "texte",
    "courriel",
    "lettre",
    "note",
    "compte_rendu",
    "publication",
    "affiche",
)


class Fait(_Strict):
    """A fact of the situation the written answer must state (pre-checks look for it):
    an amount (« 1250.00 »: found as « 1 250,00 € »), a date (2026-03-15: « 15/03/2026 » or
    « 15 mars 2026 »), a reference or a name (placeholders allowed: « {dirigeant} »)."""

    nature: Literal["montant", "date", "reference", "nom"]
    valeur: str
    libelle: str = ""


class Longueur(_Strict):
    """Words expected in the main text of a written answer."""

    min: int | None = Field(default=None, ge=1)
    max: int | None = Field(default=None, ge=1)


class ProseStep(_Strict):
    """A written answer (e-mail, note, letter) graded by the teacher with a rubric.

    ``support`` (publication): « reseau_social » or « page_web » (which adds the LCEN mentions);
    ``faits``, ``longueur``: what the automatic pre-checks look for; ``prechecks_eleve``: the
    student sees them too; ``depuis``: the earlier step whose document's facts must appear."""

    type: Literal["redaction"]
    titre: str
    consigne: str  # Markdown
    format: Literal[FORMATS_REDACTION] = "texte"  # type: ignore[valid-type]
    points: int = Field(ge=1)
    competences: list[str] = Field(min_length=1)
    rubrique: list[Critere] = Field(min_length=1)
    contexte: str = ""
    support: Literal["reseau_social", "page_web"] | None = None
    faits: list[Fait] = []
    longueur: Longueur | None = None
    prechecks_eleve: bool = False
    depuis: int | None = Field(default=None, ge=1)
    pieces_jointes: list[str] = []  # documents of the situation an e-mail may attach

    @model_validator(mode="after")
    def _rubric_total(self) -> ProseStep:
        total = sum(c.points for c in self.rubrique)
        if total != self.points:
            raise ValueError(
                f"la rubrique totalise {_points(total)} au lieu de {_points(self.points)}"
            )
        return self


Step = Annotated[ExerciseStep | ProseStep, Field(discriminator="type")]


class Mission(_Strict):
    """A mission: front matter fields, plus its slug (file name) and story (Markdown body)."""

    slug: str
    titre: str
    niveau: int = Field(ge=1, le=3)
    duree_minutes: int = Field(ge=5)
    competences: list[str] = Field(min_length=1)
    resume: str
    etapes: list[Step] = Field(min_length=1)
    histoire: str

    @model_validator(mode="before")
    @classmethod
    def _default_step_type(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("etapes"), list):
            data = dict(data)
            data["etapes"] = [
                {"type": "exercice", **step}
                if isinstance(step, dict) and "type" not in step
                else step
                for step in data["etapes"]
            ]
        return data

    @property
    def points(self) -> int:
        return sum(step.points for step in self.etapes)

    @property
    def resume_generique(self) -> str:
        """The summary as a teacher reads it, before any student's organisation."""
        return generique(self.resume)

    def etape(self, index: int) -> ExerciseStep | ProseStep:
        """The step at this index; UnknownCode when the mission has no such step."""
        if not 0 <= index < len(self.etapes):
            raise UnknownCode(f"La mission « {self.titre} » n'a pas d'étape n° {index + 1}.")
        return self.etapes[index]


def split_front_matter(path: Path | str, text: str) -> tuple[dict[str, Any], str]:
    """(front matter dict, Markdown body) of a file starting with a '---' YAML block."""
    if not text.startswith("---\n"):
        raise ContentError(f"{path} : le fichier doit commencer par un bloc « --- » (YAML).")
    head, sep, body = text[4:].partition("\n---\n")
    if not sep:
        raise ContentError(f"{path} : le bloc YAML d'en-tête n'est pas fermé par « --- ».")
    try:
        data = yaml.safe_load(head)
    except yaml.YAMLError as error:
        raise ContentError(f"{path} : en-tête YAML invalide ({error})") from error
    if not isinstance(data, dict):
        raise ContentError(f"{path} : l'en-tête YAML doit être un objet (clé : valeur).")
    return data, body.strip()


def load_mission(path: Path) -> Mission:
    """One mission file, validated and cross-checked; ContentError naming file and field."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ContentError(f"{path} : fichier illisible ({error.strerror})") from error
    return mission_from_text(text, path.stem, path)


def mission_from_text(text: str, slug: str, source: Path | str) -> Mission:
    """A mission from the text of its file (front matter + story), validated and cross-checked
    exactly as a file of scenarios/missions/; ContentError naming ``source`` and the field."""
    data, body = split_front_matter(source, text)
    try:
        mission = Mission.model_validate({**data, "slug": slug, "histoire": body})
    except ValidationError as error:
        raise ContentError(f"{source} : {describe(error)}") from error
    _check_references(source, mission)
    _check_placeholders(source, mission)
    _check_stories(source, mission)
    return mission


def _texts(mission: Mission) -> list[tuple[str, str]]:
    texts = [("(histoire)", mission.histoire)]
    for index, step in enumerate(mission.etapes):
        texts.append((f"etapes.{index}.contexte", step.contexte))
        if isinstance(step, ProseStep):
            texts.append((f"etapes.{index}.consigne", step.consigne))
            texts += [(f"etapes.{index}.faits", fait.valeur) for fait in step.faits]
            texts += [(f"etapes.{index}.pieces_jointes", piece) for piece in step.pieces_jointes]
    return texts


def _check_placeholders(path: Path | str, mission: Mission) -> None:
    for where, text in _texts(mission):
        for name in _PLACEHOLDER.findall(text):
            if name not in PLACEHOLDERS:
                raise ContentError(
                    f"{path} : à « {where} » : {{{name}}} inconnu "
                    f"(possibles : {', '.join('{' + p + '}' for p in PLACEHOLDERS)})"
                )


def raconte(text: str, famille: str) -> str:
    """The text as an organisation of ``famille`` reads it: its family's blocks kept (without
    their markers), the other families' left out, the text outside blocks as it is."""
    return _BLOC.sub(lambda m: m.group(2) if famille in m.group(1).split() else "", text)


def _check_stories(path: Path | str, mission: Mission) -> None:
    """Every organisation a mission may be given to reads a story of its own family: each text
    with family blocks has one for each family of the known sectors, each kind tells them."""
    familles = familles_presentes()
    for where, text in _texts(mission):
        blocs = _BLOC.findall(text)
        if len(_MARQUE.findall(text)) != 2 * len(blocs):
            raise ContentError(
                f"{path} : à « {where} » : un bloc « ::: famille » n'est pas fermé par une "
                "ligne « ::: » (ou une ligne « ::: » n'ouvre ni ne ferme de bloc)."
            )
        if not blocs:
            continue
        vues: list[str] = []
        for noms, _ in blocs:
            for nom in noms.split():
                if nom not in FAMILLES:
                    raise ContentError(
                        f"{path} : à « {where} » : famille inconnue « {nom} » "
                        f"(familles : {', '.join(FAMILLES)})."
                    )
                if nom in vues:
                    raise ContentError(
                        f"{path} : à « {where} » : deux histoires pour la famille « {nom} »."
                    )
                vues.append(nom)
        for famille in familles:
            if famille not in vues:
                raise ContentError(
                    f"{path} : à « {where} » : pas d'histoire pour {_famille(famille)} ; "
                    f"ajoutez un bloc « ::: {famille} » (la mission peut lui être donnée)."
                )
    for index, step in enumerate(mission.etapes):
        if isinstance(step, ExerciseStep):
            manquantes = [f for f in familles if f not in KINDS[step.kind].FAMILLES]
            if manquantes:
                raise ContentError(
                    f"{path} : à « etapes.{index}.kind » : l'exercice « {step.kind} » n'a pas "
                    f"d'histoire pour {_famille(manquantes[0])}, et la mission peut être "
                    "donnée à ses organisations."
                )


def _points(n: int) -> str:
    """« 1 point », « 5 points »."""
    return f"{n} point{'s' if n > 1 else ''}"


def _famille(famille: str) -> str:
    """« la famille « service public » (secteurs : regie_eau) », for a refusal message."""
    secteurs = sorted(s.code for s in load_secteurs().values() if s.famille == famille)
    return f"la famille « {FAMILLES[famille]} » (secteurs : {', '.join(secteurs)})"


def generique(text: str) -> str:
    """A mission text with no organisation yet: each {placeholder} in generic words (GENERIQUES),
    with a capital at the start of a sentence; never a brace left."""

    def mot(match: re.Match) -> str:
        words = GENERIQUES.get(match.group(1), match.group(1).replace("_", " "))
        if _DEBUT_PHRASE.search(text, 0, match.start()):
            return words[:1].upper() + words[1:]
        return words

    return _PLACEHOLDER.sub(mot, text)


def personalise(text: str, company: Any) -> str:
    """A mission text as the student's organisation reads it: the story of its sector's family,
    {organisation}, {ville}… replaced by its own."""
    text = raconte(text, load_secteur(company.secteur).famille)
    values = {
        "organisation": company.raison_sociale,
        "ville": company.adresse.ville,
        "dirigeant": company.dirigeant,
        "fonction": company.dirigeant_fonction.lower(),
        "relation": company.relation,
    }
    text = _PREPOSE.sub(lambda m: _prepose(m, values), text)
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def _prepose(match: re.Match[str], values: dict[str, str]) -> str:
    """« de {organisation} » as the name takes it: « d'Eau de Saint-Denis », « du Bistrot… »,
    « à {ville} » → « au Mans »; « de **{organisation}** » keeps the small word out of the bold."""
    petit_mot, gras, name = match.groups()
    if name not in values:
        return match.group(0)
    mot, reste = prepose(petit_mot.lower(), values[name])
    if petit_mot[0].isupper():
        mot = mot[0].upper() + mot[1:]
    return f"{mot}{gras or ''}{reste}"


def _check_references(path: Path | str, mission: Mission) -> None:
    from agora.referentiel import load_referentiel

    referentiel = load_referentiel()
    codes = [("competences", code) for code in mission.competences]
    for index, step in enumerate(mission.etapes):
        if isinstance(step, ExerciseStep):
            _check_kind(path, index, step)
            _check_source(path, mission, index, step)
        if isinstance(step, ProseStep):
            _check_prose_source(path, mission, index, step)
            codes += [(f"etapes.{index}.competences", code) for code in step.competences]
            codes += [
                (f"etapes.{index}.rubrique.{line}.competences", code)
                for line, critere in enumerate(step.rubrique)
                for code in critere.competences
            ]
    for where, code in codes:
        try:
            referentiel.competence(code)
        except UnknownCode as error:
            raise ContentError(f"{path} : à « {where} » : {error}") from error
    _check_proven(path, mission)


def _check_proven(path: Path | str, mission: Mission) -> None:
    """The mission announces only competencies one of its steps assesses (a kind's fields or a
    prose step's rubric): a teacher reads that list as what the mission proves."""
    proven = set()
    for step in mission.etapes:
        proven |= set(KINDS[step.kind].COMPETENCES if isinstance(step, ExerciseStep) else ())
        proven |= set(step.competences if isinstance(step, ProseStep) else ())
    for code in mission.competences:
        if code not in proven:
            raise ContentError(
                f"{path} : à « competences » : aucune étape n'évalue la compétence {code} "
                f"(évaluées : {', '.join(sorted(proven)) or 'aucune'})."
            )


def _check_kind(path: Path | str, index: int, step: ExerciseStep) -> None:
    """The kind is registered and accepts the options the step chooses."""
    if step.kind not in KINDS:
        raise ContentError(
            f"{path} : à « etapes.{index}.kind » : type d'exercice inconnu « {step.kind} » "
            f"(types connus : {', '.join(KINDS)})"
        )
    try:
        KINDS[step.kind].choose_options(step.options)
    except InvalidInput as error:
        raise ContentError(f"{path} : à « etapes.{index}.options » : {error}") from error


def _check_source(path: Path | str, mission: Mission, index: int, step: ExerciseStep) -> None:
    """A step chained to an earlier one (``depuis``, a step number) can take its document."""
    if step.depuis is None:
        return
    where = f"{path} : à « etapes.{index}.depuis »"
    if step.depuis > index:
        raise ContentError(
            f"{where} : l'étape n° {step.depuis} ne précède pas l'étape n° {index + 1}."
        )
    source = mission.etapes[step.depuis - 1]
    produit = KINDS[source.kind].PRODUIT if isinstance(source, ExerciseStep) else None
    consomme = KINDS[step.kind].CONSOMME
    if produit is None or produit not in consomme:
        attendu = ", ".join(consomme) or "rien"
        raise ContentError(
            f"{where} : l'étape n° {step.depuis} ne produit pas un document que « {step.kind} » "
            f"peut reprendre (produit : {produit or 'aucun document'} ; attendu : {attendu})."
        )


def _check_prose_source(path: Path, mission: Mission, index: int, step: ProseStep) -> None:
    """A written step taking its facts from an earlier step names one making a document."""
    if step.depuis is None:
        return
    source = mission.etapes[step.depuis - 1] if step.depuis <= index else None
    if not isinstance(source, ExerciseStep) or KINDS[source.kind].piece_commerciale is None:
        raise ContentError(
            f"{path} : à « etapes.{index}.depuis » : l'étape n° {step.depuis} ne précède pas "
            f"celle-ci ou ne produit pas de document (facture, devis, avoir)."
        )


@cache
def load_missions(directory: Path = MISSIONS_DIR) -> dict[str, Mission]:
    """Every mission, by slug (file order); ContentError at the first malformed file."""
    missions = {path.stem: load_mission(path) for path in sorted(directory.glob("*.md"))}
    if not missions:
        raise ContentError(f"{directory} : aucune mission")
    return missions


def get_mission(slug: str) -> Mission:
    """One mission by slug; UnknownCode (French) when there is none."""
    missions = load_missions()
    if slug not in missions and is_remediation(slug):
        return remediation_mission(slug)  # built in code, not listed among the missions
    if slug not in missions:
        raise UnknownCode(f"Mission inconnue : « {slug} ».")
    return missions[slug]


def variant_seed(org_seed: int, slug: str, step_index: int, essai: int = 0) -> int:
    """The seed of one student's variant of one step: stable, and different per step and per
    try (``essai`` 0 is the first try, whose seed predates per-try variants)."""
    key = f"{org_seed}:{slug}:{step_index}" + (f":{essai}" if essai else "")
    digest = hashlib.sha256(key.encode()).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF


NIVEAUX = {1: "guidé", 2: "standard", 3: "autonome"}


def at_level(mission: Mission, niveau: int | None) -> Mission:
    """The mission as given at ``niveau`` (the teacher's choice when assigning it): each
    exercise step moves by the gap to the mission's own level, within 1 to 3, so the steps keep
    their progression; None or the mission's own level: the mission as written."""
    if niveau is None or niveau == mission.niveau:
        return mission
    gap = niveau - mission.niveau
    etapes = [
        e.model_copy(update={"niveau": min(3, max(1, e.niveau + gap))})
        if isinstance(e, ExerciseStep)
        else e
        for e in mission.etapes
    ]
    return mission.model_copy(update={"niveau": niveau, "etapes": etapes})
