"""Bank reconciliation (état de rapprochement) from the 512 ledger and the bank statement.

Competencies 2.2.1 (établir un état de rapprochement) and 2.2.3 (suivi des enregistrements de
trésorerie). The calculation lives in _rapprochement_modele, the story in
_rapprochement_generation and _rapprochement_enonce, the grading in _rapprochement_correction.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.base import FormatErrors, Grade, SampleAnswer, Variant
from agora.exercise.grading import MemoParams
from agora.exercise.kinds import _rapprochement_reponse as lu
from agora.exercise.kinds._rapprochement_correction import corriger
from agora.exercise.kinds._rapprochement_enonce import rediger
from agora.exercise.kinds._rapprochement_generation import generer
from agora.exercise.kinds._rapprochement_modele import (
    MAX_LIGNES,
    Rapprochement,
    check,
    rapprocher,
    solution_json,
)
from agora.money import fmt

NAME = "rapprochement"
TITRE = "État de rapprochement bancaire"
COMPETENCES = ("2.2.1", "2.2.3")
# Bumped when a change makes a seed draw other params or another statement (see
# agora.exercise.history): stored exercises keep the version that drew them.
VERSION = 1

# The names of an answer: a pointage pair per ledger line (suspens and 512, each at most
# MAX_LIGNES), the balances, the four lists of each side, the adjusting entries.
ANSWER_SCHEMA = AnswerSchema(
    (
        "pointage.#.#",
        "solde_compte_512",
        "solde_releve",
        *(
            f"{cote}.{liste}.#"
            for cote in ("cote_entreprise", "cote_banque")
            for liste in ("ajouts", "deductions")
        ),
        "solde_rectifie",
        *(
            f"ecritures.#.{champ}"
            for champ in ("ligne", "compte_debit", "compte_credit", "montant")
        ),
    ),
    {
        "pointage": 2 * MAX_LIGNES,
        "pointage.#": 2,
        **{
            f"{cote}.{liste}": lu.MAX_LIGNES
            for cote in ("cote_entreprise", "cote_banque")
            for liste in ("ajouts", "deductions")
        },
        "ecritures": lu.MAX_LIGNES,
    },
)


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """The params unchanged when usable; InvalidInput with one French line otherwise."""
    check(params)
    return params


def generate(seed: int, niveau: int, organisation: Any) -> Variant:
    """One month of the organisation's bank operations, with the statement to work from."""
    params, contexte = generer(seed, niveau, organisation)
    return Variant(NAME, seed, niveau, params, rediger(params, niveau, contexte))


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference reconciliation (contract JSON)."""
    return solution_json(_reference(params))


def grade(params: dict[str, Any], answer: dict[str, Any]) -> Grade:
    """Grade a student's answer: per field, with diagnostics and carried-forward credit."""
    return corriger(_reference(params), answer, NAME)


def _reference(params: dict[str, Any]) -> Rapprochement:
    """The reference reconciliation, memoised: a class grades the same variant many times."""
    found = _MEMO.get(params)
    if found is not None:
        return found
    cle = _cle(params)
    if cle is None:
        return rapprocher(check(params))
    copie, found = _reference_memo(cle)
    _MEMO.put(params, copie, found)
    return found


def _cle(params: Any) -> tuple | None:
    """A hashable copy of params written the contract's way (every value a string), else None."""
    if not isinstance(params, dict) or set(params) - set(_CLES):
        return None
    parts: list[Any] = []
    for nom in _CLES:
        value = params.get(nom)
        if isinstance(value, list):
            for ligne in value:
                if not isinstance(ligne, dict) or any(type(v) is not str for v in ligne.values()):
                    return None
            parts.append((nom, tuple(tuple(ligne.items()) for ligne in value)))
        elif type(value) is str or (value is None and nom not in params):
            parts.append((nom, value))
        else:
            return None
    return tuple(parts)


_CLES = ("periode", "solde_initial", "suspens_anterieurs", "compte_512", "releve")


# The same params object graded again is found without computing its key.
_MEMO = MemoParams()


@lru_cache(maxsize=512)
def _reference_memo(cle: tuple) -> tuple[dict[str, Any], Rapprochement]:
    """The params rebuilt from the key (equal to those it was computed from) and their
    reconciliation. Rebuilt from the key itself, so the result depends on nothing else; both are
    shared, never mutated."""
    params: dict[str, Any] = {}
    for nom, value in cle:
        if isinstance(value, tuple):
            params[nom] = [dict(items) for items in value]
        elif value is not None:
            params[nom] = value
    return params, rapprocher(check(params))


def parse(answer: dict[str, Any]) -> dict[str, Any]:
    """The answer with typed values (ids upper-cased, amounts as Decimal); FormatErrors if unreadable."""
    if not isinstance(answer, dict):
        raise FormatErrors({"réponse": "Un objet JSON {…} est attendu."})
    typed: dict[str, Any] = {}
    problemes: dict[str, str] = {}
    if "pointage" in answer:
        typed["pointage"], trouves = lu.lire_pointage(answer["pointage"])
        problemes |= trouves
    for nom in ("solde_compte_512", "solde_releve", "solde_rectifie"):
        if nom in answer:
            typed[nom], probleme = lu.lire_montant(answer[nom])
            if probleme:
                problemes[nom] = probleme
    for nom in lu.COTES:
        if nom in answer:
            typed[nom], trouves = lu.lire_cote(answer[nom], nom)
            problemes |= trouves
    if "ecritures" in answer:
        lignes, trouves = lu.lire_ecritures(answer["ecritures"])
        typed["ecritures"] = [{k: v for k, v in e.items() if k != "k"} for e in lignes]
        problemes |= trouves
    if problemes:
        raise FormatErrors(problemes)
    return typed


def validate_field(champ: str, valeur: str) -> str | None:
    """The French format message of one form field while typing; None when readable."""
    return lu.validate_field(champ, valeur)


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The reference answer, typical wrong ones (each with its expected diagnostics), one unreadable."""
    r = _reference(params)
    juste = solution_json(r)
    samples = [SampleAnswer("Réponse juste", juste, True)]
    for label, answer, codes in _erreurs_typiques(r, juste):
        samples.append(SampleAnswer(label, answer, False, codes))
    illisible = {
        "pointage": "tout",
        "solde_compte_512": "beaucoup",
        "cote_entreprise": {"ajouts": ["???"]},
        "ecritures": [{"ligne": "B1", "compte_debit": "banque", "montant": "12,345"}],
    }
    samples.append(SampleAnswer("Réponse illisible", illisible, False, invalid=True))
    return samples


def _erreurs_typiques(r: Rapprochement, juste: dict[str, Any]):
    """(label, answer, expected codes) for each misconception this variant can show."""

    def variante() -> dict[str, Any]:
        return copy.deepcopy(juste)

    d, cb = r.dossier, r.cote_banque
    inverse = variante()
    ce = inverse["cote_entreprise"]
    garde = {k: [i for i in v if i in r.ecarts] for k, v in ce.items()}
    ce["ajouts"], ce["deductions"] = (
        [i for i in ce["deductions"] if i not in r.ecarts] + garde["ajouts"],
        [i for i in ce["ajouts"] if i not in r.ecarts] + garde["deductions"],
    )
    inverse["solde_releve"] = fmt(2 * d.ouverture_releve - r.solde_releve)
    yield "Relevé lu du point de vue de la banque", inverse, ("SENS_RELEVE_INVERSE",)

    croise = variante()
    croise["cote_entreprise"], croise["cote_banque"] = (
        juste["cote_banque"],
        juste["cote_entreprise"],
    )
    yield "Suspens placés du mauvais côté", croise, ("SUSPENS_MAUVAIS_COTE",)

    for source, cible, label, code in (
        ("ajouts", "deductions", "Remise non créditée en déduction", "DEPOT_NON_CREDITE_MAL_PLACE"),
        ("deductions", "ajouts", "Chèque non encaissé en ajout", "CHEQUE_NON_ENCAISSE_MAL_PLACE"),
    ):
        if cb[source]:
            deplace = variante()
            deplace["cote_banque"][source].remove(cb[source][0])
            deplace["cote_banque"][cible].append(cb[source][0])
            yield label, deplace, (code,)

    envers = variante()
    inverse_512 = 2 * d.solde_initial - r.solde_compte_512
    envers["solde_compte_512"] = fmt(inverse_512)
    envers["solde_rectifie"] = fmt(inverse_512 + r.solde_rectifie - r.solde_compte_512)
    yield (
        "Compte 512 lu à l'envers, erreur reportée",
        envers,
        ("SENS_512_INVERSE", "SOLDES_RECTIFIES_DIFFERENTS"),
    )

    en_suspens = variante()
    ledger, releve = next(p for p in r.pointage if p[0] not in r.ecarts)
    en_suspens["pointage"] = [list(p) for p in r.pointage if p != (ledger, releve)]
    for ident, nom in ((releve, "cote_entreprise"), (ledger, "cote_banque")):
        ligne = d.lignes[ident]
        en_suspens[nom]["ajouts" if ligne.entree else "deductions"].append(ident)
    en_suspens["solde_rectifie"] = fmt(r.solde_rectifie + d.lignes[releve].effet)
    yield "Opération commune laissée en suspens", en_suspens, ("LIGNE_POINTABLE_EN_SUSPENS",)

    sens = variante()
    for e in sens["ecritures"]:
        e["compte_debit"], e["compte_credit"] = e["compte_credit"], e["compte_debit"]
    yield "Écritures passées à l'envers", sens, ("ECRITURE_SENS_INVERSE",)

    compte = variante()
    e = compte["ecritures"][0]
    e["compte_debit" if e["compte_credit"] == "512" else "compte_credit"] = "471"
    yield "Compte d'attente au lieu du bon compte", compte, ("COMPTE_INCORRECT",)

    oubli = variante()
    liste = "ajouts" if cb["ajouts"] else "deductions"
    del oubli["cote_banque"][liste][0]
    yield "Un suspens côté banque oublié", oubli, ("OUBLI_SUSPENS", "SOLDES_RECTIFIES_DIFFERENTS")

    inutile = variante()
    ident = (cb["deductions"] or cb["ajouts"])[0]
    ecriture = {"ligne": ident, "compte_debit": "401", "compte_credit": "512"}
    inutile["ecritures"].append(ecriture | {"montant": fmt(d.lignes[ident].montant)})
    yield "Écriture pour un suspens côté banque", inutile, ("ECRITURE_INUTILE",)

    yield from _erreurs_niveau_3(r, variante)


def _erreurs_niveau_3(r: Rapprochement, variante):
    """The level-3 misconceptions: the entry error and last month's suspense."""
    for ident, ecart in r.ecarts.items():
        oubliee = variante()
        for ids in oubliee["cote_entreprise"].values():
            if ident in ids:
                ids.remove(ident)
        oubliee["ecritures"] = [x for x in oubliee["ecritures"] if x["ligne"] != ident]
        codes = ("ERREUR_SAISIE_NON_CORRIGEE", "ECRITURE_MANQUANTE")
        yield "Erreur de saisie non corrigée", oubliee, codes
        complet = variante()
        for x in complet["ecritures"]:
            if x["ligne"] == ident:
                x["montant"] = fmt(ecart.ligne.montant)
        yield "Erreur corrigée du montant complet", complet, ("ERREUR_MONTANT_COMPLET",)
    en_attente = [s.id for s in r.dossier.suspens if s.id in r.cote_banque["deductions"]]
    en_attente += [s.id for s in r.dossier.suspens if s.id in r.cote_banque["ajouts"]]
    if en_attente:
        oubli = variante()
        for ids in oubli["cote_banque"].values():
            if en_attente[0] in ids:
                ids.remove(en_attente[0])
        yield "Suspens du mois dernier oublié", oubli, ("SUSPENS_ANTERIEUR_OUBLIE",)
