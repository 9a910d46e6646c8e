"""What a demo student writes at a writing step: a copy in the step's format, about its
organisation, with the facts its pre-checks look for, as the student's profile writes it (the
texts are in demo_redaction.yaml), so the teacher's « Copies à corriger » reads like a class's."""

from __future__ import annotations

import random
import re
import unicodedata
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from agora.calendrier import date_courte, date_longue
from agora.content.missions import Mission, ProseStep, personalise
from agora.demo_profils import A_L_AISE, EN_DIFFICULTE, Profil
from agora.exercise.variants import company_for
from agora.money import euros
from agora.redaction.faits import faits_depuis
from agora.redaction.formats import format_de, pieces_de_la_situation
from agora.redaction.prechecks import fait_present

_CHOIX = re.compile(r"\{([^{}]*\|[^{}]*)\}")
_PARENTHESE = re.compile(r"\s*\([^)]*\)")
# A line of demo_redaction.yaml that starts in lower case goes on the one before: a student
# types paragraphs, not the file's wrapped lines.
_CONTINUE = re.compile(r"(?<=\S)\n(?=[a-zàâçéèêëîïôûù])")
# The addressee a step's title names, for the formats written to several kinds of reader.
GENRES = {
    "courriel": (("client", "client"), ("collègue", "collegue"), ("", "personnel")),
    "texte": (("client", "client"), ("salarié", "salarie"), ("annonce", "annonce"), ("", "direction")),
}  # fmt: skip


@cache
def textes() -> dict[str, Any]:
    return yaml.safe_load(Path(__file__).with_name("demo_redaction.yaml").read_text("utf-8"))


def copie(
    mission: Mission, index: int, org_seed: int, profil: Profil, eleve: str, jour: date
) -> dict[str, str]:
    """The parts of the copy the student ``eleve`` (of the organisation of ``org_seed``)
    hands in on ``jour`` at writing step ``index``: drawn from the seed, the step and the
    profile, the same every time."""
    step = mission.etape(index)
    assert isinstance(step, ProseStep)
    company = company_for(org_seed)
    rng = random.Random(f"demo-redaction:{org_seed}:{mission.slug}:{index}")
    code = step.format if step.format == "affiche" else format_de(step).code
    genres = textes()[code]
    modele = rng.choice(genres[_genre(code, step.titre, genres)][profil.nom])
    faits = [
        (f.nature, personalise(f.valeur, company), _PARENTHESE.sub("", f.libelle))
        for f in [*step.faits, *faits_depuis(mission, step, org_seed)]
    ]
    valeurs = _valeurs(step, company, eleve, jour, faits)
    parties = {nom: _remplir(texte, valeurs, company, rng) for nom, texte in modele.items()}
    cites = _ecrire_faits(
        [f for f in faits if fait_present("\n".join(parties.values()), f[0], f[1]) is not True],
        profil,
        rng,
    )
    parties = {nom: _avec_faits(texte, cites) for nom, texte in parties.items()}
    if profil is EN_DIFFICULTE:
        parties = _fautes(parties, rng)
    return {nom: texte for nom, texte in parties.items() if texte}


def _genre(code: str, titre: str, genres: dict[str, Any]) -> str:
    """Whom the step writes to (a client, a colleague, the management…), from its title."""
    for mot, genre in GENRES.get(code, ()):
        if mot in titre.lower():
            return genre
    return next(iter(genres))


def _valeurs(step: ProseStep, company: Any, eleve: str, jour: date, faits: list) -> dict:
    domaine = company.email.partition("@")[2]
    client = company.clients[0] if company.clients else None
    collegue = company.salaries[1] if len(company.salaries) > 1 else company.salaries[0]
    jours = [date.fromisoformat(v) for nature, v, _ in faits if nature == "date"]
    lieu_date = f"{company.adresse.ville}, le {date_longue(jour)}"
    adresse = f"{company.adresse.rue}, {company.adresse.code_postal} {company.adresse.ville}"
    pieces = pieces_de_la_situation(step, company)
    return {
        "eleve": eleve,
        "qualite": company.dirigeant_fonction,
        "lieu_date": lieu_date,
        "premier_jour": _majuscule(date_longue(jours[0], True)) if jours else lieu_date,
        "adresse": adresse,
        "telephone": company.telephone,
        "email": company.email,
        "site": company.site_web,
        "client": client.nom if client else "Madame, Monsieur",
        "adresse_client": (
            f"{client.adresse.rue}\n{client.adresse.code_postal} {client.adresse.ville}"
            if client
            else ""
        ),
        "email_client": client.email if client and client.email else f"client@{domaine}",
        "collegue": collegue.prenom,
        "email_collegue": f"{_ascii(collegue.prenom)}.{_ascii(collegue.nom)}@{domaine}",
        "personnel": f"personnel@{domaine}",
        "piece": pieces[0] if pieces else "",
    }


def _remplir(texte: str, valeurs: dict[str, str], company: Any, rng: random.Random) -> str:
    """A template with its choices drawn, the organisation's names and the copy's own values
    in (``{faits}`` is left for later: which facts to cite depends on the rest)."""
    texte = _CHOIX.sub(lambda m: rng.choice(m.group(1).split("|")), texte.strip())
    texte = personalise(_CONTINUE.sub(" ", texte), company)
    for nom, valeur in valeurs.items():
        texte = texte.replace("{" + nom + "}", valeur)
    return texte


def _ecrire_faits(faits: list, profil: Profil, rng: random.Random) -> str:
    """The facts the template does not state, as the profile writes them: all of them in a
    list (at ease), one forgotten (average), or half of them on one line, one wrong
    (struggling)."""
    if not faits:
        return ""
    intro = _CHOIX.sub(lambda m: rng.choice(m.group(1).split("|")), textes()["faits"][profil.nom])
    if profil is not EN_DIFFICULTE:
        if profil is not A_L_AISE and len(faits) > 1:
            oubli = rng.choice(faits)
            faits = [f for f in faits if f is not oubli]
        return "\n".join([intro, *(_ligne(*f, profil is A_L_AISE) for f in faits)])
    gardes = sorted(rng.sample(range(len(faits)), (len(faits) + 1) // 2))
    faux = next((i for i in gardes if faits[i][0] in ("montant", "date")), None)
    valeurs = [
        _valeur(faits[i][0], _faux(*faits[i][:2], rng) if i == faux else faits[i][1], False)
        for i in gardes
    ]
    return f"{intro} {', '.join(valeurs)}"


def _ligne(nature: str, valeur: str, libelle: str, soignee: bool) -> str:
    """« - l'échéance : le 15 avril 2026 »; the label alone when it already says the value
    (« - le geste de 25,00 € »)."""
    libelle = _majuscule(libelle) if soignee else libelle
    if fait_present(libelle, nature, valeur) is True:
        return f"- {libelle}"
    return f"- {libelle} : {_valeur(nature, valeur, soignee)}"


def _valeur(nature: str, valeur: str, soignee: bool) -> str:
    if nature == "montant":
        return (
            euros(valeur) if soignee else euros(valeur, symbol=False).replace("\u00a0", " ") + "€"
        )
    if nature == "date":
        jour = date.fromisoformat(valeur)
        return f"le {date_longue(jour)}" if soignee else date_courte(jour)
    return valeur


def _faux(nature: str, valeur: str, rng: random.Random) -> str:
    """A struggling student's slip: a wrong amount (a tenth off) or a day off."""
    if nature == "montant":
        return f"{(Decimal(valeur) * Decimal('0.9')).quantize(Decimal('1'))}"
    return (date.fromisoformat(valeur) + timedelta(days=rng.choice((1, -1, 7)))).isoformat()


def _avec_faits(texte: str, faits: str) -> str:
    """``{faits}`` replaced; a paragraph that only held it goes when there is nothing to cite."""
    texte = texte.replace("{faits}", faits)
    return re.sub(r"\n{3,}", "\n\n", re.sub(r" +\n", "\n", texte)).strip()


def _fautes(parties: dict[str, str], rng: random.Random) -> dict[str, str]:
    """Two or three of the spelling slips of demo_redaction.yaml, in the words the copy has."""
    fautes = textes()["fautes"]
    tout = "\n".join(parties.values())
    presents = [m for m in fautes if re.search(rf"\b{re.escape(m)}\b", tout)]
    for mot in rng.sample(presents, min(len(presents), rng.choice((2, 3)))):
        motif = re.compile(rf"\b{re.escape(mot)}\b")
        parties = {nom: motif.sub(fautes[mot], texte, count=1) for nom, texte in parties.items()}
    return parties


def _majuscule(texte: str) -> str:
    return texte[:1].upper() + texte[1:]


def _ascii(nom: str) -> str:
    plain = unicodedata.normalize("NFKD", nom.lower())
    return re.sub(r"[^a-z]", "", "".join(c for c in plain if not unicodedata.combining(c)))
