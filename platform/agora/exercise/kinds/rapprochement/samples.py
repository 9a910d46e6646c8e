"""Bank reconciliation, typical answers: the reference, one per misconception, an unreadable one."""

from __future__ import annotations

import copy
from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.kinds.rapprochement.solve import Rapprochement, reference, solution_json
from agora.money import fmt


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The reference answer, typical wrong ones (each with its expected diagnostics), one unreadable."""
    r = reference(params)
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
