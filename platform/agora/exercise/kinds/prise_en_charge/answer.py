"""The answer of a ``prise_en_charge``: the fiche's fields (who asks, when, about what, how
urgent, the need expressed and the real one, to whom it goes, the follow-up and its deadline),
with their types (form, save and grader read them)."""

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.coordonnees import COURRIEL, NOM_ORGANISATION, NOM_PERSONNE, TELEPHONE
from agora.exercise.fields import HORAIRE, JOUR, NUMERO, Choice
from agora.exercise.kinds.prise_en_charge.situations import (
    ACTIONS,
    BESOINS,
    FONCTIONS,
    OBJETS,
    URGENCES,
)

CIVILITE = Choice({"madame": "Madame", "monsieur": "Monsieur"})
BESOIN = Choice(BESOINS)

ANSWER_SCHEMA = AnswerSchema(
    {
        "demandeur.civilite": CIVILITE,
        "demandeur.nom": NOM_PERSONNE,
        "demandeur.organisation": NOM_ORGANISATION,
        "demandeur.telephone": TELEPHONE,
        "demandeur.courriel": COURRIEL,
        "demande.date": JOUR,
        "demande.heure": HORAIRE,
        "demande.objet": Choice(OBJETS),
        "demande.reference": NUMERO,
        "demande.urgence": Choice(URGENCES),
        "besoin.exprime": BESOIN,
        "besoin.reel": BESOIN,
        "suite.destinataire": Choice(FONCTIONS),
        "suite.action": Choice(ACTIONS),
        "suite.echeance": JOUR,
    },
    {},
)
