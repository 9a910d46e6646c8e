"""An ``avoir`` variant drawn from the organisation: its customer, catalogue, CGV and dates."""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from agora.errors import InvalidInput
from agora.exercise.base import Documents, Options, Variant, a_l_etape, tirage
from agora.exercise.kinds.avoir import brouillon, histoire
from agora.exercise.kinds.avoir import statement as enonce
from agora.exercise.kinds.avoir.params import NAME

MOTIFS = ("retour", "rabais", "ristourne", "au_choix")
RETOURS = (
    "des articles abîmés pendant le transport",
    "une erreur de référence dans la commande",
    "des articles livrés en trop",
)
DEFAUTS = ("un léger défaut d'aspect", "une teinte différente de la commande")
TROP_FACTURE = {
    "m³": "Le compteur avait été mal relevé : une partie de la consommation a été facturée "
    "en trop.",
    "heure": "L'intervention a duré moins longtemps que prévu : des heures ont été facturées "
    "en trop.",
    "jour": "Des journées prévues n'ont pas eu lieu : elles ont été facturées en trop.",
}
REPAS = ("couvert", "personne", "plateau", "formule", "portion")


def _raison(rng: random.Random, h: dict[str, Any], article: histoire.Article) -> str:
    """What happened, in the words of the organisation's trade."""
    client, nature = h["client"].nom, h["nature"]
    if nature == "retour":
        return (
            f"**{client}** a renvoyé une partie des articles ({rng.choice(RETOURS)}). "
            "Le retour est accepté."
        )
    if nature == "trop_facture":
        if article.unite in REPAS:
            return "Des repas commandés ont été annulés à temps, mais ils ont été facturés."
        return TROP_FACTURE.get(
            article.unite, "Une erreur de saisie : des quantités ont été facturées en trop."
        )
    if nature == "rabais":
        if h["secteur"] == "regie_eau":
            return "Une coupure d'eau a duré plusieurs jours : un rabais est accordé à l'usager."
        if article.bien:
            return (
                f"**{client}** a signalé {rng.choice(DEFAUTS)}. Il garde les articles, avec un "
                "rabais."
            )
        return f"La prestation a été terminée en retard : **{client}** obtient un rabais."
    return (
        f"**{client}** est un client fidèle : ses conditions de vente prévoient une ristourne "
        "sur le chiffre d'affaires de l'année, versée par un avoir au début de l'année suivante."
    )


def _par_facture(rng: random.Random, h: dict[str, Any], niveau: int) -> dict[str, Any]:
    """Params of a credit note on one invoice (retour, rabais, quantity invoiced too many)."""
    lignes, numeros = histoire.lignes_facture(rng, h["articles"], h["nature"], niveau)
    invoice = histoire.facture_origine(rng, h, niveau, lignes)
    params: dict[str, Any] = {"nature": h["nature"], "facture": invoice}
    premier = lignes[numeros[0] - 1]  # the story speaks of the first credited article
    numeros.sort()
    if h["nature"] == "rabais":
        params["rabais"] = {"taux": rng.choice(histoire.RABAIS), "lignes": numeros}
    else:
        params["credits"] = histoire.credits(rng, invoice, numeros, niveau)
    h["raison"] = _raison(rng, h, premier)
    return params


def _ristourne(rng: random.Random, h: dict[str, Any], niveau: int) -> dict[str, Any]:
    annee = h["jour_avoir"].year - 1
    factures = histoire.releve(rng, h["articles"], annee, niveau)
    taux = rng.choice(histoire.RISTOURNES)
    h["raison"] = _raison(rng, h, h["articles"][0])
    h["jour_facture"] = date(annee, 12, 31)
    return {
        "nature": "ristourne",
        "ristourne": {"taux": taux, "annee": annee, "factures": factures},
    }


def histoire_de(rng: random.Random, org: Any, niveau: int, motif: str) -> histoire.Histoire:
    """The story and the params of a variant."""
    achat, vendeur, client, articles = histoire.parties(rng, org)
    # A year-end rebate is a business customer's, and no public service grants one.
    service_public = getattr(org, "relation", "") == "usager" and not achat
    ristourne = client.entreprise and not service_public
    nature = histoire.nature(rng, motif, niveau, articles, ristourne)
    jour = histoire.jour_ouvre(org.exercice_debut + timedelta(days=rng.randint(20, 300)))
    cgv = getattr(org, "cgv", None)
    escompte = cgv.escompte_taux if cgv and not achat else 0
    h: dict[str, Any] = {
        "client": client,
        "nature": nature,
        "articles": articles,
        "secteur": getattr(org, "secteur", ""),
        "organisation": org,
        "service_public": service_public,
        "jour_facture": jour,
        "escompte_cgv": f"{escompte.normalize():f}" if escompte else None,
        "jour_avoir": histoire.jour_ouvre(jour + timedelta(days=rng.randint(5, 25))),
    }
    if nature == "ristourne":
        # The calendar year closed within the current financial year, credited in January.
        janvier = date(org.exercice_fin.year, 1, rng.randint(5, 20))
        h["jour_avoir"] = histoire.jour_ouvre(janvier)
        params = _ristourne(rng, h, niveau)
    else:
        params = _par_facture(rng, h, niveau)
    annee = h["jour_avoir"].year
    params["pieces"] = {"avoir": f"AV{annee}-{rng.randint(5, 400):04d}"}
    if nature != "ristourne":
        year = h["jour_facture"].year
        params["pieces"] |= {
            "devis": f"D{year}-{rng.randint(1, 300):04d}",
            "bon_livraison": f"BL{year}-{rng.randint(1, 600):04d}",
        }
    return histoire.Histoire(
        achat, org, vendeur, client, h["jour_facture"], h["jour_avoir"], h["raison"], params
    )


def generate(seed: int, niveau: int, organisation: Any, options: Options = None) -> Variant:
    """A variant drawn from the organisation; the mission's ``motif`` picks the nature."""
    motif = (options or {}).get("motif", "au_choix")
    if motif not in MOTIFS:
        raise InvalidInput(f"Motif inconnu : « {motif} » ({', '.join(MOTIFS)}).")
    rng = tirage("avoir", seed, niveau, motif)
    h = histoire_de(rng, organisation, niveau, motif)
    partie2 = brouillon.tire(rng, h, niveau) if niveau > 1 else None
    if partie2 is not None:
        h.params["mentions"] = brouillon.params_mentions(partie2)
    return Variant(NAME, seed, niveau, h.params, enonce.enonce(h, niveau, partie2))


def reprendre(
    seed: int, niveau: int, organisation: Any, options: Options, documents: Documents
) -> Variant:
    """The credit note on the invoice the student made at an earlier step (a ``facture``
    document): its customer, its lines, its number and date; drawn as usual when that step
    checked a purchase, or when the mission asks for a ristourne (a year's invoices)."""
    motif = (options or {}).get("motif", "au_choix")
    emise = documents.get("facture")
    if not _reprenable(emise, motif):
        return generate(seed, niveau, organisation, options)
    h = histoire_sur(seed, niveau, organisation, motif, emise)
    partie2 = brouillon.tire(tirage(NAME, seed, niveau, motif, "mentions"), h, niveau)
    if niveau > 1:
        h.params["mentions"] = brouillon.params_mentions(partie2)
    texte = enonce.enonce(h, niveau, partie2 if niveau > 1 else None, reprise=a_l_etape(emise))
    return Variant(NAME, seed, niveau, h.params, texte)


def histoire_sur(
    seed: int, niveau: int, org: Any, motif: str, emise: dict[str, Any]
) -> histoire.Histoire:
    """The story of a credit note on an invoice of an earlier step (replayed for its document)."""
    rng = tirage(NAME, seed, niveau, motif, "depuis")
    invoice = {"numero": emise["numero"], "date": emise["date"], **emise["facture"]}
    invoice.pop("acompte", None)  # the deposit was settled: the credit note does not touch it
    client = next(c for c in org.clients if c.code == emise["client"]["code"])
    catalogue = {a.reference: a for a in histoire.articles_de(org)}
    lignes = [catalogue.get(ligne["reference"]) for ligne in invoice["lignes"]]
    articles = tuple(a for a in lignes if a is not None)
    nature = histoire.nature(rng, motif, niveau, articles or histoire.articles_de(org), False)
    eligibles = [
        i + 1
        for i, a in enumerate(lignes)
        if nature == "rabais" or (a is not None and (a.bien if nature == "retour" else not a.bien))
    ] or list(range(1, len(lignes) + 1))
    numeros = sorted(rng.sample(eligibles, min(len(eligibles), 1 if niveau == 1 else 2)))
    jour_facture = date.fromisoformat(emise["date"])
    jour_avoir = histoire.jour_ouvre(jour_facture + timedelta(days=rng.randint(5, 25)))
    params: dict[str, Any] = {"nature": nature, "facture": invoice}
    if nature == "rabais":
        params["rabais"] = {"taux": rng.choice(histoire.RABAIS), "lignes": numeros}
    else:
        params["credits"] = histoire.credits(rng, invoice, numeros, niveau)
    premier = lignes[numeros[0] - 1] or histoire.articles_de(org)[0]
    h = {"client": histoire.client_partie(client), "nature": nature, "secteur": org.secteur}
    raison = _raison(rng, h, premier)
    annee = jour_avoir.year
    params["pieces"] = {
        "avoir": f"AV{annee}-{rng.randint(5, 400):04d}",
        "devis": f"D{jour_facture.year}-{rng.randint(1, 300):04d}",
        "bon_livraison": f"BL{jour_facture.year}-{rng.randint(1, 600):04d}",
    }
    vendeur = histoire.organisation_partie(org)
    return histoire.Histoire(
        False, org, vendeur, h["client"], jour_facture, jour_avoir, raison, params
    )


def _reprenable(emise: dict[str, Any] | None, motif: str) -> bool:
    """A sale to a customer, and a credit note on one invoice (not a year's ristourne)."""
    return (
        bool(emise) and not emise["achat"] and emise["client"] is not None and motif != "ristourne"
    )


def rejoue(
    variant: Variant, organisation: Any, documents: Mapping[str, Any] | None = None
) -> histoire.Histoire:
    """The variant's story, replayed from its draw (on the earlier step's invoice, if any)."""
    motif = variant.options.get("motif", "au_choix")
    emise = (documents or {}).get("facture")
    if _reprenable(emise, motif):
        return histoire_sur(variant.seed, variant.niveau, organisation, motif, emise)
    rng = tirage(NAME, variant.seed, variant.niveau, motif)
    return histoire_de(rng, organisation, variant.niveau, motif)
