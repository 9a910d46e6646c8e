"""The answer of a ``devis``: its fields and their types (the form, the save and the grader read them)."""

from __future__ import annotations

from typing import Any

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import JOUR, MONTANT, QUANTITE, TAUX, Choice, Text
from agora.exercise.kinds.devis.params import MAX_LIGNES, MAX_REMISES


class Reference(Text):
    """A catalogue reference, read as typed; « eau-003 » is « EAU-003 »."""

    def same(self, expected: Any, value: Any) -> bool:
        return _compacte(value) == _compacte(expected)


def _compacte(texte: Any) -> str:
    return "".join(str(texte).split()).upper()


REFERENCE = Reference(40)
VERSEMENT = Choice({"acompte": "Un acompte", "arrhes": "Des arrhes"})
DESISTEMENT = Choice(
    {
        "engagement_ferme": "Il ne peut pas renoncer : la vente est ferme, il doit payer le tout",
        "arrhes_perdues": "Il peut renoncer en perdant la somme versée "
        "(si le vendeur renonce, il rend le double)",
        "rembourse": "Il peut renoncer et la somme versée lui est rendue",
    }
)
BON_POUR_ACCORD = Choice(
    {
        "signature": "Sa signature seulement",
        "mention_date_signature": "« Bon pour accord », la date et sa signature",
        "paiement": "Rien : il suffit de payer la facture",
    }
)
ECART = Choice(
    {
        "conforme": "Conforme",
        "manquant": "Manquant (pas livré)",
        "partiel": "Livraison partielle",
        "excedent": "Livré en trop",
        "reference": "Mauvaise référence livrée",
    }
)

ANSWER_SCHEMA = AnswerSchema(
    {
        "lignes.#.reference": REFERENCE,
        "lignes.#.prix_unitaire_ht": MONTANT,
        "lignes.#.montant_ht": MONTANT,
        "taux.#.taux": TAUX,
        "taux.#.brut_ht": MONTANT,
        "taux.#.remises.#.taux": TAUX,
        "taux.#.remises.#.montant": MONTANT,
        "taux.#.net_ht": MONTANT,
        "taux.#.base_tva": MONTANT,
        "taux.#.tva": MONTANT,
        **dict.fromkeys(
            ("net_commercial", "port_ht", "total_ht", "total_tva", "total_ttc", "acompte"), MONTANT
        ),
        "date_validite": JOUR,
        "versement": VERSEMENT,
        "desistement": DESISTEMENT,
        "bon_pour_accord": BON_POUR_ACCORD,
        "livraison.#.reference": REFERENCE,
        "livraison.#.ecart": ECART,
        "livraison.#.a_facturer": QUANTITE,
    },
    {
        "lignes": MAX_LIGNES,
        "taux": MAX_LIGNES,
        "taux.#.remises": MAX_REMISES,
        "livraison": MAX_LIGNES,
    },
    # Written by the form (hidden), never typed: the rates and the delivered references.
    donnes=("taux.#.taux", "taux.#.remises.#.taux", "livraison.#.reference"),
)
