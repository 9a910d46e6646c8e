"""Conditions générales de vente: payment terms within the legal limits, penalties, escompte."""

from __future__ import annotations

from decimal import Decimal

from agora.company.model import CGV
from agora.company.people import Generation

# Code de commerce, art. L441-10: at least three times the legal interest rate; by default the
# ECB refinancing rate plus 10 points.
PENALITES = (
    "taux d'intérêt appliqué par la Banque centrale européenne à son opération de "
    "refinancement la plus récente, majoré de 10 points",
    "trois fois le taux d'intérêt légal",
)
# Code de commerce, art. D441-5: fixed recovery indemnity owed by a business customer.
INDEMNITE_RECOUVREMENT = Decimal("40.00")
DELAI_ESCOMPTE_JOURS = 8


def conditions_generales(gen: Generation, raison_sociale: str) -> CGV:
    """The CGV of the organisation, with their Markdown text as the fiche prints it."""
    delai = gen.rng.choice(gen.secteur.delais_paiement_jours)
    penalites = gen.rng.choice(PENALITES)
    escompte = gen.rng.choice(gen.secteur.escompte_taux)
    if escompte:
        conditions = (
            f"Escompte de {_pct(escompte)} % pour paiement sous {DELAI_ESCOMPTE_JOURS} jours "
            "à compter de la date de facture."
        )
    else:
        conditions = "Pas d'escompte pour paiement anticipé."
    return CGV(
        delai_paiement_jours=delai,
        penalites_retard=penalites,
        indemnite_recouvrement=INDEMNITE_RECOUVREMENT,
        escompte_taux=escompte,
        escompte_conditions=conditions,
        texte=_texte(gen, raison_sociale, delai, penalites, conditions),
    )


def _texte(gen: Generation, nom: str, delai: int, penalites: str, escompte: str) -> str:
    relation = gen.secteur.relation
    qui = {"client": "le client", "usager": "l'usager", "adherent": "l'adhérent"}[relation]
    if delai == 0:
        paiement = "Les prix sont payables comptant, à la commande ou à la livraison."
    else:
        paiement = (
            f"Les factures sont payables à {delai} jours à compter de leur date d'émission "
            "(plafond légal : 60 jours date de facture, art. L441-10 du Code de commerce)."
        )
    prix = (
        "Les prix sont indiqués hors taxes ; la TVA au taux en vigueur s'y ajoute."
        if gen.secteur.assujetti_tva
        else "L'organisme n'est pas assujetti à la TVA : les montants sont nets de taxe."
    )
    objet = (
        "Les présentes conditions, reprises du règlement du service, s'appliquent à tout "
        f"abonné de « {nom} » : l'ouverture de l'abonnement vaut acceptation par l'usager."
        if relation == "usager"  # a public service has subscribers, not orders
        else "Les présentes conditions s'appliquent à toute vente ou prestation de "
        f"« {nom} ». Toute commande ou inscription vaut acceptation par {qui}."
    )
    return "\n\n".join(
        [
            f"**Objet.** {objet}",
            f"**Prix.** {prix}",
            f"**Paiement.** {paiement} {escompte}",
            "**Retard de paiement.** Tout retard entraîne de plein droit des pénalités de "
            f"retard (taux : {penalites}), ainsi que, pour un client professionnel, une indemnité forfaitaire "
            f"pour frais de recouvrement de {INDEMNITE_RECOUVREMENT:.0f} € (art. D441-5 du Code "
            "de commerce).",
            "**Réclamations.** Toute réclamation doit être adressée par écrit dans les huit "
            "jours suivant la livraison ou la prestation.",
        ]
    )


def _pct(value: Decimal) -> str:
    """A rate as French prints it: 1,5 rather than 1.5."""
    return format(value.normalize(), "f").replace(".", ",")
