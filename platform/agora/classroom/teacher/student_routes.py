"""The teacher's page of one student (missions, exams, competency levels with their evidence)
and the positionnement form on it. Thin: parse the form, call the service, render.

Every route loads the student through OwnedStudent: another teacher's student is a 404.
"""

from __future__ import annotations

import functools
from typing import Annotated

from fastapi import APIRouter, Form, Request

from agora.classroom.models import Classe
from agora.classroom.sepa_files import sepa_file
from agora.classroom.teacher.access import OwnedAttempt, OwnedStudent
from agora.classroom.teacher.student_page import student_page
from agora.competency.positionnement import COMMENT_MAX_LENGTH, set_positionnement
from agora.db import SessionDep, utcnow
from agora.errors import InvalidInput
from agora.web.deps import TeacherDep
from agora.web.downloads import xml_download
from agora.web.flash import flash
from agora.web.rendering import redirect, refused_form, render

router = APIRouter(prefix="/enseignant")


@router.get("/eleves/{student_id}", name="teacher_student")
def student(request: Request, student: OwnedStudent, session: SessionDep):
    classe = session.get(Classe, student.classe_id)
    return render(request, "teacher/student.html", student_page(session, classe, student))


@router.post("/eleves/{student_id}/positionnement", name="teacher_positionnement")
def positionnement(
    request: Request,
    student: OwnedStudent,
    teacher: TeacherDep,
    session: SessionDep,
    code: Annotated[str, Form(max_length=10)] = "",
    niveau: Annotated[str, Form(max_length=20)] = "",
    commentaire: Annotated[str, Form(max_length=COMMENT_MAX_LENGTH + 100)] = "",
):
    """Set (or, with no level chosen, withdraw) the teacher's level on one competency."""
    classe = session.get(Classe, student.classe_id)
    values = {"niveau": niveau, "commentaire": commentaire}
    page = functools.partial(student_page, session, classe, student, error_code=code, values=values)
    with refused_form(request, "teacher/student.html", page, refuse=InvalidInput):
        done = set_positionnement(session, student, teacher, code, niveau, commentaire, utcnow())
    flash(request, "Positionnement enregistré." if done else "Positionnement retiré.")
    url = request.url_for("teacher_student", student_id=student.id)
    return redirect(request, f"{url}#competence-{code.replace('.', '-')}")


@router.get("/tentatives/{attempt_id}/virements.xml", name="teacher_sepa")
def sepa_xml(attempt: OwnedAttempt):
    """A student's transfers (an attempt in one of my classes) as their SEPA file."""
    return xml_download(*sepa_file(attempt))
