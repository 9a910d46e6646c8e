"""Part 2 of an ``avoir`` (levels 2 and 3): an invoice with planted omissions, and the list of
mandatory mentions the student checks on it (present, missing, or not required here).

The invoice is a draft of the organisation to one of its business customers; an organisation
outside VAT (or without a business customer) checks an invoice received from a supplier.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from agora.calendrier import date_longue
from agora.content.secteurs import famille_de
from agora.exercise.kinds.avoir.histoire import (
    QUANTITES,
    Article,
    Histoire,
    Partie,
    articles_de,
    articles_fournisseur,
    client_partie,
    fournisseur_partie,
    fournisseur_vendeur,
    jour_ouvre,
    organisation_partie,
    quantite,
)
from agora.exercise.kinds.avoir.mentions import RegleMention, facturation
from agora.exercise.markdown import tableau
from agora.money import cents, euros

NATURES_OPERATION = {
    (True, False): "Livraisons de biens",
    (False, True): "Prestations de services",
    (True, True): "Livraisons de biens et prestations de services",
}
SITES = ("Entrepôt", "Chantier", "Magasin", "Site de production", "Atelier")
RUES = ("rue des Artisans", "rue des Entrepôts", "avenue de l'Industrie", "rue du Commerce")


@dataclass(frozen=True)
class Brouillon:
    recu: bool  # received from a supplier (else a draft of the organisation)
    vendeur: Partie
    client: Partie
    numero: str
    jour: date
    lignes: tuple[tuple[Article, int], ...]
    delai: int  # days; 0 = cash
    escompte: str
    penalites: str
    livraison: str | None  # the delivery address, when it is not the customer's
    option_debits: bool
    regles: tuple[RegleMention, ...]
    attendus: dict[str, str]  # code -> presente | manquante | non_exigee

    def imprime(self, code: str) -> bool:
        """Whether the document shows this mention."""
        return self.attendus.get(code, "presente") == "presente"


def _parties(rng: random.Random, org: Any, h: Histoire) -> tuple[bool, Partie, Partie, Any]:
    """(received?, seller, customer, the supplier when received)."""
    clients = [
        c for c in org.clients if c.type == "entreprise" and c.siret and c.nom != h.client.nom
    ]
    if articles_de(org) and clients:
        return False, organisation_partie(org), client_partie(rng.choice(clients)), None
    fournisseur = fournisseur_vendeur(rng, org)
    vendeur = fournisseur_partie(fournisseur) if fournisseur else h.vendeur
    return True, vendeur, organisation_partie(org), fournisseur


def _attendus(rng: random.Random, regles, s_applique, niveau: int) -> dict[str, str]:
    """The planted omissions: two classic mentions at level 2; three or four at level 3, at
    least one of them from the reform."""
    requises = [r.code for r in regles if s_applique(r)]
    if niveau == 3:
        reforme = [r.code for r in regles if r.groupe == "reforme" and r.code in requises]
        omises = {rng.choice(reforme)}
        omises |= set(rng.sample([c for c in requises if c not in omises], rng.randint(2, 3)))
    else:
        omises = set(rng.sample(requises, 2))
    return {
        r.code: "manquante"
        if r.code in omises
        else "presente"
        if r.code in requises
        else "non_exigee"
        for r in regles
    }


def tire(rng: random.Random, h: Histoire, niveau: int) -> Brouillon:
    """The invoice to check and what the student should answer for each mention."""
    org = h.organisation
    recu, vendeur, client, fournisseur = _parties(rng, org, h)
    nom = fournisseur.nom if fournisseur else ""
    articles = articles_fournisseur(famille_de(org), org.secteur, nom) if recu else articles_de(org)
    choisis = rng.sample(articles, min(3, len(articles)))
    lignes = tuple((a, quantite(rng, a) - (1 if a.unite in QUANTITES else 0)) for a in choisis)
    biens = any(a.bien for a, _ in lignes)
    livraison = None
    if biens and rng.random() < 0.5:
        ville = client.adresse.rsplit(", ", 1)[-1]
        livraison = f"{rng.choice(SITES)}, {rng.randint(2, 90)} {rng.choice(RUES)}, {ville}"
    option = False if recu else bool(org.tva_sur_debits)
    conditions = {"toujours": True, "livraison_ailleurs": livraison is not None}
    conditions["option_debits"] = option
    regles = tuple(facturation().regles(reforme=niveau == 3))
    cgv = None if recu else org.cgv
    escompte = "néant"
    if cgv and cgv.escompte_taux > 0:
        escompte = f"{cgv.escompte_taux.normalize():f} % pour paiement sous 8 jours".replace(
            ".", ","
        )
    jour = jour_ouvre(h.jour_avoir + timedelta(days=rng.randint(1, 6)))
    return Brouillon(
        recu=recu,
        vendeur=vendeur,
        client=client,
        numero=f"FA{jour.year}-{rng.randint(100, 990):04d}",
        jour=jour,
        lignes=lignes,
        delai=fournisseur.delai_paiement_jours
        if fournisseur
        else (cgv.delai_paiement_jours if cgv else 30),
        escompte=escompte,
        penalites=cgv.penalites_retard if cgv else "trois fois le taux d'intérêt légal",
        livraison=livraison,
        option_debits=option,
        regles=regles,
        attendus=_attendus(rng, regles, lambda r: conditions[r.condition], niveau),
    )


def contexte(b: Brouillon) -> list[str]:
    """What the invoice alone does not tell: where the goods went, the seller's VAT option."""
    lignes = []
    if any(a.bien for a, _ in b.lignes):
        lieu = f"à cette adresse : {b.livraison}" if b.livraison else "à l'adresse du client"
        lignes.append(f"Le bon de livraison indique que les articles ont été livrés {lieu}.")
    if "option_debits" in b.attendus:
        option = "a opté" if b.option_debits else "n'a pas opté"
        lignes.append(f"{b.vendeur.nom} {option} pour le paiement de la TVA d'après les débits.")
    return lignes


def params_mentions(b: Brouillon) -> list[dict[str, str]]:
    """The contract params of part 2: each mention to check, with the expected answer."""
    return [{"code": r.code, "libelle": r.libelle, "attendu": b.attendus[r.code]} for r in b.regles]


def _totaux(b: Brouillon) -> list[str]:
    """Total HT, the VAT of each rate (on the rate's total, rounded half up), total TTC."""
    par_taux: dict[str, Decimal] = {}
    for a, q in b.lignes:
        par_taux[a.taux] = par_taux.get(a.taux, Decimal(0)) + Decimal(a.prix) * q
    tva = {t: cents(ht * Decimal(t) / 100) for t, ht in par_taux.items()}
    total_ht = sum(par_taux.values(), Decimal(0))
    texte = " · ".join(f"TVA à {t.replace('.', ',')} % : {euros(m)}" for t, m in tva.items())
    ttc = total_ht + sum(tva.values(), Decimal(0))
    return [f"Total HT : {euros(total_ht)} · {texte} · **Total TTC : {euros(ttc)}**", ""]


def _entete(b: Brouillon) -> list[str]:
    v, c = b.vendeur, b.client
    titre = f"Facture n° {b.numero}" if b.imprime("numero") else "Facture"
    lignes = [f"#### {titre}{'' if b.recu else ' (brouillon)'}", "", f"**{v.nom}**", ""]
    lignes.append(f"- {v.adresse}")
    if b.imprime("siren_vendeur") and v.siren:
        lignes.append(f"- SIREN : {v.siren}")
    if b.imprime("tva_vendeur") and v.tva:
        lignes.append(f"- N° de TVA intracommunautaire : {v.tva}")
    if b.imprime("date"):
        lignes.append(f"- Date de la facture : {b.jour.strftime('%d/%m/%Y')}")
    lignes += ["", f"**Client : {c.nom}**", "", f"- {c.adresse}"]
    if b.imprime("siren_client") and "siren_client" in b.attendus and c.siren:
        lignes.append(f"- SIREN du client : {c.siren}")
    if b.livraison and b.imprime("adresse_livraison"):
        lignes.append(f"- Adresse de livraison : {b.livraison}")
    biens = any(a.bien for a, _ in b.lignes)
    services = not all(a.bien for a, _ in b.lignes)
    if b.imprime("nature_operation") and "nature_operation" in b.attendus:
        lignes.append(f"- Nature des opérations : {NATURES_OPERATION[(biens, services)]}")
    return [*lignes, ""]


def _corps(b: Brouillon) -> list[str]:
    colonnes = ("Désignation", "Quantité", "Prix unitaire HT", "TVA", "Montant HT")
    rangees = [
        (
            a.designation,
            q,
            euros(a.prix),
            f"{a.taux.replace('.', ',')} %",
            euros(Decimal(a.prix) * q),
        )
        for a, q in b.lignes
    ]
    return [*tableau(colonnes, rangees, "<>>>>"), "", *_totaux(b)]


def _conditions(b: Brouillon) -> list[str]:
    lignes = ["Conditions de paiement :", ""]
    if b.imprime("echeance"):
        if b.delai:
            echeance = b.jour + timedelta(days=b.delai)
            lignes.append(f"- Paiement au plus tard le {date_longue(echeance)} ({b.delai} jours).")
        else:
            lignes.append("- Paiement comptant, à réception de la facture.")
    if b.imprime("escompte"):
        lignes.append(f"- Escompte pour paiement anticipé : {b.escompte}.")
    if b.imprime("penalites"):
        lignes.append(f"- Pénalités de retard : {b.penalites}.")
    if b.imprime("indemnite"):
        montant = facturation().indemnite_recouvrement.montant
        lignes.append(f"- Indemnité forfaitaire pour frais de recouvrement : {montant:.0f} €.")
    if b.option_debits and b.imprime("option_debits"):
        lignes.append("- Option pour le paiement de la taxe d'après les débits.")
    return [*lignes, ""]


def document(b: Brouillon) -> list[str]:
    """The invoice as the student reads it (Markdown), without its omitted mentions."""
    return [*_entete(b), *_corps(b), *_conditions(b)]
