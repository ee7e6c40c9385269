"""The teacher's choices on a quiz: when "show the answer" is offered, when evidence is quoted.

A quiz file may set them (DESIGN §5); each has a default that keeps the quiz as
it always was. This table is the one home of their YAML names, the values each
takes, the data attribute the quiz page carries for `assets/quiz.js`, and the
sentence the teacher edition shows, so validation, the page and the teacher's
note cannot disagree about what a value means.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from marginalia.model.messages import N_


@dataclass(frozen=True)
class QuizChoice:
    """One setting: its YAML key, the values it takes (with what each means), its default."""

    key: str
    attribute: str
    """The `data-*` attribute of the quiz form that quiz.js reads."""
    values: Mapping[str, str]
    """Each value, with the sentence the teacher edition shows for it (a catalog msgid)."""
    default: str


QUIZ_CHOICES: tuple[QuizChoice, ...] = (
    QuizChoice(
        key="show_answer", attribute="data-show-answer", default="always",
        values=MappingProxyType({
            "always": N_("“Show the answer” is offered from the start."),
            "after-attempt": N_("“Show the answer” is offered only once the student has "
                                "checked an answer to the question."),
        })),
    QuizChoice(
        key="quote_evidence", attribute="data-quote-evidence", default="at-once",
        values=MappingProxyType({
            "at-once": N_("Feedback on a wrong answer quotes the evidence at once."),
            "after-second-try": N_("Feedback on a wrong answer quotes the evidence only "
                                   "from the second try; the first says to try again."),
        })),
)
CHOICE_BY_KEY: Mapping[str, QuizChoice] = MappingProxyType({c.key: c for c in QUIZ_CHOICES})


@dataclass(frozen=True)
class QuizSettings:
    """The chosen value of every `QUIZ_CHOICES` setting (defaults: the quiz as it always was)."""

    show_answer: str = CHOICE_BY_KEY["show_answer"].default
    quote_evidence: str = CHOICE_BY_KEY["quote_evidence"].default

    def chosen(self) -> list[tuple[QuizChoice, str]]:
        """Each setting with its value, in table order."""
        return [(choice, getattr(self, choice.key)) for choice in QUIZ_CHOICES]

    def attributes(self) -> dict[str, str]:
        """The quiz form's data attributes."""
        return {choice.attribute: value for choice, value in self.chosen()}

    def notes(self) -> list[str]:
        """What the teacher edition says about these choices."""
        return [choice.values[value] for choice, value in self.chosen()]
