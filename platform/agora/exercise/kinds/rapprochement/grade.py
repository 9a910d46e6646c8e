"""Bank reconciliation, grading: per-field verdicts, recognised misconceptions, carried-forward credit.

The grader judges the answer as ``answer.read`` read it (a ``Lecture``): it never reads text.
Points: pointage 2, solde_compte_512 1, solde_releve 1, cote_entreprise 2, cote_banque 2,
solde_rectifie 2, ecritures 2; a field absent from the answer is not graded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from agora.exercise.base import ChampResult, Diagnostic, Grade, champ_result, score_ratio
from agora.exercise.fields import MONTANT, Lu, verdict
from agora.exercise.kinds.rapprochement.answer import LISTES
from agora.exercise.kinds.rapprochement.ecritures import juger_ecritures
from agora.exercise.kinds.rapprochement.messages import MESSAGES
from agora.exercise.kinds.rapprochement.params import NAME
from agora.exercise.kinds.rapprochement.solve import Rapprochement, reference
from agora.exercise.kinds.rapprochement.statement import montant as montant_fr
from agora.exercise.reading import Lecture
from agora.money import ZERO

POIDS = {
    "pointage": 2,
    "solde_compte_512": 1,
    "solde_releve": 1,
    "cote_entreprise": 2,
    "cote_banque": 2,
    "solde_rectifie": 2,
    "ecritures": 2,
}
UN = Decimal(1)
# Which competency each graded field proves (2.2.1 état de rapprochement, 2.2.3 enregistrements).
COMPETENCES_DES_CHAMPS = {
    "pointage": ("2.2.1", "2.2.3"),
    "solde_compte_512": ("2.2.1",),
    "solde_releve": ("2.2.1",),
    "cote_entreprise": ("2.2.1",),
    "cote_banque": ("2.2.1",),
    "solde_rectifie": ("2.2.1",),
    "ecritures": ("2.2.3",),
}


@dataclass
class Correction:
    """The grading of one answer, built field by field."""

    r: Rapprochement
    lecture: Lecture
    champs: list[ChampResult] = field(default_factory=list)
    codes: dict[str, list[str]] = field(default_factory=dict)
    credits: dict[str, Decimal] = field(default_factory=dict)
    soldes: dict[str, Decimal | None] = field(default_factory=dict)
    cotes: dict[str, dict[str, list[str]] | None] = field(default_factory=dict)
    propres: dict[str, Decimal | None] = field(default_factory=dict)

    def diagnostic(self, code: str, *lignes: str) -> None:
        deja = self.codes.setdefault(code, [])
        for ident in lignes:
            if ident not in deja:
                deja.append(ident)

    def champ(self, nom: str, attendu: str | None, recu: Any, correct: bool, message: str) -> None:
        self.champs.append(champ_result((nom, attendu, _recu(recu), correct, message)))

    def lu(self, nom: str) -> Lu:
        """The part ``nom`` as read (the answer has it: absent parts are not graded)."""
        return self.lecture.arbre[nom]


def corriger(r: Rapprochement, lecture: Lecture, kind: str) -> Grade:
    """Grade one answer, as read, against the reference reconciliation (never raises)."""
    rejet = lecture.lu("réponse")
    if rejet is not None:  # not an object: nothing to grade
        champ = ChampResult("réponse", None, _recu(rejet.brut), False, rejet.erreur or "")
        return Grade(kind, Decimal(0), [champ], [], [])
    c = Correction(r, lecture)
    for nom, juge in (
        ("pointage", _pointage),
        ("solde_compte_512", _solde_512),
        ("solde_releve", _solde_releve),
        ("cote_entreprise", _cote),
        ("cote_banque", _cote),
        ("solde_rectifie", _solde_rectifie),
        ("ecritures", juger_ecritures),
    ):
        if nom in lecture.arbre:
            c.credits[nom] = max(ZERO, min(UN, juge(c, nom)))
    _diagnostics_croises(c)
    return _grade(c, kind)


def _grade(c: Correction, kind: str) -> Grade:
    gagnes = {n: POIDS[n] * v for n, v in c.credits.items()}  # the points of each field
    competences = []
    for code, noms, total in _champs_des_competences(tuple(gagnes)):
        gagne = sum((gagnes[n] for n in noms), ZERO)
        competences.append((code, score_ratio(gagne, total)))
    points, total = sum(gagnes.values(), ZERO), sum(POIDS[n] for n in gagnes)
    diagnostics = [
        Diagnostic(code, MESSAGES[code], {"lignes": lignes} if lignes else {})
        for code, lignes in c.codes.items()
    ]
    return Grade(kind, score_ratio(points, total), c.champs, diagnostics, competences)


@lru_cache(maxsize=128)  # by the fields an answer has: a shape, not an answer
def _champs_des_competences(
    champs: tuple[str, ...],
) -> tuple[tuple[str, tuple[str, ...], int], ...]:
    """Each competency the graded fields prove: its code, those fields, their total weight."""
    competences = []
    for code in ("2.2.1", "2.2.3"):
        noms = tuple(n for n in champs if code in COMPETENCES_DES_CHAMPS[n])
        if noms:
            competences.append((code, noms, sum(POIDS[n] for n in noms)))
    return tuple(competences)


def _recu(raw: Any) -> Any:
    """What the student sent (it came as JSON); a long text or list is shortened to a string."""
    if isinstance(raw, str):
        return raw[:200]
    if isinstance(raw, (list, dict)) and len(raw) > 100:
        return str(raw)[:200]
    return raw


def _paire(p: tuple[str, str]) -> str:
    return f"{p[0]}↔{p[1]}"


def _pointage(c: Correction, nom: str) -> Decimal:
    lu = c.lu(nom)
    paires = lu.valeur or ()
    attendu = ", ".join(map(_paire, c.r.pointage))
    lignes = c.r.dossier.lignes
    # The reference's pairs are valid ones: a pair among them needs no checking.
    valides = set(c.r.pointage)
    utilises: set[str] = set()
    justes, fausses = 0, []
    for gauche, droite in paires:
        if gauche in lignes and lignes[gauche].origine == "releve":
            gauche, droite = droite, gauche  # a pair written statement first is still a pair
        libres = gauche not in utilises and droite not in utilises
        if libres and ((gauche, droite) in valides or c.r.paire_valide(gauche, droite)):
            justes += 1
            utilises.update((gauche, droite))
        else:
            fausses.append((gauche, droite))
    if fausses:
        c.diagnostic("POINTAGE_INCORRECT", *(g for g, _ in fausses if g in lignes))
    oublis = [g for g, _ in c.r.pointage if g not in utilises]
    correct = not lu.erreur and not fausses and not oublis
    if correct:
        message = "Pointage juste."
    else:
        morceaux = [f"{justes} paire(s) juste(s) sur {len(c.r.pointage)}."]
        if fausses:
            morceaux.append("Paires fausses : " + ", ".join(map(_paire, fausses)) + ".")
        if oublis:
            morceaux.append("Lignes du compte 512 à pointer encore : " + ", ".join(oublis) + ".")
        morceaux += [lu.erreur] if lu.erreur else []
        message = " ".join(morceaux)
    c.champ(nom, attendu, lu.brut, correct, message)
    if not c.r.pointage:
        return Decimal(1) if not fausses else ZERO
    return Decimal(max(0, justes - len(fausses))) / len(c.r.pointage)


def _solde(c: Correction, nom: str, attendu: Decimal, calcul: str) -> Decimal | None:
    """The balance as read, judged against ``attendu`` (a wrong one is told ``calcul``, how it
    is computed: the message is written only then)."""
    lu = c.lu(nom)
    faux = lu.valeur is not None and lu.valeur != attendu
    ko = f"Attendu : {montant_fr(attendu)} € ({calcul})." if faux else ""
    c.champs.append(verdict(nom, MONTANT, attendu, lu, ko=ko))
    if lu.valeur is not None:
        c.soldes[nom] = lu.valeur
    return lu.valeur


def _solde_512(c: Correction, nom: str) -> Decimal:
    d, attendu = c.r.dossier, c.r.solde_compte_512
    valeur = _solde(c, nom, attendu, "solde de départ + débits − crédits")
    if valeur is None:
        return ZERO
    mouvements = attendu - d.solde_initial
    if valeur != attendu:
        if valeur == d.solde_initial - mouvements:
            c.diagnostic("SENS_512_INVERSE")
        elif valeur == mouvements:
            c.diagnostic("OUBLI_SOLDE_INITIAL")
    return Decimal(valeur == attendu)


def _solde_releve(c: Correction, nom: str) -> Decimal:
    d, attendu = c.r.dossier, c.r.solde_releve
    valeur = _solde(c, nom, attendu, "ancien solde + crédits − débits")
    if valeur is None:
        return ZERO
    mouvements = attendu - d.ouverture_releve
    if valeur != attendu:
        if valeur == d.ouverture_releve - mouvements:
            c.diagnostic("SENS_RELEVE_INVERSE")
        elif valeur == mouvements:
            c.diagnostic("OUBLI_SOLDE_INITIAL")
        elif d.suspens and valeur == d.solde_initial + mouvements:
            c.diagnostic("OUVERTURE_RELEVE_INCORRECTE")
    return Decimal(valeur == attendu)


def _cote(c: Correction, nom: str) -> Decimal:
    lus: dict[str, Lu] = c.lecture.arbre[nom]
    attendu = c.r.cote_entreprise if nom == "cote_entreprise" else c.r.cote_banque
    cote = {liste: list(lus[liste].valeur or ()) for liste in LISTES}
    illisible = any(lu.erreur for lu in lus.values())
    c.cotes[nom] = None if illisible else cote
    justes, fausses = 0, 0
    for liste in LISTES:
        recu, voulu = cote[liste], attendu[liste]
        vus, voulus = set(recu), set(voulu)
        en_trop = [i for i in recu if i not in voulus]
        if len(vus) < len(recu):
            en_trop += _doublons(recu)
        manquants = [i for i in voulu if i not in vus]
        justes += len(vus & voulus)
        fausses += len(en_trop)
        champ = f"{nom}.{liste}"
        erreurs = [lus[liste].erreur] if lus[liste].erreur else []
        correct = not en_trop and not manquants and not erreurs
        message = "Juste." if correct else _message_liste(c, en_trop, manquants, erreurs)
        c.champ(champ, ", ".join(voulu), lus[liste].brut, correct, message)
    total = sum(len(v) for v in attendu.values())
    if not total:
        return Decimal(fausses == 0 and not illisible)
    return Decimal(max(0, justes - fausses)) / total


def _doublons(ids: list[str]) -> list[str]:
    vus: set[str] = set()
    doubles = []
    for i in ids:
        if i in vus:
            doubles.append(i)
        vus.add(i)
    return doubles


def _message_liste(c: Correction, en_trop: list[str], manquants: list[str], erreurs) -> str:
    morceaux = []
    inconnues = [i for i in en_trop if i not in c.r.dossier.lignes]
    if inconnues:
        morceaux.append("Ligne(s) inconnue(s) : " + ", ".join(inconnues) + ".")
    if placees := [i for i in en_trop if i in c.r.dossier.lignes]:
        morceaux.append("Ne vont pas ici : " + ", ".join(placees) + ".")
    if manquants:
        morceaux.append("Il manque : " + ", ".join(manquants) + ".")
    return " ".join(morceaux + erreurs[:1])


def _solde_rectifie(c: Correction, nom: str) -> Decimal:
    attendu, lu = c.r.solde_rectifie, c.lu(nom)
    valeur = lu.valeur
    if valeur is None:
        c.champs.append(verdict(nom, MONTANT, attendu, lu))
        return ZERO
    propre_e, propre_b = _propres(c, "entreprise"), _propres(c, "banque")
    if valeur == attendu:
        c.champs.append(verdict(nom, MONTANT, attendu, lu))
        return Decimal(1)
    if propre_e is not None and valeur == propre_e == propre_b:
        message = "Faux, mais bien calculé à partir de vos soldes et de vos listes (erreur reportée) : point accordé."
        credit = Decimal(1)
    elif valeur in (propre_e, propre_b):
        message = (
            "Bien calculé sur un des côtés à partir de vos propres valeurs (erreur reportée, "
            "moitié des points), mais vos deux côtés ne donnent pas le même solde."
        )
        credit = Decimal("0.5")
    else:
        message = (
            f"Attendu : {montant_fr(attendu)} € (solde + ajouts − déductions, des deux côtés)."
        )
        credit = ZERO
    c.champs.append(verdict(nom, MONTANT, attendu, lu, ko=message))
    return credit


def _propres(c: Correction, cote: str) -> Decimal | None:
    """The student's own rectified balance on one side: their balance and their lists."""
    if cote not in c.propres:
        c.propres[cote] = _calcul_propre(c, cote)
    return c.propres[cote]


def _calcul_propre(c: Correction, cote: str) -> Decimal | None:
    solde_nom = "solde_compte_512" if cote == "entreprise" else "solde_releve"
    solde = c.soldes.get(solde_nom)
    if solde is None:
        solde = c.r.solde_compte_512 if cote == "entreprise" else c.r.solde_releve
    listes = _listes(c, f"cote_{cote}")
    if listes is None:
        return None
    total = solde
    for liste, signe in (("ajouts", 1), ("deductions", -1)):
        for ident in listes[liste]:
            montant = c.r.montant(ident, cote)
            if montant is None:
                return None
            total += signe * montant
    return total


def _listes(c: Correction, nom: str) -> dict[str, list[str]] | None:
    if nom in c.cotes:
        return c.cotes[nom]
    if nom in c.lecture.arbre:
        return None
    return {k: list(v) for k, v in getattr(c.r, nom).items()}


def _diagnostics_croises(c: Correction) -> None:
    """Misconceptions seen across the two sides: where each unpointed line was put."""
    if not c.cotes or any(v is None for v in c.cotes.values()):
        return
    r = c.r
    places = {
        ident: (nom, liste)
        for nom, cote in c.cotes.items()
        for liste, ids in (cote or {}).items()
        for ident in ids
    }
    attendus = {
        ident: (nom, liste)
        for nom in c.cotes
        for liste, ids in getattr(r, nom).items()
        for ident in ids
    }
    pointees = {i for paire in r.pointage if paire[0] not in r.ecarts for i in paire}
    for ident, (nom, liste) in places.items():
        if attendus.get(ident) != (nom, liste):  # a line where it belongs shows no misconception
            _placement(c, ident, nom, liste, pointees)
    oublis = [i for i in attendus if i not in places and i not in r.ecarts]
    if oublis:
        c.diagnostic("OUBLI_SUSPENS", *oublis)
    suspens = {s.id for s in r.dossier.suspens}
    if any(i in suspens for i in oublis):
        c.diagnostic("SUSPENS_ANTERIEUR_OUBLIE", *(i for i in oublis if i in suspens))
    if "cote_entreprise" in c.cotes:
        for ident in r.ecarts:
            if ident not in places:
                c.diagnostic("ERREUR_SAISIE_NON_CORRIGEE", ident)
    if len(c.cotes) == 2:
        e, b = _propres(c, "entreprise"), _propres(c, "banque")
        if e is not None and b is not None and e != b:
            c.diagnostic("SOLDES_RECTIFIES_DIFFERENTS")


def _placement(c: Correction, ident: str, nom: str, liste: str, pointees: set[str]) -> None:
    r = c.r
    ligne = r.dossier.lignes.get(ident)
    if ligne is None:
        return
    if ident in r.ecarts:
        voulu = r.cote_entreprise
        if nom != "cote_entreprise" or ident not in voulu[liste]:
            c.diagnostic("ERREUR_SAISIE_MAL_PLACEE", ident)
        return
    if ident in pointees:
        c.diagnostic("LIGNE_POINTABLE_EN_SUSPENS", ident)
    du_releve = ligne.origine == "releve"
    if du_releve != (nom == "cote_entreprise"):
        c.diagnostic("SUSPENS_MAUVAIS_COTE", ident)
    if du_releve and nom == "cote_entreprise" and ligne.entree != (liste == "ajouts"):
        c.diagnostic("SENS_RELEVE_INVERSE", ident)
    if not du_releve and ident not in pointees:
        if ligne.entree and liste == "deductions":
            c.diagnostic("DEPOT_NON_CREDITE_MAL_PLACE", ident)
        if not ligne.entree and liste == "ajouts":
            c.diagnostic("CHEQUE_NON_ENCAISSE_MAL_PLACE", ident)


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Grade a student's answer as read: per field, with diagnostics and carried-forward credit."""
    return corriger(reference(params), lecture, NAME)
