"""Kind ``tableau_de_bord_social``: the organisation's social dashboard for a year.

From its staff data (monthly headcounts and movements, hours, absences by reason, accidents,
the staff register): the average headcount, the absenteeism and turnover rates, the accident
frequency and severity rates, the age pyramid by sex, the chart that fits each indicator, and
the anomalies of the data to report (duplicate, impossible age, reversed dates, a headcount the
movements do not explain). The public contract is docs/exercices/tableau_de_bord_social.md.
"""

from agora.exercise.base import ExerciseKind

KIND = ExerciseKind.from_package(
    __name__,
    TITRE="Tableau de bord social : effectif moyen, absentéisme, rotation, accidents, âges",
    COMPETENCES=("3.3.3", "1.3.1"),
    VERSION=3,  # 3: the whole staff of the organisation (its headcount); 2: régie director
)
