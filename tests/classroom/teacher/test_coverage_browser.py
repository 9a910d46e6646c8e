"""In a real browser: the class heatmap on a school PC shows every column, the passport's
download link included, without scrolling sideways."""

import pytest
from tests.browser_helpers import ON_SQLITE_ONLY

pytestmark = [pytest.mark.browser, ON_SQLITE_ONLY]
PASSWORD = "motdepasse-de-test"


def test_on_a_school_pc_the_heatmap_shows_the_passport_column(
    live_server, browser_page, make_teacher, make_classe, make_student
):
    # At 1280 px the table was 1 196 px wide in a 1 120 px box: « Passeport », the column the
    # guide sends teachers to, was off the right edge with nothing showing the table scrolls.
    teacher = make_teacher("Claire", "Durand")
    classe = make_classe(teacher)
    make_student(classe, prenom="Marie-Bernadette", nom="Lefèvre-Delaunay")
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server}/connexion")
    page.fill("#identifiant", teacher.login)
    page.fill("#mot_de_passe", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server}/enseignant/classes/{classe.id}/competences")
    box = page.locator(".carte-chaleur-conteneur").bounding_box()
    link = page.locator(".carte-chaleur tbody a", has_text="PDF").bounding_box()
    assert link["x"] + link["width"] <= box["x"] + box["width"], (link, box)
    assert page.evaluate(
        "(() => { const c = document.querySelector('.carte-chaleur-conteneur');"
        " return c.scrollWidth <= c.clientWidth; })()"
    )
