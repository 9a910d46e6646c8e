"""The statement of a file cleaning, in Markdown: the organisation and why the file is checked,
the file as a table, the towns' postcodes, the rules, the jobs that use it, then the work to do
in the order of the form (short sentences)."""

from __future__ import annotations

from datetime import date
from typing import Any

from agora.calendrier import date_courte, date_longue
from agora.company.identifiers import format_iban
from agora.exercise.kinds.qualite_donnees.controles import attendus, codes_postaux
from agora.exercise.kinds.qualite_donnees.params import lire_params
from agora.exercise.kinds.qualite_donnees.regles import load_regles
from agora.exercise.kinds.qualite_donnees.roles import LIBELLES_CATEGORIES, tache
from agora.money import euros

TIERS = {
    ("clients", "client"): "clients",
    ("clients", "usager"): "usagers",
    ("clients", "adherent"): "adhérents",
    ("prospects", "client"): "prospects",
    ("prospects", "usager"): "futurs usagers",
    ("prospects", "adherent"): "futurs adhérents",
}
ACTIVITE = {
    ("clients", "client"): "Dernier achat",
    ("clients", "usager"): "Dernière facture",
    ("clients", "adherent"): "Dernière cotisation",
}
POURQUOI = {
    "clients": "Un courrier va partir à tous les {tiers}.",
    "prospects": "Une invitation va partir par e-mail à tous les {tiers}.",
    "fournisseurs": "Les virements du mois vont partir vers les fournisseurs.",
}
TITRE = {
    "clients": "avant l'envoi",
    "prospects": "avant l'invitation",
    "fournisseurs": "avant les virements",
}
INDICES = {
    "doublon": "cette fiche ressemble beaucoup à une autre",
    "siret_invalide": "comptez les chiffres du SIRET (il en faut 14)",
    "tva_invalide": "comptez les caractères du numéro de TVA (FR + 11 chiffres)",
    "iban_invalide": "comptez les caractères de l'IBAN (27 en France)",
    "cp_ville": "comparez le code postal à la liste des communes",
    "conservation_depassee": "regardez la date de la dernière activité",
    "donnee_sensible": "lisez le commentaire",
}


def tiers(p: dict[str, Any]) -> str:
    return TIERS.get((p["fichier"], p["relation"]), "fournisseurs")


def activite(p: dict[str, Any]) -> str:
    if p["fichier"] == "prospects":
        return "Dernier contact"
    return ACTIVITE.get((p["fichier"], p["relation"]), "Dernière commande")


def colonnes(p: dict[str, Any]) -> list[str]:
    """The file's columns, as the software exports it."""
    encours = p["fichier"] != "prospects"
    tete = ["N°", "Code", "Nom", "Code postal", "Ville", "E-mail", "SIRET", "N° de TVA"]
    if encours:
        tete += ["IBAN"]
    tete += [activite(p)]
    if encours:
        tete += ["Factures à payer" if p["fichier"] == "fournisseurs" else "Factures à régler"]
    return [*tete, "Commentaire"]


def cellules(p: dict[str, Any], n: int, r: dict[str, Any]) -> list[str]:
    """Row ``n``'s values under ``colonnes`` (a dash where the record has no value)."""
    encours = p["fichier"] != "prospects"
    valeurs = [str(n), r["code"], r["nom"], r["code_postal"], r["ville"], r["email"]]
    valeurs += [r.get("siret") or "—", r.get("tva") or "—"]
    if encours:
        valeurs.append(format_iban(r["iban"]) if r.get("iban") else "—")
    valeurs.append(date_courte(r["derniere_activite"]))
    if encours:
        valeurs.append(
            euros(r.get("encours", "0")) if r.get("encours", "0") not in ("0", "0.00") else "—"
        )
    return [*valeurs, r.get("commentaire") or "—"]


def _tableau(p: dict[str, Any]) -> list[str]:
    """The file as a table."""
    tete = colonnes(p)
    lignes = [f"| {' | '.join(tete)} |", "|" + "---|" * len(tete)]
    lignes += [f"| {' | '.join(cellules(p, n, r))} |" for n, r in enumerate(p["lignes"], 1)]
    return lignes


def _communes(p: dict[str, Any]) -> list[str]:
    """The real postcodes of the towns of the file (scenarios/communes.yaml)."""
    codes = codes_postaux()
    villes = sorted({r["ville"] for r in p["lignes"]})
    lignes = ["| Ville | Code postal |", "|---|---|"]
    lignes += [f"| {v} | {', '.join(sorted(codes.get(v, ())))} |" for v in villes]
    return lignes


def _regles(p: dict[str, Any], niveau: int) -> list[str]:
    duree = load_regles().duree(p["fichier"]).annees
    pieces = load_regles().conservation.pieces_comptables.annees
    qui = tiers(p)
    texte = [
        "- **Doublon** : une même personne ou entreprise n'a qu'une fiche. Même SIRET, même e-mail, "
        "ou même nom écrit autrement à la même adresse : c'est un doublon. On garde la première "
        "fiche et on **fusionne** la seconde avec elle.",
        "- **Numéros** : un SIRET a 14 chiffres, un numéro de TVA français FR + 11 chiffres, un "
        "IBAN français 27 caractères. Un numéro faux se **corrige**.",
        "- **Adresse** : le code postal doit être celui de la ville. Sinon, on **corrige**.",
        "- **Commentaire** : jamais de santé, d'opinion politique, de religion, de syndicat ni de "
        "jugement sur la personne. Un tel commentaire s'efface : on **corrige** la fiche.",
    ]
    if p["fichier"] == "prospects":
        texte.append(
            f"- **Durée de conservation** : un prospect sans contact depuis plus de {duree} ans se "
            "**supprime** (ou s'**anonymise**)."
        )
    else:
        texte.append(
            f"- **Durée de conservation** : plus de {duree} ans après la dernière activité, la fiche "
            f"quitte le fichier : on l'**archive**, car les factures se gardent {pieces} ans. "
            f"Après {pieces} ans, on la **supprime** (ou on l'**anonymise**). Mais tant qu'une "
            "facture reste à payer, la relation continue : on **conserve** la fiche."
        )
    texte.append("- Une fiche juste se **conserve**.")
    if niveau == 3:
        texte.append(
            "- **Deux problèmes** sur une ligne : la durée de conservation passe avant tout, puis "
            "le doublon, puis les corrections."
        )
    if niveau == 3:
        texte.append(
            "- Aide pour le SIRET : en partant de la droite, doublez un chiffre sur deux (le 2e, le "
            "4e…) ; si le double dépasse 9, retirez 9 ; additionnez tout : le total doit être un "
            "multiple de 10. Pour la TVA : clé = (12 + 3 × (SIREN modulo 97)) modulo 97."
        )
    return [f"## Les règles ({qui})", "", *texte]


def _roles(p: dict[str, Any]) -> list[str]:
    qui = tiers(p)
    texte = ["## Qui utilise le fichier", ""]
    for role in p["roles"]:
        if role["code"] == "direction":
            taches = ["consulte toutes les données pour suivre l'activité, mais ne saisit rien"]
        else:
            taches = [tache(c, d, qui) for c, d in role["droits"].items() if d != "aucun"]
        phrase = (
            " ; ".join(taches) or "n'a besoin d'aucune donnée du fichier (il classe le courrier)"
        )
        texte.append(f"- **{role['libelle']}** : {phrase}.")
    texte += [
        "",
        "Chacun n'a accès qu'à ce dont il a besoin pour son travail. Consulter : **lecture "
        "seule**. Saisir ou changer : **lecture et modification**. Sinon : **aucun accès**.",
        "",
        "Catégories de données : "
        + " ; ".join(LIBELLES_CATEGORIES[c] for c in p["categories"])
        + ".",
    ]
    return texte


def _indices(p: dict[str, Any]) -> list[str]:
    """Level 1: where to look, row by row."""
    cas = attendus(lire_params(p))
    texte = ["## Indices", ""]
    texte += [
        f"- Ligne {n} : {INDICES[a.problemes[0]]}." for n, a in enumerate(cas, 1) if a.problemes
    ]
    return [*texte, "- Les autres lignes n'ont pas de problème."]


def _travail(niveau: int) -> list[str]:
    probleme = (
        "jusqu'à **deux problèmes** (sinon « Aucun problème »)"
        if niveau == 3
        else "le **problème** (ou « Aucun problème »)"
    )
    return [
        "## Travail à faire",
        "",
        f"1. Pour chaque ligne, choisissez {probleme}.",
        "2. Choisissez la **décision** : conserver, corriger, fusionner, archiver, supprimer ou "
        "anonymiser. Pour un doublon, écrivez le numéro de la ligne avec laquelle le fusionner.",
        "3. Remplissez le **tableau des droits d'accès** : pour chaque personne et chaque "
        "catégorie de données, aucun accès, lecture seule, ou lecture et modification.",
    ]


def enonce(p: dict[str, Any], organisation: Any, niveau: int) -> str:
    """The statement of these params for the organisation, in Markdown."""
    qui = tiers(p)
    controle = date_longue(date.fromisoformat(p["date_controle"]))
    texte = [
        f"# Le fichier des {qui} {TITRE[p['fichier']]}",
        "",
        f"Vous travaillez chez **{organisation.raison_sociale}** ({organisation.secteur_libelle}).",
        POURQUOI[p["fichier"]].format(tiers=qui),
        f"Avant, la responsable vous demande de nettoyer le fichier des {qui}.",
        f"Nous sommes le {controle}.",
        "",
        f"## Le fichier des {qui}",
        "",
        *_tableau(p),
        "",
        "## Les codes postaux des villes du fichier",
        "",
        *_communes(p),
        "",
        *_regles(p, niveau),
        "",
    ]
    if p.get("indices"):
        texte += [*_indices(p), ""]
    texte += [*_roles(p), "", *_travail(niveau)]
    return "\n".join(texte) + "\n"
