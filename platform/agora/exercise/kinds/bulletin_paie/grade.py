"""Grading of a payslip answer: per-field verdicts, error carried forward and method diagnostics.

Each step is judged against the reference value and against the right method applied to the
student's own earlier values (its "context"); a field absent from the answer is not graded and
its context is the value the right method gives from what the student wrote before. The answer
comes read (``answer.read``): each field a ``Lu`` with its Decimal, or why it could not be read.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from typing import Any

from agora.errors import InvalidInput
from agora.exercise.base import ChampResult, Diagnostic, Grade, champ_result, score_ratio
from agora.exercise.fields import EMPTY
from agora.exercise.kinds.bulletin_paie import solve as calcul
from agora.exercise.kinds.bulletin_paie.answer import CHAMPS_LIGNE
from agora.exercise.kinds.bulletin_paie.messages import ECF_MESSAGE, MESSAGES, RAPPELS
from agora.exercise.kinds.bulletin_paie.params import NAME, Donnees, Ligne
from agora.exercise.kinds.bulletin_paie.solve import montant_taux
from agora.exercise.reading import Lecture
from agora.money import ZERO, cents

# Competency 3.2.4 (elements of the payslip: hours, overtime, absences, primes, brut) is scored
# on those fields. The other fields (contributions, nets, withholding tax, employer cost) count
# in the score but prove no competency of their own: 3.2.5 (following the payroll's recording)
# is for a kind that records it.
COMPETENCE_BRUT = "3.2.4"


# (diagnostic code, the value a student following that wrong method would write)
Erreurs = list[tuple[str, Decimal]]


class Correction:
    """Grades one answer field after field, keeping each step's context for the next ones."""

    def __init__(self, d: Donnees, ref: dict[str, Any], lecture: Lecture):
        self.d = d
        self.lecture = lecture
        self.answer = lecture.arbre
        self.ref = ref
        self.champs: list[ChampResult] = []
        # each field's verdict by competency group, kept as it is judged
        self.verdicts: dict[str, list[bool]] = {"brut": [], "net": []}
        self.diagnostics: dict[str, list[str]] = {}

    # ------------------------------------------------------------ one field

    def etape(
        self,
        champ: str,
        parent: dict,
        attendu: Decimal,
        ecf: Decimal,
        groupe: str,
        erreurs: Erreurs | Callable[..., Erreurs] = (),
        nom: str | None = None,
        args: tuple = (),
    ) -> Decimal:
        """Judge a field if the answer has it (``nom`` is its key in ``parent``, default ``champ``).

        Returns its context value (what the student wrote, else the right method's value) and
        flags the misconceptions whose value matches a wrong answer. ``erreurs`` may be a
        function of ``args`` instead: only called for a wrong value (no partial built per field).
        """
        lu = parent.get(nom or champ)
        if lu is None:
            return ecf
        brut, value, erreur = lu  # a Lu unpacked once
        # as typed: most often a text (Lu.recu's general case costs more)
        recu = brut if type(brut) is str else lu.recu
        # every reference amount is already rounded to the cent: str() prints it as fmt() would
        if value is not None and value == attendu:  # right, as most fields are: said at once
            self.champs.append(champ_result((champ, str(attendu), recu, True, "Juste.")))
            self.verdicts[groupe].append(True)
            return value
        if value is None:  # left empty, or unreadable: the reader said why
            correct, message = False, erreur or EMPTY
        elif value == ecf:
            correct, message = True, ECF_MESSAGE
        else:
            correct, message = False, f"Faux. {RAPPELS[champ.rsplit('.', 1)[-1]]}"
        self.champs.append(champ_result((champ, str(attendu), recu, correct, message)))
        self.verdicts[groupe].append(correct)
        if value is None:
            return ecf
        if not correct:
            candidats = erreurs(*args) if callable(erreurs) else erreurs
            for code in dict.fromkeys(code for code, wrong in candidats if value == wrong):
                self.signaler(code, champ)
        return value

    def signaler(self, code: str, champ: str) -> None:
        champs = self.diagnostics.setdefault(code, [])
        if champ not in champs:
            champs.append(champ)

    # ------------------------------------------------------------ the answer

    def corriger(self) -> None:
        brut = self._brut()
        salariales, patronales = self._lignes(brut)
        self._nets(brut, salariales, patronales)

    def _brut(self) -> Decimal:
        d, ref, a = self.d, self.ref, self.answer
        hebdo = cents(d.heures_mensuelles * 12 / 52)
        par_semaine = [("SALAIRE_BASE_HEBDOMADAIRE", cents(d.taux_horaire * hebdo))]
        base = self.etape(
            "salaire_base", a, ref["salaire_base"], ref["salaire_base"], "brut", par_semaine
        )
        oubli = [("ABSENCE_NON_DEDUITE", ZERO)] if d.absence_heures else []
        retenue = self.etape(
            "retenue_absence", a, ref["retenue_absence"], ref["retenue_absence"], "brut", oubli
        )
        hs = [
            self.etape(
                champ, a, ref[champ], ref[champ], "brut", _erreurs_hs, None, (d, heures, bon)
            )
            for champ, heures, bon in (
                ("montant_hs_25", d.heures_sup_25, calcul.MAJORATION_25),
                ("montant_hs_50", d.heures_sup_50, calcul.MAJORATION_50),
            )
        ]
        ecf = calcul.brut_de(d, base, retenue, hs[0], hs[1])
        erreurs: Erreurs = []
        if retenue:
            erreurs.append(("ABSENCE_NON_DEDUITE", ecf + retenue))
            erreurs.append(("ABSENCE_NON_DEDUITE", ref["salaire_brut"] + ref["retenue_absence"]))
        if d.total_avantages:
            erreurs.append(("AVANTAGE_NATURE_HORS_BRUT", ecf - d.total_avantages))
        if d.total_primes:
            erreurs.append(("PRIME_OUBLIEE", ecf - d.total_primes))
        if hs[0] + hs[1]:
            erreurs.append(("HS_OUBLIEES", ecf - hs[0] - hs[1]))
        if d.remboursement_transport:
            erreurs.append(("TRANSPORT_DANS_BRUT", ecf + d.remboursement_transport))
        if "montant_hs_25" not in a:
            erreurs += [
                (code, ecf - hs[0] + wrong)
                for code, wrong in _erreurs_hs(d, d.heures_sup_25, calcul.MAJORATION_25)
            ]
        return self.etape("salaire_brut", a, ref["salaire_brut"], ecf, "brut", erreurs)

    def _lignes(self, brut: Decimal) -> tuple[list[Decimal], list[Decimal]]:
        """Grade every contribution line; return the context amounts of each line."""
        d = self.d
        erreurs = self.lecture.erreurs
        if "cotisations" in erreurs:
            self._illisible("cotisations", erreurs["cotisations"])
        items = self.answer.get("cotisations") or ()
        salariales, patronales = [], []
        chemins = _chemins(len(d.lignes))
        for i, (ligne, ref) in enumerate(zip(d.lignes, self.ref["cotisations"], strict=True)):
            item = items[i] if i < len(items) else None
            if item is None and f"cotisations.{i}" in erreurs:  # not a line object
                self._illisible(f"cotisations.{i}", erreurs[f"cotisations.{i}"])
            s, p = self._ligne(chemins[i], ligne, ref, brut, item or {})
            salariales.append(s)
            patronales.append(p)
        return salariales, patronales

    def _illisible(self, champ: str, message: str) -> None:
        self.champs.append(ChampResult(champ, None, None, False, message))
        self.verdicts["net"].append(False)

    def _ligne(self, chemins: tuple, ligne: Ligne, ref: dict, brut: Decimal, item: dict):
        """Grade one line (``chemins``: its fields' paths); return its context amounts
        (salarial, patronal)."""
        d = self.d
        if ligne.forfait:
            bases: tuple[Decimal | None, ...] = (None,)
            ecfs = [ref["montant_salarial"], ref["montant_patronal"]]
        else:
            # With the right brut the right method gives the reference base (no recomputing).
            if brut == self.ref["salaire_brut"]:
                ecf_base = ref["base"]
            else:
                ecf_base = calcul.base_de(ligne.assiette, brut, d.pmss, d.forfait_csg)
            base = ecf_base
            if "base" in item:
                args = (d, ligne.assiette, brut, ecf_base)
                base = self.etape(
                    chemins[0], item, ref["base"], ecf_base, "net", _erreurs_base, "base", args
                )
            bases = (ecf_base, base)
            if base == ref["base"]:
                ecfs = [ref["montant_salarial"], ref["montant_patronal"]]
            else:
                ecfs = [montant_taux(base, t) for t in (ligne.taux_salarial, ligne.taux_patronal)]
        for j, nom in enumerate(("montant_salarial", "montant_patronal")):
            if nom in item:
                erreurs, args = self._erreurs_montant, (ligne, brut, bases, j)
                ecfs[j] = self.etape(
                    chemins[j + 1], item, ref[nom], ecfs[j], "net", erreurs, nom, args
                )
        return ecfs[0], ecfs[1]

    def _erreurs_montant(self, ligne: Ligne, brut: Decimal, bases: tuple, j: int) -> Erreurs:
        """Amounts on a wrong base, or with the employee and employer rates swapped."""
        if ligne.forfait:
            return []
        ecf_base, base = bases
        taux, autre = (ligne.taux_salarial, ligne.taux_patronal)[:: 1 - 2 * j]
        candidats = _erreurs_base(self.d, ligne.assiette, brut, ecf_base, taux)
        if autre != taux:
            candidats.append(("TAUX_SALARIAL_PATRONAL_INVERSES", montant_taux(base, autre)))
        return candidats

    def _nets(self, brut: Decimal, salariales: list[Decimal], patronales: list[Decimal]) -> None:
        d, ref, a = self.d, self.ref, self.answer
        total_s = self.etape(
            "total_salarial", a, ref["total_salarial"], sum(salariales, ZERO), "net"
        )
        total_p = self.etape(
            "total_patronal", a, ref["total_patronal"], sum(patronales, ZERO), "net"
        )
        ecf_ni = calcul.net_imposable_de(brut, d.lignes, salariales, patronales)
        non_deductibles = sum(
            (s for lg, s in zip(d.lignes, salariales, strict=True) if not lg.deductible), ZERO
        )
        imposable = sum(
            (p for lg, p in zip(d.lignes, patronales, strict=True) if lg.patronal_imposable), ZERO
        )
        erreurs = [("NET_IMPOSABLE_SANS_CSG_NON_DEDUCTIBLE", ecf_ni - non_deductibles)]
        if imposable:
            erreurs += [
                ("NET_IMPOSABLE_SANS_PATRONAL_MUTUELLE", ecf_ni - imposable),
                ("NET_IMPOSABLE_SANS_CSG_NON_DEDUCTIBLE", ecf_ni - non_deductibles - imposable),
                ("NET_IMPOSABLE_SANS_PATRONAL_MUTUELLE", ecf_ni - non_deductibles - imposable),
            ]
        ni = self.etape("net_imposable", a, ref["net_imposable"], ecf_ni, "net", erreurs)
        ecf_nai = calcul.net_avant_impot_de(d, brut, total_s)
        an, transport = d.total_avantages, d.remboursement_transport
        erreurs = [("NET_AVEC_COTISATIONS_PATRONALES", ecf_nai - total_p)]
        if an:
            erreurs.append(("AVANTAGE_NATURE_NON_DEDUIT", ecf_nai + an))
        if transport:
            erreurs.append(("REMBOURSEMENT_TRANSPORT_OUBLIE", ecf_nai - transport))
        if an and transport:
            erreurs += [
                ("AVANTAGE_NATURE_NON_DEDUIT", ecf_nai + an - transport),
                ("REMBOURSEMENT_TRANSPORT_OUBLIE", ecf_nai + an - transport),
            ]
        nai = self.etape("net_avant_impot", a, ref["net_avant_impot"], ecf_nai, "net", erreurs)
        erreurs = [
            ("PAS_SUR_NET_A_PAYER", montant_taux(nai, d.taux_pas)),
            ("PAS_SUR_BRUT", montant_taux(brut, d.taux_pas)),
        ]
        pas = self.etape(
            "prelevement_source",
            a,
            ref["prelevement_source"],
            montant_taux(ni, d.taux_pas),
            "net",
            erreurs,
        )
        erreurs = [("PAS_AJOUTE", nai + pas), ("NET_A_PAYER_SANS_PAS", nai)] if pas else []
        self.etape("net_a_payer", a, ref["net_a_payer"], nai - pas, "net", erreurs)
        erreurs = [
            ("COUT_EMPLOYEUR_SANS_PATRONALES", brut),
            ("COUT_EMPLOYEUR_SANS_PATRONALES", ref["salaire_brut"]),
            ("COUT_EMPLOYEUR_SUR_NET", nai + total_p),
        ]
        self.etape("cout_employeur", a, ref["cout_employeur"], brut + total_p, "net", erreurs)

    # ------------------------------------------------------------ the grade

    def grade(self, kind: str) -> Grade:
        points = sum(self.verdicts["brut"]) + sum(self.verdicts["net"])
        brut = self.verdicts["brut"]
        competences = [(COMPETENCE_BRUT, score_ratio(sum(brut), len(brut)))] if brut else []
        diagnostics = [
            Diagnostic(code, MESSAGES[code], {"champs": champs})
            for code, champs in self.diagnostics.items()
        ]
        return Grade(
            kind, score_ratio(points, len(self.champs)), self.champs, diagnostics, competences
        )


@lru_cache(maxsize=16)
def _chemins(lignes: int) -> tuple[tuple[str, str, str], ...]:
    """The answer paths (base, salarial, patronal) of each line, built once per line count."""
    return tuple(tuple(f"cotisations.{i}.{nom}" for nom in CHAMPS_LIGNE) for i in range(lignes))


def _erreurs_hs(d: Donnees, heures: Decimal, bon: Decimal) -> Erreurs:
    """Overtime paid without the majoration, at the other rate, or only its majoration; or
    every overtime hour of the month put at 25 % (the hours beyond 43 h not told apart)."""
    if not heures:
        return []
    facteurs = {Decimal(1), calcul.MAJORATION_25, calcul.MAJORATION_50, Decimal("1.1"), bon - 1}
    erreurs = [
        ("HS_MAUVAIS_TAUX", cents(heures * d.taux_horaire * f)) for f in sorted(facteurs - {bon})
    ]
    if bon == calcul.MAJORATION_25 and d.heures_sup_50:
        toutes = d.heures_sup_25 + d.heures_sup_50
        erreurs.append(("HS_50_NON_DISTINGUEES", cents(toutes * d.taux_horaire * bon)))
    return erreurs


def _erreurs_base(
    d: Donnees, assiette: str, brut: Decimal, bonne: Decimal, taux: Decimal | None = None
) -> Erreurs:
    """Wrong bases a student typically takes for a line (or the amounts they then give)."""

    def valeur(base: Decimal) -> Decimal:
        return base if taux is None else montant_taux(base, taux)

    if assiette == "csg_crds":
        erreurs = [("CSG_SUR_BRUT", valeur(brut))]
        if d.forfait_csg:
            erreurs.append(("CSG_SUR_BRUT", valeur(brut + d.forfait_csg)))
            erreurs.append(("CSG_SANS_PATRONAL_MUTUELLE", valeur(bonne - d.forfait_csg)))
        return erreurs
    plafonds = {"tranche_a": d.pmss, "tranches_a_b": 4 * d.pmss}
    if assiette in plafonds and brut > plafonds[assiette]:
        return [("TRANCHE_A_NON_PLAFONNEE", valeur(brut))]
    if assiette == "tranche_2" and brut > d.pmss:
        return [("TRANCHE_2_MAL_CALCULEE", valeur(brut)), ("TRANCHE_2_MAL_CALCULEE", valeur(ZERO))]
    return []


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Grade an answer as read (pure, never raises): per-field verdicts, diagnostics,
    competencies."""
    try:
        donnees, reference = calcul.lire_et_resoudre(params)
    except InvalidInput as error:
        return _rejet("paramètres", str(error))
    if "réponse" in lecture.erreurs:  # not an object: nothing to judge field by field
        return _rejet("réponse", lecture.erreurs["réponse"])
    correction = Correction(donnees, reference, lecture)
    correction.corriger()
    return correction.grade(NAME)


def _rejet(champ: str, message: str) -> Grade:
    return Grade(NAME, Decimal(0), [ChampResult(champ, None, None, False, message)], [], [])
