"""Planning: the params as typed models (pydantic) with French messages, and the week they describe.

The models read each value of the contract once (ISO dates within the week, times « 09:00 »,
contract hours, staff needed); ``lire_semaine`` turns them into the ``Semaine`` the rules
check, and refuses bad params with one French line naming the first field at fault. Params
the straight reading (``_semaine_ecrite``, the same checks of each value without pydantic, at
every grade) cannot take are left to the models, which accept them or say what is wrong.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, NamedTuple

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ModelWrapValidatorHandler,
    PlainValidator,
    ValidationInfo,
    model_validator,
)
from pydantic_core import ErrorDetails, PydanticCustomError

from agora.errors import InvalidInput
from agora.exercise.fields import HORAIRE, cite
from agora.exercise.kinds.planning.rules import Besoin, Employe, Semaine, heure
from agora.exercise.params import valide

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "planning"

MAX_SALARIES, MAX_BESOINS = 50, 500  # a bound on the work one request may ask for

# A message follows the place of its field (« salaries.0.id : … ») or, when it names its own
# place or is a time's message (« « 25:00 » n'existe pas… »), stands whole.
_A_SA_PLACE, _ENTIER = "planning", "planning_entier"


def _erreur(message: str, entier: bool = False) -> PydanticCustomError:
    # The text travels in the context: as a template, its « { » would read as a placeholder.
    return PydanticCustomError(_ENTIER if entier else _A_SA_PLACE, "{texte}", {"texte": message})


def _date(texte: Any) -> date:
    try:
        return date.fromisoformat(texte)
    except (TypeError, ValueError):
        raise _erreur(f"« {cite(texte)} » n'est pas une date AAAA-MM-JJ.") from None


def _lundi(texte: Any) -> date:
    lundi = _date(texte)
    if lundi.weekday():
        raise _erreur(f"le {lundi} n'est pas un lundi.")
    return lundi


def _jour(texte: Any, info: ValidationInfo) -> date:
    """A date of the week being read (``lundi`` in the context; None: the week is unreadable)."""
    return _jour_de(texte, (info.context or {}).get("lundi"))


def _jour_de(texte: Any, lundi: date | None) -> date:
    jour = _date(texte)
    if lundi is not None and not 0 <= (jour - lundi).days < 7:
        raise _erreur(f"le {cite(texte)} n'est pas dans la semaine du {lundi}.")
    return jour


def _jours(valeur: Any, info: ValidationInfo) -> tuple[date, ...]:
    return _jours_de(valeur, (info.context or {}).get("lundi"))


def _jours_de(valeur: Any, lundi: date | None) -> tuple[date, ...]:
    if not isinstance(valeur, list):
        raise _erreur("une liste de dates est attendue.")
    return tuple(_jour_de(texte, lundi) for texte in valeur)


def _heure(texte: Any) -> int:
    """Minutes after midnight, read as an answer's times are (« 09:00 », « 9h30 »)."""
    minutes = _MINUTES.get(texte) if type(texte) is str else None
    if minutes is not None:  # the contract's own writing (HORAIRE gives the same minutes)
        return minutes
    try:
        return HORAIRE.convert(texte)
    except InvalidInput as error:
        raise _erreur(str(error), entier=True) from None


# Each time as the contract writes it (« 00:00 » to « 24:00 ») with its minutes: a table, not a
# memo (it holds every such time from the start, whatever the params).
_MINUTES = {heure(minutes): minutes for minutes in range(24 * 60 + 1)}


def _heures_contrat(valeur: Any) -> Decimal:
    try:
        heures = Decimal(str(valeur).replace(",", "."))
    except InvalidOperation:
        raise _erreur("un nombre d'heures est attendu.") from None
    if not heures.is_finite() or not 0 < heures <= 48:
        raise _erreur("entre 0 et 48 heures par semaine.")
    return heures


def _identifiant(valeur: Any) -> str:
    if not isinstance(valeur, str) or not valeur.strip():
        raise _erreur("un identifiant comme « E1 » est attendu.")
    return valeur


def _booleen(valeur: Any) -> bool:
    if not isinstance(valeur, bool):
        raise _erreur("true ou false est attendu.")
    return valeur


def _effectif(valeur: Any) -> int:
    if isinstance(valeur, bool) or not isinstance(valeur, int) or not 0 <= valeur <= 1000:
        raise _erreur("un nombre entier de personnes (0 ou plus) est attendu.")
    return valeur


def _un_objet(data: Any, premier: str) -> Any:
    """The fields of one row; a row that is not an object lacks its first field."""
    if not isinstance(data, dict):
        raise _erreur(f"le champ « {premier} » manque.")
    return data


class _Modele(BaseModel):
    model_config = ConfigDict(frozen=True)


class SalarieParams(_Modele):
    """One employee: the hours of the contract a week, the days they cannot work."""

    id: Annotated[str, PlainValidator(_identifiant)]
    nom: Annotated[str | None, PlainValidator(lambda v: str(v) if v else None)] = None
    contrat_heures: Annotated[Decimal, PlainValidator(_heures_contrat)]
    mineur: Annotated[bool, PlainValidator(_booleen)] = False
    indisponibilites: Annotated[tuple[date, ...], PlainValidator(_jours)] = ()

    @model_validator(mode="before")
    @classmethod
    def _objet(cls, data: Any) -> Any:
        return _un_objet(data, "id")


class BesoinParams(_Modele):
    """At least ``effectif`` people at work on ``jour`` from ``debut`` to ``fin`` (minutes)."""

    jour: Annotated[date, PlainValidator(_jour)]
    debut: Annotated[int, PlainValidator(_heure)]
    fin: Annotated[int, PlainValidator(_heure)]
    effectif: Annotated[int, PlainValidator(_effectif)]

    @model_validator(mode="wrap")
    @classmethod
    def _dans_l_ordre(
        cls, data: Any, lire: ModelWrapValidatorHandler[BesoinParams]
    ) -> BesoinParams:
        besoin = lire(_un_objet(data, "jour"))
        if besoin.fin <= besoin.debut:  # said with the times as they are written
            raise _erreur(
                f"la fin ({cite(data['fin'])}) doit être après le début ({cite(data['debut'])})."
            )
        return besoin


def _plage(jour: Any, valeur: Any) -> tuple[int, int]:
    """A day's opening hours, in minutes; the message names the day as it is written."""
    if not isinstance(valeur, (list, tuple)) or len(valeur) != 2:
        raise _erreur(
            f"ouverture {cite(jour)} : une plage [« 09:00 », « 19:00 »] est attendue.", entier=True
        )
    debut, fin = _heure(valeur[0]), _heure(valeur[1])
    if fin <= debut:
        raise _erreur(
            f"ouverture {cite(jour)} : la fin ({cite(valeur[1])}) doit être après le début"
            f" ({cite(valeur[0])}).",
            entier=True,
        )
    return debut, fin


def _ouverture(valeur: Any, info: ValidationInfo) -> dict[date, tuple[int, int]]:
    return _ouverture_de(valeur, (info.context or {}).get("lundi"))


def _ouverture_de(valeur: Any, lundi: date | None) -> dict[date, tuple[int, int]]:
    if not isinstance(valeur, dict):
        raise _erreur("un objet {« AAAA-MM-JJ »: [début, fin]} est attendu.")
    return {_jour_de(jour, lundi): _plage(jour, plage) for jour, plage in valeur.items()}


def _salaries(valeur: Any) -> Any:
    if not isinstance(valeur, list) or not valeur:
        raise _erreur("une liste d'au moins un salarié est attendue.")
    if len(valeur) > MAX_SALARIES:
        raise _erreur(f"{MAX_SALARIES} salariés au plus dans un planning.")
    return valeur


def _uniques(salaries: tuple[SalarieParams, ...]) -> tuple[SalarieParams, ...]:
    if len({s.id for s in salaries}) != len(salaries):
        raise _erreur("deux salariés ont le même identifiant.")
    return salaries


def _besoins(valeur: Any) -> Any:
    if not isinstance(valeur, list) or len(valeur) > MAX_BESOINS:
        raise _erreur(f"une liste de {MAX_BESOINS} besoins au plus est attendue.")
    return valeur


def _fins(valeur: Any, info: ValidationInfo) -> dict[str, datetime]:
    return _fins_de(valeur, [s.id for s in info.data.get("salaries", ())])


def _fins_de(valeur: Any, ids: list[str]) -> dict[str, datetime]:
    """Last week's end of each employee, read in the employees' order; only known employees."""
    valeur = valeur or {}
    if not isinstance(valeur, dict):
        raise _erreur("un objet {« E1 »: « AAAA-MM-JJTHH:MM »} est attendu.")
    fins = {ident: _moment(valeur[ident]) for ident in ids if ident in valeur}
    if inconnus := sorted(set(valeur) - set(ids)):
        raise _erreur(f"salarié inconnu « {cite(inconnus[0])} ».")
    return fins


def _moment(texte: Any) -> datetime:
    try:
        return datetime.fromisoformat(texte)
    except (TypeError, ValueError):
        raise _erreur(f"« {cite(texte)} » n'est pas une date-heure AAAA-MM-JJTHH:MM.") from None


class PlanningParams(_Modele):
    """The params of a planning, as the contract writes them (docs/exercices/planning.md)."""

    semaine: Annotated[date, PlainValidator(_lundi)]
    salaries: Annotated[
        tuple[SalarieParams, ...], BeforeValidator(_salaries), AfterValidator(_uniques)
    ]
    fin_semaine_precedente: Annotated[dict[str, datetime], PlainValidator(_fins)] = {}
    ouverture: Annotated[dict[date, tuple[int, int]], PlainValidator(_ouverture)] = {}
    besoins: Annotated[tuple[BesoinParams, ...], BeforeValidator(_besoins)] = ()

    def semaine_(self) -> Semaine:
        return _semaine(
            self.semaine,
            self.salaries,
            self.fin_semaine_precedente,
            self.ouverture,
            tuple(
                _besoin_de(self.semaine, b.jour, b.debut, b.fin, b.effectif) for b in self.besoins
            ),
        )


def _semaine(lundi: date, salaries, fins: dict, ouverture: dict, besoins) -> Semaine:
    """The week the rules check: days as indexes from Monday, times as minutes (the salaries
    as the model reads them or as ``_salarie`` does)."""
    debut = datetime.combine(lundi, datetime.min.time())
    employes = tuple(
        Employe(
            s.id,
            s.nom or s.id,
            int(s.contrat_heures * 60),
            s.mineur,
            frozenset((j - lundi).days for j in s.indisponibilites),
            _minutes(fins.get(s.id), debut),
        )
        for s in salaries
    )
    plages = {(j - lundi).days: plage for j, plage in ouverture.items()}
    return Semaine(lundi, employes, plages, besoins)


def _minutes(moment: datetime | None, lundi: datetime) -> int | None:
    if moment is None:
        return None
    if moment.tzinfo is not None:  # replace() only when there is a zone to drop: it is dear
        moment = moment.replace(tzinfo=None)
    return int((moment - lundi).total_seconds() // 60)


def lire_semaine(params: Any) -> Semaine:
    """The week described by params; InvalidInput (one French line) when something is wrong."""
    try:
        lundi = _lundi(params.get("semaine")) if isinstance(params, dict) else None
    except PydanticCustomError:
        lundi = None  # the model says why
    if lundi is not None:
        try:
            return _semaine_ecrite(params, lundi)
        except (_AuModele, PydanticCustomError):
            pass  # the model reads them, and says what is wrong
    modele = valide(
        PlanningParams,
        params,
        lambda error: _message(error.errors(include_url=False)[0]),
        {"lundi": lundi},
    )
    return modele.semaine_()


class _AuModele(Exception):
    """Params the straight reading leaves to the model, to accept them or say what is wrong."""


class _Salarie(NamedTuple):  # a SalarieParams read straight from the params
    id: str
    nom: str | None
    contrat_heures: Decimal
    mineur: bool
    indisponibilites: tuple[date, ...]


def _semaine_ecrite(params: dict[str, Any], lundi: date) -> Semaine:
    """The week the model gives, read straight from params with the model's own checks of
    each value but without pydantic (some 85 µs at each grade, the params coming fresh from
    the database); _AuModele or PydanticCustomError when something needs the model's word."""
    salaries = tuple([_salarie(s, lundi) for s in _salaries(params.get("salaries"))])
    ids = [s.id for s in salaries]
    if len(set(ids)) != len(ids):
        raise _AuModele
    fins = _fins_de(params.get("fin_semaine_precedente"), ids)
    ouverture = _ouverture_de(params.get("ouverture", {}), lundi)
    # Tuples of lists: a list comprehension runs in one frame, a generator resumes per item.
    besoins = tuple([_besoin(b, lundi) for b in _besoins(params.get("besoins", []))])
    return _semaine(lundi, salaries, fins, ouverture, besoins)


def _salarie(s: Any, lundi: date) -> _Salarie:
    if not isinstance(s, dict) or "id" not in s or "contrat_heures" not in s:
        raise _AuModele
    nom = s.get("nom")
    return _Salarie(
        _identifiant(s["id"]),
        str(nom) if nom else None,
        _heures_contrat(s["contrat_heures"]),
        _booleen(s.get("mineur", False)),
        _jours_de(s.get("indisponibilites", []), lundi),
    )


def _besoin(b: Any, lundi: date) -> Besoin:
    if not isinstance(b, dict):
        raise _AuModele
    try:
        jour, debut, fin, effectif = b["jour"], b["debut"], b["fin"], b["effectif"]
    except KeyError:
        raise _AuModele from None
    besoin = _besoin_de(
        lundi, _jour_de(jour, lundi), _heure(debut), _heure(fin), _effectif(effectif)
    )
    if besoin.fin <= besoin.debut:
        raise _AuModele
    return besoin


def _besoin_de(lundi: date, jour: date, debut: int, fin: int, effectif: int) -> Besoin:
    return Besoin((jour - lundi).days, debut, fin, effectif)


def _message(erreur: ErrorDetails) -> str:
    """One French line: the place of the field at fault (dotted), then what is wrong."""
    place = ".".join(str(part) for part in erreur["loc"])
    if erreur["type"] == "missing":
        parent = ".".join(str(part) for part in erreur["loc"][:-1]) or "Paramètres"
        return f"{parent} : le champ « {erreur['loc'][-1]} » manque."
    texte = erreur.get("ctx", {}).get("texte", "valeur illisible.")
    return texte if erreur["type"] == _ENTIER else f"{place or 'Paramètres'} : {texte}"


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """The params if they describe a week (InvalidInput with one French line otherwise)."""
    lire_semaine(params)
    return params
