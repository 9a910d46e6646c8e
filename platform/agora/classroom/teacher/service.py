"""Teacher-side rules: classes, importing students, passwords, assigning missions, grading.

Plain functions with the session passed in; they only flush (the request commits). No HTTP
here: ownership is checked before (agora.classroom.teacher.access).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_DOWN, Decimal

from sqlmodel import Session, col, select

from agora.account.models import User
from agora.account.service import create_user, hash_password
from agora.authoring.catalog import usable_mission
from agora.calendrier import PARIS
from agora.classroom.models import (
    CORRECTIONS,
    PENALITES,
    Assignment,
    AssignmentStudent,
    Classe,
    StepAttempt,
    Student,
)
from agora.classroom.service import counted_score
from agora.classroom.teacher.csv_import import ImportPreview, LineError, fold, parse_class_list
from agora.company.noms import seed_sans_nom
from agora.content.missions import NIVEAUX, Mission
from agora.db import utcnow
from agora.errors import InvalidInput

MAX_ATTEMPTS = 10
TENTH = Decimal("0.1")
PASSWORD_SCOPES = {
    "nouveaux": "les élèves qui n'ont pas encore choisi leur mot de passe",
    "tous": "tous les élèves de la classe",
}
_YEAR = re.compile(r"^(\d{4})-(\d{4})$")
# Letters easy to read aloud and to type on a phone: no l/1, o/0, q/g confusion.
_CONSONANTS, _VOWELS = "bcdfhjkmnprstvz", "aeiu"


# ----------------------------------------------------------------------------- classes


def classes_of(session: Session, teacher: User) -> list[Classe]:
    """The teacher's classes, newest school year first, then by name."""
    return list(
        session.exec(
            select(Classe)
            .where(Classe.teacher_id == teacher.id)
            .order_by(col(Classe.annee_scolaire).desc(), col(Classe.nom))
        )
    )


def current_school_year(today: date) -> str:
    """« 2025-2026 » from September 2025 to August 2026."""
    start = today.year if today.month >= 9 else today.year - 1
    return f"{start}-{start + 1}"


def clean_classe(nom: str, annee_scolaire: str, today: date | None = None) -> tuple[str, str]:
    """A class's name and school year, tidied; InvalidInput (French) if either is wrong.

    With ``today``, the year is at most one year away from the current school year (a typo
    like « 1999-2000 » is refused); without, any well-written year (an old class kept as is).
    """
    nom = " ".join(nom.split())
    if not nom:
        raise InvalidInput("Donnez un nom à la classe, par exemple « 1re AGOrA A ».")
    if len(nom) > 100:
        raise InvalidInput("Le nom de la classe ne doit pas dépasser 100 caractères.")
    match = _YEAR.match(annee_scolaire.strip())
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        raise InvalidInput("L'année scolaire s'écrit comme « 2025-2026 ».")
    if today is not None:
        current = int(current_school_year(today)[:4])
        if abs(int(match.group(1)) - current) > 1:
            raise InvalidInput(
                f"L'année scolaire {annee_scolaire.strip()} est loin de l'année en cours "
                f"({current}-{current + 1}) : choisissez entre {current - 1}-{current} "
                f"et {current + 1}-{current + 2}."
            )
    return nom, annee_scolaire.strip()


# A form sent twice by a double-click with JavaScript off (htmx stops it in the browser):
# the same thing created again within these seconds is refused.
DOUBLE_SUBMIT = timedelta(seconds=10)


def create_classe(session: Session, teacher: User, nom: str, annee_scolaire: str) -> Classe:
    """A new class of this teacher; InvalidInput (French) on a missing name or a bad year, or
    for the same class created seconds ago (a double submit: a class is never deleted)."""
    now = utcnow()
    nom, annee_scolaire = clean_classe(nom, annee_scolaire, now.astimezone(PARIS).date())
    just_created = session.exec(
        select(Classe.id).where(
            Classe.teacher_id == teacher.id,
            Classe.nom == nom,
            Classe.annee_scolaire == annee_scolaire,
            col(Classe.created_at) > now - DOUBLE_SUBMIT,
        )
    ).first()
    if just_created is not None:
        raise InvalidInput(
            f"La classe « {nom} » ({annee_scolaire}) vient d'être créée (le formulaire est "
            "sans doute parti deux fois) : elle n'a pas été créée une seconde fois."
        )
    classe = Classe(teacher_id=teacher.id, nom=nom, annee_scolaire=annee_scolaire, created_at=now)
    session.add(classe)
    session.flush()
    return classe


def students_of(session: Session, classe: Classe) -> list[tuple[Student, User]]:
    """The class's students with their accounts, in alphabetical order (nom, prénom)."""
    rows = session.exec(
        select(Student, User)
        .join(User, col(User.id) == Student.user_id)
        .where(Student.classe_id == classe.id)
    ).all()
    return sorted(rows, key=lambda row: (fold(row[1].nom), fold(row[1].prenom), row[0].id))


# ----------------------------------------------------------------------------- import


@dataclass(frozen=True)
class Credential:
    """A login and its initial password, shown once (cards), never stored in clear."""

    student_id: int
    prenom: str
    nom: str
    login: str
    password: str


def random_password() -> str:
    """An initial password easy to copy from a card: « baku-tevi-47 » (about 32 bits)."""

    def word() -> str:
        return "".join(secrets.choice(_CONSONANTS) + secrets.choice(_VOWELS) for _ in range(2))

    return f"{word()}-{word()}-{secrets.randbelow(90) + 10}"


def preview_import(session: Session, classe: Classe, data: bytes | str) -> ImportPreview:
    """The file parsed, plus an error for each student already in the class."""
    preview = parse_class_list(data)
    known = {
        (fold(user.nom), fold(user.prenom), student.date_naissance)
        for student, user in students_of(session, classe)
    }
    kept = []
    for student in preview.students:
        if student.key in known:
            preview.errors.append(
                LineError(student.ligne, "Déjà inscrit dans cette classe.", student.contenu)
            )
        else:
            kept.append(student)
    preview.students = kept
    preview.errors.sort(key=lambda e: e.ligne)
    return preview


def import_students(session: Session, classe: Classe, data: bytes | str) -> list[Credential]:
    """Create an account for each valid line (re-parsed here: the preview is not trusted)."""
    preview = preview_import(session, classe, data)
    passwords = [random_password() for _ in preview.students]
    hashes = _hash_all(passwords)
    seeds = _fresh_org_seeds(session, [(s.prenom, s.nom) for s in preview.students])
    credentials = []
    for line, password, hashed, seed in zip(
        preview.students, passwords, hashes, seeds, strict=True
    ):
        user = create_user(
            session,
            role="eleve",
            prenom=line.prenom,
            nom=line.nom,
            password=password,
            password_hash=hashed,
            must_change_password=True,
        )
        student = Student(
            user_id=user.id,
            classe_id=classe.id,
            org_seed=seed,
            date_naissance=line.date_naissance,
            email=line.email,
        )
        session.add(student)
        session.flush()
        credentials.append(Credential(student.id, user.prenom, user.nom, user.login, password))
    return credentials


def _hash_all(passwords: Sequence[str]) -> list[str]:
    # argon2 is slow on purpose (~60 ms each) and releases the GIL: hash in parallel
    # (passwords.py bounds how many at once in the whole process).
    if len(passwords) < 2:
        return [hash_password(p) for p in passwords]
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(hash_password, passwords))


def _fresh_org_seeds(session: Session, noms: Sequence[tuple[str, str]]) -> list[int]:
    """Seeds no student has yet: each student works in an organisation of their own, whose
    name does not reuse theirs (``noms``: each student's first name and surname)."""
    taken = set(session.exec(select(Student.org_seed)))

    def tirer() -> int:
        seed = secrets.randbelow(2**31 - 1) + 1
        while seed in taken:
            seed = secrets.randbelow(2**31 - 1) + 1
        return seed

    seeds: list[int] = []
    for prenom, nom in noms:
        seed = seed_sans_nom(prenom, nom, tirer)
        taken.add(seed)
        seeds.append(seed)
    return seeds


def reset_passwords(session: Session, classe: Classe, scope: str) -> list[Credential]:
    """New initial passwords (to change at next login) for the students in ``scope``.

    Their open sessions are closed. « nouveaux »: only those who have not chosen a password
    yet, so that printing the cards again does not disturb students already at work.
    """
    if scope not in PASSWORD_SCOPES:
        raise InvalidInput("Choisissez les élèves concernés : nouveaux ou tous.")
    rows = [
        (student, user)
        for student, user in students_of(session, classe)
        if scope == "tous" or user.must_change_password
    ]
    passwords = [random_password() for _ in rows]
    credentials = []
    for (student, user), password, hashed in zip(
        rows, passwords, _hash_all(passwords), strict=True
    ):
        user.password_hash = hashed
        user.must_change_password = True
        user.session_version += 1
        session.add(user)
        credentials.append(Credential(student.id, user.prenom, user.nom, user.login, password))
    session.flush()
    return credentials


# ----------------------------------------------------------------------------- assignments


def parse_due(day: str, hour: str) -> datetime | None:
    """A due date typed in Paris time (« 2026-03-12 », « 23:59 ») as aware UTC; None if empty."""
    if not day.strip():
        return None
    try:
        when = date.fromisoformat(day.strip())
        at = time.fromisoformat(hour.strip() or "23:59")
    except ValueError:
        raise InvalidInput("La date limite s'écrit JJ/MM/AAAA et l'heure HH:MM.") from None
    return datetime.combine(when, at, tzinfo=PARIS).astimezone(UTC)


def assign_mission(
    session: Session,
    classe: Classe,
    mission_slug: str,
    *,
    due_at: datetime | None,
    attempts_allowed: int,
    corrections: str,
    meme_enonce: bool = False,
    penalite_essai: int = 0,
    students: Sequence[Student] = (),
    niveau: int | None = None,
    now: datetime,
) -> Assignment:
    """Give a mission to the class, or only to ``students`` (all of them in the class), at
    ``niveau`` (1 guidé, 2 standard, 3 autonome; None: the mission's own level)."""
    # UnknownCode (French) for an unknown mission, or another teacher's own
    mission = usable_mission(session, classe.teacher_id, mission_slug)
    niveau = mission.niveau if niveau is None else niveau
    if niveau not in NIVEAUX:
        raise InvalidInput("Le niveau doit être 1 (guidé), 2 (standard) ou 3 (autonome).")
    past = due_at is not None and due_at <= now
    check_conditions(
        classe.id,
        "La date limite est déjà passée : choisissez une date à venir." if past else None,
        due_at=due_at,
        attempts_allowed=attempts_allowed,
        corrections=corrections,
        students=students,
        penalite_essai=penalite_essai,
    )
    assignment = Assignment(
        classe_id=classe.id,
        mission_slug=mission_slug,
        due_at=due_at,
        attempts_allowed=attempts_allowed,
        corrections=corrections,
        meme_enonce=meme_enonce,
        penalite_essai=penalite_essai,
        niveau=niveau,
        created_at=now,
    )
    if _just_given(session, assignment, {s.id for s in students}):
        raise InvalidInput(
            "Cette mission vient d'être donnée à la classe avec les mêmes réglages (le "
            "formulaire est sans doute parti deux fois) : elle n'a pas été donnée une seconde "
            "fois."
        )
    session.add(assignment)
    session.flush()
    session.add_all(
        AssignmentStudent(assignment_id=assignment.id, student_id=s.id) for s in students
    )
    session.flush()
    return assignment


def _just_given(session: Session, new: Assignment, students: set[int]) -> bool:
    """Whether the class got the same mission, with the same settings and students, in the
    last seconds (DOUBLE_SUBMIT): a form sent twice, not a second wish."""
    settings = ("due_at", "attempts_allowed", "corrections", "meme_enonce", "penalite_essai")
    recent = session.exec(
        select(Assignment).where(
            Assignment.classe_id == new.classe_id,
            Assignment.mission_slug == new.mission_slug,
            col(Assignment.created_at) > new.created_at - DOUBLE_SUBMIT,
        )
    ).all()
    return any(
        all(getattr(a, name) == getattr(new, name) for name in (*settings, "niveau"))
        and (targeted_students(session, a) or set()) == students
        for a in recent
    )


def check_conditions(
    classe_id: int,
    past_due: str | None,
    *,
    due_at: datetime | None,
    attempts_allowed: int,
    corrections: str,
    students: Sequence[Student],
    penalite_essai: int = 0,
) -> None:
    """InvalidInput (French) for conditions no assignment of the class may have, given or
    changed; ``past_due`` is the message refusing its due date (None: the date is accepted)."""
    if corrections not in CORRECTIONS:
        raise InvalidInput("Choisissez quand la correction est montrée aux élèves.")
    if not 1 <= attempts_allowed <= MAX_ATTEMPTS:
        raise InvalidInput(f"Le nombre de tentatives va de 1 à {MAX_ATTEMPTS}.")
    if penalite_essai not in PENALITES:
        raise InvalidInput("Choisissez une pénalité par essai dans la liste.")
    if past_due is not None:
        raise InvalidInput(past_due)
    if corrections == "after_due" and due_at is None:
        raise InvalidInput(
            "« Rien avant la date limite » demande une date limite : indiquez-en une."
        )
    if any(s.classe_id != classe_id for s in students):
        raise InvalidInput("Un élève choisi n'est pas dans cette classe.")


def assignments_of(session: Session, classe: Classe) -> list[Assignment]:
    """The class's assignments, soonest due first (no deadline last)."""
    return list(
        session.exec(
            select(Assignment)
            .where(Assignment.classe_id == classe.id)
            .order_by(col(Assignment.due_at).is_(None), col(Assignment.due_at), col(Assignment.id))
        )
    )


def targeted_students(session: Session, assignment: Assignment) -> set[int] | None:
    """The ids of the students an assignment is restricted to; None for the whole class."""
    ids = set(
        session.exec(
            select(AssignmentStudent.student_id).where(
                AssignmentStudent.assignment_id == assignment.id
            )
        )
    )
    return ids or None


# ----------------------------------------------------------------------------- results


@dataclass
class StepCell:
    """The latest attempt of one student at one step (the one that counts), and how many."""

    attempt: StepAttempt | None
    count: int = 0

    @property
    def pending(self) -> bool:
        """A prose answer waiting for the teacher's grading."""
        return self.attempt is not None and self.attempt.effective_score is None


def latest_attempts(session: Session, assignment: Assignment) -> dict[tuple[int, int], StepCell]:
    """(student id, step index) -> the latest attempt and the number of attempts."""
    rows = session.exec(
        select(StepAttempt)
        .where(StepAttempt.assignment_id == assignment.id)
        .order_by(col(StepAttempt.created_at), col(StepAttempt.id))
    )
    cells: dict[tuple[int, int], StepCell] = {}
    for attempt in rows:
        cell = cells.setdefault((attempt.student_id, attempt.step_index), StepCell(None))
        cell.attempt, cell.count = attempt, cell.count + 1
    return cells


def points(score: Decimal | None, step_points: int) -> Decimal | None:
    """A score in [0, 1] as points of a step, to the tenth, rounded down as students see it
    (an answer with a wrong field never shows full marks)."""
    if score is None:
        return None
    return (score * step_points).quantize(TENTH, ROUND_DOWN)


@dataclass(frozen=True)
class MissionResult:
    """A student's result on a mission: points, mark on 20, and whether it is complete."""

    started: bool
    pending: int  # prose steps awaiting grading
    points: Decimal  # the steps graded so far (a step not done counts 0)
    sur_20: Decimal | None  # None while nothing is done or some grading is pending


def cell_score(cell: StepCell, penalite: int = 0) -> Decimal | None:
    """The score a step brings to the mark: its latest attempt's, less the penalty per extra
    try (``penalite`` %, the assignment's) of its try number."""
    return counted_score(cell.attempt, cell.count, penalite)


def mission_result(mission: Mission, cells: Sequence[StepCell], penalite: int = 0) -> MissionResult:
    """The result from the latest attempt of each step (``cells`` in step order), each step
    less the assignment's penalty per extra try (``penalite`` %)."""
    started = any(c.attempt for c in cells)
    pending = sum(1 for c in cells if c.pending)
    total = sum(
        (
            (cell_score(c, penalite) or Decimal(0)) * step.points
            for c, step in zip(cells, mission.etapes, strict=True)
            if c.attempt is not None
        ),
        Decimal(0),
    )
    sur_20 = None
    if started and not pending:
        sur_20 = (total * 20 / mission.points).quantize(TENTH, ROUND_DOWN)
    return MissionResult(started, pending, total.quantize(TENTH, ROUND_DOWN), sur_20)
