"""An ``encaissements`` variant drawn from the organisation: one of its customers, invoices from
its catalogue (its sales account by its activity), and the period's receipts by level.

Level 1: two invoices at one VAT rate, one payment. Level 2: three invoices, a credit note, an
exact payment and a partial one. Level 3: a deposit, an escompte (a company only), a credit
note, a payment of two invoices, a partial payment and an overpayment.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from agora.errors import InvalidInput
from agora.exercise.base import Documents, Options, Variant, a_l_etape, generateur, tirage
from agora.exercise.enonce import Reprise
from agora.exercise.kinds.encaissements import solve, statement
from agora.exercise.kinds.encaissements.params import NAME, Avoir, Encaissements, Reglement
from agora.exercise.kinds.encaissements.regles import regles
from agora.exercise.kinds.encaissements.totaux import totaux
from agora.exercise.plafonds import plafonne
from agora.money import cents

REMISES = ("2", "3", "5", "8", "10")
RABAIS = (5, 8, 10, 15)
ESCOMPTES = ("1", "1.5", "2")
PIECES = {"cheque": "CHQ", "virement": "VIR", "carte": "CB"}


# Fixed public holidays: no document is dated on them (nor on a weekend).
FERIES = frozenset({(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)})


def jour_ouvre(jour: date) -> date:
    """The first working day from ``jour``."""
    while jour.weekday() > 4 or (jour.month, jour.day) in FERIES:
        jour += timedelta(days=1)
    return jour


def _articles(org: Any, stockes: bool) -> list[tuple[str, str, str, str]]:
    """(reference, designation, price HT, VAT rate) of what the organisation invoices; an
    organisation outside VAT charges none."""
    hors_tva = org.tva_intracom is None
    tous = [a for a in org.catalogue if a.prix_ht > 0]
    pris = [a for a in tous if (a.stock > 0 or a.stock_minimum > 0) == stockes] or tous
    return [
        (a.reference, a.designation, f"{a.prix_ht:.2f}", "0" if hors_tva else f"{a.taux_tva:f}")
        for a in pris
    ]


class Tirage:
    """The drawing of one variant: its random source, the organisation and the running date."""

    def __init__(
        self, rng: random.Random, org: Any, niveau: int, emise: dict[str, Any] | None = None
    ):
        self.rng, self.org, self.niveau = rng, org, niveau
        # The invoice the student made at an earlier step: the period's first invoice.
        self.emise = emise
        secteur = regles().secteurs.get(org.secteur)
        if secteur is None:
            raise InvalidInput(f"Pas d'encaissements prévus pour le secteur {org.secteur}.")
        self.secteur = secteur
        self.articles = _articles(org, secteur.articles == "stockes")
        taux = sorted({a[3] for a in self.articles}, key=Decimal)
        self.taux = [rng.choice(taux)] if niveau == 1 else taux
        self.entreprise = getattr(org, "relation", "client") == "client"
        self.delai = org.cgv.delai_paiement_jours or 30
        debut = org.exercice_debut + timedelta(days=rng.randint(20, 150))
        self.jour = jour_ouvre(debut)
        self.annee = self.jour.year
        self.numero = rng.randint(40, 700)
        self.documents: list[dict[str, Any]] = []

    def reserve(self) -> int:
        """A place in the period for a document filled in later (a deposit before its
        invoice, drawn once the invoice is)."""
        self.documents.append({})
        return len(self.documents) - 1

    def avance(self, bas: int, haut: int) -> date:
        self.jour = jour_ouvre(self.jour + timedelta(days=self.rng.randint(bas, haut)))
        return self.jour

    def facture(self, remise: bool = False, escompte: str | None = None) -> dict[str, Any]:
        """An invoice in the ``facture`` kind's params, with its number, date and due date."""
        if self.emise is not None:
            return self._reprise()
        rng = self.rng
        candidats = [a for a in self.articles if a[3] in self.taux]
        nombre = 1 if self.niveau == 1 else rng.randint(2, 3)
        lignes = [
            {
                "reference": ref,
                "designation": designation,
                "quantite": str(rng.randint(2, max(2, min(60, int(1200 / Decimal(prix)))))),
                "prix_unitaire_ht": prix,
                "taux_tva": taux,
            }
            for ref, designation, prix, taux in rng.sample(candidats, min(nombre, len(candidats)))
        ]
        self.numero += rng.randint(3, 25)
        jour = self.avance(3, 10)
        invoice: dict[str, Any] = {
            "numero": f"FA{jour.year}-{self.numero:04d}",
            "date": jour.isoformat(),
            "lignes": lignes,
        }
        if remise and self.entreprise:
            invoice["reductions"] = [{"nature": "remise", "taux": rng.choice(REMISES)}]
        if escompte:
            invoice["escompte_taux"] = escompte
        # the sector's law caps some reductions (loi Lang): the customer is drawn later, so
        # the cap of any buyer
        return self._emet(plafonne(invoice, self.org, None), jour)

    def _emet(
        self, invoice: dict[str, Any], jour: date, echeance: date | None = None
    ) -> dict[str, Any]:
        echeance = echeance or jour + timedelta(days=self.delai)
        document = {"type": "facture", "echeance": echeance.isoformat(), "facture": invoice}
        self.documents.append(document)
        return invoice

    def _reprise(self) -> dict[str, Any]:
        """The earlier step's invoice as it was issued; the period goes on from its date."""
        emise, self.emise = self.emise, None
        jour = self.jour = date.fromisoformat(emise["date"])
        self.numero = int(emise["numero"].rpartition("-")[2])
        invoice = {"numero": emise["numero"], "date": jour.isoformat(), **emise["facture"]}
        rang = self.reserve() if "acompte" in invoice else -1
        # The due date the earlier step's statement gave (its CGV's term, 0 days: comptant).
        echue = emise.get("echeance")
        self._emet(invoice, jour, date.fromisoformat(echue) if echue else None)
        if rang >= 0:
            _depot(self, rang, invoice, emise.get("versement") == "arrhes")
        return invoice

    def avoir(self, invoice: dict[str, Any]) -> None:
        """A credit note on one line of an invoice without reductions."""
        rng = self.rng
        ligne = rng.choice(invoice["lignes"])
        prix, quantite = Decimal(ligne["prix_unitaire_ht"]), int(ligne["quantite"])
        if not self.entreprise or (self.secteur.articles == "non_stockes" and rng.random() < 0.5):
            motif = "trop_facture"
        else:
            motif = rng.choice(
                ("rabais", "retour" if self.secteur.articles == "stockes" else "rabais")
            )
        if motif == "rabais":
            ht = cents(prix * quantite * rng.choice(RABAIS) / 100)
        else:
            ht = prix * rng.randint(1, max(1, quantite // 3))
        self.numero += 1
        jour = self.avance(2, 8)
        self.documents.append(
            {
                "type": "avoir",
                "piece": f"AV{jour.year}-{rng.randint(5, 300):04d}",
                "date": jour.isoformat(),
                "facture": invoice["numero"],
                "motif": motif,
                "montants_ht": [{"taux_tva": ligne["taux_tva"], "montant_ht": f"{cents(ht)}"}],
            }
        )

    def reglement(self, factures: list[str], montant: Decimal, exact: bool = True) -> None:
        """A payment of invoices; a card pays the exact amount, so an amount that is not what
        is due comes by cheque or transfer."""
        rng = self.rng
        mode = rng.choice(("cheque", "virement", "carte") if exact else ("cheque", "virement"))
        jour = self.avance(2, 7)
        self.documents.append(
            {
                "type": "reglement",
                "piece": _piece(self, mode),
                "date": jour.isoformat(),
                "mode": mode,
                "montant": f"{montant}",
                "factures": factures,
            }
        )


def _piece(t: Tirage, mode: str) -> str:
    """The bank's reference of a receipt: a cheque's seven-digit number, else a short one;
    drawn again in the rare case it is already a piece of the period (each piece once)."""
    pris = {d.get("piece") for d in t.documents}
    while True:
        numero = t.rng.randint(1000000, 9999999) if mode == "cheque" else t.rng.randint(1000, 9999)
        if (piece := f"{PIECES[mode]}-{numero}") not in pris:
            return piece


def _a_payer(invoice: dict[str, Any]) -> Decimal:
    return totaux(invoice).net_a_payer


def _partiel(rng: random.Random, du: Decimal) -> Decimal:
    """A part of what is due: about a third to two thirds, in tens of euros when possible."""
    part = du * Decimal(rng.randint(30, 70)) / 100
    dizaines = (part / 10).to_integral_value(rounding=ROUND_FLOOR) * 10
    return dizaines if 0 < dizaines < du else cents(part)


def _avoir_ttc(t: Tirage) -> Decimal:
    ht = Decimal(t.documents[-1]["montants_ht"][0]["montant_ht"])
    taux = Decimal(t.documents[-1]["montants_ht"][0]["taux_tva"])
    return ht + cents(ht * taux / 100)


def _niveau_1(t: Tirage) -> None:
    f1 = t.facture()
    t.facture()
    t.reglement([f1["numero"]], _a_payer(f1))


def _niveau_2(t: Tirage) -> None:
    chainee = t.emise is not None
    f1 = t.facture()
    f2 = t.facture(remise=True)
    # The credit note is on one of the period's own invoices, not on the student's (an
    # earlier step), which may be one article or come with a deposit: little left to credit.
    credite, autre = (f2, f1) if chainee else (f1, f2)
    t.avoir(credite)
    t.reglement([credite["numero"]], _a_payer(credite) - _avoir_ttc(t))
    t.facture(remise=t.rng.random() < 0.5)
    t.reglement([autre["numero"]], _partiel(t.rng, _a_payer(autre)), exact=False)


def _niveau_3(t: Tirage) -> None:
    rng = t.rng
    # The deposit goes on the first invoice, unless it is the student's own (an earlier step),
    # which keeps the deposit it had, or, without one, leaves it to the last invoice.
    chainee = t.emise is not None
    sur_f4 = chainee and "acompte" not in t.emise["facture"]
    rang = -1 if chainee else t.reserve()
    f1 = t.facture(remise=True)  # the student's own invoice brings its deposit, if any
    if not chainee:
        _acompte(rng, f1)
    cgv = t.org.cgv.escompte_taux
    escompte = (f"{cgv.normalize():f}" if cgv else rng.choice(ESCOMPTES)) if t.entreprise else None
    f2 = t.facture(escompte=escompte)
    t.reglement([f1["numero"], f2["numero"]], _a_payer(f1) + _a_payer(f2))
    f3 = t.facture()
    t.avoir(f3)
    du3 = _a_payer(f3) - _avoir_ttc(t)
    rang = t.reserve() if sur_f4 else rang
    f4 = t.facture(remise=True)
    if sur_f4:
        _acompte(rng, f4)
    t.reglement([f3["numero"]], _partiel(rng, du3), exact=False)
    # The customer rounds its payment up to the next ten euros: an overpayment.
    ttc4 = _a_payer(f4)
    t.reglement([f4["numero"]], (ttc4 / 10).to_integral_value(ROUND_FLOOR) * 10 + 10, exact=False)
    if rang >= 0:
        _depot(t, rang, f4 if sur_f4 else f1)


def _acompte(rng: random.Random, invoice: dict[str, Any]) -> None:
    """A deposit of a fifth to under a third of the total, in tens of euros."""
    ttc = totaux(invoice).ttc
    acompte = (ttc * Decimal(rng.choice((20, 25, 30))) / 1000).to_integral_value(ROUND_FLOOR) * 10
    invoice["acompte"] = f"{cents(acompte if acompte > 0 else cents(ttc / 4))}"


def _depot(t: Tirage, rang: int, invoice: dict[str, Any], arrhes: bool = False) -> None:
    """The deposit, received a few days before its invoice, by transfer or cheque; ``arrhes``:
    paid as arrhes (the quote's CGV), recorded as a deposit (4191) all the same."""
    rng = t.rng
    jour = jour_ouvre(date.fromisoformat(invoice["date"]) - timedelta(days=rng.randint(6, 12)))
    mode = rng.choice(("virement", "cheque"))
    t.documents[rang] = {
        "type": "acompte",
        "piece": _piece(t, mode),
        "date": min(jour, date.fromisoformat(invoice["date"])).isoformat(),
        "mode": mode,
        "montant": invoice["acompte"],
        "facture": invoice["numero"],
        **({"nature": "arrhes"} if arrhes else {}),
    }


def params(
    rng: random.Random, org: Any, niveau: int, emise: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Contract params for the level; with ``emise``, the period starts with that invoice,
    made at an earlier step for its customer."""
    t = Tirage(rng, org, niveau, emise)
    clients = [c for c in org.clients if c.type == "entreprise"] or list(org.clients)
    if emise is not None:
        clients = [c for c in org.clients if c.code == emise["client"]["code"]]
    if not clients:
        raise InvalidInput("L'organisation n'a pas de client à qui facturer.")
    client = rng.choice(clients)
    (_niveau_1, _niveau_2, _niveau_3)[niveau - 1](t)
    balance = t.avance(10, 45)
    if niveau > 1:
        # At levels 2 and 3 the first due date is passed, up to about two months and a half:
        # the bands of the balance are not all « non échu ».
        echeance = min(date.fromisoformat(d["echeance"]) for d in t.documents if "echeance" in d)
        balance = jour_ouvre(max(balance, echeance + timedelta(days=rng.randint(5, 75))))
    return {
        "client": {"nom": client.nom, "compte": f"411{client.code}"},
        "compte_produits": t.secteur.compte,
        "comptes_produits_acceptes": list(t.secteur.acceptes),
        "date_balance": balance.isoformat(),
        "documents": t.documents,
    }


# A variant drawn from the organisation: its customer, catalogue, sector and CGV.
generate = generateur(NAME, params, statement.enonce)


def reprendre(
    seed: int, niveau: int, organisation: Any, options: Options, documents: Documents
) -> Variant:
    """The variant whose first invoice is the one the student made at an earlier step (a
    ``facture`` document); drawn as usual when that step checked a purchase instead."""
    emise = documents.get("facture")
    if emise is None or emise["achat"] or emise["client"] is None:
        return generate(seed, niveau, organisation, options)
    rng = tirage(NAME, seed, niveau, "depuis")
    p = params(rng, organisation, niveau, emise)
    reprise = Reprise(emise["numero"], a_l_etape(emise))
    texte = statement.enonce(organisation, p, niveau, reprise)
    return Variant(NAME, seed, niveau, p, texte)


def document(variant: Variant, organisation: Any, documents: Any = None) -> dict[str, Any]:
    """The ageing balance left after the period (a ``balance_agee`` document for a later step,
    the reminders): the customer, the balance date and each invoice still owed, with what was
    received or credited on it, and every invoice's number and date. Amounts are the solver's,
    not the student's."""
    e = solve.lire_params(variant.params)
    client = next((c for c in organisation.clients if c.nom == e.client), None)
    deduit = _deduit(e, statement.arrhes_de(variant.params))
    return {
        "client": {
            "nom": e.client,
            "compte": e.compte_client,
            "professionnel": client is not None and client.type == "entreprise",
        },
        "date_balance": e.date_balance.isoformat(),
        "factures": [
            {
                "numero": f.piece,
                "date": f.jour.isoformat(),
                "echeance": f.echeance.isoformat(),
                "montant_ttc": f"{f.ttc:.2f}",
                "reste_du": f"{reste:.2f}",
                # What reduced it, in the account's order: « acompte » or « arrhes » (the
                # deposit imputed), « reglement » (a partial payment), « avoir ».
                "deduit": deduit[f.piece],
            }
            for f, reste, _ in solve.balance(e)["lignes"]
            if reste > 0
        ],
        # Every invoice of the period, paid or not: a later step numbers others around them.
        "pieces": [{"numero": f.piece, "date": f.jour.isoformat()} for f in e.factures],
    }


def _deduit(e: Encaissements, arrhes: frozenset[str]) -> dict[str, list[str]]:
    """Per invoice, what credited it (each credit shared as ``solve.restes`` shares it, a
    credit that reaches nothing of an invoice not counted): its deposit imputed (« acompte »,
    « arrhes » when paid as such), a payment (« reglement »), a credit note (« avoir »)."""
    sortes = {
        d.piece: "avoir" if isinstance(d, Avoir) else "reglement"
        for d in e.documents
        if isinstance(d, Avoir) or (isinstance(d, Reglement) and not d.acompte)
    }
    reste = {f.piece: f.ttc for f in e.factures}
    deduit: dict[str, list[str]] = {f.piece: [] for f in e.factures}
    for m in solve.mouvements(e):
        if m.debit:
            continue
        # An imputation carries its invoice's number.
        sorte = sortes.get(m.piece) or ("arrhes" if m.piece in arrhes else "acompte")
        credit = m.credit
        for k, piece in enumerate(m.factures):
            dernier = k == len(m.factures) - 1
            part = credit if dernier else min(credit, max(reste[piece], Decimal(0)))
            reste[piece] -= part
            credit -= part
            if part > 0 and sorte not in deduit[piece]:
                deduit[piece].append(sorte)
    return deduit
