"""The AGOrA référentiel (referentiel/*.yaml): load it, look competencies up by code, search it.

from agora.referentiel import load_referentiel
ref = load_referentiel()
ref.competence("2.2.1").libelle      # « Établir un état de rapprochement »
ref.blocs_of("2.2.3")                # the blocs listing it
ref.search("rapprochement")          # hits, accent- and case-insensitive
"""

from agora.referentiel.loader import load_referentiel
from agora.referentiel.model import Activite, Bloc, Competence, Pole, Referentiel
from agora.referentiel.search import Hit

__all__ = [
    "Activite",
    "Bloc",
    "Competence",
    "Hit",
    "Pole",
    "Referentiel",
    "load_referentiel",
]
