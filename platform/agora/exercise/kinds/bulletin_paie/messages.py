"""The French texts of payslip grading: the diagnostics (messages.yaml beside) and the reminder
of each field's method."""

from __future__ import annotations

from pathlib import Path

from agora.exercise.nommes import messages_lus

ECF_MESSAGE = (
    "Juste, calculé à partir de vos résultats précédents (erreur reportée : la méthode est bonne)."
)


# The grader writes its codes as text: the file is their list.
MESSAGES = messages_lus(Path(__file__).with_name("messages.yaml"))

RAPPELS = {
    "salaire_base": "Salaire de base = taux horaire × heures mensuelles.",
    "retenue_absence": "Retenue = taux horaire × heures d'absence.",
    "montant_hs_25": "Heures à 25 % = heures × taux horaire × 1,25.",
    "montant_hs_50": "Heures à 50 % = heures × taux horaire × 1,50.",
    "salaire_brut": "Brut = base − absence + heures sup. + primes + avantages en nature.",
    "base": "Reprenez la base de la ligne (brut, tranche, base CSG…).",
    "montant_salarial": "Part salariale = base × taux salarial.",
    "montant_patronal": "Part patronale = base × taux patronal.",
    "total_salarial": "Total des parts salariales de toutes les lignes.",
    "total_patronal": "Total des parts patronales de toutes les lignes.",
    "net_imposable": "Net imposable = brut − cotisations salariales déductibles "
    "+ part patronale imposable de la mutuelle.",
    "net_avant_impot": "Net avant impôt = brut − total salarial − avantages en nature "
    "+ remboursement de transport.",
    "prelevement_source": "Prélèvement = net imposable × taux de prélèvement.",
    "net_a_payer": "Net à payer = net avant impôt − prélèvement à la source.",
    "cout_employeur": "Coût employeur = brut + total patronal.",
}
