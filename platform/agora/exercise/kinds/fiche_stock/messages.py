"""The named method errors of a stock card: the message a student reads, the fields each shows in."""

from agora.exercise.kinds.fiche_stock import solve as s

MESSAGES = {
    s.FRAIS_OUBLIES: "Le coût d'achat oublie les frais accessoires (transport…) : "
    "coût d'achat = prix d'achat net + frais.",
    s.FRAIS_NON_REPARTIS: "Les frais de la livraison entière ont été ajoutés au prix d'une "
    "seule unité : divisez-les par la quantité reçue.",
    s.CMUP_SANS_STOCK_INITIAL: "Le CMUP oublie le stock initial : ajoutez sa quantité et sa "
    "valeur à celles des entrées.",
    s.CMUP_MOYENNE_SIMPLE: "Le CMUP est une moyenne pondérée par les quantités, pas la moyenne "
    "des prix : divisez la valeur totale par la quantité totale.",
    s.CMUP_DERNIER_COUT: "Après une entrée, le stock ne vaut pas le dernier prix : le CMUP "
    "mélange l'ancien stock et l'entrée (valeur totale ÷ quantité totale).",
    s.CMUP_TRONQUE: "Le CMUP a été coupé au centime au lieu d'être arrondi au centime le plus "
    "proche.",
    s.PEPS_DERNIER_ENTRE: "En PEPS, les sorties partent des lots les plus anciens d'abord, pas "
    "des derniers entrés.",
    s.ALERTE_SANS_SECURITE: "Le stock d'alerte ajoute le stock de sécurité à la consommation "
    "pendant le délai de livraison.",
    s.COMMANDE_SANS_DELAI: "La quantité à commander doit aussi couvrir ce qui sera consommé "
    "pendant le délai de livraison.",
    s.COMMANDE_SUR_STOCK_THEORIQUE: "La commande se décide sur le stock réellement compté à "
    "l'inventaire, pas sur le stock de la fiche.",
    s.ECART_INVERSE: "L'écart d'inventaire se calcule stock compté − stock de la fiche : un "
    "manque est négatif.",
}

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
