"""Rules for quiz files (annotations/quizzes/<article>.yml): question kinds, answers, evidence."""

from __future__ import annotations

from marginalia.diagnostics import Diagnostic, did_you_mean
from marginalia.link import evidence as ev
from marginalia.link.usage import unmarkable_evidence
from marginalia.load import (
    YList,
    YMap,
    load_yaml_file,
)
from marginalia.load.paths import Paths
from marginalia.model import (
    KIND_BY_NAME,
    QUESTION_TYPES,
    QUIZ_CHOICES,
    SKILLS,
    Answer,
    ArticleMeta,
    Match,
    MultipleAnswer,
    Open,
    Order,
    Origin,
    Question,
    Quiz,
    QuizSettings,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from marginalia.validate.fields import Fields, kind_of
from marginalia.validate.refs import Unread

QUESTION_KEYS = ("id", "type", "prompt", "choices", "answer", "evidence", "feedback", "skill",
                 "model_answer")


def load_quizzes(paths: Paths, articles: dict[str, ArticleMeta], bodies: dict[str, str],
                 diags: list[Diagnostic], unread: Unread | None = None) -> dict[str, Quiz]:
    """Every quiz file's questions, checked against its article; a quiz file that
    cannot be read joins `unread`, and one whose article could not be read is not
    said to have no article."""
    unread = unread if unread is not None else Unread()
    quizzes: dict[str, Quiz] = {}
    folder = paths.annotations_dir / "quizzes"
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        name = paths.name(path)
        slug = path.stem
        loaded = load_yaml_file(path, name)
        diags.extend(loaded.diagnostics)
        raw = loaded.value
        if raw is None:
            if not loaded.ok:
                unread.quizzes.add(slug)
            if loaded.ok:
                diags.append(Diagnostic(Origin(name), "quiz file is empty",
                                        "fix: add `title:` and `questions:`"))
            continue
        if not isinstance(raw, YMap):
            diags.append(Diagnostic(getattr(raw, "origin", Origin(name)),
                                    f"a quiz must be a mapping, found {kind_of(raw)}",
                                    "fix: write `title: …` and `questions:` at the top level"))
            continue
        if slug not in bodies and slug not in unread.articles:
            diags.append(Diagnostic(raw.origin, f"quiz '{slug}' has no article "
                                    f"docs/articles/{slug}.md",
                                    did_you_mean(slug, bodies) or
                                    "fix: name the quiz file after its article"))
        f = Fields(raw, "quiz", diags)
        f.check_keys(("title", *(c.key for c in QUIZ_CHOICES), "questions"), ("questions",))
        title = f.text("title", "Check your understanding")
        settings = _settings(raw, f)
        questions = _questions(raw, f, diags)
        plain = ev.plain_text(bodies[slug]) if slug in bodies else None
        if plain is not None:
            at = _evidence_lines(raw)
            found = [q for q in questions if _check_evidence(q, plain, slug, diags, at)]
            _check_markable(found, bodies[slug], slug, diags, at)
        quizzes[slug] = Quiz(slug=slug, title=title, questions=tuple(questions),
                             origin=raw.origin, settings=settings)
    return quizzes


def _settings(raw: YMap, f: Fields) -> QuizSettings:
    """The teacher's choices the quiz file sets; an unknown value is an error naming the known."""
    chosen: dict[str, str] = {}
    for choice in QUIZ_CHOICES:
        if choice.key not in raw:
            continue
        value = f.text(choice.key, choice.default)
        if value in choice.values:
            chosen[choice.key] = value
        else:
            guess = did_you_mean(value, tuple(choice.values))
            f.error(raw.where(choice.key), f"unknown {choice.key} '{value}'",
                    (f"{guess} " if guess else "") + f"fix: write `{choice.key}:` as one of "
                    + ", ".join(choice.values))
    return QuizSettings(**chosen)


def _questions(raw: YMap, f: Fields, diags: list[Diagnostic]) -> list[Question]:
    items = raw.get("questions")
    if items is None:
        return []
    if not isinstance(items, YList):
        f.error(raw.where("questions"), "'questions' must be a list",
                "fix: start each question with '- id: …'")
        return []
    out: list[Question] = []
    seen: dict[str, Origin] = {}
    for i, item in enumerate(items):
        if not isinstance(item, YMap):
            f.error(items.where(i), f"question {i + 1} must be a mapping",
                    "fix: write '- id: …' followed by indented keys")
            continue
        q = _question(item, diags)
        if q is None:
            continue
        if q.id in seen:
            f.error(item.where("id"), f"duplicate question id '{q.id}' "
                    f"(first at line {seen[q.id].line})", "fix: give each question its own id")
            continue
        seen[q.id] = q.origin
        out.append(q)
    return out


def _question(item: YMap, diags: list[Diagnostic]) -> Question | None:
    f = Fields(item, "question", diags)
    f.check_keys(QUESTION_KEYS, ("id", "type", "prompt"))
    qid, qtype, prompt = f.ident("id"), f.text("type"), f.text("prompt")
    if qtype and qtype not in QUESTION_TYPES:
        f.error(item.where("type"), f"unknown question type '{qtype}'",
                did_you_mean(qtype, QUESTION_TYPES) or
                "fix: use one of " + ", ".join(QUESTION_TYPES))
        return None
    kind = KIND_BY_NAME.get(qtype)
    skill = f.text("skill", "recall")
    if skill not in SKILLS:
        f.error(item.where("skill"), f"unknown skill '{skill}'",
                did_you_mean(skill, SKILLS) or "fix: use one of " + ", ".join(SKILLS))
    feedback = f.mapping("feedback")
    correct = incorrect = ""
    if feedback is not None:
        ff = Fields(feedback, "feedback", diags)
        ff.check_keys(("correct", "incorrect"), ())
        correct, incorrect = ff.text("correct"), ff.text("incorrect")
    choices = f.text_list("choices")
    answer = _answer(kind, qtype, item, f, choices) if kind else None
    evidence = f.text("evidence")
    graded = kind is not None and kind is not Open
    if graded and not evidence:
        f.error(item.origin, f"question '{qid}' has no evidence",
                "fix: add `evidence:` quoting the article passage that supports the answer")
    if graded and "model_answer" in item:
        f.error(item.where_key("model_answer"), f"a '{qtype}' question has no model answer",
                "fix: remove `model_answer:` (only `open` questions have one; "
                "the answer key comes from `answer:`)")
    model_answer = f.text("model_answer")
    if not (qid and answer is not None and prompt):
        return None
    if isinstance(answer, Open):
        answer = Open(model_answer=model_answer)
    return Question(id=qid, prompt=prompt, answer=answer, evidence=evidence,
                    feedback_correct=correct, feedback_incorrect=incorrect,
                    skill=skill if skill in SKILLS else "recall", origin=item.where_key("id"))


def _scramble(items: tuple[str, ...]) -> tuple[str, ...]:
    """A fixed, never-correct display order: rotate by one (stable across builds)."""
    return items[1:] + items[:1] if len(items) > 1 else items


def _answer(kind: type[Answer], qtype: str, item: YMap, f: Fields,
            choices: tuple[str, ...]) -> Answer:
    """The typed answer of one question, every problem with it reported.

    A question whose answer is wrong still gets an answer object (built from
    what could be read), so later rules (duplicate ids, evidence) still run and
    every error is reported at once; a report with errors is never rendered.
    """
    where = item.where("answer") if "answer" in item else item.origin
    value = item.get("answer")
    if kind in (TrueFalse, ShortAnswer, Match, Open) and item.get("choices") is not None:
        f.error(item.where_key("choices"), f"a '{qtype}' question has no choices",
                "fix: remove `choices:`" + (" (the answer mapping lists the pairs)"
                                            if kind is Match else ""))
    elif kind in (SingleChoice, MultipleAnswer) and len(choices) < 2:
        f.error(item.where("choices") if "choices" in item else item.origin,
                f"a '{qtype}' question needs at least two choices",
                "fix: add `choices: [first, second, …]`")
    if kind is Open:
        if value is not None:
            f.error(where, "an 'open' question has no answer",
                    "fix: move it to `model_answer:` (shown to teachers only)")
        return Open()  # its model answer is read with the question's other texts
    if value is None:
        f.error(item.origin, f"a '{qtype}' question needs an answer", "fix: add `answer:`")
    if kind is SingleChoice:
        answer = "" if value is None else _single(value, where, f, choices)
        return SingleChoice(options=choices, correct=answer)
    if kind is TrueFalse:
        if value is not None and not isinstance(value, bool):
            f.error(where, f"a 'true-false' answer must be true or false, got '{value}'",
                    "fix: write `answer: true` or `answer: false`")
        return TrueFalse(value=value is True)
    if kind is Match:
        return Match(pairs=() if value is None else _pairs(value, where, f))
    answers: tuple[str, ...] = () if value is None else (
        f.text_list("answer") if isinstance(value, list) else (str(value).strip(),))
    if kind is ShortAnswer:
        if value is not None and not answers:
            f.error(where, "a 'short' question needs at least one accepted answer",
                    "fix: write `answer: [accepted, another accepted]`")
        return ShortAnswer(accepted=answers)
    if kind is MultipleAnswer:
        for a in answers:
            if choices and a not in choices:
                f.error(where, f"answer '{a}' is not among the choices",
                        did_you_mean(a, choices) or "fix: copy the choices exactly")
        return MultipleAnswer(options=choices, correct=answers)
    if value is not None:  # Order
        if len(answers) < 2:
            f.error(where, "an 'order' answer lists at least two items in their right order",
                    "fix: write `answer: [first, second, …]`")
        if choices and sorted(choices) != sorted(answers):
            f.error(item.where("choices"), "the choices of an 'order' question must be the "
                    "answer's items in another order", "fix: list the same items in both")
    return Order(sequence=answers, shown=choices or _scramble(answers))


def _single(value: object, where: Origin, f: Fields, choices: tuple[str, ...]) -> str:
    if isinstance(value, (list, dict)):
        f.error(where, "a 'single' question has one answer", "fix: write `answer: <choice>`")
        return ""
    answer = str(value).strip()
    if choices and answer not in choices:
        f.error(where, f"answer '{answer}' is not among the choices",
                did_you_mean(answer, choices) or "fix: copy one of the choices exactly")
    return answer


def _pairs(value: object, where: Origin, f: Fields) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, YMap) or len(value) < 2:
        f.error(where, "a 'match' answer maps each left item to its partner (two or more)",
                "fix: write `answer:` followed by indented `left: right` lines")
        return ()
    pairs = {str(k).strip(): str(v).strip() for k, v in value.items()}
    if len(set(pairs.values())) != len(pairs):
        f.error(where, "two left items share the same partner in 'match'",
                "fix: make every right-hand item unique")
    return tuple(pairs.items())


def _evidence_lines(raw: YMap) -> dict[str, Origin]:
    """Where each question's `evidence:` value is written, by question id: an evidence
    error is fixed there, not at the question's `- id:` line."""
    items = raw.get("questions")
    out: dict[str, Origin] = {}
    for item in items if isinstance(items, YList) else ():
        if isinstance(item, YMap) and "evidence" in item and isinstance(item.get("id"), str):
            out.setdefault(item["id"].strip(), item.where("evidence"))
    return out


def _check_markable(questions: list[Question], body: str, slug: str,
                    diags: list[Diagnostic], at: dict[str, Origin]) -> None:
    """Evidence found in the text must also be marked on the page (not in a heading or code)."""
    missing = set(unmarkable_evidence(body, [(q.id, q.evidence) for q in questions]))
    for q in questions:
        if q.id in missing:
            diags.append(Diagnostic(
                at.get(q.id, q.origin), f"evidence of question '{q.id}' is in article "
                f"'{slug}' where the page cannot mark it (a heading or code)",
                "fix: quote a passage from the article's paragraphs"))


def _check_evidence(q: Question, plain: str, slug: str, diags: list[Diagnostic],
                    at: dict[str, Origin]) -> bool:
    """Whether the question quotes the article (False also for no evidence at all)."""
    if not q.evidence:
        return False
    if ev.find(q.evidence, plain) >= 0:
        return True
    closest = ev.closest_passage(q.evidence, plain)
    diags.append(Diagnostic(at.get(q.id, q.origin), f"evidence of question '{q.id}' does not "
                            f"occur in article '{slug}'",
                            "fix: quote the article verbatim" +
                            (f"; {closest.describe()}" if closest else "")))
    return False
