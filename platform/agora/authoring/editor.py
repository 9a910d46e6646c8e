"""The mission editor's form <-> the text of a mission file.

The form is read into a draft (the front matter as a dict, plus the story), which the editor's
actions change (add, remove or move a step; add or remove a rubric line) and which becomes the
file text the catalog stores and validates. Validation is the files' own: pydantic's errors
(all of them, each at its field) and then the cross-checks of ``content.missions``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import yaml
from pydantic import ValidationError

from agora.authoring.service import validate
from agora.content.loading import describe_each
from agora.content.missions import FORMATS_REDACTION, Mission, split_front_matter
from agora.errors import InvalidInput
from agora.exercise.registry import KINDS

Draft = dict[str, Any]
MAX_STEPS = 20
MAX_CRITERES = 12
FORMATS_LIBELLES = {
    "texte": "Texte libre",
    "courriel": "Courriel",
    "lettre": "Lettre commerciale",
    "note": "Note de service / d'information",
    "compte_rendu": "Compte rendu",
    "publication": "Publication (réseau social, site)",
    "affiche": "Affiche / flyer",
}
_WHERE = re.compile(r"à « ([^»]+) »")
_LABELS = {
    "titre": "titre",
    "niveau": "niveau",
    "duree_minutes": "durée",
    "resume": "résumé",
    "competences": "compétences",
    "(histoire)": "histoire",
    "(racine)": "mission",
    "etapes": "étapes",
    "kind": "type d'exercice",
    "points": "points",
    "contexte": "contexte",
    "options": "options",
    "depuis": "document repris",
    "format": "forme de l'écrit",
    "consigne": "consigne",
    "critere": "critère",
    "description": "description",
    "rubrique": "grille",
}


def label(where: str) -> str:
    """A field's place as a teacher reads it: « etapes.1.rubrique.0.points » -> « Étape 2,
    critère 1, points »."""
    parts, words = where.split("."), []
    while parts:
        part = parts.pop(0)
        if part in ("etapes", "rubrique") and parts and parts[0].isdigit():
            number = int(parts.pop(0)) + 1
            words.append(f"étape {number}" if part == "etapes" else f"critère {number}")
        else:
            words.append(_LABELS.get(part, part))
    text = ", ".join(words)
    return text[:1].upper() + text[1:]


def blank_draft() -> Draft:
    return {
        "titre": "",
        "niveau": 1,
        "duree_minutes": 30,
        "resume": "",
        "competences": [],
        "etapes": [exercise_step()],
        "histoire": "",
    }


def exercise_step() -> dict[str, Any]:
    return {"kind": next(iter(KINDS)), "niveau": 1, "points": 10, "titre": ""}


def prose_step() -> dict[str, Any]:
    return {
        "type": "redaction",
        "format": "courriel",
        "titre": "",
        "competences": [],
        "consigne": "",
        "rubrique": [{"critere": "", "points": 4, "description": ""}],
    }


def draft_from_text(texte: str) -> Draft:
    """The draft of a stored (valid) text, for the form."""
    data, body = split_front_matter("mission", texte)
    return {**data, "histoire": body}


# ----------------------------------------------------------------------------- form


def _int(value: str | None) -> int | str:
    text = (value or "").strip()
    return int(text) if text.isdigit() and len(text) < 7 else text


def draft_from_form(form: Any) -> Draft:
    """The draft a posted editor form describes (``form``: FormData, ``getlist`` for boxes)."""
    get = lambda name: str(form.get(name) or "")  # noqa: E731
    steps = []
    numbers = sorted({int(k.split("-")[1]) for k in form if re.fullmatch(r"e-\d{1,4}-type", k)})
    for n in numbers[:MAX_STEPS]:
        p = f"e-{n}-"
        if get(p + "type") == "redaction":
            rubrique = []
            rows = {int(k.split("-")[3]) for k in form if re.fullmatch(p + r"r-\d{1,4}-critere", k)}
            for m in sorted(rows)[:MAX_CRITERES]:
                r = f"{p}r-{m}-"
                line = {
                    "critere": get(r + "critere").strip(),
                    "points": _int(get(r + "points")),
                    "description": get(r + "description").strip(),
                }
                if codes := _codes(form, r + "competences"):
                    line["competences"] = codes
                rubrique.append(line)
            step: dict[str, Any] = {
                "type": "redaction",
                "format": get(p + "format") or "texte",
                "titre": get(p + "titre").strip(),
                "competences": _codes(form, p + "competences"),
                "consigne": _text(get(p + "consigne")),
                "rubrique": rubrique,
            }
        else:
            kind = get(p + "kind")
            step = {
                "kind": kind,
                "niveau": _int(get(p + "niveau")),
                "points": _int(get(p + "points")),
            }
            step["titre"] = get(p + "titre").strip()
            declared = KINDS[kind].OPTIONS if kind in KINDS else {}
            options = {
                name: get(f"{p}opt-{name}")
                for name, option in declared.items()
                if get(f"{p}opt-{name}") and get(f"{p}opt-{name}") != option.defaut
            }
            if options:
                step["options"] = options
            if get(p + "depuis"):
                step["depuis"] = _int(get(p + "depuis"))
        if contexte := _text(get(p + "contexte")):
            step["contexte"] = contexte
        steps.append(step)
    return {
        "titre": get("titre").strip(),
        "niveau": _int(get("niveau")),
        "duree_minutes": _int(get("duree_minutes")),
        "resume": get("resume").strip(),
        "competences": _codes(form, "competences"),
        "etapes": steps,
        "histoire": _text(get("histoire")),
    }


def _codes(form: Any, name: str) -> list[str]:
    return [c for c in form.getlist(name) if isinstance(c, str) and c.strip()]


def _text(value: str) -> str:
    return value.replace("\r\n", "\n").strip()


def apply(draft: Draft, action: str) -> Draft:
    """The draft after one editor action; an unknown action changes nothing."""
    steps: list[dict[str, Any]] = list(draft["etapes"])
    order = list(range(len(steps)))
    parts = action.split("-")
    verb, args = parts[0], [int(p) for p in parts[1:] if p.isdigit()]
    if verb == "exercice" and len(steps) < MAX_STEPS:
        steps.append(exercise_step())
        order.append(-1)
    elif verb == "redaction" and len(steps) < MAX_STEPS:
        steps.append(prose_step())
        order.append(-1)
    elif verb == "supprimer" and args and args[0] < len(steps) and len(steps) > 1:
        del steps[args[0]], order[args[0]]
    elif verb in ("monter", "descendre") and args and args[0] < len(steps):
        i = args[0]
        j = i - 1 if verb == "monter" else i + 1
        if 0 <= j < len(steps):
            steps[i], steps[j] = steps[j], steps[i]
            order[i], order[j] = order[j], order[i]
    elif verb == "critere" and args and args[0] < len(steps):
        rows = steps[args[0]].get("rubrique", [])
        if len(rows) < MAX_CRITERES:
            rows = [*rows, {"critere": "", "points": 1, "description": ""}]
            steps[args[0]] = {**steps[args[0]], "rubrique": rows}
    elif verb == "retirer" and len(args) == 2 and args[0] < len(steps):
        rows = list(steps[args[0]].get("rubrique", []))
        if len(rows) > 1 and args[1] < len(rows):
            del rows[args[1]]
            steps[args[0]] = {**steps[args[0]], "rubrique": rows}
    return {**draft, "etapes": _renumber(steps, order)}


def _renumber(steps: list[dict[str, Any]], order: list[int]) -> list[dict[str, Any]]:
    """``depuis`` follows the step it named (old number -> new), dropped if it was removed."""
    new_number = {old + 1: new + 1 for new, old in enumerate(order) if old >= 0}
    renumbered = []
    for step in steps:
        if isinstance(step.get("depuis"), int):
            step = dict(step)
            if step["depuis"] in new_number:
                step["depuis"] = new_number[step["depuis"]]
            else:
                del step["depuis"]
        renumbered.append(step)
    return renumbered


# ----------------------------------------------------------------------------- text


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def text_from_draft(draft: Draft) -> str:
    """The mission file text (YAML front matter, then the story) of a draft."""
    front: dict[str, Any] = {}
    for key, value in draft.items():
        if key == "histoire":
            continue
        if key == "etapes":
            value = [_step_front(step) for step in value]
        front[key] = value
    head = yaml.dump(front, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{head}---\n{draft.get('histoire', '').strip()}\n"


def _step_front(step: Mapping[str, Any]) -> dict[str, Any]:
    if step.get("type") != "redaction":
        return dict(step)
    front = dict(step)
    # A writing step's points are its rubric's total (the form has no separate field).
    if "points" not in front:
        total = sum(r["points"] for r in step.get("rubrique", []) if isinstance(r["points"], int))
        front = (
            {k: front[k] for k in ("type", "format", "titre")}
            | {"points": total}
            | {k: v for k, v in front.items() if k not in ("type", "format", "titre")}
        )
    return front


def _empty_fields(draft: Draft) -> dict[str, str]:
    """The texts a student needs that the form left empty (a file may not omit them either:
    an empty title is valid YAML but an unusable mission)."""
    empty = "à remplir"
    required = [("titre", draft.get("titre")), ("resume", draft.get("resume"))]
    for i, step in enumerate(draft.get("etapes", [])):
        required.append((f"etapes.{i}.titre", step.get("titre")))
        if step.get("type") == "redaction":
            required.append((f"etapes.{i}.consigne", step.get("consigne")))
            for m, row in enumerate(step.get("rubrique", [])):
                required.append((f"etapes.{i}.rubrique.{m}.critere", row.get("critere")))
    return {where: empty for where, value in required if isinstance(value, str) and not value}


def check(draft: Draft) -> tuple[Mission | None, str, dict[str, str]]:
    """(the mission or None, its text, French errors by field: « etapes.0.kind » -> why)."""
    texte = text_from_draft(draft)
    data, body = split_front_matter("mission", texte)
    errors = _empty_fields(draft)
    try:
        Mission.model_validate({**data, "slug": "apercu", "histoire": body})
    except ValidationError as error:
        errors = dict(describe_each(error)) | errors
    if errors:
        return None, texte, errors
    try:
        return validate(texte), texte, {}
    except InvalidInput as error:
        message = str(error)
        found = _WHERE.search(message)
        return None, texte, {found.group(1) if found else "(racine)": message}


__all__ = ["FORMATS_LIBELLES", "FORMATS_REDACTION"]
