"""The answer of a payslip: its fields and their types, and the shape of its contribution lines."""

from __future__ import annotations

from typing import Any

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import MONTANT, TEXTE, Field, is_empty
from agora.exercise.reading import Lecture

CHAMPS_BRUT = ("salaire_base", "retenue_absence", "montant_hs_25", "montant_hs_50", "salaire_brut")
CHAMPS_LIGNE = ("base", "montant_salarial", "montant_patronal")
CHAMPS_NET = (
    "total_salarial",
    "total_patronal",
    "net_imposable",
    "net_avant_impot",
    "prelevement_source",
    "net_a_payer",
    "cout_employeur",
)

MAX_COTISATIONS = 100  # a payslip has about twenty lines

# The names of an answer (its form, its solution): the totals, and each contribution line.
ANSWER_SCHEMA = AnswerSchema(
    {
        **dict.fromkeys(CHAMPS_BRUT + CHAMPS_NET, MONTANT),
        "cotisations.#.libelle": TEXTE,
        **{f"cotisations.#.{champ}": MONTANT for champ in CHAMPS_LIGNE},
    },
    {"cotisations": MAX_COTISATIONS},
)

# An answer of the wrong shape: the grader reports these as the verdict of the whole, the
# lines, or one line (the grading JSON has always carried them).
REPONSE_NON_OBJET = "La réponse doit être un objet JSON {…} de montants."
LIGNES_NON_LISTE = "Les cotisations doivent être une liste de lignes."
LIGNE_NON_OBJET = "Cette ligne doit être un objet {base, montant_salarial, montant_patronal}."

# The schema's fields by level, each with its memo of texts already read (``Field.memo``): the
# payslip's totals, and those of one contribution line.
_TOTAUX = {
    nom: (ANSWER_SCHEMA.champs[nom], ANSWER_SCHEMA.champs[nom].memo)
    for nom in CHAMPS_BRUT + CHAMPS_NET
}
_LIGNE = {
    nom.rsplit(".", 1)[1]: (f, f.memo) for nom, f in ANSWER_SCHEMA.champs.items() if "#" in nom
}


def read(answer: Any) -> Lecture:
    """The answer read field by field with the schema's types, in the payslip's shape: the totals,
    and the lines as a list (or an object numbered « 0 », « 1 »… as the form numbers them) of
    line objects. Walks that known shape rather than the schema's generic tree: a class grades
    many payslips at once, and the generic walk cost a fifth more per grade (callgrind)."""
    if not isinstance(answer, dict):
        return Lecture({}, {"réponse": REPONSE_NON_OBJET})
    erreurs: dict[str, str] = {}
    arbre = _lire(_TOTAUX, answer, None, erreurs)
    if "cotisations" in answer:
        arbre["cotisations"] = [
            None if ligne is None else _lire(_LIGNE, ligne, i, erreurs)
            for i, ligne in enumerate(_lignes(answer["cotisations"], erreurs))
        ]
    return Lecture(arbre, erreurs)


def _lire(
    champs: dict[str, tuple[Field, dict]], objet: dict, ligne: int | None, erreurs: dict[str, str]
) -> dict:
    """The fields of ``champs`` that ``objet`` has, each read once (``ligne``: the number of
    the contribution line they are of, None for the totals; their path only spelled out for a
    format error, which most answers don't have)."""
    lus = {}
    for nom, valeur in objet.items():
        champ = champs.get(nom)
        if champ is not None:
            field, memo = champ
            # Most of an answer is short texts already read: one look-up, no call.
            lu = memo.get(valeur) if type(valeur) is str else None
            if lu is None:
                lu = field.read(valeur)
            lus[nom] = lu
            if lu[2]:  # its reading's error
                erreurs[nom if ligne is None else f"cotisations.{ligne}.{nom}"] = lu[2]
    return lus


def _lignes(raw: Any, erreurs: dict[str, str]) -> list[dict | None]:
    """The lines as a list of objects (None for an empty or unreadable one); the shape's
    French messages go into ``erreurs``."""
    if is_empty(raw):
        return []
    lignes = _numerotees(raw) if isinstance(raw, dict) else raw
    if not isinstance(lignes, list):
        erreurs["cotisations"] = LIGNES_NON_LISTE
        return []
    for i, ligne in enumerate(lignes):
        if not isinstance(ligne, dict) and not is_empty(ligne):
            erreurs[f"cotisations.{i}"] = LIGNE_NON_OBJET
    return [ligne if isinstance(ligne, dict) else None for ligne in lignes]


def _numerotees(lignes: dict[Any, Any]) -> list[Any] | None:
    """The lines of an object numbered as the form numbers them (« 0 », « 1 »…, below the
    schema's bound), in a list by number; None when a key is not such a number."""
    if not all(ANSWER_SCHEMA.accepte(f"cotisations.{k}.base") for k in lignes):
        return None
    par_rang = {int(k): ligne for k, ligne in lignes.items()}
    return [par_rang.get(i) for i in range(max(par_rang) + 1)]
