"""Question kinds as types: one answer class per kind, and one table of what each kind is.

A question's `answer` is one of the classes below, so its shape is known by its
type: a single-choice answer always has choices and one right one, a match
always has pairs. Consumers (quiz page, answer key, worksheet, every export)
`match` on the class for what differs in structure, and read everything that
is a name or a sentence (the YAML `type`, the hint a student sees, the
answer-key label, each LMS's type name, which export must reshape it) from
`KINDS`, the one table of per-kind facts. Adding a kind is one class, one row
and an arm in each consumer's `match`; a unit test walks the table so a
missing arm or row fails loudly.

The YAML format (DESIGN §5) is unchanged: `validate/quizzes.py` reads it and
builds these classes. Answers are kept as the author wrote them (texts in
their order, not indices), because the answer key lists them in that order
and the quiz page derives indices from them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from marginalia.model.messages import N_


class Answer:
    """Base of the answer classes: what every kind can say about its answer."""

    __slots__ = ()

    @property
    def facts(self) -> KindFacts:
        return KINDS[type(self)]

    @property
    def choices(self) -> tuple[str, ...]:
        """Options shown to the student, in display order (none for most kinds)."""
        return ()

    def as_list(self) -> list[str]:
        """The right answer as lines of text, for keys and exports."""
        raise NotImplementedError


@dataclass(frozen=True)
class SingleChoice(Answer):
    """One right option among the choices."""

    options: tuple[str, ...]
    correct: str
    """The right option's text (one of `options` once validation passed)."""

    @property
    def choices(self) -> tuple[str, ...]:
        return self.options

    @property
    def index(self) -> int | None:
        return self.options.index(self.correct) if self.correct in self.options else None

    def as_list(self) -> list[str]:
        return [self.correct]


@dataclass(frozen=True)
class MultipleAnswer(Answer):
    """Every right option among the choices; kept in the author's order for the key."""

    options: tuple[str, ...]
    correct: tuple[str, ...]

    @property
    def choices(self) -> tuple[str, ...]:
        return self.options

    def is_correct(self, option: str) -> bool:
        return option in self.correct

    def as_list(self) -> list[str]:
        return list(self.correct)


@dataclass(frozen=True)
class TrueFalse(Answer):
    value: bool

    def as_list(self) -> list[str]:
        return ["true" if self.value else "false"]


@dataclass(frozen=True)
class ShortAnswer(Answer):
    """Typed answers accepted once normalised (see `model/grading.py`)."""

    accepted: tuple[str, ...]

    def as_list(self) -> list[str]:
        return list(self.accepted)


@dataclass(frozen=True)
class Order(Answer):
    """Items in their right order; `shown` is the order students see them in."""

    sequence: tuple[str, ...]
    shown: tuple[str, ...]

    @property
    def choices(self) -> tuple[str, ...]:
        return self.shown

    def positions(self) -> list[tuple[str, str]]:
        """Each item with its place (1 = first): an order question as matching pairs."""
        return [(item, str(number)) for number, item in enumerate(self.sequence, start=1)]

    def as_list(self) -> list[str]:
        return list(self.sequence)


@dataclass(frozen=True)
class Match(Answer):
    """Left items with their partners, in the order the author wrote them."""

    pairs: tuple[tuple[str, str], ...]

    @property
    def left(self) -> tuple[str, ...]:
        return tuple(left for left, _ in self.pairs)

    @property
    def partners(self) -> tuple[str, ...]:
        """Right-hand items, sorted so their order gives nothing away."""
        return tuple(sorted({right for _, right in self.pairs}, key=str.casefold))

    def as_list(self) -> list[str]:
        return [f"{left} → {right}" for left, right in self.pairs]


@dataclass(frozen=True)
class Open(Answer):
    """Not graded; the model answer is for the teacher edition only."""

    model_answer: str = ""

    def as_list(self) -> list[str]:
        return []


@dataclass(frozen=True)
class Reshape:
    """How an export format carries a kind it has no type for, and why (for the warning)."""

    as_kind: type[Answer]
    reason: str


@dataclass(frozen=True)
class KindFacts:
    """Everything about a kind that is a name or a sentence, in one row."""

    name: str
    """The YAML `type:` value, also the `data-type` of pages and the quiz data."""
    hint: str
    """Shown to students under the prompt (a catalog msgid, translated where shown)."""
    key_label: str
    """The answer key's label before the answer (a catalog msgid)."""
    canvas_type: str
    """Canvas QTI `question_type`."""
    moodle_type: str
    """Moodle XML `<question type=…>`."""
    cc_profile: str
    """Common Cartridge 1.1 `cc_profile` of the item as exported."""
    graded: bool = True
    key_as_list: bool = False
    """The key lists the answer one line each (else on the label's line)."""
    ordered: bool = False
    """The answer is a sequence: listed as `<ol>`, not `<ul>`."""
    reshaped: Mapping[str, Reshape] = field(default_factory=dict)
    """Export formats (by FORMATS name) with no type for this kind: what it becomes there."""

    @property
    def list_tag(self) -> str:
        return "ol" if self.ordered else "ul"


_ESSAY_CC = "cc.essay.v0p1"

KINDS: Mapping[type[Answer], KindFacts] = MappingProxyType({
    SingleChoice: KindFacts(
        name="single", hint=N_("Choose one answer."),
        key_label=N_("Answer:"), canvas_type="multiple_choice_question",
        moodle_type="multichoice", cc_profile="cc.multiple_choice.v0p1"),
    MultipleAnswer: KindFacts(
        name="multiple", hint=N_("Choose every answer that applies."),
        key_label=N_("Correct choices:"), key_as_list=True,
        canvas_type="multiple_answers_question", moodle_type="multichoice",
        cc_profile="cc.multiple_response.v0p1"),
    TrueFalse: KindFacts(
        name="true-false", hint=N_("Choose true or false."),
        key_label=N_("Answer:"), canvas_type="true_false_question", moodle_type="truefalse",
        cc_profile="cc.true_false.v0p1"),
    ShortAnswer: KindFacts(
        name="short", hint=N_("Type a short answer."),
        key_label=N_("Accepted answers:"), key_as_list=True,
        canvas_type="short_answer_question", moodle_type="shortanswer",
        cc_profile="cc.fib.v0p1"),
    Order: KindFacts(
        name="order",
        hint=N_("Put the items in order: choose an item for each position."),
        key_label=N_("Correct order:"), key_as_list=True, ordered=True,
        canvas_type="matching_question", moodle_type="matching", cc_profile=_ESSAY_CC,
        reshaped=MappingProxyType({
            "qti": Reshape(Match, "Canvas QTI has no ordering type"),
            "moodle": Reshape(Match, "ordering is not a core Moodle question type"),
            "gift": Reshape(Match, "GIFT has no ordering type"),
            "cc": Reshape(Open, "Common Cartridge 1.1 has no ordering type"),
        })),
    Match: KindFacts(
        name="match",
        hint=N_("Match each item with its partner: choose it in the list under the item."),
        key_label=N_("Pairs:"), key_as_list=True, canvas_type="matching_question",
        moodle_type="matching", cc_profile=_ESSAY_CC,
        reshaped=MappingProxyType({
            "cc": Reshape(Open, "Common Cartridge 1.1 has no matching type"),
        })),
    Open: KindFacts(
        name="open",
        hint=N_("Write your answer. It is not graded: compare it with the passage in the article."),
        key_label=N_("Model answer:"), graded=False, canvas_type="essay_question",
        moodle_type="essay", cc_profile=_ESSAY_CC),
})
"""One row per kind, in the order DESIGN §5 lists them (and error messages name them)."""

KIND_BY_NAME: Mapping[str, type[Answer]] = MappingProxyType(
    {facts.name: kind for kind, facts in KINDS.items()})
QUESTION_TYPES: tuple[str, ...] = tuple(KIND_BY_NAME)
"""The YAML `type:` names, in table order."""
