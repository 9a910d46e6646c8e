"""The competency record (« passeport ») of a student of one of the teacher's classes, as PDF.

TeacherDep and the ownership dependencies give 404 for another teacher's class or student."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from agora.classroom import passeport
from agora.classroom.teacher.access import NOT_FOUND, OwnedClasse, OwnedStudent
from agora.db import SessionDep, utcnow
from agora.web.deps import TeacherDep

router = APIRouter(prefix="/enseignant")


@router.get(
    "/classes/{classe_id}/eleves/{student_id}/passeport.pdf", name="teacher_student_passeport"
)
def passeport_pdf(
    request: Request,
    classe: OwnedClasse,
    student: OwnedStudent,
    teacher: TeacherDep,
    session: SessionDep,
):
    if student.classe_id != classe.id:
        raise HTTPException(404, NOT_FOUND)
    record = passeport.passeport(session, student, utcnow())
    return pdf_response(passeport.passeport_pdf(request.app.state.templates, record), record)


def pdf_response(body: bytes, record: passeport.Passeport) -> Response:
    disposition = f'attachment; filename="{passeport.file_name(record)}"'
    return Response(
        body, media_type="application/pdf", headers={"Content-Disposition": disposition}
    )
