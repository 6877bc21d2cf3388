"""Orientation questionnaires: interests (RIASEC), energy / work values, what I can take on, obstacles.

A reflection aid, never a selection or a verdict. The items are our own; the interest types
follow Holland's theory (source ``holland_theory``). Pure functions: no Streamlit, no clock.

* The structure (ids, scale, dimension per item, reverse keys) is language-neutral data in
  ``content/orientation/<id>.yaml``; the texts are in ``content/<lang>/orientation/<id>.yaml``.
* Answers are a mapping ``item id → value``: an ``int`` on the scale (likert items), an option id
  (``choice``) or a list of option ids (``multi``; checked answers hold a tuple). A missing item
  means "skipped".
* A dimension with fewer than ``min_answers`` answers is reported as *not enough answers*
  (``enough=False``, ``mean=None``), never silently as 0.

>>> q = load_questionnaire("interests")
>>> result = score_questionnaire(q, {f"{d}{i}": 5 if d == "s" else 3 for d in "riasec" for i in range(1, 9)})
>>> result.holland_code
'SRI'
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, Literal

from spoor2.content_yaml import safe_load
from spoor2.errors import InvalidInput
from spoor2.i18n import normalise_lang
from spoor2.model import FrozenMap, IsoDate, Model, load_strict
from spoor2.paths import CONTENT_DIR

QUESTIONNAIRE_IDS: tuple[str, ...] = ("interests", "values", "capacity", "obstacles")
HOLLAND_TYPES: tuple[str, ...] = ("R", "I", "A", "S", "E", "C")
#: A profile is "flat" when the highest and lowest scored dimension differ less than this (scale points).
FLAT_SPREAD = 0.5
#: User-edited search-profile fields are plain text of at most this many characters each.
MAX_PROFILE_CHARS = 2_000

Kind = Literal["likert", "profile", "obstacles"]
ItemType = Literal["likert", "choice", "multi"]
Answer = int | str | tuple[str, ...]


class Item(Model):
    id: str
    type: ItemType = "likert"
    dimension: str | None = None
    reverse: bool = False
    options: tuple[str, ...] = ()
    links: tuple[str, ...] = ()


class Questionnaire(Model):
    id: str
    kind: Kind
    scale: tuple[int, ...] = ()
    dimensions: tuple[str, ...] = ()
    min_answers: int = 1
    sources: tuple[str, ...] = ()
    screens: tuple[tuple[str, ...], ...]
    items: tuple[Item, ...]

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise InvalidInput("orientation.error.unknown_item")  # never the id: a person cannot act on it

    def number(self, item_id: str) -> int:
        """The question's number as the person sees it (1 for the first question of the questionnaire)."""
        return [item.id for item in self.items].index(item_id) + 1

    def items_of(self, dimension: str) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.dimension == dimension)

    @property
    def scale_max(self) -> int:
        return max(self.scale)

    @property
    def scale_min(self) -> int:
        return min(self.scale)


class DimensionScore(Model):
    dimension: str
    answered: int
    total: int
    needed: int
    #: Mean on the answer scale after reverse keying; ``None`` when there are not enough answers.
    mean: float | None
    #: The mean as 0–100 (scale minimum = 0); ``None`` when there are not enough answers.
    percent: float | None

    @property
    def enough(self) -> bool:
        return self.mean is not None


class ObstacleLevel(Model):
    item: str
    level: Literal["none", "somewhat", "much"] | None
    links: tuple[str, ...]


class Result(Model):
    questionnaire: str
    answered: int
    total: int
    scores: tuple[DimensionScore, ...] = ()
    #: The three-letter Holland code (interests only), ``None`` with fewer than three scored types.
    holland_code: str | None = None
    #: Groups of types with equal scores that touch the code (e.g. ``(("A", "S"),)``), for a note.
    ties: tuple[tuple[str, ...], ...] = ()
    #: Highest and lowest scored dimensions ("what gives energy" / "what costs energy").
    top: tuple[str, ...] = ()
    bottom: tuple[str, ...] = ()
    flat: bool = False
    obstacles: tuple[ObstacleLevel, ...] = ()

    def score(self, dimension: str) -> DimensionScore:
        return next(s for s in self.scores if s.dimension == dimension)


class ProfileField(Model):
    """One field of the draft search profile (*zoekprofiel*): an item id and editable text."""

    field: str
    text: str


class Occupation(Model):
    id: str
    code: str
    holland: str


# --- saved drafts and results (the store saves and loads them) ----------------------------------------


class Draft(Model):
    """Half-finished answers and the screen to resume at."""

    questionnaire: str
    answers: FrozenMap[str, Answer]
    screen: int
    updated_at: str


class SavedResult(Model):
    """A completed questionnaire: the answers, the scored result and (capacity) the edited search profile."""

    id: str
    questionnaire: str
    completed_on: IsoDate
    answers: FrozenMap[str, Answer]
    result: Result
    profile: FrozenMap[str, str]


# --- loading ------------------------------------------------------------------------------------------


def _read_yaml(path) -> Any:  # type: ignore[no-untyped-def]
    return safe_load(path.read_text(encoding="utf-8"))


@cache
def load_questionnaire(questionnaire_id: str) -> Questionnaire:
    """The language-neutral structure of a questionnaire, validated for internal consistency."""
    if questionnaire_id not in QUESTIONNAIRE_IDS:
        raise InvalidInput("orientation.error.unknown_questionnaire", questionnaire=questionnaire_id)
    raw = _read_yaml(CONTENT_DIR / "orientation" / f"{questionnaire_id}.yaml")
    q = load_strict(Questionnaire, raw)
    ids = [item.id for item in q.items]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{questionnaire_id}: duplicate item ids")
    on_screens = [item_id for screen in q.screens for item_id in screen]
    if sorted(on_screens) != sorted(ids):
        raise ValueError(f"{questionnaire_id}: every item must be on exactly one screen")
    if q.kind == "likert" and (not q.scale or any(item.dimension not in q.dimensions for item in q.items)):
        raise ValueError(f"{questionnaire_id}: likert items need a scale and a known dimension")
    return q


@cache
def load_texts(lang: str, questionnaire_id: str) -> dict[str, Any]:
    """The texts of a questionnaire in a language (title, intro, items, options, …)."""
    load_questionnaire(questionnaire_id)
    return _read_yaml(CONTENT_DIR / normalise_lang(lang) / "orientation" / f"{questionnaire_id}.yaml")


@cache
def load_occupations() -> tuple[tuple[Occupation, ...], str]:
    """The bundled example occupations and the id of their source."""
    raw = _read_yaml(CONTENT_DIR / "orientation" / "occupations.yaml")
    occupations = tuple(load_strict(Occupation, entry) for entry in raw["occupations"])
    return occupations, str(raw["source"])


@cache
def occupation_names(lang: str) -> dict[str, str]:
    return dict(_read_yaml(CONTENT_DIR / normalise_lang(lang) / "orientation" / "occupations.yaml"))


def example_occupations(code: str, per_type: int = 3) -> list[Occupation]:
    """Example occupations for the top types of a Holland code (first letters first)."""
    occupations, _ = load_occupations()
    out: list[Occupation] = []
    for letter in code[:2]:
        out.extend([o for o in occupations if o.code == letter][:per_type])
    return out


# --- answers ------------------------------------------------------------------------------------------


def validate_answers(q: Questionnaire, answers: Mapping[str, Any]) -> dict[str, Answer]:
    """Check every answer; return a clean copy without skipped items (``None``, empty list).

    Raises :class:`InvalidInput` for an unknown item, a value off the scale or an unknown option.
    """
    clean: dict[str, Answer] = {}
    for item_id, value in answers.items():
        item = q.item(item_id)
        if value is None or value in ([], ()):
            continue
        if item.type == "likert":
            if isinstance(value, bool) or not isinstance(value, int) or value not in q.scale:
                raise InvalidInput("orientation.error.off_scale", number=q.number(item_id))
            clean[item_id] = value
        elif item.type == "choice":
            if not isinstance(value, str) or value not in item.options:
                raise InvalidInput("orientation.error.unknown_option", number=q.number(item_id))
            clean[item_id] = value
        else:
            if not isinstance(value, list | tuple) or any(v not in item.options for v in value):
                raise InvalidInput("orientation.error.unknown_option", number=q.number(item_id))
            # keep the order of the options, without duplicates
            clean[item_id] = tuple(option for option in item.options if option in value)
    return clean


def keyed_value(q: Questionnaire, item: Item, value: int) -> int:
    """The answer after reverse keying: on a 1–5 scale a reverse-keyed 5 counts as 1.

    >>> q = load_questionnaire("values")
    >>> keyed_value(q, q.item("autonomy4"), 5), keyed_value(q, q.item("autonomy1"), 5)
    (1, 5)
    """
    return q.scale_min + q.scale_max - value if item.reverse else value


def progress(q: Questionnaire, answers: Mapping[str, Any]) -> float:
    """Share of items answered, 0.0–1.0."""
    answered = sum(1 for item in q.items if answers.get(item.id) not in (None, [], ()))
    return answered / len(q.items)


# --- scoring ------------------------------------------------------------------------------------------


def _likert_scores(q: Questionnaire, answers: Mapping[str, Answer]) -> tuple[DimensionScore, ...]:
    scores: list[DimensionScore] = []
    span = q.scale_max - q.scale_min
    for dimension in q.dimensions:
        items = q.items_of(dimension)
        values = [keyed_value(q, item, int(answers[item.id])) for item in items if item.id in answers]  # type: ignore[arg-type]
        needed = min(q.min_answers, len(items))
        if len(values) < needed:
            mean = percent = None
        else:
            mean = round(sum(values) / len(values), 2)
            percent = round((mean - q.scale_min) / span * 100, 1)
        scores.append(
            DimensionScore(
                dimension=dimension, answered=len(values), total=len(items), needed=needed, mean=mean, percent=percent
            )
        )
    return tuple(scores)


def rank_dimensions(q: Questionnaire, scores: tuple[DimensionScore, ...]) -> list[DimensionScore]:
    """Scored dimensions, highest first. Tie rule: equal means keep the questionnaire's order
    (for interests Holland's R-I-A-S-E-C order), so the same answers always give the same code."""
    order = {d: i for i, d in enumerate(q.dimensions)}
    scored = [s for s in scores if s.mean is not None]
    return sorted(scored, key=lambda s: (-(s.mean or 0.0), order[s.dimension]))


def holland_code(
    q: Questionnaire, scores: tuple[DimensionScore, ...]
) -> tuple[str | None, tuple[tuple[str, ...], ...]]:
    """The three highest types as a code, and the tie groups that touch the code.

    >>> q = load_questionnaire("interests")
    >>> scores = tuple(DimensionScore(dimension=d, answered=8, total=8, needed=4, mean=m, percent=0.0)
    ...                for d, m in zip("RIASEC", [2.0, 4.0, 3.0, 3.0, 1.0, 1.0]))
    >>> holland_code(q, scores)
    ('IAS', (('A', 'S'),))
    """
    ranked = rank_dimensions(q, scores)
    if len(ranked) < 3:
        return None, ()
    code = "".join(s.dimension for s in ranked[:3])
    ties: list[tuple[str, ...]] = []
    for mean in dict.fromkeys(s.mean for s in ranked[:3]):
        group = tuple(s.dimension for s in ranked if s.mean == mean)
        if len(group) > 1:
            ties.append(group)
    return code, tuple(ties)


def score_questionnaire(q: Questionnaire, answers: Mapping[str, Any]) -> Result:
    """Score a (possibly incomplete) set of answers. Validates first; never guesses missing answers."""
    clean = validate_answers(q, answers)
    answered = len(clean)
    if q.kind == "likert":
        scores = _likert_scores(q, clean)
        ranked = rank_dimensions(q, scores)
        code, ties = holland_code(q, scores) if q.id == "interests" else (None, ())
        flat = len(ranked) >= 2 and (ranked[0].mean or 0) - (ranked[-1].mean or 0) < FLAT_SPREAD
        top = tuple(s.dimension for s in ranked[:2])
        bottom = tuple(s.dimension for s in ranked[-1:]) if len(ranked) >= 3 else ()
        return Result(
            questionnaire=q.id,
            answered=answered,
            total=len(q.items),
            scores=scores,
            holland_code=code,
            ties=ties,
            top=top,
            bottom=bottom,
            flat=flat,
        )
    if q.kind == "obstacles":
        levels = tuple(
            ObstacleLevel(item=item.id, level=clean.get(item.id), links=item.links)  # type: ignore[arg-type]
            for item in q.items
        )
        return Result(questionnaire=q.id, answered=answered, total=len(q.items), obstacles=levels)
    return Result(questionnaire=q.id, answered=answered, total=len(q.items))


def obstacles_in_the_way(result: Result) -> list[ObstacleLevel]:
    """Obstacles marked "much" first, then "somewhat"; "none" and skipped ones are left out."""
    rank = {"much": 0, "somewhat": 1}
    marked = [o for o in result.obstacles if o.level in rank]
    return sorted(marked, key=lambda o: rank[o.level or ""])


# --- the draft search profile (zoekprofiel) ----------------------------------------------------------


def draft_search_profile(answers: Mapping[str, Any], lang: str) -> list[ProfileField]:
    """A first draft of the search profile from the capacity answers, in ``lang``.

    Every field is editable text; a skipped question gives an empty field (the page shows a
    hint), never an invented value.
    """
    q = load_questionnaire("capacity")
    clean = validate_answers(q, answers)
    texts = load_texts(lang, "capacity")
    fields: list[ProfileField] = []
    for item in q.items:
        value = clean.get(item.id)
        if value is None:
            text = ""
        elif isinstance(value, tuple):
            text = ", ".join(texts["options"][item.id][v] for v in value)
        else:
            text = texts["options"][item.id][str(value)]
        fields.append(ProfileField(field=item.id, text=text))
    return fields


def check_profile(fields: Mapping[str, str]) -> dict[str, str]:
    """Validate a user-edited profile (known fields, text length); returns a clean copy."""
    q = load_questionnaire("capacity")
    known = {item.id for item in q.items}
    clean: dict[str, str] = {}
    for field, text in fields.items():
        if field not in known:
            raise InvalidInput("orientation.error.unknown_item")
        if not isinstance(text, str):
            raise InvalidInput("orientation.error.unknown_item")
        if len(text) > MAX_PROFILE_CHARS:
            raise InvalidInput("orientation.error.too_long", maximum=MAX_PROFILE_CHARS)
        clean[field] = text.strip()
    return clean


# --- summaries --------------------------------------------------------------------------------------------


def dimension_name(lang: str, questionnaire_id: str, dimension: str) -> str:
    return str(load_texts(lang, questionnaire_id)["dimensions"][dimension]["name"])
