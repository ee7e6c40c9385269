"""Rules for a lesson's `guided_reading`: questions placed inside the article.

```yaml
guided_reading:
  gate: true                      # optional: the next part opens once this is answered
  checkpoints:
    - after: talks resuming in Cairo on Saturday   # verbatim, like evidence
      question: where-talks                        # a question of the lesson's quiz
```

A checkpoint is anchored to a passage rather than to a paragraph number, so an
editor who adds a paragraph to the article does not silently move every question;
the passage is found the way evidence is (rendered text, curly quotes folded).
The question comes from the lesson's quiz, so it is written, checked and graded
once, and a teacher's export carries it as it always did.
"""

from __future__ import annotations

from marginalia.diagnostics import Diagnostic, did_you_mean
from marginalia.link import evidence as ev
from marginalia.load import YList, YMap
from marginalia.model import Checkpoint, GuidedReading, Origin, Quiz
from marginalia.validate.fields import Fields

KEYS = ("gate", "checkpoints")
CHECKPOINT_KEYS = ("after", "question")


def guided_reading(raw: YMap, quiz: Quiz | None, paragraphs: tuple[str, ...] | None,
                   diags: list[Diagnostic]) -> GuidedReading | None:
    """The lesson's guided reading, or None (absent, or too broken to use).

    `paragraphs` is None when the lesson's article could not be read: its own error
    is reported there, and passages are not looked for (no cascade)."""
    value = raw.get("guided_reading")
    if value is None:
        return None
    where = raw.where("guided_reading")
    if not isinstance(value, YMap):
        diags.append(Diagnostic(where, "'guided_reading' must be a mapping",
                                "fix: write `checkpoints:` (and optionally `gate: true`) "
                                "indented under it"))
        return None
    f = Fields(value, "guided_reading", diags)
    f.check_keys(KEYS, ("checkpoints",))
    gate = value.get("gate", False)
    if not isinstance(gate, bool):
        f.error(value.where("gate"), "'gate' must be true or false",
                "fix: write `gate: true` to open each part only once the question before "
                "it is answered")
        gate = False
    items = value.get("checkpoints")
    if items is None:
        return None
    if not isinstance(items, YList):
        f.error(value.where("checkpoints"), "'checkpoints' must be a list",
                "fix: start each checkpoint with `- after: …`")
        return None
    if quiz is None:
        f.error(value.where("checkpoints"), "guided reading asks questions of the lesson's "
                "quiz, and this lesson has none", "fix: add `quiz: <quiz slug>` to the lesson")
    known = {q.id for q in quiz.questions} if quiz else set()
    checkpoints: list[Checkpoint] = []
    seen: dict[str, Origin] = {}
    places: list[tuple[int, int]] = []
    for i, item in enumerate(items):
        if not isinstance(item, YMap):
            diags.append(Diagnostic(items.where(i), "a checkpoint is a mapping with `after:` "
                                    "and `question:`", "fix: write `- after: <a passage>` "
                                    "and `question: <question id>` under it"))
            continue
        cf = Fields(item, f"checkpoint {i + 1}", diags)
        cf.check_keys(CHECKPOINT_KEYS, CHECKPOINT_KEYS)
        after, question = cf.text("after"), cf.text("question")
        ok = bool(after and question)
        if question and quiz is not None and question not in known:
            cf.error(item.where("question"), f"question '{question}' is not in quiz "
                     f"'{quiz.slug}'", did_you_mean(question, known)
                     or "fix: use the `id:` of one of the quiz's questions")
            ok = False
        elif question in seen:
            cf.error(item.where("question"), f"question '{question}' is already asked at "
                     f"line {seen[question].line}", "fix: ask each question once")
            ok = False
        paragraph, offset = (_place_of(after, paragraphs) if after and paragraphs is not None
                             else (0, 0))
        if paragraph < 0:
            found = ev.closest_passage(after, "\n\n".join(paragraphs or ()))
            closest = found.passage if found else ""
            cf.error(item.where("after"), "the passage in 'after' does not occur in the "
                     "article", f"fix: quote the article exactly; closest: “{closest}”")
            ok = False
        if ok:
            seen[question] = item.origin
            checkpoints.append(Checkpoint(after, question, paragraph, item.origin))
            places.append((paragraph, offset))
    if not checkpoints:
        return None
    # In reading order, whatever order the editor listed them in.
    order = sorted(range(len(checkpoints)), key=places.__getitem__)
    return GuidedReading(tuple(checkpoints[i] for i in order), gate)


def _place_of(after: str, paragraphs: tuple[str, ...] | None) -> tuple[int, int]:
    """(paragraph index, offset in it) of the passage's first occurrence, or (-1, -1)."""
    wanted = " ".join(after.split())
    for index, paragraph in enumerate(paragraphs or ()):
        offset = ev.find(wanted, paragraph)
        if offset >= 0:
            return index, offset
    return -1, -1
