"""A ``facture_achat`` variant drawn from the organisation: one of its suppliers, what its sector
buys from it, the order, the delivery note, and the invoice with the level's discrepancies; at
level 3 a fixed asset, an EU supplier (autoliquidation) or an invoice to send back."""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from agora.company import achats
from agora.company.tiers import elide
from agora.errors import InvalidInput
from agora.exercise.base import NIVEAUX, Options, Variant
from agora.exercise.fields import TAUX
from agora.exercise.kinds.facture_achat import solve as calc
from agora.exercise.kinds.facture_achat import statement
from agora.exercise.kinds.facture_achat.params import NAME
from agora.exercise.kinds.facture_achat.regles import load_regles
from agora.exercise.kinds.facture_achat.solve import net_ligne
from agora.money import cents, fmt

HUNDRED = Decimal(100)
NON_RECUPERABLE = ("non assujetti", "franchise en base")
# The rate a supplier writes by mistake instead of the right one.
TAUX_FAUX = {"5.5": "20", "2.1": "5.5", "10": "20", "20": "10"}
ECARTS_DU_NIVEAU = {1: ("quantite", "prix"), 2: ("quantite", "prix", "remise", "calcul")}


def _jour_ouvre(jour: date) -> date:
    return jour + timedelta(days=max(0, 7 - jour.weekday()) if jour.weekday() > 4 else 0)


def _prix(rng: random.Random, bas: int, haut: int, niveau: int) -> Decimal:
    """A unit price HT: round at level 1, to the cent above (rounding traps included)."""
    if niveau == 1:
        return Decimal(rng.randint(bas * 2, haut * 2)) / 2
    return Decimal(rng.randint(bas * 100, haut * 100)) / HUNDRED


def _fournisseur(rng: random.Random, org: Any, articles: tuple) -> tuple[str, list[tuple]]:
    """One of the organisation's suppliers and the articles it sells (its keyword in its name)."""
    noms = [f.nom for f in org.fournisseurs] or ["Fournisseur principal"]
    rng.shuffle(noms)
    for nom in noms:
        siens = [a for a in articles if a[0].lower() in nom.lower()]
        if len(siens) >= 2:
            return nom, siens
    return noms[0], list(articles)


def _ligne(rng: random.Random, article: tuple, niveau: int, remises: bool) -> dict[str, Any]:
    _, ref, designation, unite, bas, haut, taux, compte = article
    quantite = Decimal(rng.randint(3, 12) * (5 if niveau == 1 else 1) + (0 if niveau == 1 else 2))
    if Decimal(haut) >= 1000:
        quantite = Decimal(1)
    prix = _prix(rng, bas, haut, niveau)
    remise = Decimal(rng.choice((0, 0, 2, 5, 10))) if remises else Decimal(0)
    acceptes = [compte]
    if compte.startswith("6"):
        acceptes = sorted({compte, compte[:3], *achats.AUSSI_ACCEPTES.get(compte, ())})
    commande = {"quantite": quantite, "prix": prix, "remise": remise, "taux": Decimal(taux)}
    return {
        "reference": ref,
        "designation": designation,
        "unite": unite,
        "compte": compte,
        "comptes_acceptes": acceptes,
        "commande": commande,
        "livree": quantite,
        "facture": dict(commande),
        "ecart_montant": Decimal(0),
    }


def _ecart(rng: random.Random, ligne: dict[str, Any], nature: str) -> None:
    """Put one discrepancy on a line, always to the supplier's advantage."""
    c, f = ligne["commande"], ligne["facture"]
    if nature == "quantite":
        if c["quantite"] < 2:
            nature = "prix"
        else:
            ligne["livree"] = c["quantite"] - max(1, int(c["quantite"]) // rng.randint(3, 5))
    if nature == "prix":
        f["prix"] = cents(c["prix"] * (HUNDRED + rng.choice((4, 5, 8, 10))) / HUNDRED)
    elif nature == "remise":
        c["remise"] = c["remise"] or Decimal(rng.choice((5, 10)))
        f["remise"] = Decimal(0)
    elif nature == "calcul":
        ligne["ecart_montant"] = Decimal(rng.choice(("9.00", "10.00", "0.90", "1.00", "90.00")))


def _lignes(rng: random.Random, articles: list[tuple], niveau: int, n: int) -> list[dict]:
    """``n`` lines of articles at one VAT rate (port and escompte need one rate)."""
    premier = rng.choice(articles)
    memes = [a for a in articles if a[6] == premier[6] and a is not premier]
    choisis = [premier, *rng.sample(memes, min(len(memes), n - 1))]
    return [_ligne(rng, a, niveau, niveau > 1) for a in choisis]


def _ecarts(rng: random.Random, lignes: list[dict], niveau: int, natures: tuple) -> None:
    nombre = rng.choice({1: (0, 1, 1, 1), 2: (0, 1, 1, 2)}.get(niveau, (1, 1, 2)))
    for ligne in rng.sample(lignes, min(nombre, len(lignes))):
        _ecart(rng, ligne, rng.choice(natures))
    partielles = [x for x in lignes if x["livree"] == x["commande"]["quantite"]]
    if niveau > 1 and partielles and rng.random() < 0.3:
        # A trap: part of the order is not delivered yet, and the invoice rightly bills the rest.
        x = rng.choice(partielles)
        if x["commande"]["quantite"] > 2:
            x["livree"] = x["facture"]["quantite"] = x["commande"]["quantite"] - 1


def _refus(rng: random.Random, lignes: list[dict], articles: list[tuple], niveau: int) -> None:
    """Level 3: an invoice to send back, at a wrong VAT rate or with an article never ordered."""
    utilises = {x["reference"] for x in lignes}
    taux = TAUX.canonical(lignes[0]["commande"]["taux"])
    autres = [a for a in articles if a[1] not in utilises and a[6] == taux]
    if autres and rng.random() < 0.5:
        intrus = _ligne(rng, rng.choice(autres), niveau, False)
        intrus["commande"], intrus["livree"] = None, Decimal(0)
        lignes.append(intrus)
        return
    faux = Decimal(TAUX_FAUX[TAUX.canonical(lignes[0]["commande"]["taux"])])
    for x in lignes:
        x["facture"]["taux"] = faux


def _immobilisation(rng: random.Random, org: Any, niveau: int) -> tuple[str, list[dict]]:
    mot, ref, designation, bas, haut, compte, vendeur, accessoire = achats.IMMOBILISATIONS[
        org.secteur
    ]
    # Above the capitalisation threshold, or it could be expensed (scenarios/baremes/achats.yaml).
    bas = max(bas, int(load_regles().seuil_immobilisation_ht.valeur) + 1)
    # Its seller: a supplier of the file whose trade it is, else a dealer of the town (never the
    # club's sports kit maker selling a laptop).
    noms = [f.nom for f in org.fournisseurs if mot.lower() in f.nom.lower()]
    nom = noms[0] if noms else elide(vendeur.format(ville=org.adresse.ville))
    article = (mot, ref, designation, "pièce", bas, haut, "20", compte)
    lignes = [_ligne(rng, article, niveau, True)]
    lignes[0]["commande"]["quantite"] = lignes[0]["livree"] = Decimal(1)
    lignes[0]["facture"]["quantite"] = Decimal(1)
    installation = (mot, "INS-MES", accessoire, "forfait", 150, 450, "20")
    lignes.append(_ligne(rng, (*installation, compte), niveau, False))
    un = Decimal(1)
    lignes[1]["commande"]["quantite"] = lignes[1]["livree"] = lignes[1]["facture"]["quantite"] = un
    return nom, lignes


def _conditions(c: Mapping[str, Decimal], montant: Decimal | None = None) -> dict[str, str]:
    out = {
        "quantite": TAUX.canonical(Decimal(c["quantite"])),
        "prix_unitaire_ht": fmt(c["prix"]),
        "remise": TAUX.canonical(c["remise"]),
        "taux_tva": TAUX.canonical(c["taux"]),
    }
    if montant is not None:
        out["montant_ht"] = fmt(montant)
    return out


def _ligne_json(x: dict[str, Any]) -> dict[str, Any]:
    f = x["facture"]
    montant = net_ligne(Decimal(f["quantite"]), f["prix"], f["remise"]) + x["ecart_montant"]
    return {
        "reference": x["reference"],
        "designation": x["designation"],
        "unite": x["unite"],
        "compte": x["compte"],
        "comptes_acceptes": x["comptes_acceptes"],
        "commande": _conditions(x["commande"]) if x["commande"] else None,
        "quantite_livree": TAUX.canonical(Decimal(x["livree"])),
        "facture": _conditions(f, montant),
    }


def _alea(rng: random.Random, org: Any, recuperable: bool) -> str:
    aleas = ["immobilisation", "refus"]
    if recuperable and org.secteur in achats.FOURNISSEURS_UE:
        aleas.append("intracommunautaire")
    return rng.choice(aleas)


def tire(rng: random.Random, org: Any, niveau: int) -> dict[str, Any]:
    """The params of a variant."""
    articles = achats.ARTICLES.get(org.secteur, achats.ARTICLES["grossiste_fournitures"])
    recuperable = org.regime_tva not in NON_RECUPERABLE
    alea = _alea(rng, org, recuperable) if niveau == 3 else None
    nom, siens = _fournisseur(rng, org, articles)
    pays = "France"
    if alea == "immobilisation":
        nom, lignes = _immobilisation(rng, org, niveau)
    else:
        lignes = _lignes(rng, siens, niveau, {1: 2, 2: 3}.get(niveau, 3))
    if not recuperable:  # one account: the VAT paid adds to it
        lignes = [x for x in lignes if x["compte"] == lignes[0]["compte"]]
    if alea == "intracommunautaire":
        nom, pays = achats.FOURNISSEURS_UE[org.secteur]
    if alea == "refus":
        _refus(rng, lignes, siens, niveau)
    else:
        _ecarts(rng, lignes, niveau, ECARTS_DU_NIVEAU.get(niveau, ECARTS_DU_NIVEAU[2]))
    return _params(rng, org, niveau, nom, pays, lignes, recuperable, alea)


def _params(
    rng: random.Random,
    org: Any,
    niveau: int,
    nom: str,
    pays: str,
    lignes: list[dict],
    recuperable: bool,
    alea: str | None,
) -> dict[str, Any]:
    """The contract params: parties, document numbers and dates, port, escompte, lines."""
    biens = all(x["compte"][:2] in ("60", "21") for x in lignes)
    port = cents(Decimal(rng.randint(1500, 9000)) / HUNDRED)
    escompte = rng.choice(("0", "1", "2", "1.5")) if niveau > 1 and alea is None else "0"
    commande = _jour_ouvre(org.exercice_debut + timedelta(days=rng.randint(20, 300)))
    livraison = _jour_ouvre(commande + timedelta(days=rng.randint(2, 6)))
    facture = _jour_ouvre(livraison + timedelta(days=rng.randint(0, 3)))
    annee = facture.year
    return {
        "fournisseur": {"nom": nom, "pays": pays},
        "tva_recuperable": recuperable,
        "intracommunautaire": alea == "intracommunautaire",
        "commande": {"numero": f"BC{annee}-{rng.randint(10, 400):04d}", "date": str(commande)},
        "livraison": {"numero": f"BL-{rng.randint(1000, 9999)}", "date": str(livraison)},
        "facture": {
            "numero": f"FC{annee}-{rng.randint(100, 9999):05d}",
            "date": str(facture),
            "escompte_taux": escompte if recuperable else "0",
            "port_ht": fmt(
                port if niveau > 1 and biens and recuperable and rng.random() < 0.6 else 0
            ),
        },
        "lignes": [_ligne_json(x) for x in lignes],
        # Autonomous level: the entry is complete, with its date and document number.
        "colonnes_notees": ["date", "piece"] if niveau == 3 else [],
    }


def generate(seed: int, niveau: int, organisation: Any, options: Options = None) -> Variant:
    """A variant drawn from the organisation."""
    if niveau not in NIVEAUX:
        raise InvalidInput(f"Niveau inconnu : {niveau} (1, 2 ou 3).")
    rng = random.Random(f"{NAME}:{seed}:{niveau}")
    params = tire(rng, organisation, niveau)
    return Variant(NAME, seed, niveau, params, statement.enonce(organisation, params, niveau))


def document(variant: Variant, organisation: Any, documents: Any = None) -> dict[str, Any]:
    """The supplier invoice as it is recorded (a ``facture_achat`` document for a later step,
    the VAT return): its number, supplier, date, the decision, and its VAT by rate as printed
    (what the entry deducts). Amounts are the solver's, not the student's."""
    a = calc.lire_params(variant.params)
    imprime = calc.facture_imprimee(a)
    taux = list(dict.fromkeys(x.facture.taux for x in a.lignes))
    return {
        "numero": a.numero_facture,
        "fournisseur": a.fournisseur,
        "date": a.date_facture.isoformat(),
        "decision": calc.decision([calc.ecart(x) for x in a.lignes]),
        "immobilisation": a.immobilisation,
        "intracommunautaire": a.intracommunautaire,
        "tva_recuperable": a.tva_recuperable,
        "tva": [
            {
                "taux": TAUX.canonical(t),
                "base": f"{imprime[f'tva.{g}.base']:.2f}",
                "montant": f"{imprime[f'tva.{g}.montant']:.2f}",
            }
            for g, t in enumerate(taux)
        ],
    }
