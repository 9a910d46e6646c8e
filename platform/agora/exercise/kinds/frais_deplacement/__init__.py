"""Kind ``frais_deplacement``: a business trip of one of the organisation's staff.

The travel order's budget (mileage allowance on the planned distance, nights and meals at the
organisation's ceilings), then the expense report: the mileage allowance on the barème
kilométrique (the year's distance decides the band), each receipt paid, capped or refused,
the deductible VAT, the amount to pay back less the advance, and its entry. The public
contract is docs/exercices/frais_deplacement.md; each module does one step of the exercise.
"""

from agora.exercise.base import ExerciseKind

KIND = ExerciseKind.from_package(
    __name__,
    TITRE="Frais de déplacement : ordre de mission, indemnités kilométriques, note de frais",
    COMPETENCES=("3.2.2", "3.2.3"),
    # 4: tolls follow the km on toll motorways (in France, in Italy); 1 night, half a day away
    # 5: from an island, the statement says the car crosses by ferry (its km start at the port)
    VERSION=5,
)
