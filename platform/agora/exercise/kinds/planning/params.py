"""Planning: the week read from params (staff, opening hours, needs), with French messages."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from agora.errors import InvalidInput
from agora.exercise.kinds.planning.rules import Besoin, Employe, Semaine, cite, lire_heure

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "planning"

MAX_SALARIES, MAX_BESOINS = 50, 500  # a bound on the work one request may ask for


def _lire_date(texte: Any, quoi: str) -> date:
    try:
        return date.fromisoformat(texte)
    except (TypeError, ValueError):
        raise InvalidInput(f"{quoi} : « {cite(texte)} » n'est pas une date AAAA-MM-JJ.") from None


def _jour_de(semaine_lundi: date, texte: Any, quoi: str) -> int:
    jour = (_lire_date(texte, quoi) - semaine_lundi).days
    if not 0 <= jour < 7:
        raise InvalidInput(
            f"{quoi} : le {cite(texte)} n'est pas dans la semaine du {semaine_lundi}."
        )
    return jour


def _plage(valeur: Any, quoi: str) -> tuple[int, int]:
    if not isinstance(valeur, list | tuple) or len(valeur) != 2:
        raise InvalidInput(f"{quoi} : une plage [« 09:00 », « 19:00 »] est attendue.")
    debut, fin = (lire_heure(v) for v in valeur)
    if fin <= debut:
        raise InvalidInput(
            f"{quoi} : la fin ({cite(valeur[1])}) doit être après le début ({cite(valeur[0])})."
        )
    return debut, fin


def _champ(objet: Any, cle: str, quoi: str) -> Any:
    if not isinstance(objet, dict) or cle not in objet:
        raise InvalidInput(f"{quoi} : le champ « {cle} » manque.")
    return objet[cle]


def lire_semaine(params: Any) -> Semaine:
    """The week described by params; InvalidInput (one French line) when something is wrong."""
    if not isinstance(params, dict):
        raise InvalidInput("Paramètres : un objet JSON est attendu.")
    lundi = _lire_date(_champ(params, "semaine", "Paramètres"), "semaine")
    if lundi.weekday():
        raise InvalidInput(f"semaine : le {lundi} n'est pas un lundi.")
    brut = _champ(params, "salaries", "Paramètres")
    if not isinstance(brut, list) or not brut:
        raise InvalidInput("salaries : une liste d'au moins un salarié est attendue.")
    if len(brut) > MAX_SALARIES:
        raise InvalidInput(f"salaries : {MAX_SALARIES} salariés au plus dans un planning.")
    fins = params.get("fin_semaine_precedente") or {}
    if not isinstance(fins, dict):
        raise InvalidInput(
            "fin_semaine_precedente : un objet {« E1 »: « AAAA-MM-JJTHH:MM »} est attendu."
        )
    employes = tuple(_lire_employe(lundi, s, i, fins) for i, s in enumerate(brut))
    ids = [e.id for e in employes]
    if len(set(ids)) != len(ids):
        raise InvalidInput("salaries : deux salariés ont le même identifiant.")
    if inconnus := sorted(set(fins) - set(ids)):
        raise InvalidInput(f"fin_semaine_precedente : salarié inconnu « {cite(inconnus[0])} ».")
    ouverture = params.get("ouverture", {})
    if not isinstance(ouverture, dict):
        raise InvalidInput("ouverture : un objet {« AAAA-MM-JJ »: [début, fin]} est attendu.")
    jours = {
        _jour_de(lundi, j, "ouverture"): _plage(p, f"ouverture {cite(j)}")
        for j, p in ouverture.items()
    }
    besoins = params.get("besoins", [])
    if not isinstance(besoins, list) or len(besoins) > MAX_BESOINS:
        raise InvalidInput(f"besoins : une liste de {MAX_BESOINS} besoins au plus est attendue.")
    return Semaine(
        lundi, employes, jours, tuple(_lire_besoin(lundi, b, i) for i, b in enumerate(besoins))
    )


def _lire_employe(lundi: date, brut: Any, i: int, fins: dict[str, Any]) -> Employe:
    quoi = f"salaries.{i}"
    ident = _champ(brut, "id", quoi)
    if not isinstance(ident, str) or not ident.strip():
        raise InvalidInput(f"{quoi}.id : un identifiant comme « E1 » est attendu.")
    try:
        heures = Decimal(str(_champ(brut, "contrat_heures", quoi)).replace(",", "."))
    except InvalidOperation:
        raise InvalidInput(f"{quoi}.contrat_heures : un nombre d'heures est attendu.") from None
    if not heures.is_finite() or not 0 < heures <= 48:
        raise InvalidInput(f"{quoi}.contrat_heures : entre 0 et 48 heures par semaine.")
    mineur = brut.get("mineur", False)
    if not isinstance(mineur, bool):
        raise InvalidInput(f"{quoi}.mineur : true ou false est attendu.")
    indispos = brut.get("indisponibilites", [])
    if not isinstance(indispos, list):
        raise InvalidInput(f"{quoi}.indisponibilites : une liste de dates est attendue.")
    return Employe(
        id=ident,
        nom=str(brut.get("nom") or ident),
        contrat=int(heures * 60),
        mineur=mineur,
        indisponibles=frozenset(_jour_de(lundi, j, f"{quoi}.indisponibilites") for j in indispos),
        fin_precedente=_lire_fin(lundi, fins[ident]) if ident in fins else None,
    )


def _lire_fin(lundi: date, texte: Any) -> int:
    try:
        moment = datetime.fromisoformat(texte)
    except (TypeError, ValueError):
        raise InvalidInput(
            f"fin_semaine_precedente : « {cite(texte)} » n'est pas une date-heure AAAA-MM-JJTHH:MM."
        ) from None
    ecart = moment.replace(tzinfo=None) - datetime.combine(lundi, datetime.min.time())
    return int(ecart.total_seconds() // 60)


def _lire_besoin(lundi: date, brut: Any, i: int) -> Besoin:
    quoi = f"besoins.{i}"
    jour = _jour_de(lundi, _champ(brut, "jour", quoi), f"{quoi}.jour")
    debut, fin = _plage([_champ(brut, "debut", quoi), _champ(brut, "fin", quoi)], quoi)
    effectif = _champ(brut, "effectif", quoi)
    if isinstance(effectif, bool) or not isinstance(effectif, int) or not 0 <= effectif <= 1000:
        raise InvalidInput(
            f"{quoi}.effectif : un nombre entier de personnes (0 ou plus) est attendu."
        )
    return Besoin(jour, debut, fin, effectif)


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """The params if they describe a week (InvalidInput with one French line otherwise)."""
    lire_semaine(params)
    return params
