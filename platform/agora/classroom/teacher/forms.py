"""What the teacher's forms post, read the same way by both teacher routers: short texts, and
an assignment's conditions (created or edited) with the students it is given to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Form, HTTPException
from sqlmodel import Session
from starlette.datastructures import FormData

from agora.classroom.models import Classe, Student
from agora.classroom.teacher.access import students_of_classe
from agora.classroom.teacher.service import parse_due
from agora.errors import InvalidInput
from agora.web.ids import form_id

Text = Annotated[str, Form(max_length=200)]
CONFIRM = "Cochez la case de confirmation pour continuer."


def check_confirmed(confirmation: str, message: str = CONFIRM) -> None:
    """InvalidInput unless the confirmation box of a destructive action was ticked (checked
    on the server, not only in the browser)."""
    if confirmation != "oui":
        raise InvalidInput(message)


async def classe_values(nom: Text = "", annee_scolaire: Text = "") -> dict[str, str]:
    """What a class form posts (created or renamed); async: nothing here needs a thread."""
    return {"nom": nom, "annee_scolaire": annee_scolaire}


ClasseValues = Annotated[dict[str, str], Depends(classe_values)]


def whole_number(text: str, what: str) -> int:
    """``text`` as an integer; InvalidInput naming ``what`` otherwise."""
    try:
        return int(text.strip())
    except ValueError:
        raise InvalidInput(f"{what} doit être un nombre entier.") from None


@dataclass(frozen=True)
class AssignmentForm:
    """An assignment form as posted: its values (shown again on a refusal) and the students
    ticked, all of them in the class (a student of another class is a 404)."""

    values: dict[str, Any]
    students: list[Student]

    @classmethod
    def read(cls, session: Session, classe: Classe, form: FormData) -> AssignmentForm:
        values: dict[str, Any] = {
            k: v for k, v in form.items() if isinstance(v, str) and len(v) <= 200
        }
        values["eleves"] = [v for v in form.getlist("eleves") if isinstance(v, str)]
        try:
            ids = [form_id(i) for i in values["eleves"]] if values.get("pour") == "eleves" else []
        except ValueError:
            raise HTTPException(404, "Élève introuvable.") from None
        return cls(values, students_of_classe(session, classe, ids))

    def niveau(self) -> int | None:
        """The level chosen in the assign form; None: the mission's own (the default)."""
        text = str(self.values.get("niveau", "")).strip()
        if not text:
            return None
        if text not in ("1", "2", "3"):
            raise InvalidInput("Le niveau doit être 1 (guidé), 2 (standard) ou 3 (autonome).")
        return int(text)

    def conditions(self) -> dict[str, Any]:
        """The keyword arguments of assign_mission and update_assignment; InvalidInput (French)
        when a field cannot be read."""
        values = self.values
        if values.get("pour") == "eleves" and not self.students:
            raise InvalidInput("Cochez au moins un élève, ou choisissez « toute la classe ».")
        return {
            "due_at": parse_due(values.get("date", ""), values.get("heure", "")),
            "attempts_allowed": whole_number(values.get("attempts", ""), "Le nombre de tentatives"),
            "corrections": values.get("corrections", ""),
            "meme_enonce": values.get("meme_enonce") == "oui",
            "penalite_essai": whole_number(values.get("penalite", "0") or "0", "La pénalité"),
            "students": self.students,
        }
