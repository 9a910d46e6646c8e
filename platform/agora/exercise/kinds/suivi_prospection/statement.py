"""The French Markdown statement of a ``suivi_prospection`` variant: the campaign in the
organisation, its figures by channel, the returns on the prospect file, what to compute."""

from __future__ import annotations

from typing import Any

from agora.calendrier import date_courte
from agora.exercise.kinds.suivi_prospection.campagnes import campagne
from agora.exercise.markdown import milliers, numerotee
from agora.francais import a
from agora.money import euros

RETOURS = {
    "ouvert_sans_reponse": "A ouvert l'e-mail, sans répondre",
    "demande_info": "A répondu : demande des informations",
    "desabonne": "A ouvert l'e-mail, puis a cliqué sur « se désabonner »",
    "npai": "Courrier revenu : adresse fausse (NPAI, « n'habite pas à l'adresse indiquée »)",
    "non_ouvert": "N'a pas ouvert l'e-mail",
}
# An e-mail that bounced: the address is wrong too (the same file update), but it is no NPAI.
EMAIL_EN_ERREUR = "E-mail revenu en erreur : adresse e-mail fausse"
# Who signed, in the organisation's word, for a man (or a business) and for a woman.
DEVENU = {
    "client": ("devenu client", "devenue cliente"),
    "adherent": ("devenu adhérent", "devenue adhérente"),
    "usager": ("devenu usager du service", "devenue usagère du service"),
}


def retour(org: Any, p: dict[str, Any], pr: dict[str, str]) -> str:
    """What the prospect did last, as the file says it for this organisation and campaign."""
    if pr["retour"] == "devenu_client":
        homme, femme = DEVENU.get(getattr(org, "relation", "client"), DEVENU["client"])
        return f"A signé : {femme if pr['nom'].startswith('Mme ') else homme}"
    if pr["retour"] == "npai" and not _courrier_revenu(p):
        return EMAIL_EN_ERREUR
    return RETOURS[pr["retour"]]


def _courrier_revenu(p: dict[str, Any]) -> bool:
    """Is a returned address a letter back (NPAI), not a bounced e-mail? Only a mailing with
    undelivered letters sends one back."""
    return any(c["canal"] == "mailing" and c["non_distribues"] for c in p["canaux"])


def _nombre(valeur: Any) -> str:
    return "—" if valeur is None else milliers(valeur, "\u202f")


def situation(org: Any, p: dict[str, Any]) -> list[str]:
    c = campagne(org.secteur)
    return [
        f"Vous êtes assistant ou assistante chez **{org.raison_sociale}**, {a(org.adresse.ville)}.",
        f"Le {date_courte(p['date_campagne'])}, l'organisation a lancé une campagne de prospection "
        f"pour faire connaître {c.offre}.",
        *(
            [f"L'organisation a aussi tenu un stand {c.salon}."]
            if any(k["canal"] == "salon" for k in p["canaux"])
            else []
        ),
        "Votre responsable veut savoir si la campagne a marché.",
        f"Ici, les « contacts gagnés » sont les {c.gagne}.",
        "",
    ]


def tableau_canaux(p: dict[str, Any]) -> list[str]:
    canaux = p["canaux"]
    lignes = [
        "### Les chiffres de la campagne",
        "",
        "Envois : e-mails, lettres, appels passés ou visiteurs du stand. Non distribués : "
        "e-mails en erreur, lettres revenues (NPAI), numéros faux. Réponses : demandes "
        "d'information ou de rendez-vous. Gagnés : contacts gagnés.",
        "",
    ]
    lignes.append("| | " + " | ".join(c["libelle"] for c in canaux) + " |")
    lignes.append("|---|" + "---:|" * len(canaux))
    rangs = [
        ("Envois", "envoyes"),
        ("Non distribués", "non_distribues"),
        ("Ouvertures", "ouvertures"),
        ("Clics", "clics"),
        ("Réponses", "reponses"),
        ("Gagnés", "gagnes"),
    ]
    for titre, cle in rangs:
        lignes.append(f"| {titre} | " + " | ".join(_nombre(c.get(cle)) for c in canaux) + " |")
    if p["couts"]:
        lignes.append("| Coût | " + " | ".join(euros(c["cout"]) for c in canaux) + " |")
    return [*lignes, ""]


def tableau_prospects(org: Any, p: dict[str, Any]) -> list[str]:
    lignes = ["### Les retours sur le fichier des prospects", ""]
    lignes += ["| Prospect | Dernière action | Date |", "|---|---|---|"]
    for pr in p["prospects"]:
        lignes.append(f"| {pr['nom']} | {retour(org, p, pr)} | {date_courte(pr['date'])} |")
    return [*lignes, ""]


def regles(org: Any, p: dict[str, Any]) -> list[str]:
    """The rules the company applies (the textbook conventions, stated once)."""
    lignes = [
        "### Les règles du service",
        "",
        "- Contacts atteints = envois − non distribués.",
        "- E-mails délivrés = contacts atteints de l'e-mailing.",
        "- Taux d'ouverture = ouvertures ÷ e-mails délivrés × 100.",
        "- Taux de clic = clics ÷ e-mails délivrés × 100.",
        "- Taux de réponse = réponses ÷ contacts atteints × 100.",
        "- Taux de transformation = contacts gagnés ÷ réponses × 100.",
        "- Arrondissez chaque taux au dixième le plus proche (6,25 % donne 6,3 %).",
    ]
    if p["couts"]:
        lignes += [
            "- Coût par contact = coût total ÷ contacts atteints ; coût par réponse = coût "
            "total ÷ réponses ; coût par contact gagné = coût total ÷ contacts gagnés. "
            "Arrondissez au centime.",
            "- Le canal le plus rentable a le coût par contact gagné le plus bas.",
        ]
    if p.get("delai_relance") is None:  # levels 1 and 2: the file's rules are given
        mot = {"usager": "usager", "adherent": "adhérent"}.get(
            getattr(org, "relation", ""), "client"
        )
        revenue = any(pr["retour"] == "npai" for pr in p["prospects"])
        adresse = (
            "une adresse revenue (NPAI) est à corriger ; "
            if _courrier_revenu(p)
            else "une adresse e-mail revenue en erreur est à corriger ; "
        )
        lignes += [
            "- Fichier : "
            + (adresse if revenue else "")
            + "une personne désabonnée s'oppose à la prospection : on note son opposition ; "
            f"un prospect qui a signé passe en {mot}.",
        ]
    else:
        lignes += [
            f"- E-mail ouvert sans réponse : relance par téléphone {p['delai_relance']} jours "
            "après la dernière action.",
            f"- Demande d'informations : offre envoyée {p['delai_offre']} jours après la "
            "dernière action.",
            "- Une personne qui se désabonne s'oppose à la prospection : on ne la contacte plus.",
        ]
    return [*lignes, ""]


def a_faire(p: dict[str, Any], niveau: int) -> list[str]:
    etapes = [
        "Pour chaque canal, les **contacts atteints**.",
        "Pour l'e-mailing, le **taux d'ouverture** et le **taux de clic**.",
        "Pour chaque canal, le **taux de réponse** et le **taux de transformation**.",
    ]
    if p["couts"]:
        etapes.append("Pour chaque canal, le **coût par contact**, par réponse et par gagné.")
        if len(p["canaux"]) > 1:
            etapes.append("Le **canal le plus rentable**.")
    if p.get("delai_relance") is not None:
        etapes.append("Pour chaque prospect, l'**action à faire** et la **date de relance**.")
    etapes.append("Pour chaque prospect, la **mise à jour du fichier**.")
    lignes = ["### À faire", ""]
    if niveau == 1:
        lignes += ["Exemple : 16 réponses pour 256 contacts : 16 ÷ 256 × 100 = 6,25 → 6,3 %.", ""]
    return lignes + numerotee(etapes) + [""]


def enonce(org: Any, p: dict[str, Any], niveau: int) -> str:
    """The French Markdown statement of the variant."""
    lignes = ["## La campagne de prospection", "", "### La situation", "", *situation(org, p)]
    lignes += tableau_canaux(p) + tableau_prospects(org, p) + regles(org, p) + a_faire(p, niveau)
    return "\n".join(lignes).rstrip("\n") + "\n"
