"""A site whose `theme.language` is `es` is Spanish throughout (DESIGN §5, issue 14):
the theme's words, ours in every contract element, and dates."""

from __future__ import annotations

import json
import re

import pytest
from lxml import html as lxml_html

from marginalia.render import i18n
from tests.conftest import FIXTURES, build

ARTICLE = "articles/puerto-nuevo/"
QUIZ = "articles/puerto-nuevo/quiz/"
LESSON = "lessons/puerto/"
WORKSHEET = "lessons/puerto/worksheet/"
ANSWER_KEY = "lessons/puerto/answer-key/"
ENTITY = "people/ada-moreau/"
PAGES = ("", ARTICLE, QUIZ, LESSON, WORKSHEET, ENTITY, "glossary/")
CARD = './/section[@class="mg-card"][@data-entity="people/ada-moreau"]'


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    built = build(FIXTURES / "spanish-site", tmp_path_factory.mktemp("es"))
    assert built.returncode == 0, built.stderr
    return built


@pytest.fixture(scope="module")
def teacher_site(tmp_path_factory):
    built = build(FIXTURES / "spanish-site", tmp_path_factory.mktemp("es-teacher"),
                  "--edition", "teacher")
    assert built.returncode == 0, built.stderr
    return built


def tree(site, url):
    return lxml_html.fromstring(site.html(url))


def text(element) -> str:
    return " ".join(element.text_content().split())


@pytest.mark.parametrize("url", PAGES)
def test_every_page_is_spanish_theme_included(site, url):
    page = tree(site, url)
    assert page.get("lang") == "es"
    # The theme's own words (mkdocs-material's Spanish): its search box.
    assert page.xpath('string(.//input[@name="query"]/@placeholder)') == "Búsqueda"


@pytest.mark.parametrize("url", PAGES)
def test_no_english_interface_sentence_is_left_on_a_spanish_page(site, url):
    html = site.html(url)
    english = [m for m in _english_sentences() if m in html]
    assert english == []


def _english_sentences() -> list[str]:
    """Our messages of three words or more without placeholders: none may show in Spanish."""
    from babel.messages.pofile import read_po

    with (i18n.LOCALE_DIR / "marginalia.pot").open("rb") as f:
        pot = read_po(f)
    return [m.id for m in pot if isinstance(m.id, str) and len(m.id.split()) >= 3
            and "%(" not in m.id and i18n.gettext("es", m.id) != m.id]


@pytest.mark.parametrize(("xpath", "expected"), [
    ('string(.//h2[@class="mg-context__title"])', "Quién y qué"),
    ('string(.//p[@class="mg-context__hint"])',
     "Personas, lugares y organizaciones de este artículo, en el orden en que aparecen."),
    ('string(.//aside[@class="mg-context"]/@data-close)', "Cerrar"),
    (f'string({CARD}//span[@class="mg-card__kind"])', "Persona"),
    (f'string({CARD}//p[@class="mg-card__meta"])',
     "Información al 4 de mayo de 2024 · Volver al texto en la primera mención de Ada Moreau"),
    (f'string({CARD}//p[@class="mg-later"])',
     "Después: Exministra de Puertos (desde el 1 de julio de 2024) — ver qué cambió"),
    (f'string({CARD}//button[@class="mg-card__toggle"])', "MásMenos sobre Ada Moreau"),
    ('string(.//p[@class="mg-dateline"]/time)', "4 de mayo de 2024"),
    ('string(.//p[@class="mg-provenance"])',
     "Por A. Redactora. Fuente: Noticias de Costa. Licencia: CC BY 4.0."),
    ('string(.//div[@class="mg-listen-bar"]/@aria-label)', "Leer en voz alta"),
    ('string(.//button[@class="mg-listen"])', "Escuchar"),
    ('string(.//div[@class="mg-listen-bar"]/@data-pause)', "Pausa"),
    ('string(.//div[@class="mg-listen-bar"]/@data-resume)', "Continuar"),
    ('string(.//button[@class="mg-listen-stop"])', "Detener"),
    ('string(.//p[@class="mg-quiz-link"]/a)', "Comprueba lo que entendiste: haz el cuestionario"),
    ('string(.//p[@class="mg-quiz-link"]/a/@data-back)', "Volver a la pregunta"),
])
def test_article_page_words_are_spanish(site, xpath, expected):
    assert " ".join(tree(site, ARTICLE).xpath(xpath).split()) == expected


@pytest.mark.parametrize(("xpath", "expected"), [
    ('string(.//button[@class="mg-settings__button"])', "Opciones de lectura"),
    ('string(.//div[@class="mg-settings"]/@data-menu)', "Menú"),
    ('string(.//div[@class="mg-settings"]/@data-search)', "Buscar"),
    ('.//div[@class="mg-settings"]//legend/text()',
     ["Nombres marcados", "Tamaño del texto", "Interlineado"]),
    ('.//div[@class="mg-settings"]//input[@name="mg-names"]/../text()',
     [" Todos", " El primero de cada párrafo", " Ninguno"]),
])
@pytest.mark.parametrize("url", [ARTICLE, "glossary/", ""])
def test_reader_settings_are_spanish_on_every_page(site, url, xpath, expected):
    found = tree(site, url).xpath(xpath)
    assert found == expected


@pytest.mark.parametrize(("xpath", "expected"), [
    ('string(.//fieldset[@data-question="quien-inauguro"]//span[@class="mg-question__number"])',
     "Pregunta 1."),
    ('string(.//fieldset[@data-question="quien-inauguro"]//p[@class="mg-question__hint"])',
     "Elige una respuesta. Habilidad: Recordar"),
    ('.//fieldset[@data-question="costo"]//label/text()', ["Verdadero", "Falso"]),
    ('string(.//fieldset[@data-question="anios"]//p[@class="mg-answer-box"]/label)',
     "Tu respuesta"),
    ('string(.//fieldset[@data-question="orden"]//ol[@class="mg-order"]/li[1]/label)',
     "Posición 1 (primera)"),
    ('string(.//fieldset[@data-question="orden"]//select/option[1])', "Elige un elemento…"),
    ('string(.//fieldset[@data-question="costo"]//button[@data-action="check"])',
     "Revisar esta respuesta"),
    ('.//div[contains(@class, "mg-quiz__actions")]/button/text()',
     ["Revisar todas las respuestas", "Reintentar las incorrectas", "Reiniciar el cuestionario"]),
    ('string(.//fieldset[@data-question="costo"]//details/summary)',
     "Mostrar la respuesta y dónde lo dice el artículo"),
    ('string(.//fieldset[@data-question="costo"]//p[@class="mg-reveal__answer"])',
     "Respuesta: Verdadero"),
    ('string(.//fieldset[@data-question="anios"]//ul[@class="mg-reveal__items"]/li[2])',
     "También se acepta: 3"),
    ('string(.//fieldset[@data-question="costo"]//a[@class="mg-evidence-link"])',
     "Mostrar este pasaje en el artículo"),
])
def test_quiz_controls_are_spanish(site, xpath, expected):
    found = tree(site, QUIZ).xpath(xpath)
    assert (" ".join(found.split()) if isinstance(found, str) else found) == expected


def test_the_quiz_scripts_words_are_the_spanish_catalogs(site):
    block = tree(site, QUIZ).xpath('string(.//script[@class="mg-quiz-strings"])')
    words = json.loads(block)
    assert words["correct"] == "Correcto."
    assert words["incorrect"] == "No exactamente. Esto es lo que dice el artículo:"
    assert words["score"] == "Puntuación: %(right)s de %(graded)s correctas."
    assert words["retried_one"].startswith("Se borró")
    assert words["retried_other"].startswith("Se borraron")


@pytest.mark.parametrize(("url", "headings"), [
    (LESSON, ["Nivel de lectura", "Objetivos", "Vocabulario", "Antes de leer",
              "Preguntas para el debate", "Cuestionario"]),
    (WORKSHEET, ["Se inaugura el puerto nuevo", "Vocabulario", "Comprueba lo que entendiste",
                 "Debate"]),
    (ENTITY, ["A lo largo del tiempo", "Mencionado en", "Fuentes"]),
    ("glossary/", ["Personas", "Lugares"]),
])
def test_headings_we_add_are_spanish(site, url, headings):
    main = tree(site, url).xpath('.//div[@id="mg-main"]')[0]
    assert [text(h) for h in main.iter("h2")] == headings


@pytest.mark.parametrize(("url", "xpath", "expected"), [
    (LESSON, 'string(.//ul[@class="mg-lesson__facts"])',
     "Grados 6-8 Duración 30 minutos Artículo Se inaugura el puerto nuevo (4 de mayo de 2024)"),
    (LESSON, 'string(.//p[@class="mg-lesson__quiz"])',
     "Comprueba lo que entendiste: 4 preguntas, cada una enlazada con su evidencia en el "
     "artículo."),
    (LESSON, 'string(.//section[contains(@class, "mg-vocab")]//p[@class="mg-card__meta"])',
     "Información al 1 de mayo de 2024"),
    (WORKSHEET, 'string(.//p[@class="mg-handout__name"])', "Nombre: Fecha:"),
    (WORKSHEET, 'string(.//p[@class="mg-handout__dateline"])',
     "4 de mayo de 2024 · Noticias de Costa"),
    (ENTITY, 'string(.//ol[@class="mg-timeline"]/li[2]/p[@class="mg-timeline__dates"])',
     "Del 1 de marzo de 2022 al 30 de junio de 2024"),
    (ENTITY, 'string(.//ul[@class="mg-backlinks"]//span[@class="mg-backlinks__date"])',
     "(4 de mayo de 2024)"),
    ("", 'string(.//ul[@class="mg-lesson-list"]/li)',
     "Leer una noticia local · grados 6-8 · 30 min"),
])
def test_lesson_worksheet_and_entity_words_and_dates_are_spanish(site, url, xpath, expected):
    assert " ".join(tree(site, url).xpath(xpath).split()) == expected


def test_page_titles_we_give_are_spanish(site):
    assert tree(site, QUIZ).xpath("string(//title)").startswith(
        "Cuestionario: Se inaugura el puerto nuevo")
    assert tree(site, "glossary/").xpath("string(//title)").startswith("Glosario")
    assert tree(site, WORKSHEET).xpath("string(//title)").startswith(
        "Ficha de trabajo: Leer una noticia local")


@pytest.mark.parametrize(("xpath", "expected"), [
    ('string(.//h1)', "Clave de respuestas: Leer una noticia local"),
    ('string(.//li[@data-question="costo"]/p[@class="mg-key__answer"])', "Respuesta: verdadero"),
    ('string(.//li[@data-question="orden"]/p[@class="mg-key__label"])', "Orden correcto:"),
    ('string(.//h2[@id="key-discussion"])', "Debate: notas para docentes"),
])
def test_the_answer_key_is_spanish(teacher_site, xpath, expected):
    assert " ".join(tree(teacher_site, ANSWER_KEY).xpath(xpath).split()) == expected


def test_the_teachers_files_are_listed_in_spanish(teacher_site):
    labels = [text(a) for a in tree(teacher_site, LESSON).xpath('.//a[@download]')]
    assert "Ficha de trabajo (PDF, A4)" in labels
    assert "Ficha de trabajo editable (Word .docx; se abre en Google Docs)" in labels
    assert not [label for label in labels if re.search(r"\bquiz\b|Worksheet", label)]


@pytest.fixture(scope="module")
def english_site_with_spanish_version(tmp_path_factory):
    built = build(FIXTURES / "versions", tmp_path_factory.mktemp("versions-ui"))
    assert built.returncode == 0, built.stderr
    return built


@pytest.mark.parametrize(("url", "settings", "sidebar"), [
    ("articles/harbour-es/", "Opciones de lectura", "Quién y qué"),
    ("articles/harbour/", "Reading settings", "Who and what"),
])
def test_an_articles_own_lang_chooses_its_pages_words(english_site_with_spanish_version,
                                                      url, settings, sidebar):
    page = tree(english_site_with_spanish_version, url)
    assert page.xpath('string(.//button[@class="mg-settings__button"])') == settings
    assert page.xpath('string(.//h2[@class="mg-context__title"])') == sidebar
