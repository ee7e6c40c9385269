"""The lesson page and its printable handouts, as the real CLI builds them.

Checked against DESIGN.md §3/§5 and issue 5: `<article class="mg-lesson">`
with every part of the lesson, vocabulary cards from the glossary, a
reading-level panel, the quiz, and handouts that print on A4 and US Letter.
"""

from __future__ import annotations

import posixpath

import pytest
from lxml import html as lxml_html

from marginalia.render.readability import measure_markdown
from tests.conftest import REPO
from tests.site.test_editions import SEED, normalise, seed_lesson

PAGE = f"lessons/{SEED}/"
WORKSHEET = f"lessons/{SEED}/worksheet/"


@pytest.fixture(scope="module")
def lesson_tree(seed_site):
    return lxml_html.fromstring(seed_site.html(PAGE))


@pytest.fixture(scope="module")
def lesson_el(lesson_tree):
    found = lesson_tree.xpath(f"//article[@class='mg-lesson'][@data-lesson='{SEED}']")
    assert len(found) == 1
    return found[0]


def test_lesson_page_has_one_h1_with_the_title(lesson_el):
    lesson, _ = seed_lesson()
    assert [h.text_content() for h in lesson_el.iter("h1")] == [lesson.title]


@pytest.mark.parametrize("heading", ["Reading level", "Objectives", "Standards", "Vocabulary",
                                     "Before reading", "During reading", "After reading",
                                     "Discussion questions", "Quiz"])
def test_lesson_page_has_each_part(lesson_el, heading):
    assert heading in [h.text_content() for h in lesson_el.iter("h2")]


def test_grades_and_minutes_are_shown(lesson_el):
    facts = normalise(lxml_html.tostring(lesson_el.find_class("mg-lesson__facts")[0],
                                         encoding="unicode"))
    assert "Grades 9-12" in facts
    assert "Time 45 minutes" in facts


@pytest.mark.parametrize("field", ["objectives", "standards"])
def test_every_objective_and_standard_is_listed(lesson_el, field):
    lesson, _ = seed_lesson()
    items = [normalise(li.text_content()) for li in lesson_el.find_class(f"mg-{field}")[0]]
    assert items == list(getattr(lesson, field))


def test_vocabulary_cards_come_from_the_glossary_in_lesson_order(lesson_el):
    lesson, _ = seed_lesson()
    cards = lesson_el.find_class("mg-vocabulary")[0].find_class("mg-card")
    assert [c.get("data-entity") for c in cards] == list(lesson.vocabulary)


def test_vocabulary_cards_link_to_entity_pages_that_exist(seed_site, lesson_el):
    for card in lesson_el.find_class("mg-vocab"):
        href = card.find(".//h3/a").get("href")
        target = posixpath.normpath(posixpath.join(PAGE, href))
        assert (seed_site.site / target / "index.html").is_file(), href


def test_discussion_lists_every_question(lesson_el):
    lesson, _ = seed_lesson()
    items = lesson_el.find_class("mg-discussion")[0].findall("li")
    assert [normalise(li.text_content()) for li in items] == \
        [normalise(d.question) for d in lesson.discussion]


def test_quiz_link_leads_to_the_quiz_page(seed_site, lesson_el):
    href = lesson_el.find_class("mg-lesson__quiz")[0].find("a").get("href")
    target = posixpath.normpath(posixpath.join(PAGE, href))
    assert target == f"articles/{SEED}/quiz"
    assert 'class="mg-quiz"' in seed_site.html(target + "/")


def test_reading_level_panel_shows_the_articles_figures(lesson_el):
    body = (REPO / "docs" / "articles" / f"{SEED}.md").read_text(encoding="utf-8")
    expected = measure_markdown(body.split("---", 2)[2])
    panel = lesson_el.find_class("mg-reading-level")[0]
    values = [normalise(dd.text_content()) for dd in panel.iter("dd")]
    assert values == [expected.grade_label(), str(expected.words),
                      f"about {expected.minutes} min"]


def test_lesson_page_loads_the_lesson_stylesheet(lesson_tree):
    hrefs = [link.get("href") for link in lesson_tree.iter("link")]
    assert any(h.endswith("assets/marginalia/lesson.css") for h in hrefs)


def test_lesson_page_requests_nothing_from_other_sites(lesson_tree):
    sources = [el.get("src") for el in lesson_tree.iter("script", "img", "iframe")] + \
              [el.get("href") for el in lesson_tree.iter("link")
               if el.get("rel") != "canonical"]  # canonical names the page, loads nothing
    assert [s for s in sources if s and s.startswith(("http:", "https:", "//"))] == []


# ------------------------------------------------------------------ handouts

@pytest.fixture(scope="module")
def worksheet(seed_site):
    tree = lxml_html.fromstring(seed_site.html(WORKSHEET))
    found = tree.find_class("mg-worksheet")
    assert len(found) == 1
    return found[0]


def test_worksheet_prints_the_article_text(seed_site, worksheet):
    article = normalise(lxml_html.tostring(worksheet.find_class("mg-handout__article")[0],
                                           encoding="unicode"))
    assert "Negotiations aimed at securing a ceasefire in Gaza" in article


def test_worksheet_has_every_question_with_space_to_answer(worksheet):
    _, quiz = seed_lesson()
    assert quiz is not None
    items = worksheet.find_class("mg-handout__question")
    assert [i.get("data-question") for i in items] == [q.id for q in quiz.questions]
    for item in items:
        assert item.find_class("mg-line") or item.find_class("mg-box"), item.get("data-question")


def test_worksheet_gives_no_answers(worksheet):
    _, quiz = seed_lesson()
    text = normalise(lxml_html.tostring(worksheet, encoding="unicode"))
    for q in quiz.questions:
        if q.feedback_correct:
            assert normalise(q.feedback_correct) not in text
        if q.model_answer:
            assert normalise(q.model_answer)[:60] not in text
    assert "Answer key" not in text


def test_worksheet_has_vocabulary_to_define(worksheet):
    lesson, _ = seed_lesson()
    items = worksheet.find_class("mg-handout__vocabulary")[0].iter("li")
    assert len(list(items)) == len(lesson.vocabulary)


def test_answer_key_page_lists_every_answer_with_evidence(seed_teacher_site):
    _, quiz = seed_lesson()
    tree = lxml_html.fromstring(seed_teacher_site.html(f"lessons/{SEED}/answer-key/"))
    items = tree.find_class("mg-key__item")
    assert [i.get("data-question") for i in items] == [q.id for q in quiz.questions]
    for item, q in zip(items, quiz.questions, strict=True):
        text = normalise(item.text_content())
        assert normalise(q.evidence) in text
        assert all(normalise(a) in text for a in q.answer_list) or q.type == "open"


def test_teacher_lesson_page_links_every_handout_file(seed_teacher_site):
    from marginalia.exports import handout_files

    tree = lxml_html.fromstring(seed_teacher_site.html(PAGE))
    links = {a.text_content(): a.get("href") for a in tree.iter("a") if a.get("download")
             is not None}
    for name, label in handout_files(SEED):
        href = links[label]
        assert href.endswith(name)
        target = posixpath.normpath(posixpath.join(PAGE, href))
        assert (seed_teacher_site.site / target).stat().st_size > 1000


def test_no_share_link_to_this_machine_and_a_warning_instead(seed_teacher_site):
    # The seed's site_url defaults to http://127.0.0.1:8000/: no student can open that.
    assert "Share to Google Classroom" not in seed_teacher_site.html(PAGE)
    assert "WARNING" in seed_teacher_site.stderr
    assert "no 'Share to Google Classroom' link" in seed_teacher_site.stderr


def test_student_lesson_page_links_no_handout_file(seed_site):
    assert "Handouts to print or edit" not in seed_site.html(PAGE)
    assert not (seed_site.site / "lessons" / SEED / "exports").exists()


@pytest.mark.parametrize("rule", ["@page", "@media print", "break-before: page",
                                  "mg-no-print"])
def test_print_stylesheet_sets_up_paper(seed_site, rule):
    css = (seed_site.site / "assets" / "marginalia" / "lesson.css").read_text(encoding="utf-8")
    assert rule in css


def test_print_stylesheet_fixes_no_paper_size_so_a4_and_letter_both_fit(seed_site):
    css = (seed_site.site / "assets" / "marginalia" / "lesson.css").read_text(encoding="utf-8")
    start = css.index("@page {")
    page_rule = css[start:css.index("}", start)]
    assert "size" not in page_rule
    # 180 mm of text plus 15 mm margins fits the narrower sheet (A4: 210 mm wide).
    assert "max-width: 180mm" in css


# ------------------------------------------------------------------ untrusted text

@pytest.fixture(scope="module")
def fixture_lesson(tmp_path_factory):
    from tests.conftest import FIXTURES, build

    built = build(FIXTURES / "lesson-project", tmp_path_factory.mktemp("lesson-student"))
    assert built.returncode == 0, built.stderr
    return built.html("lessons/river-bridge/")


def test_lesson_text_cannot_run_script(fixture_lesson):
    tree = lxml_html.fromstring(fixture_lesson)
    article = tree.find_class("mg-lesson")[0]
    assert list(article.iter("script", "img", "iframe")) == []
    assert [a for el in article.iter() for a in el.attrib if a.startswith("on")] == []
    hrefs = [a.get("href") or "" for a in article.iter("a")]
    assert [h for h in hrefs if h.strip().lower().startswith("javascript:")] == []


def test_escaped_objective_still_reads_as_typed(fixture_lesson):
    tree = lxml_html.fromstring(fixture_lesson)
    objectives = [li.text_content() for li in tree.find_class("mg-objectives")[0]]
    assert 'Students will spot <script>alert("objective")</script> in a text.' in objectives
