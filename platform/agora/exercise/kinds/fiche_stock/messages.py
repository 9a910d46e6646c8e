"""The named method errors of a stock card: the message a student reads (messages.yaml beside),
the fields each shows in, and the ones worth looking for with each valuation method."""

from pathlib import Path

from agora.exercise.kinds.fiche_stock import solve as s
from agora.exercise.nommes import messages_lus

# The fields (paths without their row index) where each wrong method shows.
SIGNATURES = {
    s.FRAIS_OUBLIES: {"mouvements.entree_cout_unitaire", "mouvements.entree_montant"},
    s.FRAIS_NON_REPARTIS: {"mouvements.entree_cout_unitaire", "mouvements.entree_montant"},
    s.CMUP_SANS_STOCK_INITIAL: {"cmup"},
    s.CMUP_MOYENNE_SIMPLE: {"cmup", "mouvements.stock_cout_unitaire"},
    s.CMUP_DERNIER_COUT: {"mouvements.stock_cout_unitaire", "mouvements.sortie_montant"},
    s.CMUP_TRONQUE: {"cmup", "mouvements.stock_cout_unitaire"},
    s.PEPS_DERNIER_ENTRE: {"mouvements.sortie_montant", "total_sorties_montant"},
    s.ALERTE_SANS_SECURITE: {"appro.stock_alerte"},
    s.COMMANDE_SANS_DELAI: {"appro.quantite"},
    s.COMMANDE_SUR_STOCK_THEORIQUE: {"appro.commander", "appro.quantite"},
    s.ECART_INVERSE: {"inventaire.ecart_quantite", "inventaire.ecart_montant"},
}

MESSAGES = messages_lus(Path(__file__).with_name("messages.yaml"), SIGNATURES)

# The wrong methods worth looking for with each valuation method, in the order tried.
_COMMUNES = (s.FRAIS_OUBLIES, s.FRAIS_NON_REPARTIS)
_APRES = (s.ECART_INVERSE, s.ALERTE_SANS_SECURITE, s.COMMANDE_SANS_DELAI)
FAUTES = {
    "cmup_periode": (
        *_COMMUNES,
        s.CMUP_SANS_STOCK_INITIAL,
        s.CMUP_MOYENNE_SIMPLE,
        s.CMUP_TRONQUE,
        *_APRES,
        s.COMMANDE_SUR_STOCK_THEORIQUE,
    ),
    "cmup_mouvement": (
        *_COMMUNES,
        s.CMUP_DERNIER_COUT,
        s.CMUP_MOYENNE_SIMPLE,
        s.CMUP_TRONQUE,
        *_APRES,
        s.COMMANDE_SUR_STOCK_THEORIQUE,
    ),
    "peps": (*_COMMUNES, s.PEPS_DERNIER_ENTRE, *_APRES, s.COMMANDE_SUR_STOCK_THEORIQUE),
}
