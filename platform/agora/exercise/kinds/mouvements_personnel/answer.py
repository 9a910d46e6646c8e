"""The answer of a ``mouvements_personnel``: the hiring's dates, the end of the fixed-term
contract (indemnities and documents), the staff register, the retention dates and the job ad's
criteria, with their types (form, save and grader read them)."""

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import JOUR, MONTANT, Choice
from agora.exercise.kinds.mouvements_personnel.params import (
    AUCUN,
    CRITERES,
    MAX_PHRASES,
    MAX_PIECES,
)
from agora.exercise.kinds.mouvements_personnel.regles import load_personnel
from agora.exercise.kinds.mouvements_personnel.solve import DOCUMENTS, DUE, NON, OUI

RENOUVELABLE = Choice({OUI: "Oui, une fois", NON: "Non"})
CAS = Choice(
    {
        DUE: "Due",
        "saisonnier": "Non due : contrat saisonnier",
        "etudiant_vacances": "Non due : emploi de vacances d'un élève ou étudiant",
        "refus_cdi": "Non due : CDI proposé et refusé",
        "rupture_salarie": "Non due : rupture anticipée demandée par le salarié",
    }
)
CRITERE = Choice(
    {
        AUCUN: "Aucun : la phrase est permise",
        **{c: load_personnel().annonce.criteres[c].capitalize() for c in CRITERES},
    }
)

ANSWER_SCHEMA = AnswerSchema(
    {
        "embauche.dpae_au_plus_tot": JOUR,
        "embauche.dpae_au_plus_tard": JOUR,
        "embauche.fin_essai": JOUR,
        "embauche.renouvelable": RENOUVELABLE,
        "embauche.fin_essai_maximale": JOUR,
        "embauche.visite_au_plus_tard": JOUR,
        "depart.total_brut": MONTANT,
        "depart.indemnite_cas": CAS,
        "depart.indemnite_precarite": MONTANT,
        "depart.iccp": MONTANT,
        **{f"documents.{nom}": JOUR for nom in DOCUMENTS},
        "registre.entree": JOUR,
        "registre.sortie": JOUR,
        "conservation.#.jusqu_au": JOUR,
        "annonce.#.critere": CRITERE,
    },
    {"conservation": MAX_PIECES, "annonce": MAX_PHRASES},
)
