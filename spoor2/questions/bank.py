"""Critical questions chosen from the person's situation, a document checklist and letters.

The question bank is data (``content/questions/bank.yaml``, texts in ``content/<lang>/questions/``);
each question has a *condition* in a small, safe condition language evaluated here — never
``eval``. A condition is a mapping with exactly one operator:

- ``{always: true}``
- ``{all: [c, …]}``, ``{any: [c, …]}``, ``{not: c}``
- ``{week_at_least: 46}``, ``{week_below: 8}`` — the counted sick week (false without a timeline)
- ``{answer: {spoor2_started: "yes"}}`` — a situation answer (yes / no / unsure / unknown)
- ``{document: {spoor2_plan: missing}}`` — a checklist state (``missing`` = not received or not filled in)
- ``{milestone_status: {id: spoor2_decision, in: [overdue, done_late]}}``

Unknown operators, keys or values raise :class:`ValueError` when the bank is loaded.

>>> s = Situation(sick_week=60, answers={"spoor2_started": "no"})
>>> evaluate({"all": [{"week_at_least": 46}, {"answer": {"spoor2_started": "no"}}]}, s)
True
>>> evaluate({"not": {"week_below": 61}}, s)
False
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Any, Literal, get_args

from pydantic import Field

from spoor2.content_yaml import safe_load
from spoor2.errors import InvalidInput
from spoor2.i18n import t
from spoor2.legal.sources import get_source
from spoor2.model import FrozenMap, IsoDate, Model, load_strict
from spoor2.paths import CONTENT_DIR
from spoor2.timeline.rules import ALL_MILESTONES, RECORDABLE, Standing, Status

Audience = Literal["employer", "reintegration_agency", "company_doctor", "uwv"]
AUDIENCES: tuple[Audience, ...] = get_args(Audience)
AnswerValue = Literal["yes", "no", "unsure", "unknown"]
ANSWER_VALUES: tuple[str, ...] = get_args(AnswerValue)
DocState = Literal["received", "not_received", "not_applicable", "unknown"]
DOC_STATES: tuple[str, ...] = get_args(DocState)
STATUSES: tuple[str, ...] = get_args(Status)
#: The situation questions the page asks (and the CLI reads from the store).
ANSWER_KEYS: tuple[str, ...] = (
    "spoor2_started",
    "agency_with_me",
    "work_fits_limits",
    "settlement_proposed",
    "disagree_advice",
    "fixed_term",
)
LETTERS: tuple[str, ...] = ("access_request", "second_opinion", "objection")
#: The legal basis of each letter (GDPR art. 15 and 12(3); Arbobesluit second opinion; plan van aanpak
#: in agreement with the employee and the UWV deskundigenoordeel).
LETTER_SOURCES: dict[str, tuple[str, ...]] = {
    "access_request": ("q_gdpr_15", "q_gdpr_12_3"),
    "second_opinion": ("rights_arbobesluit_2_14d", "rights_second_opinion_decree", "rights_second_opinion_oxp"),
    "objection": ("procesgang_4", "bw_7_658a", "uwv_deskundigenoordeel"),
}
MAX_OWN_QUESTION_CHARS = 500
MAX_ITEMS = 200
MAX_FIELD_CHARS = 5_000
#: A meeting: with whom, and the longest text typed at once (what was agreed, the extra points).
MAX_WITH_WHOM_CHARS = 200
MAX_MEETING_TEXT_CHARS = MAX_FIELD_CHARS

QUESTIONS_DIR = CONTENT_DIR / "questions"


class Situation(Model):
    """What the conditions look at. ``sick_week`` is None when no timeline is saved."""

    sick_week: int | None = None
    statuses: FrozenMap[str, str] = FrozenMap()
    documents: FrozenMap[str, str] = FrozenMap()
    answers: FrozenMap[str, str] = FrozenMap()

    def answer(self, key: str) -> str:
        return self.answers.get(key, "unknown")

    def document(self, doc_id: str) -> str:
        return self.documents.get(doc_id, "unknown")


def build_situation(
    standing: Standing | None, documents: dict[str, str] | None = None, answers: dict[str, str] | None = None
) -> Situation:
    """The situation from a :class:`~spoor2.timeline.rules.Standing` (or None) plus checklist states and answers."""
    documents = dict(documents or {})
    answers = dict(answers or {})
    # A person never sees an internal id: the CLI names its own bad arguments (bad_answer, bad_document).
    for key, value in answers.items():
        if key not in ANSWER_KEYS or value not in ANSWER_VALUES:
            raise InvalidInput("questions.error.answer_not_a_choice")
    for key, value in documents.items():
        if key not in document_ids() or value not in DOC_STATES:
            raise InvalidInput("questions.error.document_not_known")
    if standing is None:
        return Situation(documents=documents, answers=answers)
    return Situation(
        sick_week=standing.sick_week,
        statuses={item.id: item.status for item in standing.milestones},
        documents=documents,
        answers=answers,
    )


# --- the condition language -----------------------------------------------------------------------


def _single(node: Any) -> tuple[str, Any]:
    if not isinstance(node, Mapping) or len(node) != 1:
        raise ValueError(f"a condition is a mapping with exactly one operator, got {node!r}")
    ((op, arg),) = node.items()
    return str(op), arg


def _int(op: str, arg: Any) -> int:
    if not isinstance(arg, int) or isinstance(arg, bool) or arg < 0:
        raise ValueError(f"{op} needs a whole number of weeks, got {arg!r}")
    return arg


def _pair(op: str, arg: Any) -> tuple[str, str]:
    if not isinstance(arg, Mapping) or len(arg) != 1:
        raise ValueError(f"{op} needs one key: value, got {arg!r}")
    ((key, value),) = arg.items()
    return str(key), str(value)


def validate_condition(node: Any) -> None:
    """Check a condition's structure, operators, keys and values; raises ValueError."""
    op, arg = _single(node)
    if op == "always":
        if arg is not True:
            raise ValueError("always must be true")
    elif op in ("all", "any"):
        if not isinstance(arg, list | tuple) or not arg:
            raise ValueError(f"{op} needs a non-empty list")
        for child in arg:
            validate_condition(child)
    elif op == "not":
        validate_condition(arg)
    elif op in ("week_at_least", "week_below"):
        _int(op, arg)
    elif op == "answer":
        key, value = _pair(op, arg)
        if key not in ANSWER_KEYS or value not in ANSWER_VALUES:
            raise ValueError(f"unknown answer {key}={value}")
    elif op == "document":
        key, value = _pair(op, arg)
        if key not in document_ids() or value not in (*DOC_STATES, "missing"):
            raise ValueError(f"unknown document state {key}={value}")
    elif op == "milestone_status":
        if not isinstance(arg, Mapping) or set(arg) != {"id", "in"}:
            raise ValueError("milestone_status needs id and in")
        if arg["id"] not in ALL_MILESTONES:
            raise ValueError(f"unknown milestone {arg['id']!r}")
        if not isinstance(arg["in"], list | tuple) or not arg["in"] or not set(arg["in"]) <= set(STATUSES):
            raise ValueError(f"unknown statuses {arg['in']!r}")
    else:
        raise ValueError(f"unknown condition operator {op!r}")


def evaluate(node: Any, situation: Situation) -> bool:
    """Evaluate a condition on a situation. Unknown operators raise ValueError.

    >>> evaluate({"document": {"action_plan": "missing"}}, Situation())
    True
    >>> evaluate({"week_at_least": 1}, Situation())
    False
    """
    validate_condition(node)
    return _eval(node, situation)


def _eval(node: Mapping[str, Any], s: Situation) -> bool:
    op, arg = _single(node)
    if op == "always":
        return True
    if op == "all":
        return all(_eval(child, s) for child in arg)
    if op == "any":
        return any(_eval(child, s) for child in arg)
    if op == "not":
        return not _eval(arg, s)
    if op == "week_at_least":
        return s.sick_week is not None and s.sick_week >= arg
    if op == "week_below":
        return s.sick_week is not None and s.sick_week < arg
    if op == "answer":
        key, value = _pair(op, arg)
        return s.answer(key) == value
    if op == "document":
        key, value = _pair(op, arg)
        state = s.document(key)
        if value == "missing":
            return state in ("not_received", "unknown")
        return state == value
    if op == "milestone_status":
        return s.statuses.get(arg["id"]) in arg["in"]
    raise ValueError(f"unknown condition operator {op!r}")  # pragma: no cover - validated above


# --- the bank -------------------------------------------------------------------------------------


class Question(Model):
    id: str
    audience: Audience
    priority: int = Field(ge=1, le=3)
    #: a condition in the language above (lists become tuples: nothing in a question can change)
    condition: FrozenMap[str, Any]
    sources: tuple[str, ...] = Field(min_length=1)


class QuestionText(Model):
    text: str
    why: str


class DocumentSpec(Model):
    id: str
    due: str
    sources: tuple[str, ...] = Field(min_length=1)
    #: The timeline step whose "done on" *is* this document's "received on" (one fact, one record:
    #: the store keeps it as the milestone record, see ``spoor2.store.questions``). None: no such step.
    records: str | None = None
    #: Made regularly *after* ``due``, not by it (action plan evaluations and adjustments: Regeling
    #: procesgang art. 4 lid 2 b, lid 5): the checklist shows no due date.
    recurring: bool = False


class DocumentText(Model):
    name: str
    missing: str


def _load(path_parts: tuple[str, ...]) -> Any:
    return safe_load(CONTENT_DIR.joinpath(*path_parts).read_text(encoding="utf-8"))


@cache
def document_specs() -> tuple[DocumentSpec, ...]:
    specs = tuple(load_strict(DocumentSpec, entry) for entry in _load(("questions", "documents.yaml")))
    for spec in specs:
        if spec.due not in ALL_MILESTONES:
            raise ValueError(f"document {spec.id}: unknown milestone {spec.due!r}")
        if spec.records is not None and spec.records not in RECORDABLE:
            raise ValueError(f"document {spec.id}: {spec.records!r} is not a step a person can record")
        for sid in spec.sources:
            get_source(sid)
    return specs


def document_ids() -> tuple[str, ...]:
    return tuple(spec.id for spec in document_specs())


def recorded_by() -> dict[str, str]:
    """Document id → the timeline step that records its receipt (``records:`` in documents.yaml).

    >>> recorded_by()["action_plan"]
    'action_plan_due'
    """
    return {spec.id: spec.records for spec in document_specs() if spec.records is not None}


@cache
def question_bank() -> tuple[Question, ...]:
    """All questions, validated: unique ids, valid conditions, resolvable sources."""
    questions = tuple(load_strict(Question, entry) for entry in _load(("questions", "bank.yaml")))
    seen: set[str] = set()
    for question in questions:
        if question.id in seen:
            raise ValueError(f"duplicate question id {question.id!r}")
        seen.add(question.id)
        validate_condition(question.condition)
        for sid in question.sources:
            get_source(sid)
    return questions


def get_question(question_id: str) -> Question:
    for question in question_bank():
        if question.id == question_id:
            return question
    raise InvalidInput("questions.error.unknown_question", question=question_id)


@cache
def question_texts(lang: str) -> dict[str, QuestionText]:
    raw = _load((lang, "questions", "bank.yaml"))
    return {key: load_strict(QuestionText, value) for key, value in raw.items()}


@cache
def document_texts(lang: str) -> dict[str, DocumentText]:
    raw = _load((lang, "questions", "documents.yaml"))
    return {key: load_strict(DocumentText, value) for key, value in raw.items()}


def applicable_questions(situation: Situation) -> tuple[Question, ...]:
    """The questions whose condition holds, by audience (bank order of audiences), then priority."""
    hits = [q for q in question_bank() if _eval(q.condition, situation)]
    order = {q.id: index for index, q in enumerate(question_bank())}
    return tuple(sorted(hits, key=lambda q: (AUDIENCES.index(q.audience), q.priority, order[q.id])))


# --- the person's own list ------------------------------------------------------------------------


class ListItem(Model):
    """One question in the person's list: a bank question (``text`` empty) or their own."""

    id: str
    audience: Audience
    own: bool = False
    text: str = ""


class QuestionList(Model):
    items: tuple[ListItem, ...] = ()
    #: bank questions the person removed (they are not added back automatically)
    removed: tuple[str, ...] = ()


def merge_list(saved: QuestionList | None, applicable: tuple[Question, ...]) -> QuestionList:
    """The saved list, plus newly applicable bank questions (not removed ones) in their default place."""
    saved = saved or QuestionList()
    present = {item.id for item in saved.items}
    items = list(saved.items)
    for question in applicable:
        if question.id in present or question.id in saved.removed:
            continue
        # insert after the last item of the same audience, so the new question joins its group
        index = max((i + 1 for i, item in enumerate(items) if item.audience == question.audience), default=len(items))
        items.insert(index, ListItem(id=question.id, audience=question.audience))
        present.add(question.id)
    return QuestionList(items=tuple(items), removed=saved.removed)


def add_own_question(qlist: QuestionList, text: str, audience: str, new_id: str) -> QuestionList:
    clean = text.strip()
    if not clean:
        raise InvalidInput("questions.error.empty_question")
    if len(clean) > MAX_OWN_QUESTION_CHARS:
        raise InvalidInput("questions.error.too_long", maximum=MAX_OWN_QUESTION_CHARS)
    if audience not in AUDIENCES:
        raise InvalidInput("questions.error.bad_audience")
    if len(qlist.items) >= MAX_ITEMS:
        raise InvalidInput("questions.error.too_many", maximum=MAX_ITEMS)
    item = ListItem(id=new_id, audience=audience, own=True, text=clean)  # type: ignore[arg-type]
    return QuestionList(items=(*qlist.items, item), removed=qlist.removed)


def remove_item(qlist: QuestionList, item_id: str) -> QuestionList:
    items = tuple(item for item in qlist.items if item.id != item_id)
    if len(items) == len(qlist.items):
        raise InvalidInput("questions.error.unknown_question", question=item_id)
    removed = qlist.removed
    target = next(item for item in qlist.items if item.id == item_id)
    if not target.own and item_id not in removed:
        removed = (*removed, item_id)
    return QuestionList(items=items, removed=removed)


def move_item(qlist: QuestionList, item_id: str, direction: Literal["up", "down"]) -> QuestionList:
    """Swap with the previous/next item of the same audience (the page groups by audience)."""
    items = list(qlist.items)
    index = next((i for i, item in enumerate(items) if item.id == item_id), None)
    if index is None:
        raise InvalidInput("questions.error.unknown_question", question=item_id)
    audience = items[index].audience
    same = [i for i, item in enumerate(items) if item.audience == audience]
    pos = same.index(index)
    other = pos - 1 if direction == "up" else pos + 1
    if 0 <= other < len(same):
        j = same[other]
        items[index], items[j] = items[j], items[index]
    return QuestionList(items=tuple(items), removed=qlist.removed)


def restore_defaults(qlist: QuestionList) -> QuestionList:
    """Forget removals and order, keep the person's own questions."""
    return QuestionList(items=tuple(item for item in qlist.items if item.own))


class ShownQuestion(Model):
    id: str
    audience: Audience
    own: bool
    text: str
    why: str
    sources: tuple[str, ...]
    priority: int | None = None


def shown_questions(qlist: QuestionList, lang: str) -> tuple[ShownQuestion, ...]:
    """The list with texts, grouped by audience (list order inside each group)."""
    texts = question_texts(lang)
    out: list[ShownQuestion] = []
    for audience in AUDIENCES:
        for item in qlist.items:
            if item.audience != audience:
                continue
            if item.own:
                out.append(ShownQuestion(id=item.id, audience=audience, own=True, text=item.text, why="", sources=()))
                continue
            question = next((q for q in question_bank() if q.id == item.id), None)
            if question is None:  # a question that left the bank: skip it quietly
                continue
            text = texts[item.id]
            out.append(
                ShownQuestion(
                    id=item.id,
                    audience=audience,
                    own=False,
                    text=text.text,
                    why=text.why,
                    sources=question.sources,
                    priority=question.priority,
                )
            )
    return tuple(out)


# --- documents ------------------------------------------------------------------------------------


class DocumentRecord(Model):
    id: str
    state: DocState = "unknown"
    on: IsoDate | None = None


def check_document_record(record: DocumentRecord, as_of: date) -> None:
    if record.id not in document_ids():
        raise InvalidInput("questions.error.document_not_known")
    if record.on is not None and record.on > as_of:
        raise InvalidInput("questions.error.date_in_future")
    if record.state == "received" and record.on is None and record.id in recorded_by():
        # the timeline records this step on a date; the portal never makes one up
        raise InvalidInput("questions.error.received_needs_date")


def document_is_due(spec: DocumentSpec, situation: Situation) -> bool:
    """Due when its milestone has passed, is in its window or is done (by the timeline statuses)."""
    status = situation.statuses.get(spec.due)
    return status in ("done", "done_late", "overdue", "passed", "in_window")


# --- meetings -------------------------------------------------------------------------------------


class Meeting(Model):
    id: str
    on: IsoDate
    with_whom: str = Field(max_length=MAX_WITH_WHOM_CHARS)
    points: tuple[str, ...] = ()
    agreed: str = Field(default="", max_length=MAX_MEETING_TEXT_CHARS)


def check_meeting(meeting: Meeting) -> None:
    if not meeting.with_whom.strip():
        raise InvalidInput("questions.error.meeting_with_whom")
    if len(meeting.points) > MAX_ITEMS or any(len(p) > MAX_OWN_QUESTION_CHARS for p in meeting.points):
        raise InvalidInput("questions.error.too_long", maximum=MAX_OWN_QUESTION_CHARS)
    check_agreed(meeting.agreed)


def check_agreed(agreed: str) -> None:
    """What was agreed in a meeting fits in :data:`MAX_MEETING_TEXT_CHARS` (else nothing is saved)."""
    if len(agreed) > MAX_MEETING_TEXT_CHARS:
        raise InvalidInput("questions.error.too_long", maximum=MAX_MEETING_TEXT_CHARS)


def record_agreed(meeting: Meeting, agreed: str) -> Meeting:
    """The meeting with what was agreed; a text over the limit raises :class:`InvalidInput`.

    >>> m = Meeting(id="m1", on=date(2026, 12, 1), with_whom="HR")
    >>> record_agreed(m, "A new evaluation in January.").agreed
    'A new evaluation in January.'
    >>> record_agreed(m, "x" * (MAX_MEETING_TEXT_CHARS + 1))
    Traceback (most recent call last):
    spoor2.errors.InvalidInput: This text is too long (at most 5000 characters). Nothing was saved.
    """
    check_agreed(agreed)
    return meeting.model_copy(update={"agreed": agreed})


# --- letters --------------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@cache
def letter_template(lang: str, letter_id: str) -> str:
    if letter_id not in LETTERS:
        raise InvalidInput("questions.error.unknown_letter", letter=letter_id)
    return (CONTENT_DIR / lang / "letters" / f"{letter_id}.md").read_text(encoding="utf-8")


def letter_placeholders(lang: str, letter_id: str) -> tuple[str, ...]:
    """The ``{names}`` a letter needs, in order of first use."""
    seen: list[str] = []
    for name in _PLACEHOLDER.findall(letter_template(lang, letter_id)):
        if name not in seen:
            seen.append(name)
    return tuple(seen)


def fill_letter(lang: str, letter_id: str, values: dict[str, str]) -> str:
    """The letter as plain text. A missing value becomes a gap in the letter's language (``[naam]``,
    ``questions.letter_gap`` in the catalogue) so the person sees what to add.

    Values are inserted literally (no format-string evaluation, so ``{`` in user text is harmless).
    """
    for value in values.values():
        if len(value) > MAX_FIELD_CHARS:
            raise InvalidInput("questions.error.too_long", maximum=MAX_FIELD_CHARS)

    def replace(match: re.Match[str]) -> str:
        value = values.get(match.group(1), "").strip()
        return value if value else f"[{t(lang, f'questions.letter_gap.{match.group(1)}')}]"

    return _PLACEHOLDER.sub(replace, letter_template(lang, letter_id))
