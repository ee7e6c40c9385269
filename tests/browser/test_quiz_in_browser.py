"""Taking a quiz in real Chromium, by keyboard alone.

The fixture quiz (tests/fixtures/quiz-project) has one question of every type.
Each graded question is answered right and wrong using only Tab, arrows, Space,
typing and Enter; the feedback, the score, the evidence link landing on the
marked passage, progress kept across a reload and reset clearing it are then
read off the page. Two runs take a whole quiz on a 390×844 phone: the fixture's
and the seed's, the latter answered from its YAML.
"""

from __future__ import annotations

import pytest
import yaml
from playwright.sync_api import Page, expect

from marginalia.render.quiz import match_partners
from tests.browser.conftest import SiteServer
from tests.conftest import FIXTURES, REPO, build
from tests.unit.test_grading import NORMALIZED, NORMALIZED_ES

SLUG = "river-bridge"
QUIZ = f"articles/{SLUG}/quiz/"
MAX_TABS = 80

# question id: (type, right answer, wrong answer, words of the wrong-answer feedback).
# Choices are given by index in the page's order; short answers as typed.
ANSWERS = {
    "who-opened": ("single", 1, 0, "the mayor cut the ribbon at noon"),
    "who-paid": ("multiple", [0, 2], [0, 1], "names the council and the transport fund"),
    "ferry-running": ("true-false", 1, 0, "stopped running in 2021"),
    "bridge-cost": ("short", "1,400,000", "1.5 million", "The second paragraph gives the cost"),
    "sequence": ("order", [2, 1, 0], [0, 1, 2], 'with "first", "then"'),
    "cause-and-effect": ("match", [0, 1], [1, 0], "explains the detour"),
}
GRADED = len(ANSWERS)


@pytest.fixture(scope="module")
def quiz_server(tmp_path_factory):
    built = build(FIXTURES / "quiz-project", tmp_path_factory.mktemp("quiz-browser"))
    assert built.returncode == 0, built.stderr
    server = SiteServer(built.site)
    yield server
    server.close()


def open_quiz(page: Page, server: SiteServer) -> None:
    page.goto(server.url(QUIZ))
    expect(page.locator(".mg-quiz__actions")).to_be_visible()  # quiz.js has run


def focused_is(page: Page, selector: str) -> bool:
    return page.evaluate("s => document.activeElement === document.querySelector(s)", selector)


def tab_to(page: Page, selector: str) -> None:
    """Press Tab (from wherever focus is) until `selector` has focus."""
    for _ in range(MAX_TABS):
        if focused_is(page, selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def answer(page: Page, qid: str, value, qtype: str | None = None) -> None:
    """Answer one question with the keyboard only, the way a keyboard user would."""
    qtype = qtype or (ANSWERS[qid][0] if qid in ANSWERS else "open")
    base = f"#q-{qid}"
    if qtype in ("single", "true-false"):
        tab_to(page, f"{base} input[type=radio]")
        page.keyboard.press("Space")  # picks the first choice
        for _ in range(value):
            page.keyboard.press("ArrowDown")  # moves the pick down the group
    elif qtype == "multiple":
        tab_to(page, f"{base} input[type=checkbox]")
        boxes = page.locator(f"{base} input[type=checkbox]").count()
        for i in range(boxes):
            if i in value:
                page.keyboard.press("Space")
            if i < boxes - 1:
                page.keyboard.press("Tab")
    elif qtype in ("short", "open"):
        tab_to(page, f"{base} input[type=text], {base} textarea")
        page.keyboard.type(value)
    else:  # order, match: one select per position or left item
        for i, option in enumerate(value):
            tab_to(page, f"{base}-{i}")
            for _ in range(option + 1):  # past the "Choose…" placeholder
                page.keyboard.press("ArrowDown")


def check(page: Page, qid: str) -> None:
    tab_to(page, f"#q-{qid} button[data-action=check]")
    page.keyboard.press("Enter")


def feedback(page: Page, qid: str):
    return page.locator(f"#q-{qid} .mg-feedback")


# --------------------------------------------------------------------------- per question

@pytest.mark.parametrize("qid", ANSWERS)
def test_a_right_answer_is_confirmed_with_its_evidence(page, quiz_server, qid):
    open_quiz(page, quiz_server)
    answer(page, qid, ANSWERS[qid][1])
    check(page, qid)
    box = feedback(page, qid)
    expect(box.locator(".mg-feedback__verdict")).to_have_text("Correct.")
    expect(box.locator(".mg-feedback__evidence")).to_be_visible()
    expect(box.locator(".mg-feedback__incorrect")).to_be_hidden()
    expect(page.locator(".mg-quiz__score")).to_contain_text(f"Score: 1 of {GRADED} right.")


@pytest.mark.parametrize("qid", ANSWERS)
def test_a_wrong_answer_gets_the_evidence_and_the_feedback(page, quiz_server, qid):
    open_quiz(page, quiz_server)
    answer(page, qid, ANSWERS[qid][2])
    check(page, qid)
    box = feedback(page, qid)
    expect(box.locator(".mg-feedback__verdict")).to_contain_text("Not quite")
    expect(box.locator(".mg-feedback__incorrect")).to_be_visible()
    expect(box.locator(".mg-feedback__incorrect")).to_contain_text(ANSWERS[qid][3])
    expect(box.locator(".mg-feedback__evidence")).to_be_visible()
    expect(box.locator("a.mg-evidence-link")).to_be_visible()
    expect(page.locator(".mg-quiz__score")).to_contain_text(f"Score: 0 of {GRADED} right.")


def test_the_open_question_is_not_graded(page, quiz_server):
    open_quiz(page, quiz_server)
    answer(page, "why-it-matters", "The ferry stopped, so people took a detour.")
    check(page, "why-it-matters")
    box = feedback(page, "why-it-matters")
    expect(box.locator(".mg-feedback__verdict")).to_contain_text("Not graded")
    expect(box.locator(".mg-feedback__correct")).to_contain_text("ferry closing")
    expect(box.locator(".mg-feedback__evidence")).to_be_visible()
    expect(page.locator(".mg-quiz__score")).to_be_empty()


def test_an_empty_answer_is_not_marked_wrong(page, quiz_server):
    open_quiz(page, quiz_server)
    check(page, "bridge-cost")
    expect(feedback(page, "bridge-cost")).to_contain_text("Not answered yet.")
    expect(feedback(page, "bridge-cost").locator(".mg-feedback__evidence")).to_be_hidden()


def test_changing_an_answer_withdraws_its_old_feedback(page, quiz_server):
    open_quiz(page, quiz_server)
    answer(page, "bridge-cost", "1.5 million")
    check(page, "bridge-cost")
    page.locator("#q-bridge-cost-text").focus()
    page.keyboard.press("Backspace")
    expect(feedback(page, "bridge-cost").locator(".mg-feedback__verdict")).to_be_empty()
    expect(page.locator(".mg-quiz__score")).to_be_empty()


# --------------------------------------------------------------------------- the whole quiz

def answer_all(page: Page, right: set[str]) -> None:
    for qid, (_, good, bad, _) in ANSWERS.items():
        answer(page, qid, good if qid in right else bad)


def submit(page: Page) -> None:
    tab_to(page, "form.mg-quiz button[type=submit]")
    page.keyboard.press("Enter")


def test_checking_all_answers_gives_the_score(page, quiz_server):
    open_quiz(page, quiz_server)
    answer_all(page, {"who-opened", "ferry-running", "sequence", "cause-and-effect"})
    submit(page)
    expect(page.locator(".mg-quiz__score")).to_have_text(
        f"Score: 4 of {GRADED} right. Choose “Retry wrong answers” to try those again.")
    expect(page.locator("fieldset.mg-question--correct")).to_have_count(4)
    expect(page.locator("fieldset.mg-question--incorrect")).to_have_count(2)


def test_the_evidence_link_lands_on_the_marked_passage(page, quiz_server):
    open_quiz(page, quiz_server)
    answer(page, "ferry-running", 0)
    check(page, "ferry-running")
    tab_to(page, "#q-ferry-running .mg-feedback a.mg-evidence-link")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/articles/{SLUG}/#ev-ferry-running")
    assert page.evaluate("location.hash") == "#ev-ferry-running"
    target = page.locator("mark.mg-evidence:target")
    expect(target).to_have_attribute("id", "ev-ferry-running")
    expect(target).to_have_text("the old ferry stopped running in 2021")
    expect(target).to_be_in_viewport()


def test_progress_survives_a_reload(page, quiz_server):
    open_quiz(page, quiz_server)
    answer_all(page, {"who-opened", "who-paid", "bridge-cost"})
    submit(page)
    score = page.locator(".mg-quiz__score").text_content()
    page.reload()
    expect(page.locator(".mg-quiz__score")).to_have_text(score or "")
    expect(page.locator("#q-who-opened-1")).to_be_checked()
    expect(page.locator("#q-bridge-cost-text")).to_have_value("1,400,000")
    expect(page.locator("#q-sequence-0")).to_have_value("0")
    expect(feedback(page, "who-paid").locator(".mg-feedback__verdict")).to_have_text("Correct.")


def test_reset_clears_answers_feedback_and_saved_progress(page, quiz_server):
    open_quiz(page, quiz_server)
    answer_all(page, {"who-opened"})
    submit(page)
    tab_to(page, "form.mg-quiz button[data-action=reset]")
    page.keyboard.press("Enter")
    expect(page.locator(".mg-quiz__score")).to_have_text("The quiz was reset.")
    assert focused_is(page, "#q-who-opened-0")
    assert page.evaluate(f"localStorage.getItem('marginalia:quiz:{SLUG}')") is None
    page.reload()
    expect(page.locator(".mg-quiz__actions")).to_be_visible()
    expect(page.locator("form.mg-quiz input:checked")).to_have_count(0)
    expect(page.locator("#q-bridge-cost-text")).to_have_value("")
    expect(page.locator(".mg-feedback__verdict:not(:empty)")).to_have_count(0)


def test_retry_clears_only_the_wrong_answers(page, quiz_server):
    open_quiz(page, quiz_server)
    answer_all(page, {"who-opened", "bridge-cost"})
    submit(page)
    tab_to(page, "form.mg-quiz button[data-action=retry]")
    page.keyboard.press("Enter")
    expect(page.locator(".mg-quiz__score")).to_contain_text("Cleared 4 wrong answers")
    expect(page.locator("#q-who-opened-1")).to_be_checked()
    expect(page.locator("#q-bridge-cost-text")).to_have_value("1,400,000")
    expect(page.locator("#q-who-paid input:checked")).to_have_count(0)
    assert focused_is(page, "#q-who-paid-0")


def test_a_phone_reader_takes_the_whole_quiz_by_keyboard(browser, quiz_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)
    phone = context.new_page()
    try:
        open_quiz(phone, quiz_server)
        answer_all(phone, set(ANSWERS))
        answer(phone, "why-it-matters", "A long detour.")
        submit(phone)
        expect(phone.locator(".mg-quiz__score")).to_have_text(
            f"Score: {GRADED} of {GRADED} right. Every graded answer is right. Well done!")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        for qid in ANSWERS:
            expect(feedback(phone, qid).locator("a.mg-evidence-link")).to_be_visible()
    finally:
        context.close()


def right_answer(q: dict):
    """The keyboard answer to a question of the seed YAML: indices or text, as `answer` takes."""
    choices, wanted = q.get("choices", []), q.get("answer")
    if q["type"] == "single":
        return choices.index(wanted)
    if q["type"] == "true-false":
        return 0 if wanted else 1
    if q["type"] in ("multiple", "order"):
        return [choices.index(w) for w in wanted]
    if q["type"] == "short":
        return wanted[0]
    if q["type"] == "match":
        partners = match_partners(wanted)
        return [partners.index(v) for v in wanted.values()]
    return "The two sides still disagree about how long a ceasefire would last."


def test_a_phone_reader_takes_the_seed_quiz_and_finds_every_passage(browser, seed_server):
    source = yaml.safe_load((REPO / "annotations" / "quizzes" / "ceasefire-talks-cairo.yml")
                            .read_text("utf-8"))
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)
    phone = context.new_page()
    try:
        phone.goto(seed_server.url("articles/ceasefire-talks-cairo/quiz/"))
        expect(phone.locator(".mg-quiz__actions")).to_be_visible()
        for q in source["questions"]:
            answer(phone, q["id"], right_answer(q), q["type"])
        submit(phone)
        graded = sum(1 for q in source["questions"] if q["type"] != "open")
        expect(phone.locator(".mg-quiz__score")).to_contain_text(
            f"Score: {graded} of {graded} right.")
        hrefs = phone.locator(".mg-feedback a.mg-evidence-link:visible").evaluate_all(
            "links => links.map(a => a.href)")  # resolved, whatever the theme did to them
        assert len(hrefs) == len(source["questions"])
        phone.goto(hrefs[0].split("#")[0])
        for q in source["questions"]:
            assert phone.locator(f"mark.mg-evidence#ev-{q['id']}").count() == 1, q["id"]
    finally:
        context.close()


# --------------------------------------------------------------------------- around the quiz

def test_the_quiz_starts_after_instant_navigation(page, quiz_server):
    page.goto(quiz_server.url(f"articles/{SLUG}/"))
    page.locator(".mg-quiz-link a").click()
    page.wait_for_url(f"**/{QUIZ}")
    expect(page.locator(".mg-quiz__actions")).to_be_visible()
    answer(page, "bridge-cost", "1.4 million")
    check(page, "bridge-cost")
    expect(feedback(page, "bridge-cost").locator(".mg-feedback__verdict")).to_have_text("Correct.")


def test_without_javascript_the_answer_can_be_revealed(browser, quiz_server):
    context = browser.new_context(java_script_enabled=False)
    reader = context.new_page()
    try:
        reader.goto(quiz_server.url(QUIZ))
        expect(reader.locator("form.mg-quiz button")).to_have_count(len(ANSWERS) + 1 + 3)
        for button in reader.locator("form.mg-quiz button").all():
            expect(button).to_be_hidden()
        reveal = reader.locator("#q-sequence details.mg-reveal")
        reveal.locator("summary").click()
        expect(reveal).to_contain_text("The council held a public vote")
        expect(reveal.locator("a.mg-evidence-link")).to_be_visible()
    finally:
        context.close()


def test_the_browser_normalises_short_answers_like_grading_py(page, quiz_server):
    open_quiz(page, quiz_server)
    typed = [t for t, _ in NORMALIZED]
    got = page.evaluate("xs => xs.map(x => window.MarginaliaQuiz.normalize(x))", typed)
    assert list(zip(typed, got, strict=True)) == NORMALIZED


def test_the_browser_folds_spanish_accents_like_grading_py(page, quiz_server):
    open_quiz(page, quiz_server)
    typed = [t for t, _ in NORMALIZED_ES]
    got = page.evaluate("xs => xs.map(x => window.MarginaliaQuiz.normalize(x, 'es'))", typed)
    assert list(zip(typed, got, strict=True)) == NORMALIZED_ES
