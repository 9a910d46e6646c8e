"""The message the student reads, as it reached the organisation: a phone call's transcript,
a voicemail, an e-mail or a visitor at the desk. Level 3 adds the traps: the number dictated in
words by pairs, a caller who corrects themself, a second reference that is not the one, a caller
who says it is urgent when the rules say otherwise."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from agora.calendrier import date_longue, heure_dite
from agora.exercise.fields import HORAIRE
from agora.exercise.kinds.prise_en_charge.answer import CIVILITE
from agora.exercise.kinds.prise_en_charge.dictee import en_lettres, par_paires
from agora.exercise.kinds.prise_en_charge.situations import Situation

PIECES = {
    "commande": "la commande",
    "facture": "la facture",
    "contrat": "le contrat",
    "dossier": "le dossier",
    "bulletin": "le bulletin",
}
# An irrelevant detail (level 3), as one says it on the phone, at the desk, or writes it.
HORS_SUJET = {
    "telephone": (
        "Excusez le bruit, je suis sur le parking du supermarché.",
        "Je vous appelle entre deux rendez-vous, j'ai dû attendre dix minutes au standard.",
        "Il fait un temps épouvantable aujourd'hui, vous avez vu ?",
    ),
    "accueil": (
        "Je suis garé en double file, je fais vite.",
        "Il fait un temps épouvantable aujourd'hui, vous avez vu ?",
        "J'ai eu du mal à trouver une place, votre parking est plein.",
    ),
    "courriel": (
        "Au passage, votre site internet ne marchait pas hier soir.",
        "Je vous écris depuis mon téléphone, excusez les fautes.",
        "J'ai essayé de vous appeler mais ça sonnait occupé.",
    ),
}


def _qui(p: dict[str, Any]) -> str:
    d = p["demandeur"]
    qui = f"{CIVILITE.display(d['civilite'])} {d['prenom']} {d['nom']}"
    if d["organisation"]:
        if p["situation"] == "paie_heures_manquantes":
            qui += f", du service {d['organisation']}"
        else:  # in brackets: no article to agree with « Restaurant », « Collège »…
            qui += f" ({d['organisation']})"
    return qui


def _numero(p: dict[str, Any]) -> str:
    d, niveau = p["demandeur"], p["niveau"]
    # Dictated in words on the phone or at the desk at level 3; an e-mail writes figures.
    dire = en_lettres if niveau == 3 and p["canal"] != "courriel" else par_paires
    texte = f"le {dire(d['telephone'])}"
    if d["telephone_dit"]:
        texte = f"le {dire(d['telephone_dit'])}… non pardon, je me trompe : {texte}"
    return texte


def _corps(rng: random.Random, p: dict[str, Any], s: Situation, article: str) -> list[str]:
    """What the person says: the problem, the request (said plainly, or the trap at level 3),
    the reference, maybe a second one and the pressure of a false urgency."""
    demande = p["demande"]
    niveau = p["niveau"]
    ref = demande["reference"]
    phrases = [s.probleme.format(ref=ref, article=article[:1].lower() + article[1:])]
    if demande["leurre"]:
        piece = PIECES[s.piece]
        phrases.append(
            f"Ne confondez pas avec {piece} {demande['leurre']} : ça, c'était la fois d'avant."
        )
    phrases.append(s.demande_piege if niveau == 3 else s.demande_claire)
    if niveau == 3 and not s.urgent:
        phrases.append("C'est très, très urgent !")
    if niveau == 3:
        canal = "telephone" if p["canal"] == "messagerie" else p["canal"]
        phrases.insert(0, rng.choice(HORS_SUJET[canal]))
    return phrases


def _contact(p: dict[str, Any]) -> str:
    d = p["demandeur"]
    texte = f"Vous pouvez me rappeler au {_numero(p)[3:]}"
    if d["courriel"] and p["canal"] != "courriel":
        texte += f", ou m'écrire à {d['courriel']}"
    return texte + "."


def lignes(rng: random.Random, p: dict[str, Any], s: Situation, org: Any, article: str) -> list:
    """The message as paragraphs, for the statement to quote."""
    jour = date.fromisoformat(p["demande"]["date"])
    quand = f"{date_longue(jour, jour_semaine=True)} à {heure_dite(HORAIRE.convert(p['demande']['heure']))}"
    corps = " ".join(_corps(rng, p, s, article))
    canal = p["canal"]
    if canal == "courriel":
        d = p["demandeur"]
        return [
            f"**De :** {d['prenom']} {d['nom']} ({d['courriel']})",
            f"**Envoyé le :** {quand}",
            f"**À :** {org.email}",
            f"Bonjour, je suis {_qui(p)}. {corps}",
            f"Mon téléphone : {_numero(p)[3:]}. Merci d'avance, {d['prenom']} {d['nom']}",
        ]
    if canal == "messagerie":
        return [
            f"**Message vocal laissé le {quand}**",
            f"« Bonjour, ici {_qui(p)}. {corps} {_contact(p)} Merci, au revoir. »",
        ]
    if canal == "accueil":
        return [
            f"**À l'accueil, le {quand}**, une personne se présente :",
            f"— Bonjour, je suis {_qui(p)}. {corps}",
            "— Je note. Comment peut-on vous joindre ?",
            f"— {_contact(p)}",
        ]
    return [
        f"**Appel reçu le {quand}**",
        f"— {org.raison_sociale}, bonjour, que puis-je pour vous ?",
        f"— Bonjour, {_qui(p)}. {corps}",
        "— Je note votre demande. À quel numéro peut-on vous rappeler ?",
        f"— {_contact(p)}",
    ]
