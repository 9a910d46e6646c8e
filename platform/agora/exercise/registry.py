"""The registry of exercise kinds: built-in kinds register exactly like an extension would."""

from agora.errors import UnknownCode
from agora.exercise.base import ExerciseKind
from agora.exercise.kinds import (
    avoir,
    budget_tresorerie,
    bulletin_paie,
    conformite,
    conges_payes,
    declaration_tva,
    devis,
    encaissements,
    equilibre_financier,
    facture,
    facture_achat,
    fiche_stock,
    formation,
    frais_deplacement,
    journal_paie,
    mouvements_personnel,
    planning,
    planning_activites,
    prise_en_charge,
    qualite_donnees,
    rapprochement,
    reglements_fournisseurs,
    relances,
    suivi_prospection,
    tableau_de_bord_social,
)

# Every kind by name, in the order pages list them; a new kind adds its package's KIND here.
KINDS: dict[str, ExerciseKind] = {
    kind.NAME: kind
    for kind in (
        prise_en_charge.KIND,
        facture.KIND,
        devis.KIND,
        avoir.KIND,
        encaissements.KIND,
        relances.KIND,
        suivi_prospection.KIND,
        qualite_donnees.KIND,
        facture_achat.KIND,
        conformite.KIND,
        reglements_fournisseurs.KIND,
        rapprochement.KIND,
        fiche_stock.KIND,
        declaration_tva.KIND,
        budget_tresorerie.KIND,
        equilibre_financier.KIND,
        planning_activites.KIND,
        mouvements_personnel.KIND,
        bulletin_paie.KIND,
        journal_paie.KIND,
        planning.KIND,
        conges_payes.KIND,
        frais_deplacement.KIND,
        formation.KIND,
        tableau_de_bord_social.KIND,
    )
}


def get_kind(name: str) -> ExerciseKind:
    """One registered kind; UnknownCode (French message) for a name not registered."""
    kind = KINDS.get(name)
    if kind is None:
        known = ", ".join(KINDS)
        raise UnknownCode(f"Type d'exercice inconnu : « {name} » (types connus : {known}).")
    return kind


def form_template(kind: str) -> str:
    """The template of a kind's answer form (``templates/exercise/<kind>/form.html``)."""
    return f"exercise/{kind}/form.html"
