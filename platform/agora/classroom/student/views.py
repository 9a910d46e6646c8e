"""Typed page contexts of the student pages, built from the services (no HTTP here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_DOWN, Decimal
from typing import Any

from sqlmodel import Session, col, select

from agora.account.models import User
from agora.authoring.catalog import assignment_mission
from agora.classroom import service
from agora.classroom.models import Assignment, Classe, StepAttempt, Student
from agora.content.missions import ExerciseStep, Mission, ProseStep, personalise
from agora.documents.commercial import NOMMES, DocumentCommercial
from agora.errors import UnknownCode
from agora.exercise.base import Grade
from agora.exercise.forms import AnswerForm
from agora.exercise.registry import form_template, get_kind
from agora.exercise.variants import company_for


@dataclass
class CompetenceLine:
    code: str
    libelle: str
    score: Decimal | None = None


@dataclass
class StepView:
    """One step of a mission page, with its form in the state the student left it."""

    index: int
    step: ExerciseStep | ProseStep
    is_prose: bool
    enonce: str
    template: str | None
    params: dict[str, Any]
    form: AnswerForm
    attempts: list[StepAttempt]
    attempts_allowed: int
    can_submit: bool
    show_corrections: bool
    grade: Grade | None
    competences: list[CompetenceLine]
    texte: str = ""
    contexte: str = ""
    message: str | None = None
    message_kind: str = "info"
    essai: int | None = None  # the try the form is for (0 = first), sent back with it
    nouvel_essai: bool = False  # the last try's correction is shown; a new try has new figures
    redaction: Any = None  # a written step's format (its parts), agora.redaction.Format
    pieces: list[str] | None = None  # the attachments an e-mail may take
    prechecks: list[Any] | None = None  # the last answer's pre-checks, when the step shows them
    penalite: int = 0  # % of the step's points taken off per extra try (the assignment's)

    @property
    def dom_id(self) -> str:
        return step_dom_id(self.index)

    @property
    def document(self) -> str | None:
        """The business document each attempt makes, named (« la facture »), if any."""
        if self.is_prose or get_kind(self.step.kind).piece_commerciale is None:
            return None
        return NOMMES[self.step.kind]

    @property
    def last(self) -> StepAttempt | None:
        return self.attempts[-1] if self.attempts else None

    @property
    def rubrique(self) -> list[dict[str, Any]]:
        """The teacher's rubric lines for the last written answer (points and comment per
        criterion), once the assignment lets the student read corrections; [] otherwise."""
        if not self.is_prose or not self.show_corrections or self.last is None:
            return []
        return (self.last.grade or {}).get("rubrique", [])

    @property
    def attempts_left(self) -> int:
        return max(0, self.attempts_allowed - len(self.attempts))

    def points_of(self, score: Decimal | None) -> Decimal | None:
        """A score in [0, 1] as points of this step, to the tenth, rounded down (never
        showing full marks for an answer with a wrong field)."""
        if score is None:
            return None
        return (score * self.step.points).quantize(Decimal("0.1"), ROUND_DOWN)

    def counted_points(self, attempt: StepAttempt) -> Decimal | None:
        """An attempt's points as they count: less the penalty of its try number."""
        number = self.attempts.index(attempt) + 1
        return self.points_of(service.counted_score(attempt, number, self.penalite))

    @property
    def next_try_max(self) -> Decimal:
        """The most the next try can bring, after the penalty per extra try."""
        factor = service.penalty_factor(self.penalite, len(self.attempts) + 1)
        return self.points_of(factor)


@dataclass
class MissionPage:
    assignment: Assignment
    mission: Mission
    steps: list[StepView]
    deadline_passed: bool
    show_corrections: bool
    company: Any
    histoire: str
    current: int = 0  # the step shown open; the others wait behind the step list


def step_dom_id(index: int) -> str:
    """The HTML id of step ``index``'s section; its fields' ids start with it (a mission page
    shows every step, whose forms often ask for fields of the same name)."""
    return f"etape-{index}"


def current_step(steps: list[StepView], asked: str | None) -> int:
    """The step to open: the one asked for (« ?etape=2 », 1-based), else the first not yet
    sent, else the first. A number out of range or unreadable is not asked."""
    readable = asked and len(asked) < 4 and asked.isascii() and asked.isdigit()
    if readable and 1 <= int(asked) <= len(steps):
        return int(asked) - 1
    return next((view.index for view in steps if not view.attempts), 0)


def _competence_lines(codes, grade: Grade | None) -> list[CompetenceLine]:
    from agora.referentiel import load_referentiel

    referentiel = load_referentiel()
    scores = dict(grade.competences) if grade else {}
    return [CompetenceLine(c, referentiel.competence(c).libelle, scores.get(c)) for c in codes]


def step_view(
    student: Student,
    assignment: Assignment,
    mission: Mission,
    index: int,
    attempts: list[StepAttempt],
    now: datetime,
    validate_url: str,
    *,
    form: AnswerForm | None = None,
    texte: str | None = None,
    fresh: bool = False,
    review: bool = False,
) -> StepView:
    """A step as the student sees it: statement, form (last answer or ``form``), verdicts.

    When each try has its own figures, the last try is shown with its correction (read-only)
    until the student asks for a new try (``fresh``), or sends one (``form``: what they typed).
    ``review`` shows the last of ``attempts`` as it was sent, whatever the mode.
    """
    step = mission.etape(index)
    show = service.corrections_visible(assignment, now)
    open_ = assignment.due_at is None or now <= assignment.due_at
    can_submit = open_ and len(attempts) < assignment.attempts_allowed
    last = attempts[-1] if attempts else None
    company = company_for(student.org_seed)
    contexte = personalise(step.contexte, company)
    if isinstance(step, ProseStep):
        from agora.classroom.student.prose_view import prose_view

        return prose_view(
            student, assignment, mission, index, attempts, can_submit, show, form, texte
        )
    same = service.same_statement(assignment, mission, index)
    review = last is not None and (
        review or (not same and form is None and not (fresh and can_submit))
    )
    if review:
        variant = service.attempt_variant(last)
    else:
        variant = service.next_variant(student, assignment, mission, index, attempts)
    # A new try's verdicts are not yet known: the last try's were about other figures.
    shows_last = show and (same or review)
    grade = shown_grade(last, assignment, now, len(attempts)) if shows_last else None
    if form is None:
        shown = last.answer if last is not None and (same or review) else None
        form = AnswerForm.from_answer(shown, grade)
    form.validate_url = validate_url
    form.disabled = not can_submit or review
    form.id_prefix = step_dom_id(index) + "-"
    return StepView(
        index,
        step,
        False,
        demote_headings(variant.enonce, 3),
        form_template(step.kind),
        variant.params,
        form,
        attempts,
        assignment.attempts_allowed,
        can_submit,
        show,
        grade,
        _competence_lines(get_kind(step.kind).COMPETENCES, grade),
        contexte=contexte,
        essai=None if review or not can_submit else len(attempts),
        nouvel_essai=review and can_submit,
        penalite=assignment.penalite_essai,
    )


def shown_grade(
    attempt: StepAttempt | None, assignment: Assignment, now: datetime, used: int
) -> Grade | None:
    """An exercise attempt's grading as the student may read it now (no expected value
    before the assignment's policy releases them); None for a prose or ungraded attempt."""
    if attempt is None or not attempt.grade or attempt.kind == service.PROSE_KIND:
        return None
    grade = Grade.from_json(attempt.grade)
    if service.values_visible(assignment, now, used):
        return grade
    return service.without_values(grade)


def mission_page(
    session: Session,
    student: Student,
    assignment: Assignment,
    now: datetime,
    validate_url,
    override: StepView | None = None,
    asked: str | None = None,
) -> MissionPage:
    """The mission page; ``override`` replaces one step's view (the one just submitted, then
    shown open); ``asked`` is the step the student opened (« ?etape= »)."""
    mission = assignment_mission(session, assignment)
    attempts = service.attempts_of(session, student, assignment)
    steps = []
    for index in range(len(mission.etapes)):
        if override is not None and override.index == index:
            steps.append(override)
            continue
        mine = [a for a in attempts if a.step_index == index]
        steps.append(step_view(student, assignment, mission, index, mine, now, validate_url(index)))
    return MissionPage(
        assignment,
        mission,
        steps,
        deadline_passed=assignment.due_at is not None and now > assignment.due_at,
        show_corrections=service.corrections_visible(assignment, now),
        company=company_for(student.org_seed),
        histoire=personalise(mission.histoire, company_for(student.org_seed)),
        current=override.index if override is not None else current_step(steps, asked),
    )


@dataclass
class MissionCard:
    assignment: Assignment
    mission: Mission
    steps_done: int
    score: Decimal | None  # points earned, when corrections are visible
    late: bool
    resume: str = ""  # the summary as the student's organisation reads it

    @property
    def status(self) -> str:
        if self.steps_done == len(self.mission.etapes):
            return "terminée"
        if self.late:
            return "date limite passée"
        return "en cours" if self.steps_done else "à faire"


@dataclass
class DashboardPage:
    user: User
    classe: Classe
    cards: list[MissionCard]
    company: Any
    # The cards by what the student has left to do: a class's year piles up thirty missions,
    # and on a phone the ones to do sank under those done (a card is a screen tall).
    a_faire: list[MissionCard]
    passees: list[MissionCard]  # due date passed, not finished
    terminees: list[MissionCard]


def dashboard_page(session: Session, user: User, student: Student, now: datetime):
    """The student's missions with progress, and their organisation."""
    company = company_for(student.org_seed)
    cards = []
    assignments = service.assignments_for(session, student)
    attempts = _attempts_by_assignment(session, student, [a.id for a in assignments])
    for assignment in assignments:
        mission = assignment_mission(session, assignment)
        latest: dict[int, StepAttempt] = {}
        tries: dict[int, int] = {}
        for attempt in attempts.get(assignment.id, []):
            latest[attempt.step_index] = attempt
            tries[attempt.step_index] = tries.get(attempt.step_index, 0) + 1
        score = None
        if service.corrections_visible(assignment, now) and latest:
            penalite = assignment.penalite_essai
            score = sum(
                (service.counted_score(a, tries[i], penalite) or Decimal(0))
                * mission.etapes[i].points
                for i, a in latest.items()
                if i < len(mission.etapes)
            ).quantize(Decimal("0.1"), ROUND_DOWN)
        late = assignment.due_at is not None and now > assignment.due_at
        resume = personalise(mission.resume, company)
        cards.append(MissionCard(assignment, mission, len(latest), score, late, resume))
    classe = session.get(Classe, student.classe_id)
    return DashboardPage(
        user,
        classe,
        cards,
        company,
        a_faire=[c for c in cards if c.status in ("à faire", "en cours")],  # nearest due first
        passees=[c for c in cards if c.status == "date limite passée"],
        terminees=[c for c in cards if c.status == "terminée"],
    )


def _attempts_by_assignment(session, student, ids) -> dict[int, list[StepAttempt]]:
    rows = session.exec(
        select(StepAttempt)
        .where(StepAttempt.student_id == student.id, col(StepAttempt.assignment_id).in_(ids))
        .order_by(col(StepAttempt.created_at), col(StepAttempt.id))
    )
    grouped: dict[int, list[StepAttempt]] = {}
    for attempt in rows:
        grouped.setdefault(attempt.assignment_id, []).append(attempt)
    return grouped


def demote_headings(markdown: str, top: int) -> str:
    """Markdown whose highest « # » title sits at level ``top``, the others shifted alike (a
    statement inside a step's section: no level skipped, which screen readers rely on)."""
    lines = markdown.split("\n")
    titles = {i: len(t) for i, line in enumerate(lines) if set(t := line.split(" ", 1)[0]) == {"#"}}
    prefix = "#" * max(0, top - min(titles.values(), default=top))
    return "\n".join(prefix + line if i in titles else line for i, line in enumerate(lines))


def fiche_body(fiche: str) -> str:
    """The fiche entreprise under the page's own title: its « # » title dropped, levels shifted."""
    lines = fiche.splitlines()
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    return "\n".join("#" + line if line.startswith("##") else line for line in lines)


@dataclass
class AttemptPage:
    """One past attempt, read-only: what was answered and, when allowed, the correction."""

    assignment: Assignment
    mission: Mission
    attempt: StepAttempt
    number: int
    view: StepView
    document: str | None = None  # the business document the answer makes (« la facture »)
    apercu: dict[str, Any] | None = None  # the answer as a filled document (a fiche), if any
    apercu_template: str | None = None
    points: Decimal | None = None  # as they count: less the penalty of the try's number


def attempt_apercu(student: Student, attempt: StepAttempt) -> dict[str, Any] | None:
    """The answer as the filled document its kind shows (a fiche), else None."""
    kind = get_kind(attempt.kind) if attempt.kind != service.PROSE_KIND else None
    if kind is None or kind.apercu is None or attempt.params is None:
        return None
    return kind.apercu(attempt.params, company_for(student.org_seed), kind.read(attempt.answer))


def attempt_page(session: Session, student: Student, attempt: StepAttempt, now: datetime):
    """An attempt of the student, shown as it was sent (form disabled)."""
    assignment = session.get(Assignment, attempt.assignment_id)
    mission = assignment_mission(session, assignment)
    mine = [
        a
        for a in service.attempts_of(session, student, assignment)
        if a.step_index == attempt.step_index
    ]
    show = service.corrections_visible(assignment, now)
    grade = shown_grade(attempt, assignment, now, len(mine)) if show else None
    form = AnswerForm.from_answer(
        attempt.answer if attempt.kind != service.PROSE_KIND else None, grade
    )
    texte = attempt.answer.get("texte", "") if attempt.kind == service.PROSE_KIND else None
    view = step_view(
        student,
        assignment,
        mission,
        attempt.step_index,
        [attempt],
        now,
        "",
        form=form,
        texte=texte,
        review=True,
    )
    view.grade, view.can_submit, view.form.disabled = grade, False, True
    view.essai, view.nouvel_essai = None, False
    number = mine.index(attempt) + 1
    apercu = attempt_apercu(student, attempt)
    modele = f"exercise/{attempt.kind}/apercu.html" if apercu else None
    points = view.points_of(service.counted_score(attempt, number, assignment.penalite_essai))
    return AttemptPage(
        assignment, mission, attempt, number, view, view.document, apercu, modele, points
    )


def attempt_document(
    session: Session, student: Student, attempt: StepAttempt
) -> DocumentCommercial:
    """The business document an attempt produced (the student's invoice, with their own
    amounts, on the quote of an earlier step if it followed one); UnknownCode when the kind
    makes none."""
    if not has_document(attempt):
        raise UnknownCode("Cette tentative ne produit pas de document commercial.")
    kind = get_kind(attempt.kind)
    mission = assignment_mission(session, session.get(Assignment, attempt.assignment_id))
    documents = service.step_documents(student, mission, attempt.step_index)
    organisation = company_for(student.org_seed)
    variant = service.attempt_variant(attempt)
    return kind.piece_commerciale(variant, organisation, kind.read(attempt.answer), documents)


def has_document(attempt: StepAttempt) -> bool:
    """Whether the attempt's kind shows the student's answer as a business document."""
    if attempt.kind == service.PROSE_KIND:
        return False
    return get_kind(attempt.kind).piece_commerciale is not None
