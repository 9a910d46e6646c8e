"""Handing in a file for a writing step of format « affiche », and who may read it.

Plain functions with the session passed in; they only flush (the request commits). The file is
checked whole before anything is stored: a refused file leaves no attempt, no row and spends
no try. The attempt keeps the comment as its text (``answer["texte"]``, what the teacher's
pages already show) and the file's id, name and type (``answer["fichier"]``).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from sqlmodel import Session

from agora.account.models import User
from agora.authoring.catalog import assignment_mission
from agora.classroom import service as classroom
from agora.classroom.models import Assignment, Classe, StepAttempt, Student
from agora.content.missions import ProseStep, variant_seed
from agora.errors import InvalidInput
from agora.uploads import storage
from agora.uploads.checks import check_file, read_limited, safe_name
from agora.uploads.models import Upload

FORMATS_FICHIER = ("affiche",)  # the writing formats handed in as a file
COMMENT_MAX_LENGTH = 2000


def takes_a_file(step) -> bool:
    """Is this step handed in as a file (a poster) rather than typed in the page?"""
    return isinstance(step, ProseStep) and step.format in FORMATS_FICHIER


def check_open(
    session: Session, student: Student, assignment: Assignment, index: int, now: datetime
) -> int:
    """The tries already used at this step; DomainError when no new one is allowed (deadline
    passed, tries used up) — the same rule as every other answer."""
    return classroom._check_open(session, student, assignment, index, now)


def submit_file(
    session: Session,
    upload_dir: Path,
    max_bytes: int,
    student: Student,
    assignment: Assignment,
    index: int,
    stream: BinaryIO,
    filename: str | None,
    commentaire: str,
    now: datetime,
) -> Upload:
    """Check, store and keep a handed-in poster with its optional comment, as a new try of the
    step; it waits for the teacher's grading with the rubric. InvalidInput (nothing kept) for a
    file that is too big, of another kind, or hostile."""
    mission = assignment_mission(session, assignment)
    step = mission.etape(index)
    if not takes_a_file(step):
        raise InvalidInput("Cette étape ne se rend pas sous forme de fichier.")
    commentaire = commentaire.strip()
    if len(commentaire) > COMMENT_MAX_LENGTH:
        raise InvalidInput(
            f"Votre commentaire dépasse {COMMENT_MAX_LENGTH} caractères : raccourcissez-le."
        )
    check_open(session, student, assignment, index, now)
    clean = check_file(read_limited(stream, max_bytes))
    digest = storage.store(upload_dir, clean.data)
    nom = safe_name(filename, clean.extension)
    attempt = StepAttempt(
        student_id=student.id,
        assignment_id=assignment.id,
        step_index=index,
        kind=classroom.PROSE_KIND,
        niveau=mission.niveau,
        variant_seed=variant_seed(student.org_seed, mission.slug, index),
        answer={"texte": commentaire},
        created_at=now,
    )
    session.add(attempt)
    session.flush()
    upload = Upload(
        student_id=student.id,
        attempt_id=attempt.id,
        nom=nom,
        media_type=clean.media_type,
        taille=len(clean.data),
        sha256=digest,
        created_at=now,
    )
    session.add(upload)
    session.flush()
    fichier = {"id": upload.id, "nom": nom, "media_type": clean.media_type}
    attempt.answer = {"texte": commentaire, "fichier": fichier}
    session.flush()
    return upload


def readable_upload(session: Session, user: User, upload_id: int) -> Upload | None:
    """The upload if ``user`` may read it — the student who sent it, or the teacher of that
    student's class — else None (the route answers 404 either way)."""
    upload = session.get(Upload, upload_id)
    if upload is None:
        return None
    student = session.get(Student, upload.student_id)
    if student is None:
        return None
    if user.role == "eleve":
        return upload if student.user_id == user.id else None
    if user.role == "enseignant":
        classe = session.get(Classe, student.classe_id)
        return upload if classe is not None and classe.teacher_id == user.id else None
    return None
