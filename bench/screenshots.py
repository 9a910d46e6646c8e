"""Screenshots of a mission's pages as a student sees them, on a school PC and on a phone.

Usage (run by hand, from the repository root):

    PYTHONPATH=platform .venv/bin/python bench/screenshots.py MISSION_SLUG [MISSION_SLUG…] \\
        --out DIR [--solve]

For each mission (a slug of scenarios/missions/): the app is served (uvicorn, a free local
port) on a new temporary SQLite database holding the demo school (agora/demo.py, as
`agora serve --demo`); the demo teacher logs in and assigns the mission to the demo class
« 1re AGOrA A » through the assign form (corrections shown at once); a demo student of that
class logs in and opens the mission. Saved in DIR, at desktop width (1280 px) and phone width
(390 px), ``<slug>-<largeur>`` being ``<slug>-bureau`` or ``<slug>-telephone``:

- ``<slug>-<largeur>-page.png``: the whole mission page as it opens (story, step list, the
  first step not yet sent);
- ``<slug>-<largeur>-etape-N.png``: step N alone (its statement and its form);
- with ``--solve``, ``<slug>-<largeur>-etape-N-corrigee.png``: the step after the reference
  answer (``KIND.solve(params)``, flattened into the form fields; a row of a list goes to the
  form's row whose hidden fields match it) was sent, with its correction,
  and ``<slug>-<largeur>-page-corrigee.png``. The answer is sent once, at desktop width (one
  attempt per step), and the phone reloads the page. The score of each step is printed and,
  when it is not full marks, the fields of the reference answer the form has no input for.

Chromium is Debian's (/usr/bin/chromium), never a downloaded browser. Nothing is asserted: the
pictures are for a human to look at (docs/contribuer.md, « Regarder les pages »).
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import Page, sync_playwright
from sqlmodel import Session, col, select

from agora import migrations
from agora.account.models import User
from agora.app import create_app
from agora.classroom.models import Assignment, Classe, StepAttempt, Student
from agora.classroom.service import step_variant
from agora.config import Settings
from agora.content.missions import ExerciseStep, get_mission, load_missions
from agora.demo import CLASSES, STUDENT_PASSWORD, TEACHER, create_demo_if_empty
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
WIDTHS = {"bureau": 1280, "telephone": 390}


def serve(app) -> tuple[uvicorn.Server, str]:
    """The app served by uvicorn in a thread on a free local port; (server, base URL)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            sys.exit("le serveur n'a pas démarré")
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def log_in(page: Page, url: str, login: str, password: str, lands_on: str) -> None:
    page.goto(f"{url}/connexion")
    page.fill("#identifiant", login)
    page.fill("#mot_de_passe", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"**/{lands_on}")


def assign(page: Page, url: str, classe_id: int, slug: str) -> None:
    """The teacher's assign form: this mission, to the whole class, corrections at once."""
    page.goto(f"{url}/enseignant/classes/{classe_id}/attribuer")
    page.check(f'input[name="mission"][value="{slug}"]')
    page.check('input[name="corrections"][value="immediate"]')
    page.click("#formulaire button[type=submit]")
    page.wait_for_url(f"**/enseignant/classes/{classe_id}")


def fill(page: Page, step: str, fields: dict[str, str]) -> list[str]:
    """The reference answer typed into step ``step``'s form; the names it has no input for."""
    missing = []
    for name, value in fields.items():
        inputs = page.locator(f'#{step} [name="{name}"]')
        if not inputs.count():
            missing.append(name)
            continue
        first = inputs.first
        kind = (first.get_attribute("type") or "").lower()
        tag = first.evaluate("e => e.tagName.toLowerCase()")
        # force: with JavaScript a kind's form may hide its plain fields behind a richer control
        # (ticking the reconciliation's lines, the planning grid's cells) that fills them.
        if tag == "select":
            first.select_option(value, force=True)
        elif kind in ("radio", "checkbox"):
            choice = page.locator(f'#{step} [name="{name}"][value="{value}"]')
            if choice.count():
                choice.first.check(force=True)
            else:
                missing.append(f"{name}={value}")
        elif kind != "hidden":
            first.fill(value, force=True)
    return missing


def _rows(fields: dict[str, str]) -> dict[str, dict[str, str]]:
    """The rows of list answers: ``{"creneaux.3": {"salarie": "S1", "debut": "09:00"}}``."""
    rows: dict[str, dict[str, str]] = {}
    for name, value in fields.items():
        head, _, key = name.rpartition(".")
        if head.rpartition(".")[2].isdigit():
            rows.setdefault(head, {})[key] = value
    return rows


def in_form_order(answer: dict[str, str], hidden: dict[str, str]) -> dict[str, str]:
    """The answer with each row of a list moved to the form's row whose hidden fields hold the
    same values: a form may list the rows in its own order (the planning grid goes by employee
    and day, the reference answer by time slot). Rows without hidden fields stay where they are."""
    form_rows = _rows(hidden)
    placed: dict[str, str] = {}
    used: set[str] = set()
    for head, row in _rows(answer).items():
        ids = {key: value for key, value in row.items() if f"{head}.{key}" in hidden}
        liste = head.rpartition(".")[0]
        target = next(
            (
                other
                for other, other_ids in form_rows.items()
                if ids
                and other not in used
                and other.rpartition(".")[0] == liste
                and all(other_ids.get(key) == value for key, value in ids.items())
            ),
            head,
        )
        used.add(target)
        placed |= {f"{target}.{key}": value for key, value in row.items()}
    rows = {f"{head}.{key}" for head, row in _rows(answer).items() for key in row}
    return {name: value for name, value in answer.items() if name not in rows} | placed


def student_page(browser, url: str, logins, width: int) -> Page:
    """A demo student logged in, in a browser window ``width`` pixels wide."""
    phone = width < 600
    context = browser.new_context(
        locale="fr-FR",
        viewport={"width": width, "height": 900},
        is_mobile=phone,
        has_touch=phone,
    )
    page = context.new_page()
    log_in(page, url, logins.students[0], STUDENT_PASSWORD, lands_on="eleve")
    return page


def open_step(page: Page, mission_url: str, index: int) -> None:
    """The mission page open on step ``index`` (0-based): the page shows one step at a time."""
    page.goto(f"{mission_url}?etape={index + 1}")


def shoot(page: Page, mission_url: str, mission, base: Path, suffix: str) -> None:
    """The whole page as it opens, then each step alone."""
    page.goto(mission_url)
    page.screenshot(path=f"{base}-page{suffix}.png", full_page=True)
    for index in range(len(mission.etapes)):
        open_step(page, mission_url, index)
        step = page.locator(f"#etape-{index}")
        step.screenshot(path=f"{base}-etape-{index + 1}{suffix}.png")


def send_reference_answers(page: Page, mission_url: str, student, mission) -> None:
    """Each exercise step gets the reference answer; prints what each one scored."""
    for index, step in enumerate(mission.etapes):
        if not isinstance(step, ExerciseStep):
            continue
        open_step(page, mission_url, index)
        dom_id = f"etape-{index}"
        params = step_variant(student, mission, index).params
        answer = {k: v for k, v in flatten(get_kind(step.kind).solve(params)).items() if v}
        hidden = page.eval_on_selector_all(
            f'#{dom_id} input[type="hidden"][name]', "els => els.map(e => [e.name, e.value])"
        )
        missing = fill(page, dom_id, in_form_order(answer, dict(hidden)))
        page.click(f"#{dom_id} button[type=submit]")
        page.locator(f"#{dom_id} .bilan-score, #{dom_id} .message--erreur").first.wait_for()
        score = page.locator(f"#{dom_id} .bilan-score")
        shown = " ".join(score.inner_text().split()) if score.count() else "pas de note"
        print(f"{mission.slug} étape {index + 1} : {shown}")
        got, _, out_of = shown.partition(" points")[0].partition(" / ")
        if missing and got != out_of:
            # Only then a problem: a kind's solution may hold fields its form does not ask.
            print(f"  champs de la solution absents du formulaire : {', '.join(missing)}")


def shoot_mission(browser, slug: str, out: Path, solve: bool) -> None:
    mission = get_mission(slug)
    folder = Path(tempfile.mkdtemp(prefix="agora-screens-"))
    app = create_app(Settings(environment="development", data_dir=folder))
    migrations.upgrade(app.state.engine)
    logins = create_demo_if_empty(app.state.engine)
    with Session(app.state.engine, expire_on_commit=False) as session:
        classe = session.exec(select(Classe).where(Classe.nom == CLASSES[0])).one()
        user = session.exec(select(User).where(User.login == logins.students[0])).one()
        student = session.exec(select(Student).where(Student.user_id == user.id)).one()
    server, url = serve(app)
    try:
        teacher = browser.new_page(locale="fr-FR")
        log_in(teacher, url, *TEACHER, lands_on="enseignant")
        assign(teacher, url, classe.id, slug)
        teacher.close()
        with Session(app.state.engine) as session:
            assignment_id = session.exec(
                select(Assignment.id)
                .where(Assignment.classe_id == classe.id, Assignment.mission_slug == slug)
                .order_by(col(Assignment.id).desc())
            ).first()
        pages = {name: student_page(browser, url, logins, width) for name, width in WIDTHS.items()}
        mission_url = f"{url}/eleve/missions/{assignment_id}"
        for name, page in pages.items():
            shoot(page, mission_url, mission, out / f"{slug}-{name}", "")
        if solve:
            # Sent once, at desktop width; the phone then reloads the page to see the same
            # corrected steps (each step spends one attempt).
            send_reference_answers(pages["bureau"], mission_url, student, mission)
            for name, page in pages.items():
                shoot(page, mission_url, mission, out / f"{slug}-{name}", "-corrigee")
            # Each attempt's own page: the answer as sent and, for a kind that makes one, the
            # filled document (a fiche de prise en charge).
            with Session(app.state.engine) as session:
                attempts = session.exec(
                    select(StepAttempt.id, StepAttempt.step_index)
                    .where(StepAttempt.assignment_id == assignment_id)
                    .order_by(col(StepAttempt.id))
                ).all()
            for name, page in pages.items():
                for attempt_id, index in attempts:
                    page.goto(f"{url}/eleve/tentatives/{attempt_id}")
                    nom = f"{slug}-{name}-tentative-etape-{index + 1}.png"
                    page.screenshot(path=str(out / nom), full_page=True)
        for page in pages.values():
            page.context.close()
    finally:
        server.should_exit = True
        app.state.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("missions", nargs="+", metavar="MISSION_SLUG")
    parser.add_argument("--out", type=Path, required=True, help="dossier des captures")
    parser.add_argument(
        "--solve", action="store_true", help="envoyer aussi la réponse de référence"
    )
    args = parser.parse_args()
    known = load_missions()
    unknown = [slug for slug in args.missions if slug not in known]
    if unknown:
        sys.exit(f"mission inconnue : {', '.join(unknown)} (voir scenarios/missions/)")
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for slug in args.missions:
            shoot_mission(browser, slug, args.out, args.solve)
        browser.close()
    print(f"captures dans {args.out}")


if __name__ == "__main__":
    main()
