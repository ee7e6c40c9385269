"""Quiz pages as built by the real CLI, checked against DESIGN.md §5 and issue 4.

Two projects: the seed site and tests/fixtures/quiz-project, whose quiz uses every
question type (and a choice that looks like a script). Everything here is about
the HTML a reader without JavaScript gets; the browser tests grade it.
"""

from __future__ import annotations

import json
import posixpath

import pytest
import yaml
from lxml import html as lxml_html

from marginalia.link.evidence import fold
from tests.conftest import FIXTURES, REPO, build

FIXTURE_SLUG = "river-bridge"
SEED_SLUG = "ceasefire-talks-cairo"
SECRET = "SECRET-MODEL-ANSWER"


def has_class(name: str) -> str:
    return f'contains(concat(" ", normalize-space(@class), " "), " {name} ")'


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    built = build(FIXTURES / "quiz-project", tmp_path_factory.mktemp("quiz"))
    assert built.returncode == 0, built.stderr
    return built


@pytest.fixture(scope="module")
def fixture_teacher_site(tmp_path_factory):
    built = build(FIXTURES / "quiz-project", tmp_path_factory.mktemp("quiz-teacher"),
                  "--edition", "teacher")
    assert built.returncode == 0, built.stderr
    return built


@pytest.fixture(params=["fixture", "seed"])
def quiz_case(request, fixture_site, seed_site):
    """(built site, slug, the quiz YAML as data) for each project."""
    if request.param == "fixture":
        built, slug, root = fixture_site, FIXTURE_SLUG, FIXTURES / "quiz-project"
    else:
        built, slug, root = seed_site, SEED_SLUG, REPO
    source = yaml.safe_load((root / "annotations" / "quizzes" / f"{slug}.yml").read_text("utf-8"))
    return built, slug, source


def quiz_doc(built, slug):
    return lxml_html.fromstring(built.html(f"articles/{slug}/quiz/"))


def question(doc, qid):
    found = doc.xpath(f'//fieldset[{has_class("mg-question")}][@data-question="{qid}"]')
    assert len(found) == 1, qid
    return found[0]


# --------------------------------------------------------------------------- the form

def test_the_quiz_is_one_form_named_after_its_article(quiz_case):
    built, slug, _ = quiz_case
    forms = quiz_doc(built, slug).xpath(f"//form[{has_class('mg-quiz')}]")
    assert [f.get("data-quiz") for f in forms] == [slug]


def test_each_question_is_a_fieldset_with_its_id_and_type_in_order(quiz_case):
    built, slug, source = quiz_case
    fieldsets = quiz_doc(built, slug).xpath(f"//form//fieldset[{has_class('mg-question')}]")
    assert [(f.get("data-question"), f.get("data-type")) for f in fieldsets] == [
        (q["id"], q["type"]) for q in source["questions"]]


def test_each_question_has_a_legend_holding_its_prompt(quiz_case):
    built, slug, source = quiz_case
    doc = quiz_doc(built, slug)
    for q in source["questions"]:
        legend = question(doc, q["id"]).xpath("./legend")
        assert len(legend) == 1
        assert " ".join(q["prompt"].split()) in " ".join(legend[0].text_content().split())


def test_every_control_has_a_label(quiz_case):
    built, slug, _ = quiz_case
    doc = quiz_doc(built, slug)
    form = doc.xpath(f"//form[{has_class('mg-quiz')}]")[0]
    controls = form.xpath(".//input | .//select | .//textarea")
    assert controls
    for control in controls:
        labels = doc.xpath(f'//label[@for="{control.get("id")}"]')
        assert len(labels) == 1 and labels[0].text_content().strip(), control.get("id")


CONTROLS = {
    # type: (xpath of its answer controls, how many for the fixture question)
    "single": ('.//input[@type="radio"]', 3),
    "multiple": ('.//input[@type="checkbox"]', 4),
    "true-false": ('.//input[@type="radio"]', 2),
    "short": ('.//input[@type="text"]', 1),
    "order": (".//select", 3),
    "match": (".//select", 2),
    "open": (".//textarea", 1),
}
FIXTURE_IDS = {"single": "who-opened", "multiple": "who-paid", "true-false": "ferry-running",
               "short": "bridge-cost", "order": "sequence", "match": "cause-and-effect",
               "open": "why-it-matters"}


@pytest.mark.parametrize("qtype", CONTROLS)
def test_each_type_is_answered_with_keyboard_friendly_controls(fixture_site, qtype):
    fieldset = question(quiz_doc(fixture_site, FIXTURE_SLUG), FIXTURE_IDS[qtype])
    path, count = CONTROLS[qtype]
    assert len(fieldset.xpath(path)) == count
    assert fieldset.xpath('.//*[@draggable="true"]') == []


def test_order_and_match_offer_every_item_in_each_select(fixture_site):
    doc = quiz_doc(fixture_site, FIXTURE_SLUG)
    order = question(doc, "sequence").xpath(".//select")
    assert {tuple(o.text for o in s.xpath("./option[@value!='']")) for s in order} == {
        ("The bridge opened", "Work began", "The council held a public vote")}
    match = question(doc, "cause-and-effect").xpath(".//select")
    assert {tuple(o.text for o in s.xpath("./option[@value!='']")) for s in match} == {
        ("A long detour", "A ten-minute walk")}


# --------------------------------------------------------------------------- feedback, evidence

def test_feedback_is_a_status_region_linking_to_the_evidence(quiz_case):
    built, slug, source = quiz_case
    doc = quiz_doc(built, slug)
    for q in source["questions"]:
        feedback = question(doc, q["id"]).xpath(f'.//div[{has_class("mg-feedback")}]')
        assert len(feedback) == 1 and feedback[0].get("role") == "status"
        if q.get("evidence"):
            assert feedback[0].xpath(f'.//a[@href="../#ev-{q["id"]}"]'), q["id"]
            assert q["evidence"] in feedback[0].text_content()


def test_wrong_answer_feedback_is_in_the_page(quiz_case):
    built, slug, source = quiz_case
    doc = quiz_doc(built, slug)
    for q in source["questions"]:
        incorrect = q.get("feedback", {}).get("incorrect")
        if incorrect:
            box = question(doc, q["id"]).xpath(f'.//*[{has_class("mg-feedback__incorrect")}]')
            assert " ".join(incorrect.split())[:40] in " ".join(box[0].text_content().split())


def test_every_evidence_link_lands_on_a_marked_passage(quiz_case):
    built, slug, source = quiz_case
    article = lxml_html.fromstring(built.html(f"articles/{slug}/"))
    for q in source["questions"]:
        if q.get("evidence"):
            marks = article.xpath(f'//mark[{has_class("mg-evidence")}][@id="ev-{q["id"]}"]')
            assert len(marks) == 1, q["id"]
            assert fold(q["evidence"]) in fold(" ".join(marks[0].text_content().split()))


def test_without_javascript_each_question_reveals_its_answer_and_evidence(fixture_site):
    doc = quiz_doc(fixture_site, FIXTURE_SLUG)
    expected = {"who-opened": "Ada Okafor", "who-paid": "A regional transport fund",
                "ferry-running": "False", "bridge-cost": "1.4 million",
                "sequence": "The council held a public vote", "cause-and-effect":
                "The ferry stopped running → A long detour"}
    for qid, answer in expected.items():
        details = question(doc, qid).xpath(f'./details[{has_class("mg-reveal")}]')
        assert len(details) == 1 and details[0].xpath("./summary")
        assert answer in details[0].text_content()
        assert details[0].xpath(f'.//a[@href="../#ev-{qid}"]')


def test_buttons_that_need_javascript_are_hidden_without_it(fixture_site):
    doc = quiz_doc(fixture_site, FIXTURE_SLUG)
    buttons = doc.xpath(f"//form[{has_class('mg-quiz')}]//button")
    assert buttons
    for button in buttons:
        assert button.xpath('ancestor::*[@hidden][contains(@class, "mg-js-only")]'), \
            button.text_content()


def test_the_score_summary_is_a_status_region(fixture_site):
    doc = quiz_doc(fixture_site, FIXTURE_SLUG)
    score = doc.xpath(f'//form//*[{has_class("mg-quiz__score")}]')
    assert len(score) == 1 and score[0].get("role") == "status"


# --------------------------------------------------------------------------- answers as data

def quiz_data(doc) -> dict:
    scripts = doc.xpath(f'//form//script[{has_class("mg-quiz-data")}]')
    assert len(scripts) == 1 and scripts[0].get("type") == "application/json"
    return json.loads(scripts[0].text)


def test_the_answers_are_embedded_as_json_by_choice_index(fixture_site):
    data = quiz_data(quiz_doc(fixture_site, FIXTURE_SLUG))
    assert data == {"quiz": FIXTURE_SLUG, "questions": {
        "who-opened": {"type": "single", "answer": 1},
        "who-paid": {"type": "multiple", "answer": [0, 2]},
        "ferry-running": {"type": "true-false", "answer": False},
        "bridge-cost": {"type": "short", "answer": ["1.4 million"]},
        "sequence": {"type": "order", "answer": [2, 1, 0]},
        "cause-and-effect": {"type": "match", "answer": [0, 1]},
        "why-it-matters": {"type": "open"},
    }}


def test_the_student_edition_holds_no_model_answer_anywhere(fixture_site):
    leaks = [p.relative_to(fixture_site.site).as_posix() for p in fixture_site.site.rglob("*")
             if p.is_file() and SECRET.encode() in p.read_bytes()]
    assert leaks == []


def test_the_teacher_edition_shows_the_model_answer_as_teacher_only(fixture_teacher_site):
    doc = quiz_doc(fixture_teacher_site, FIXTURE_SLUG)
    holders = doc.xpath(f'//*[{has_class("mg-teacher")}][contains(., "{SECRET}")]')
    assert holders
    assert SECRET not in json.dumps(quiz_data(doc))


def test_annotation_text_is_escaped(fixture_site):
    doc = quiz_doc(fixture_site, FIXTURE_SLUG)
    assert [s for s in doc.xpath("//script") if "alert(1)" in (s.text or "")] == []
    labels = [lab.text_content() for lab in question(doc, "who-paid").xpath(".//label")]
    assert "<script>alert(1)</script>" in labels


# --------------------------------------------------------------------------- links

def test_glossary_names_in_prompts_link_to_their_entity_pages(fixture_site):
    doc = quiz_doc(fixture_site, FIXTURE_SLUG)
    legend = question(doc, "who-opened").xpath("./legend")[0]
    links = legend.xpath(f'.//a[{has_class("mg-mention")}]')
    assert [a.get("data-entity") for a in links] == ["places/harwick"]
    target = posixpath.normpath(posixpath.join(f"articles/{FIXTURE_SLUG}/quiz/",
                                               links[0].get("href")))
    assert (fixture_site.site / target / "index.html").is_file()


def test_article_and_quiz_link_to_each_other(quiz_case):
    built, slug, _ = quiz_case
    article = lxml_html.fromstring(built.html(f"articles/{slug}/"))
    assert article.xpath('//a[@href="quiz/"]')
    assert quiz_doc(built, slug).xpath(f'//*[{has_class("mg-quiz-page")}]//a[@href="../"]')


def test_the_home_page_shows_which_articles_have_a_quiz(fixture_site):
    home = lxml_html.fromstring(fixture_site.html(""))
    assert home.xpath(f'//a[@href="articles/{FIXTURE_SLUG}/quiz/"]')


# --------------------------------------------------------------------------- the seed quiz

def test_the_seed_quiz_mixes_types_and_skills():
    source = yaml.safe_load((REPO / "annotations" / "quizzes" / f"{SEED_SLUG}.yml")
                            .read_text("utf-8"))
    questions = source["questions"]
    assert len(questions) == 10
    assert len({q["type"] for q in questions}) >= 5
    assert {q["skill"] for q in questions} >= {"recall", "vocabulary", "inference",
                                               "main-idea", "cause-effect"}
