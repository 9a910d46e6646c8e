"""Kind ``prise_en_charge``: the « fiche de prise en charge » (message téléphonique) of a
request that reaches the organisation — a call, a voicemail, an e-mail or a visitor.

The student notes who asks (civility, name, organisation or service, phone, e-mail), when the
request arrived, its object, the reference it cites and its urgency by the organisation's
rules, the need expressed and the real need, the service to pass it to, the follow-up and its
deadline in working days. The public contract is docs/exercices/prise_en_charge.md.
"""

from agora.exercise.base import ExerciseKind
from agora.exercise.kinds.prise_en_charge import fiche

KIND = ExerciseKind.from_package(
    __name__,
    TITRE="Fiche de prise en charge : noter une demande et la transmettre",
    COMPETENCES=("1.1.1", "1.1.2"),
    # 3: a job agrees with whoever holds it (« vendeuse »); 2: the régie's director is its
    # dirigeant; no « municipale »
    VERSION=3,
    apercu=fiche.apercu,
)
