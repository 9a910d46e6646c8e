"""Planning: the params as typed models (pydantic) with French messages, and the week they describe.

The models read each value of the contract once (ISO dates within the week, times « 09:00 »,
contract hours, staff needed); ``lire_semaine`` turns them into the ``Semaine`` the rules
check, and refuses bad params with one French line naming the first field at fault. Params
the straight reading (``_semaine_ecrite``, the same checks of each value without pydantic, at
every grade) cannot take are left to the models, which accept them or say what is wrong.
Both read each value with the same functions (``valeurs``).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import partial
from typing import Annotated, Any

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

from agora.exercise.fields import cite
from agora.exercise.kinds.planning.rules import Besoin, Employe, Semaine, jours_de
from agora.exercise.kinds.planning.valeurs import (
    _ENTIER,
    _MINUTES,
    _besoins,
    _booleen,
    _effectif,
    _erreur,
    _fins_de,
    _heure,
    _heures_contrat,
    _identifiant,
    _jour_de,
    _jours_de,
    _lundi,
    _ouverture_de,
    _plage,
    _salaries,
    _un_objet,
)
from agora.exercise.params import valide

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "planning"


def _jour(texte: Any, info: ValidationInfo) -> date:
    """A date of the week being read (``lundi`` in the context; None: the week is unreadable)."""
    return _jour_de(texte, (info.context or {}).get("lundi"))


def _jours(valeur: Any, info: ValidationInfo) -> tuple[date, ...]:
    return _jours_de(valeur, (info.context or {}).get("lundi"))


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


def _ouverture(valeur: Any, info: ValidationInfo) -> dict[date, tuple[int, int]]:
    return _ouverture_de(valeur, (info.context or {}).get("lundi"))


def _uniques(salaries: tuple[SalarieParams, ...]) -> tuple[SalarieParams, ...]:
    if len({s.id for s in salaries}) != len(salaries):
        raise _erreur("deux salariés ont le même identifiant.")
    return salaries


def _fins(valeur: Any, info: ValidationInfo) -> dict[str, datetime]:
    return _fins_de(valeur, [s.id for s in info.data.get("salaries", ())])


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


def _semaine_ecrite(params: dict[str, Any], lundi: date) -> Semaine:
    """The week the model gives, read straight from params with the model's own checks of
    each value but without pydantic (some 85 µs at each grade, the params coming fresh from
    the database); _AuModele or PydanticCustomError when something needs the model's word.

    The dates and times as the contract writes them are looked up (the week's ISO dates, the
    table of times); any other writing is read by the model's own readers."""
    dates, isos = jours_de(lundi)
    jours = {iso: j for j, iso in enumerate(isos)}
    # Tuples of lists: a list comprehension runs in one frame, a generator resumes per item.
    salaries = [_salarie(s, jours, lundi) for s in _salaries(params.get("salaries"))]
    ids = [s[0] for s in salaries]
    if len(set(ids)) != len(ids):
        raise _AuModele
    fins = _fins_de(params.get("fin_semaine_precedente"), ids)
    debut = datetime.combine(lundi, datetime.min.time())
    employes = tuple([_employe((*s, _minutes(fins.get(s[0]), debut))) for s in salaries])
    ouverture = _ouverture_lue(params.get("ouverture", {}), jours, lundi)
    besoins = tuple([_besoin(b, jours, lundi) for b in _besoins(params.get("besoins", []))])
    return Semaine.lue(lundi, employes, ouverture, besoins, dates, isos)


def _salarie(s: Any, jours: dict[str, int], lundi: date) -> tuple[str, str, int, bool, frozenset]:
    """An employee's fields but the end of last week, as ``Employe`` takes them."""
    if not isinstance(s, dict) or "id" not in s or "contrat_heures" not in s:
        raise _AuModele
    ident, nom, contrat = _identifiant(s["id"]), s.get("nom"), s["contrat_heures"]
    minutes = _CONTRATS.get(contrat) if type(contrat) is str else None
    if minutes is None:
        minutes = int(_heures_contrat(contrat) * 60)
    indisponibles = s.get("indisponibilites", [])
    try:
        off = frozenset([jours[texte] for texte in indisponibles])
    except (KeyError, TypeError):  # a date written otherwise, or not a date
        off = None
    if off is None or type(indisponibles) is not list:
        off = frozenset([(j - lundi).days for j in _jours_de(indisponibles, lundi)])
    mineur = _booleen(s.get("mineur", False))
    return ident, (str(nom) if nom else None) or ident, minutes, mineur, off


# The minutes of each contract written as generate writes it (« 35 », « 17.5 », « 24.25 »), as
# the model reads them: a constant table, not a memo.
_CONTRATS = {
    texte: int(_heures_contrat(texte) * 60)
    for texte in (str(Decimal(m) / 60).removesuffix(".0") for m in range(15, 48 * 60 + 1, 15))
}


# A named tuple built from the tuple of its fields, without the Python-level ``__new__`` of
# ``namedtuple`` (as the kit's ``champ_result``): a grade reads every employee and besoin anew.
_employe = partial(tuple.__new__, Employe)
_besoin_lu = partial(tuple.__new__, Besoin)


def _ouverture_lue(valeur: Any, jours: dict[str, int], lundi: date) -> dict[int, tuple[int, int]]:
    """Each day's opening hours, by day index."""
    if not isinstance(valeur, dict):
        raise _AuModele
    plages = {}
    for jour, plage in valeur.items():
        try:
            j, debut, fin = jours[jour], _MINUTES[plage[0]], _MINUTES[plage[1]]
        except (KeyError, TypeError, IndexError):  # written otherwise, or wrong
            j = -1
        if j < 0 or type(plage) is not list or len(plage) != 2 or fin <= debut:
            j, (debut, fin) = (_jour_de(jour, lundi) - lundi).days, _plage(jour, plage)
        plages[j] = (debut, fin)
    return plages


def _besoin(b: Any, jours: dict[str, int], lundi: date) -> Besoin:
    try:
        besoin = _besoin_lu(
            (jours[b["jour"]], _MINUTES[b["debut"]], _MINUTES[b["fin"]], b["effectif"])
        )
    except (KeyError, TypeError):  # written otherwise, or wrong: read value by value
        return _besoin_ecrit(b, lundi)
    effectif = besoin.effectif
    if type(effectif) is not int or not 0 <= effectif <= 1000 or besoin.fin <= besoin.debut:
        return _besoin_ecrit(b, lundi)
    return besoin


def _besoin_ecrit(b: Any, lundi: date) -> Besoin:
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
