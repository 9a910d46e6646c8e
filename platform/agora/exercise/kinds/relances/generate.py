"""A ``relances`` variant drawn from the organisation: its customers' open invoices on a month's
last day (the ageing balance), its CGV's penalty clause, a reminder procedure with its day
thresholds and the half-year's official rates; at level 3 the traps (a consumer, a partial
payment, an invoice not yet due, a contract rate under the legal floor)."""

from __future__ import annotations

import calendar
import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from agora.company.cgv import PENALITES
from agora.exercise.base import Documents, Options, Variant, a_l_etape, generateur, tirage
from agora.exercise.enonce import Reprise
from agora.exercise.kinds.relances.params import NAME
from agora.exercise.kinds.relances.regles import Semestre, baremes
from agora.exercise.kinds.relances.solve import TROIS, echeance, lire_params
from agora.exercise.kinds.relances.statement import enonce

PROCEDURES = ((1, 15, 30), (1, 20, 45), (5, 15, 30), (8, 30, 60), (1, 30, 60))
NOMBRE = {1: 3, 2: 5, 3: 7}
REPRISES_MAX = 4  # invoices taken from an earlier step (the balance holds 12 at most)
# Payment terms (days, end of month). Food is sold at 30 days at most (L441-11 II), so that its
# terms are legal or illegal under both rules; illegal terms come from the second list.
TERMES = {
    "general": ((30, False), (45, False), (60, False), (30, True), (45, True)),
    "alimentaire": ((0, False), (15, False), (30, False)),
    "consommateur": ((0, False), (15, False), (30, False)),
    "illegal": ((75, False), (90, False), (60, True), (50, True)),
}
ALIMENTAIRE = ("boulangerie", "restaurant")
# Invoice amounts TTC in cents (business customer, consumer), by sector: a club's or a water
# utility's bills are smaller than a wholesaler's.
MONTANTS = {
    "association_sportive": ((8_000, 150_000), (3_000, 40_000)),
    "regie_eau": ((15_000, 300_000), (4_000, 60_000)),
    "boulangerie": ((5_000, 80_000), (1_000, 15_000)),
    "restaurant": ((20_000, 250_000), (2_000, 30_000)),
}
MONTANTS_AUTRES = ((15_000, 600_000), (3_000, 90_000))


def _fin_de_mois(jour: date) -> date:
    return jour.replace(day=calendar.monthrange(jour.year, jour.month)[1])


def date_balance(rng: random.Random, organisation: Any) -> tuple[date, Semestre]:
    """A month's last day in the organisation's year, late in a half-year (the invoices it shows
    fall due in that half-year, so one rate applies); verified figures preferred."""
    debut = organisation.exercice_debut
    fins = [
        _fin_de_mois(
            date(debut.year + (debut.month - 1 + k) // 12, (debut.month - 1 + k) % 12 + 1, 1)
        )
        for k in range(12)
    ]
    b = baremes()
    fins = [(f, b.semestre_du(f)) for f in fins if f.month in (5, 6, 11, 12)]
    connus = [(f, s) for f, s in fins if s is not None]
    verifies = [(f, s) for f, s in connus if not s.a_verifier]
    return rng.choice(verifies or connus or [(_fin_de_mois(debut), b.semestres[-1])])


class Tirage:
    """The draws of one balance, in an order fixed once (changing it changes every variant)."""

    def __init__(self, rng: random.Random, organisation: Any, niveau: int, jour: date):
        self.rng, self.org, self.niveau, self.jour = rng, organisation, niveau, jour
        self.procedure = rng.choice(PROCEDURES)
        clients = list(organisation.clients)
        self.pros = [c for c in clients if c.type == "entreprise"]
        self.personnes = [c for c in clients if c.type != "entreprise"]
        self.alimentaire = organisation.secteur in ALIMENTAIRE

    def retard(self, etape: int) -> int:
        """Days late for a reminder step (1 amiable, 2 second, 3 formal notice)."""
        p = self.procedure
        bornes = {1: (p[0], p[1] - 1), 2: (p[1], p[2] - 1), 3: (p[2], min(p[2] + 40, 100))}
        return self.rng.randint(*bornes[etape])

    def client(self, pro: bool, pris: list[str], exclus: tuple[str, ...] = ()) -> Any:
        """A customer of the kind asked not yet drawn; else any, but never one of ``exclus``
        (the customer an earlier step reminds: its invoices are those of that step)."""
        pool = [c for c in (self.pros if pro else self.personnes) if c.nom not in pris]
        repli = [c for c in (self.pros or self.personnes) if c.nom not in exclus]
        autres = [c for c in self.org.clients if c.nom not in exclus]
        return self.rng.choice(pool or repli or autres or self.pros or self.personnes)

    def montant(self, pro: bool) -> Decimal:
        bornes = MONTANTS.get(self.org.secteur, MONTANTS_AUTRES)[0 if pro else 1]
        centimes = self.rng.randint(*bornes)
        return Decimal(centimes).scaleb(-2)

    def terme(self, pro: bool, illegal: bool) -> tuple[int, bool]:
        if not pro:
            return self.rng.choice(TERMES["consommateur"])
        if illegal:
            return self.rng.choice(TERMES["illegal"][:1] if self.alimentaire else TERMES["illegal"])
        return self.rng.choice(TERMES["alimentaire" if self.alimentaire else "general"])

    def facture(self, pro: bool, client: Any, etape: int, illegal: bool = False) -> dict[str, Any]:
        """One invoice ``etape`` steps late (0: not yet due), its date set back from its due date."""
        if etape:
            jours, fdm = self.terme(pro, illegal)
            du = self.jour - timedelta(days=self.retard(etape))
        else:  # issued before the balance, due after it
            jours, fdm = 30, False
            du = self.jour + timedelta(days=self.rng.randint(3, 20))
        emise = du - timedelta(days=jours)
        if fdm:  # due on a month's last day before the balance's month
            du = du.replace(day=1) - timedelta(days=1)
            emise = du - timedelta(days=jours + self.rng.randint(0, 25))
        return {
            "client": client.nom,
            "professionnel": pro,
            "date": emise.isoformat(),
            "conditions": {"jours": jours, "fin_de_mois": fdm},
            "montant_ttc": str(self.montant(pro)),
            "deja_paye": "0.00",
            "taux_contrat": None,
        }


def _plan(t: Tirage) -> list[tuple[bool, int, str]]:
    """Per invoice: a business customer?, its reminder step, its trap."""
    n, pros = NOMBRE[t.niveau], bool(t.pros)
    etapes = [1, 2, 3] + [t.rng.randint(1, 3) for _ in range(n - 3)]
    plan = [(pros and (k % 2 == 0 or not t.personnes), e, "") for k, e in enumerate(etapes)]
    if t.niveau >= 2 and pros:
        plan[1] = (True, plan[1][1], "illegal")
    if t.niveau == 3:
        plan[3] = (False if t.personnes else pros, 0, "pas_echue")
        plan[4] = (pros, plan[4][1], "acompte")
        if pros:
            plan[5] = (True, plan[5][1], "contrat")
        if t.personnes:
            plan[6] = (False, max(plan[6][1], 1), "")
    return plan


def _factures(t: Tirage, plancher: Decimal, exclus: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    pris: list[str] = list(exclus)
    lignes = []
    for pro, etape, piege in _plan(t):
        client = t.client(pro, pris, exclus)
        pris.append(client.nom)
        pro = client.type == "entreprise"  # the customer drawn says which, not the plan
        ligne = t.facture(pro, client, etape, piege == "illegal")
        if piege == "acompte":
            ttc = Decimal(ligne["montant_ttc"])
            ligne["deja_paye"] = str(
                (ttc * t.rng.randint(2, 5) / 10).quantize(Decimal(1)) + Decimal("0.00")
            )
        if piege == "contrat":
            sous = [x for x in range(3, 8) if x < plancher]
            ligne["taux_contrat"] = f"{t.rng.choice(sous or [3])}.00"
        lignes.append(ligne)
    if t.niveau >= 2:  # one customer with two invoices: a letter that lists both
        double = dict(
            t.facture(lignes[0]["professionnel"], _client(t, lignes[0]), t.rng.randint(1, 3))
        )
        lignes.append(double)
    return lignes


def _client(t: Tirage, ligne: dict[str, Any]) -> Any:
    return next(c for c in t.org.clients if c.nom == ligne["client"])


def _numerote(
    lignes: list[dict[str, Any]],
    rng: random.Random,
    repris: list[dict[str, Any]] | None = None,
    pieces: dict[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Invoice numbers as the organisation's ledger gives them: the year of the invoice's date,
    and in each year a later invoice a higher number, around those of an earlier step (the
    invoices ``repris`` and every invoice of that step, ``pieces``: number → date); then the
    balance sorted by customer as a ledger prints it."""
    connus = {**(pieces or {}), **{f["numero"]: f["date"] for f in repris or []}}
    suites: dict[int, list[tuple[str, int]]] = {}
    for numero, jour in connus.items():
        annee, _, rang = numero.removeprefix("FA").partition("-")
        if annee == jour[:4] and rang.isdigit():
            suites.setdefault(int(annee), []).append((jour, int(rang)))
    depart = rng.randint(20, 400)
    derniere = max((int(ligne["date"][:4]) for ligne in lignes), default=0)
    for ligne in sorted(lignes, key=lambda x: (x["date"], x["client"])):
        annee = int(ligne["date"][:4])
        suite = suites.setdefault(annee, [])
        # An earlier year's invoices were issued late in that year: higher numbers.
        rang = _rang(suite, ligne["date"], depart + 300 * (derniere - annee))
        plus_tard = [jour for jour, n in suite if n < rang and jour > ligne["date"]]
        if plus_tard:  # no free number on its date: issued the day of the invoice before it
            ligne["date"] = max(plus_tard)
        suite.append((ligne["date"], rang))
        ligne["numero"] = f"FA{annee}-{rang:04d}"
    return sorted([*lignes, *(repris or [])], key=lambda x: (x["client"], x["date"]))


def _rang(suite: list[tuple[str, int]], jour: str, depart: int) -> int:
    """The number of an invoice of ``jour`` in a year's numbers ``suite`` (date, number): the
    first free one after those of its date or before and under those of a later date (a few
    under the first of them when none is before); ``depart`` for the year's first. When there
    is no room, the first free one above (its date then moves, see ``_numerote``)."""
    if not suite:
        return depart
    pris = {n for _, n in suite}
    avant = [n for d, n in suite if d <= jour]
    apres = [n for d, n in suite if d > jour]
    bas = max(avant) + 1 if avant else max(1, min(apres) - 10)
    rang = bas
    while rang in pris:
        rang += 1
    return rang


def params(
    rng: random.Random,
    organisation: Any,
    niveau: int,
    reprise: tuple[date, list[dict[str, Any]], dict[str, str]] | None = None,
) -> dict[str, Any]:
    """The params of a balance; ``reprise``: its date, the invoices an earlier step left
    unpaid (one customer's), which join those drawn and get the letter, and the numbers and
    dates of all that step's invoices (the others are numbered around them)."""
    if reprise is None:
        jour, semestre = date_balance(rng, organisation)
    else:
        jour, semestre = reprise[0], baremes().semestre_du(reprise[0])
    t = Tirage(rng, organisation, niveau, jour)
    plancher = TROIS * semestre.taux_legal_autres
    repris = [dict(f) for f in reprise[1]] if reprise else []
    exclus = tuple({f["client"] for f in repris})
    pieces = reprise[2] if reprise else None
    lignes = _numerote(_factures(t, plancher, exclus), rng, repris, pieces)
    clause = "triple_legal" if organisation.cgv.penalites_retard == PENALITES[1] else "bce"
    document: dict[str, Any] = {
        "date_balance": jour.isoformat(),
        "organisation": {"nom": organisation.raison_sociale, "ville": organisation.adresse.ville},
        "relation": organisation.relation,
        "baremes": {
            "semestre": semestre.semestre,
            "taux_bce": str(semestre.taux_bce),
            "taux_legal_autres": str(semestre.taux_legal_autres),
            "taux_legal_particuliers": str(semestre.taux_legal_particuliers),
            "indemnite": str(baremes().indemnite_recouvrement.montant),
        },
        "clause_penalites": clause,
        "procedure": dict(
            zip(
                ("relance_amiable", "deuxieme_relance", "mise_en_demeure"), t.procedure, strict=True
            )
        ),
        "factures": [{"numero": ligne.pop("numero"), **ligne} for ligne in lignes],
        "guide": niveau == 1,
    }
    document["lettre_client"] = repris[0]["client"] if repris else _plus_en_retard(document)
    return document


def _plus_en_retard(document: dict[str, Any]) -> str:
    """The customer of the invoice most days late: the letter goes to them."""
    b = lire_params({**document, "lettre_client": document["factures"][0]["client"]})
    return min(b.factures, key=lambda f: (echeance(f), f.numero)).client


# The variant of this seed and level in the organisation.
generate = generateur(NAME, params, enonce)


def reprendre(
    seed: int, niveau: int, organisation: Any, options: Options, documents: Documents
) -> Variant:
    """The balance at the end of the month after an earlier step's receipts (a ``balance_agee``
    document): the invoices that customer still owes join the others, and the letter goes to
    them. Drawn as usual when nothing is left unpaid, or no rate is known for that month."""
    balance = documents.get("balance_agee")
    reprise = _reprise(balance)
    if reprise is None:
        return generate(seed, niveau, organisation, options)
    rng = tirage(NAME, seed, niveau, "depuis")
    document = params(rng, organisation, niveau, reprise)
    client = reprise[1][0]["client"]
    deduit = _deduit(balance, reprise[1])
    texte = enonce(organisation, document, niveau, Reprise(client, a_l_etape(balance)), deduit)
    return Variant(NAME, seed, niveau, document, texte)


def _deduit(balance: dict[str, Any], factures: list[dict[str, Any]]) -> tuple[str, ...] | None:
    """What the earlier step deducted from the invoices taken that are partly paid (« arrhes »,
    « reglement », « avoir »…, each once, in order); None when the balance does not say."""
    payees = {f["numero"] for f in factures if Decimal(f["deja_paye"])}
    quoi: list[str] = []
    for f in balance["factures"]:
        if f["numero"] not in payees:
            continue
        if not isinstance(f.get("deduit"), list):
            return None
        quoi += [str(x) for x in f["deduit"] if x not in quoi]
    return tuple(quoi) or None


def _reprise(
    balance: dict[str, Any] | None,
) -> tuple[date, list[dict[str, Any]], dict[str, str]] | None:
    """The month's last day on which the earliest unpaid invoice is late (at most three months
    after the earlier balance), its invoices as this kind's params and the number and date of
    every invoice of that step, paid or not; None when unusable."""
    try:
        dues = [f for f in balance["factures"] if Decimal(f["reste_du"]) > 0][:REPRISES_MAX]
        sur = _sur(balance, dues) if dues else None
        pieces = {
            str(f["numero"]): date.fromisoformat(f["date"]).isoformat()
            for f in [*balance.get("pieces", []), *balance["factures"]]
        }
        return None if sur is None else (*sur, pieces)
    except (KeyError, TypeError, ValueError, ArithmeticError):  # not a balance this kind reads
        return None


def _sur(
    balance: dict[str, Any], dues: list[dict[str, Any]]
) -> tuple[date, list[dict[str, Any]]] | None:
    premiere = min(date.fromisoformat(f["echeance"]) for f in dues)
    jour = _fin_de_mois(date.fromisoformat(balance["date_balance"]))
    for _ in range(3):
        if jour > premiere:
            break
        jour = _fin_de_mois(jour + timedelta(days=1))
    if jour <= premiere or baremes().semestre_du(jour) is None:
        return None
    client = balance["client"]
    factures = []
    for f in dues:
        emise, echue = date.fromisoformat(f["date"]), date.fromisoformat(f["echeance"])
        ttc, reste = Decimal(f["montant_ttc"]), Decimal(f["reste_du"])
        factures.append(
            {
                "numero": f["numero"],
                "client": client["nom"],
                "professionnel": bool(client["professionnel"]),
                "date": emise.isoformat(),
                "conditions": {"jours": (echue - emise).days, "fin_de_mois": False},
                "montant_ttc": f"{ttc:.2f}",
                "deja_paye": f"{ttc - reste:.2f}",
                "taux_contrat": None,
            }
        )
    return jour, factures
