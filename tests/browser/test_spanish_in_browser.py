"""What the scripts say on a Spanish site (tests/fixtures/spanish-site), in real Chromium:
quiz verdicts, score and retry messages come from the page's catalog words, never from
English in the script."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SiteServer
from tests.conftest import FIXTURES, build

QUIZ = "articles/puerto-nuevo/quiz/"
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    built = build(FIXTURES / "spanish-site", tmp_path_factory.mktemp("es-browser"))
    assert built.returncode == 0, built.stderr
    s = SiteServer(built.site)
    yield s
    s.close()


def test_quiz_feedback_and_score_are_spanish(page, server):
    page.goto(server.url(QUIZ))
    expect(page.locator(".mg-quiz__actions")).to_be_visible()
    right = page.locator('fieldset[data-question="quien-inauguro"]')
    right.locator("label", has_text="Ada Moreau").click()
    right.locator('button[data-action="check"]').click()
    expect(right.locator(".mg-feedback__verdict")).to_have_text("Correcto.")
    wrong = page.locator('fieldset[data-question="costo"]')
    wrong.locator("label", has_text="Falso").click()
    wrong.locator('button[data-action="check"]').click()
    expect(wrong.locator(".mg-feedback__verdict")).to_have_text(
        "No exactamente. Esto es lo que dice el artículo:")
    expect(page.locator(".mg-quiz__score")).to_have_text(
        "Puntuación: 1 de 4 correctas. 2 de 4 revisadas por ahora.")
    page.locator('button[data-action="retry"]').click()
    expect(page.locator(".mg-quiz__score")).to_contain_text(
        "Se borró 1 respuesta incorrecta: inténtalo de nuevo.")
    page.locator('button[data-action="reset"]').click()
    expect(page.locator(".mg-quiz__score")).to_have_text("Se reinició el cuestionario.")


def test_the_unanswered_verdict_is_spanish(page, server):
    page.goto(server.url(QUIZ))
    fieldset = page.locator('fieldset[data-question="anios"]')
    fieldset.locator('button[data-action="check"]').click()
    expect(fieldset.locator(".mg-feedback__verdict")).to_have_text("Todavía sin responder.")
