"""Load referentiel/*.yaml, check it whole, and build the Referentiel the platform reads.

Every problem is a ContentError naming the file, the path inside it and a French reason,
so whoever edits the YAML knows exactly what to fix.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import ValidationError

from agora import REFERENTIEL_DIR
from agora.content.loading import Model, describe, read_yaml
from agora.errors import ContentError
from agora.referentiel.files import ActiviteYaml, BlocYaml, CompetencesFile, PoleFile
from agora.referentiel.model import Activite, Bloc, Competence, Pole, Referentiel

COMPETENCES_FILE = "competences.yaml"
POLE_FILES = "pole-*.yaml"


def load_referentiel(directory: Path = REFERENTIEL_DIR) -> Referentiel:
    """The référentiel of ``directory`` (read once for the project's own folder)."""
    directory = Path(directory)
    if directory.resolve() == REFERENTIEL_DIR.resolve():
        return _project_referentiel()
    return _load(directory)


@cache
def _project_referentiel() -> Referentiel:
    return _load(REFERENTIEL_DIR)


def _load(directory: Path) -> Referentiel:
    competences_path = directory / COMPETENCES_FILE
    definitions = _read(competences_path, CompetencesFile)
    pole_paths = sorted(directory.glob(POLE_FILES))
    if not pole_paths:
        raise ContentError(f"{directory} : aucun fichier {POLE_FILES} (un par pôle).")
    poles = {path: _read(path, PoleFile) for path in pole_paths}
    _check_definitions(competences_path, definitions)
    for path, pole in poles.items():
        _check_pole(path, pole, definitions)
    _check_all_used(competences_path, definitions, poles)
    return _build(definitions, poles)


def _read(path: Path, model: type[Model]) -> Model:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise ContentError(f"{path} : le fichier doit contenir des champs « clé : valeur ».")
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise ContentError(f"{path} : {describe(error)}") from error


def _fail(path: Path, where: str, reason: str) -> ContentError:
    return ContentError(f"{path} : à « {where} » : {reason}")


def _check_definitions(path: Path, definitions: CompetencesFile) -> None:
    """Each competency is defined once."""
    seen: dict[str, int] = {}
    for index, competence in enumerate(definitions.competences):
        if competence.code in seen:
            first = f"competences.{seen[competence.code]}"
            raise _fail(
                path,
                f"competences.{index}.code",
                f"compétence {competence.code} déjà définie (à « {first} »)",
            )
        seen[competence.code] = index


def _check_pole(path: Path, pole: PoleFile, definitions: CompetencesFile) -> None:
    """File name, keywords, activity codes and the competency codes each bloc cites."""
    if path.name != f"pole-{pole.code}.yaml":
        raise _fail(path, "code", f"le pôle {pole.code} doit être dans pole-{pole.code}.yaml")
    if " ".join(pole.mots_cles) != pole.mots_cles_texte:
        raise _fail(
            path,
            "mots_cles",
            "mis bout à bout, les mots-clés ne redonnent pas la ligne « mots_cles_texte »",
        )
    known = {competence.code for competence in definitions.competences}
    activity_codes: set[str] = set()
    for index, activite in enumerate(pole.activites):
        where = f"activites.{index}"
        if not activite.code.startswith(f"{pole.code}."):
            raise _fail(
                path, f"{where}.code", f"l'activité {activite.code} n'est pas du pôle {pole.code}"
            )
        if activite.code in activity_codes:
            raise _fail(path, f"{where}.code", f"activité {activite.code} déjà présente")
        activity_codes.add(activite.code)
        _check_blocs(path, where, activite, known)


def _check_blocs(path: Path, where: str, activite: ActiviteYaml, known: set[str]) -> None:
    titles: set[str] = set()
    for index, bloc in enumerate(activite.blocs):
        here = f"{where}.blocs.{index}"
        if bloc.titre in titles:
            raise _fail(
                path, f"{here}.titre", f"bloc « {bloc.titre} » déjà présent dans l'activité"
            )
        titles.add(bloc.titre)
        for rank, code in enumerate(bloc.competences):
            spot = f"{here}.competences.{rank}"
            if code not in known:
                raise _fail(
                    path, spot, f"compétence {code} inconnue (absente de {COMPETENCES_FILE})"
                )
            if not code.startswith(f"{activite.code}."):
                raise _fail(
                    path, spot, f"la compétence {code} n'est pas de l'activité {activite.code}"
                )
            if code in bloc.competences[:rank]:
                raise _fail(path, spot, f"compétence {code} citée deux fois dans le bloc")


def _check_all_used(path: Path, definitions: CompetencesFile, poles: dict[Path, PoleFile]) -> None:
    """Each competency belongs to an existing activity and at least one bloc lists it."""
    activities = {a.code for pole in poles.values() for a in pole.activites}
    used = {
        code
        for pole in poles.values()
        for activite in pole.activites
        for bloc in activite.blocs
        for code in bloc.competences
    }
    for index, competence in enumerate(definitions.competences):
        activite = competence.code.rsplit(".", 1)[0]
        if activite not in activities:
            raise _fail(
                path, f"competences.{index}.code", f"aucune activité {activite} dans les pôles"
            )
        if competence.code not in used:
            raise _fail(
                path,
                f"competences.{index}",
                f"la compétence {competence.code} n'est citée par aucun bloc",
            )


def _build(definitions: CompetencesFile, files: dict[Path, PoleFile]) -> Referentiel:
    poles = tuple(sorted((_pole(pole) for pole in files.values()), key=lambda p: int(p.code)))
    activities = {activite.code: (pole, activite) for pole in poles for activite in pole.activites}
    competences = []
    for definition in definitions.competences:
        pole, activite = activities[definition.code.rsplit(".", 1)[0]]
        blocs = tuple(bloc for bloc in activite.blocs if definition.code in bloc.competences)
        competences.append(Competence(definition.code, definition.libelle, pole, activite, blocs))
    return Referentiel(poles, tuple(competences))


def _pole(pole: PoleFile) -> Pole:
    activites = tuple(
        Activite(
            activite.code,
            activite.titre,
            pole.code,
            tuple(
                _bloc(pole.code, activite.code, rank, bloc)
                for rank, bloc in enumerate(activite.blocs, 1)
            ),
        )
        for activite in pole.activites
    )
    return Pole(
        pole.code, pole.titre, pole.resume, pole.mots_cles_texte, tuple(pole.mots_cles), activites
    )


def _bloc(pole: str, activite: str, rank: int, bloc: BlocYaml) -> Bloc:
    return Bloc(
        id=f"{activite}-b{rank}",
        titre=bloc.titre,
        pole=pole,
        activite=activite,
        competences=tuple(bloc.competences),
        savoirs_associes=tuple(bloc.savoirs_associes),
        exemples_concrets=tuple(bloc.exemples_concrets),
    )
