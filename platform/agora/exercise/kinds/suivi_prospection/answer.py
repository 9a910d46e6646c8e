"""The answer of a ``suivi_prospection``: its fields and their types (form, save and grader)."""

from __future__ import annotations

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import JOUR, MONTANT, QUANTITE, TAUX, Choice
from agora.exercise.kinds.suivi_prospection.params import MAX_CANAUX, MAX_PROSPECTS

CANAL = Choice(
    {
        "emailing": "L'e-mailing",
        "mailing": "Le publipostage (courrier)",
        "telephone": "La prospection par téléphone",
        "salon": "Le stand (salon, forum)",
    }
)
ACTION = Choice(
    {
        "relancer_telephone": "Relancer par téléphone",
        "envoyer_offre": "Envoyer une offre",
        "ne_plus_contacter": "Ne plus contacter (opposition, RGPD)",
        "rien": "Rien pour l'instant",
    }
)
FICHIER = Choice(
    {
        "conserver": "Garder le prospect tel quel",
        # One label for a letter back (NPAI) and a bounced e-mail: the same file update.
        "corriger_adresse": (
            "Adresse fausse (courrier revenu NPAI ou e-mail en erreur) : chercher la bonne adresse"
        ),
        "opposition": "Noter l'opposition : ne plus le prospecter",
        "passer_client": "Le passer en client (ou adhérent, usager)",
    }
)
TAUX_CANAL = ("taux_ouverture", "taux_clic", "taux_reponse", "taux_transformation")
COUTS_CANAL = ("cout_contact", "cout_reponse", "cout_client")

ANSWER_SCHEMA = AnswerSchema(
    {
        "canaux.#.touches": QUANTITE,
        **{f"canaux.#.{champ}": TAUX for champ in TAUX_CANAL},
        **{f"canaux.#.{champ}": MONTANT for champ in COUTS_CANAL},
        "meilleur_canal": CANAL,
        "prospects.#.action": ACTION,
        "prospects.#.date_relance": JOUR,
        "prospects.#.fichier": FICHIER,
    },
    {"canaux": MAX_CANAUX, "prospects": MAX_PROSPECTS},
)
