"""Guided reading (issue 15): a lesson places quiz questions inside its article.

The page `/lessons/<slug>/guided/` holds the article cut into parts, each
checkpoint's questions after the paragraph holding its passage, in reading order;
every part is in the HTML (no JavaScript needed to read it all), and the teacher's
`gate` travels as `data-gate` for guided.js."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from tests.conftest import FIXTURES, build, run_cli

GUIDED = "lessons/river-bridge/guided/"
FIXTURE = FIXTURES / "guided-reading"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    built = build(FIXTURE, tmp_path_factory.mktemp("guided"))
    assert built.returncode == 0, built.stderr
    return built


@pytest.fixture(scope="module")
def page(site):
    return lxml_html.fromstring(site.html(GUIDED))


def test_the_page_carries_the_teachers_gate(page):
    (article,) = page.xpath('.//article[@class="mg-guided"]')
    assert article.get("data-lesson") == "river-bridge"
    assert article.get("data-gate") == "true"


def test_questions_follow_the_paragraph_of_their_passage_in_reading_order(page):
    blocks = page.xpath('.//form[contains(@class,"mg-quiz")]/*[contains(@class,"mg-guided__")]')
    shape = []
    for block in blocks:
        if "mg-guided__part" in block.get("class"):
            shape.append(len(block.xpath("./p")))
        else:
            shape.append([fs.get("data-question") for fs in block.xpath(".//fieldset")])
    # Paragraph 1: who-opened; 2: bridge-cost then who-paid (in the order the text has
    # them); 3: why-it-matters; 4: the rest.
    assert shape == [1, ["who-opened"], 1, ["bridge-cost", "who-paid"], 1,
                     ["why-it-matters"], 1]


def test_every_part_is_in_the_html_and_none_hidden(page):
    parts = page.xpath('.//section[contains(@class,"mg-guided__part")]')
    assert len(parts) == 4
    assert [p for p in parts if p.get("hidden") is not None] == []


def test_the_questions_grade_under_their_own_key(page):
    (form,) = page.xpath('.//form[contains(@class,"mg-quiz")]')
    assert form.get("data-quiz") == "river-bridge-guided"
    data = form.xpath('string(.//script[@class="mg-quiz-data"])')
    assert '"who-opened"' in data and '"sequence"' not in data


def test_the_lesson_page_links_the_guided_reading(site):
    lesson = lxml_html.fromstring(site.html("lessons/river-bridge/"))
    hrefs = lesson.xpath('.//p[@class="mg-lesson__guided"]/a/@href')
    assert hrefs and hrefs[0].endswith("guided/")


def test_a_lesson_without_guided_reading_has_no_such_page(tmp_path):
    built = build(FIXTURES / "lesson-project", tmp_path)
    assert built.returncode == 0, built.stderr
    assert not (built.site / GUIDED).exists()


LESSON = (FIXTURE / "annotations/lessons/river-bridge.yml").read_text(encoding="utf-8")
CHECKPOINTS = LESSON[:LESSON.index("  checkpoints:")]


@pytest.mark.parametrize(("guided", "expected"), [
    ("  checkpoints:\n    - {after: The bridge cost 2 million pounds, question: bridge-cost}\n",
     "annotations/lessons/river-bridge.yml:12:15: error: the passage in 'after' does not "
     "occur in the article (fix: quote the article exactly; closest: “The bridge cost 1.4"),
    ("  checkpoints:\n    - {after: The bridge cost, question: bridge-costs}\n",
     "annotations/lessons/river-bridge.yml:12:42: error: question 'bridge-costs' is not in "
     "quiz 'river-bridge' (did you mean 'bridge-cost'?)"),
    ("  checkpoints:\n    - {after: The bridge cost, question: bridge-cost}\n"
     "    - {after: Mayor Ada Okafor, question: bridge-cost}\n",
     "annotations/lessons/river-bridge.yml:13:43: error: question 'bridge-cost' is already "
     "asked at line 12 (fix: ask each question once)"),
    ("  checkpoints:\n    - {after: The bridge cost}\n",
     "annotations/lessons/river-bridge.yml:12:7: error: checkpoint 1 is missing required "
     "key 'question' (fix: add `question:`)"),
    ("  checkpoints:\n    - {after: The bridge cost, question: bridge-cost, page: 2}\n",
     "annotations/lessons/river-bridge.yml:12:55: error: unknown key 'page' in checkpoint 1"),
])
def test_each_checkpoint_mistake_names_file_line_and_fix(make_project, guided, expected):
    project = make_project({"annotations/lessons/river-bridge.yml": CHECKPOINTS + guided},
                           base=FIXTURE)
    result = run_cli(project, "check")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(expected), errors[0]


def test_a_gate_that_is_not_true_or_false_is_an_error(make_project):
    project = make_project({"annotations/lessons/river-bridge.yml":
                            LESSON.replace("gate: true", "gate: sometimes")}, base=FIXTURE)
    result = run_cli(project, "check")
    assert result.returncode == 1
    assert ("annotations/lessons/river-bridge.yml:10:9: error: 'gate' must be true or false"
            in result.stderr)
