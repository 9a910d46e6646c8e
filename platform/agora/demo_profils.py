"""How the demo's students answer: a profile each (à l'aise, moyen, en difficulté), drawn once
from the demo's seed, and answers that follow it, so the teacher's competency map shows a real
class's spread (who struggles with what) rather than a column of « très bon »."""

from __future__ import annotations

import random
from dataclasses import dataclass

from agora.exercise.base import ExerciseKind, FormatErrors, unflatten
from agora.exercise.forms import flatten


@dataclass(frozen=True)
class Profil:
    """How a student answers an exercise."""

    nom: str
    juste: float  # chance that a first answer is the reference one
    vides: tuple[float, float]  # share of fields left blank in a wrong answer: drawn in this range
    reessai: float  # chance of a second try after a wrong first one
    reessai_juste: bool  # whether that second try is right (else answered as the first one)


# At ease: mostly right first time, the odd method error, which the diagnostics help correct.
A_L_AISE = Profil("à l'aise", juste=0.65, vides=(0.0, 0.0), reessai=0.4, reessai_juste=True)
# Average: the kind's typical method errors, some fields forgotten, sometimes a correct retry.
MOYEN = Profil("moyen", juste=0.1, vides=(0.15, 0.6), reessai=0.2, reessai_juste=True)
# Struggling: many fields wrong or left blank, seldom a retry, and no better when there is one.
EN_DIFFICULTE = Profil(
    "en difficulté", juste=0.0, vides=(0.45, 0.85), reessai=0.15, reessai_juste=False
)
# A Bac Pro class is a mixed group: about a quarter in difficulty (gaps in calculation and
# reading instructions), 40 % in the middle, a third at ease. These shares put several
# students in each band of the map, as a teacher's own class would, without it looking failed.
PARTS = ((EN_DIFFICULTE, 0.25), (MOYEN, 0.40))


def class_profils(seed: int, number: int, count: int) -> list[Profil]:
    """The profiles of a demo class's ``count`` students, in their order: PARTS' shares, the
    rest at ease, in an order drawn from the demo's ``seed`` and the class's ``number``."""
    profils = [profil for profil, part in PARTS for _ in range(round(part * count))]
    profils += [A_L_AISE] * (count - len(profils))
    random.Random(f"demo-profils:{seed}:{number}").shuffle(profils)
    return profils


def answer_of(
    profil: Profil, kind: ExerciseKind, params: dict, rng: random.Random, again: bool = False
) -> dict[str, str]:
    """The form fields a student of ``profil`` sends for a variant's ``params`` (``again``:
    a second try): the reference answer, or one of the kind's typical wrong answers with a
    drawn share of its fields left blank. Always readable: when a blank makes the answer
    unreadable (a planning's slot without its employee), the platform would refuse it rather
    than grade it, so the wrong answer goes as it is."""
    # The kind's samples: the solution first, then typical wrong answers, readable or not.
    right, *autres = kind.sample_answers(params)
    wrongs = [s for s in autres if not s.invalid and not s.correct] or [right]
    if (again and profil.reessai_juste) or (not again and rng.random() < profil.juste):
        return flatten(right.answer)
    wrong = flatten(rng.choice(wrongs).answer)
    blanked = _blank(wrong, rng.uniform(*profil.vides), rng)
    if blanked == wrong:
        return wrong
    try:
        kind.parse(unflatten(blanked))
    except FormatErrors:
        return wrong
    return blanked


def _blank(fields: dict[str, str], share: float, rng: random.Random) -> dict[str, str]:
    """``fields`` with ``share`` of the filled ones emptied (at least one stays filled)."""
    filled = [name for name, value in fields.items() if value != ""]
    count = min(round(share * len(filled)), len(filled) - 1)
    return fields | dict.fromkeys(rng.sample(filled, max(count, 0)), "")
