"""Who asks for leave: a team taken from the organisation's staff, each employee's reference
period (entry, absences, a part month) and monthly salary, drawn from the seed."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from agora.calendrier import feries_francais
from agora.company.model import Salarie
from agora.exercise.kinds.conges_payes.jours import OUVRABLES, compte, mois_de
from agora.money import cents

DEBUT_REFERENCE = date(2025, 6, 1)
FIN_REFERENCE = date(2026, 5, 31)
# Months drawn for absences: the reference period's months, as their first days.
MOIS = tuple(date(2025 + (5 + k) // 12, (5 + k) % 12 + 1, 1) for k in range(12))


def salaire_mensuel(s: Salarie) -> Decimal:
    """The contract's monthly gross pay: hourly rate × weekly hours × 52 ÷ 12 (151,67 h for 35 h)."""
    return cents(s.taux_horaire * cents(s.heures_hebdo * 52 / 12))


def _service(staff: tuple[Salarie, ...], besoin: int) -> tuple[str, list[Salarie]]:
    """The largest service with enough people, else the whole staff (« l'équipe »)."""
    for service, taille in Counter(s.service for s in staff).most_common():
        if taille >= besoin:
            return service, [s for s in staff if s.service == service]
    return "", list(staff)


def equipe(
    rng: random.Random, staff: tuple[Salarie, ...], niveau: int
) -> tuple[str, list[Salarie], list[Salarie]]:
    """(service, the employees who ask for leave, the colleagues who stay), the first asker being
    the most senior (the priority one whose leave pay is computed)."""
    n = niveau
    service, membres = _service(staff, n + 1)
    anciens = [s for s in membres if s.date_entree <= DEBUT_REFERENCE]
    membres_possibles = anciens if niveau == 1 and anciens else membres
    entrees: dict[date, Salarie] = {}
    for s in membres_possibles:
        entrees.setdefault(s.date_entree, s)  # distinct entry dates: seniority has no tie
    candidats = sorted(entrees.values(), key=lambda s: s.id)
    demandeurs = rng.sample(candidats, min(n, len(candidats)))
    demandeurs.sort(key=lambda s: s.date_entree)
    if demandeurs[0].date_entree > DEBUT_REFERENCE and anciens:
        demandeurs[0] = min(anciens, key=lambda s: s.date_entree)  # the priority one: full year
    restent = [s for s in membres if s not in demandeurs]
    autres = rng.sample(restent, min(len(restent), rng.randint(1, 3)))
    return service, demandeurs, sorted(autres, key=lambda s: s.id)


def mois_entree(s: Salarie) -> dict[str, Any] | None:
    """The part month of an employee who started during the period: the jours ouvrables worked
    from the entry day to the month's end (None when it is a whole month, 24 days or more)."""
    if not DEBUT_REFERENCE < s.date_entree <= FIN_REFERENCE or s.date_entree.day == 1:
        return None
    debut, fin = mois_de(s.date_entree)
    feries = frozenset(j for j, _ in feries_francais(debut, fin))
    travailles = compte(s.date_entree, fin, OUVRABLES, feries)
    if travailles >= 24:
        return None
    return {
        "mois": s.date_entree.strftime("%Y-%m"),
        "jours_travailles": travailles,
        "raison": "entree",
    }


def absence(motif: str, premier: date, nombre: int) -> dict[str, str]:
    """An absence of ``nombre`` whole months from the month of ``premier``."""
    rang = MOIS.index(premier)
    dernier = MOIS[rang + nombre - 1]
    fin = mois_de(dernier)[1] - timedelta(days=1)
    return {"motif": motif, "debut": premier.isoformat(), "fin": fin.isoformat()}


def mois_libres(s: Salarie, occupes: set[date]) -> list[date]:
    """The months of the period the employee worked whole, not taken by another absence."""
    return [m for m in MOIS if m > s.date_entree and m not in occupes]


def brut_reference(rng: random.Random, salaire: Decimal, mois_payes: Decimal) -> str:
    """The gross pay of the reference period: the months paid (the salary a little lower before
    a January raise), plus bonuses; half the time a hundredth digit 5 (the tenth's half cent)."""
    hausse = Decimal(rng.choice(("0", "0.02", "0.03", "0.08", "0.10")))
    avant = cents(salaire / (1 + hausse))
    mois_avant = min(mois_payes, Decimal(7))
    total = avant * mois_avant + salaire * (mois_payes - mois_avant)
    total += Decimal(rng.randint(0, 150_000)) / 100  # bonuses, overtime, last year's leave pay
    total = cents(total)
    if rng.random() < 0.5:
        total = total - total % Decimal("0.10") + Decimal("0.05")
    return str(total)
