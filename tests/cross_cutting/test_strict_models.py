"""Strict at the edges: one base for every model, strict loads, nothing mutable inside a frozen model.

Every domain model derives from :class:`spoor2.model.Model` (frozen, strict, closed); content and stored
rows are validated with ``load_strict`` / ``load_strict_json``, never ``strict=False``; every date field is
an ``IsoDate`` (from JSON only ``YYYY-MM-DD``: lax mode, or pydantic's reading of the text ``"0"`` as a
Unix time, would show 1970-01-01 as a real date); and a frozen model holds tuples and FrozenMaps, never
a list or a dict. The stored-row side is tested in ``tests/store/test_strict_rows.py``.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

import spoor2
from spoor2.legal.params import LegalParameter, all_parameters
from spoor2.legal.sources import Source, all_sources
from spoor2.model import FrozenMap, Model, iso_day, load_strict
from spoor2.orientation.questionnaires import Occupation, Questionnaire, SavedResult, score_questionnaire
from spoor2.orientation.questionnaires import load_questionnaire as questionnaire
from spoor2.questions.bank import Question, Situation, question_bank
from spoor2.rights.topics import GlossaryEntry, load_glossary, parse_topic
from tests.conftest import ROOT

SPOOR2 = ROOT / "spoor2"
#: the one module that may build a pydantic model (and its config) from scratch
MODEL_MODULE = "spoor2/model.py"
#: pydantic names for a model or a config of one's own
OWN_MODEL_NAMES = {"BaseModel", "RootModel", "ConfigDict", "create_model"}
VALIDATE_CALLS = {"model_validate", "model_validate_json", "model_validate_strings"}


# --- the source, read as a tree -------------------------------------------------------------------------


def strictness_problems(name: str, source: str) -> list[str]:
    """What in one module undoes strictness: a model or config of its own, ``strict=False``, ``model_construct``."""
    problems: list[str] = []
    own_module = name == MODEL_MODULE
    for node in ast.walk(ast.parse(source)):
        where = f"{name}:{getattr(node, 'lineno', '?')}"
        if not own_module and isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "pydantic":
            problems.extend(
                f"{where}: imports pydantic.{alias.name} — derive from spoor2.model.Model instead"
                for alias in node.names
                if alias.name in OWN_MODEL_NAMES
            )
        if (
            not own_module
            and isinstance(node, ast.Attribute)
            and node.attr in OWN_MODEL_NAMES
            and isinstance(node.value, ast.Name)
            and node.value.id == "pydantic"
        ):
            problems.append(f"{where}: uses pydantic.{node.attr} — derive from spoor2.model.Model instead")
        if not own_module and isinstance(node, ast.ClassDef):
            for statement in node.body:
                targets = statement.targets if isinstance(statement, ast.Assign) else []
                if isinstance(statement, ast.AnnAssign):
                    targets = [statement.target]
                if any(isinstance(target, ast.Name) and target.id == "model_config" for target in targets):
                    problems.append(f"{where}: class {node.name} sets its own model_config")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in VALIDATE_CALLS:
                for keyword in node.keywords:
                    strict = keyword.value
                    if keyword.arg == "strict" and not (isinstance(strict, ast.Constant) and strict.value is True):
                        problems.append(f"{where}: {node.func.attr}(…, strict={ast.unparse(strict)}) — use load_strict")
            if node.func.attr == "model_construct":
                problems.append(f"{where}: model_construct skips validation")
    return problems


def _sources() -> Iterator[tuple[str, str]]:
    for path in sorted(SPOOR2.rglob("*.py")):
        yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")


def test_no_module_undoes_strictness():
    problems = [problem for name, source in _sources() for problem in strictness_problems(name, source)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(
    "source",
    [
        "from pydantic import BaseModel\nclass A(BaseModel):\n    x: int\n",
        "import pydantic\nclass A(pydantic.BaseModel):\n    x: int\n",
        "from spoor2.model import Model\nclass A(Model):\n    model_config = {'strict': False}\n",
        "A.model_validate(data, strict=False)\n",
        "A.model_validate_json(text, strict=lax)\n",
        "A.model_construct(x=1)\n",
    ],
)
def test_the_scan_finds_what_it_looks_for(source):
    assert strictness_problems("spoor2/example.py", source)


def test_the_scan_lets_the_base_and_strict_loads_be():
    assert strictness_problems(MODEL_MODULE, (SPOOR2 / "model.py").read_text(encoding="utf-8")) == []
    assert strictness_problems("spoor2/x.py", "load_strict(A, d)\nA.model_validate_json(t, strict=True)\n") == []


# --- the models, as pydantic sees them --------------------------------------------------------------------


def _spoor2_models() -> list[type[BaseModel]]:
    for module in pkgutil.walk_packages(spoor2.__path__, "spoor2."):
        if not module.name.endswith(".__main__"):  # (that one runs the CLI)
            importlib.import_module(module.name)
    found: list[type[BaseModel]] = []
    todo = list(BaseModel.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("spoor2.") and cls is not Model:
            found.append(cls)
    return sorted(set(found), key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


MODELS = _spoor2_models()


def _schema_problems(node: Any, path: str = "") -> Iterator[str]:
    """Lists, sets and bare dicts (mutable) and dates that are not IsoDate, anywhere in a core schema."""
    if isinstance(node, list | tuple):
        for index, child in enumerate(node):
            yield from _schema_problems(child, f"{path}[{index}]")
        return
    if not isinstance(node, dict):
        return
    kind = node.get("type")
    function = node.get("function", {}).get("function") if isinstance(node.get("function"), dict) else None
    if kind == "function-before" and function is iso_day:
        return  # an IsoDate
    if kind == "function-after" and function is FrozenMap:
        return  # a FrozenMap (its items are checked by the dict schema inside)
    if kind in ("list", "set", "dict"):
        yield f"{path or '.'}: a {kind} (mutable) — use a tuple or a FrozenMap"
    if kind in ("date", "datetime"):
        yield f"{path or '.'}: a plain {kind} — use spoor2.model.IsoDate"
    for key, child in node.items():
        if key not in ("serialization", "metadata", "cls", "function", "default"):
            yield from _schema_problems(child, f"{path}.{key}" if key not in ("schema", "fields") else path)


def test_spoor2_has_models_to_check():
    names = {cls.__name__ for cls in MODELS}
    assert {"Activity", "SavedResult", "Draft", "Meeting", "Topic", "LegalParameter", "Source"} <= names


@pytest.mark.parametrize("model", MODELS, ids=lambda cls: f"{cls.__module__}.{cls.__qualname__}")
def test_every_model_derives_from_the_base(model):
    assert issubclass(model, Model), f"{model.__qualname__} must derive from spoor2.model.Model"
    assert model.model_config.get("frozen") is True
    assert model.model_config.get("strict") is True
    assert model.model_config.get("extra") == "forbid"


@pytest.mark.parametrize("model", MODELS, ids=lambda cls: f"{cls.__module__}.{cls.__qualname__}")
def test_a_frozen_model_holds_nothing_mutable_and_only_iso_dates(model):
    problems = list(_schema_problems(model.__pydantic_core_schema__.get("schema")))
    assert problems == [], "\n".join(problems)


# --- content entries: a number is never a date, an unknown key is refused -------------------------------


def _dump(model: BaseModel) -> dict[str, Any]:
    """An entry as the YAML gives it: plain data, dates as ISO text."""
    return model.model_dump(mode="json")


#: a real entry of each kind of content
CONTENT = {
    "legal parameter": (LegalParameter, lambda: all_parameters()[0]),
    "source": (Source, lambda: next(iter(all_sources().values()))),
    "glossary entry": (GlossaryEntry, lambda: load_glossary("nl")[0]),
    "question": (Question, lambda: question_bank()[0]),
    "questionnaire": (Questionnaire, lambda: questionnaire("interests")),
}


@pytest.mark.parametrize("kind", list(CONTENT))
def test_a_content_entry_loads_back_as_it_was(kind):
    model, entry = CONTENT[kind]
    assert load_strict(model, _dump(entry())) == entry()


@pytest.mark.parametrize("kind", list(CONTENT))
def test_a_content_entry_with_an_unknown_key_is_refused(kind):
    model, entry = CONTENT[kind]
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        load_strict(model, {**_dump(entry()), "valid_form": "2024-01-01"})


@pytest.mark.parametrize("spoiled", [0, 20240101, "0", "86400", "", "1-1-2024", "2023-02-29"])
def test_a_legal_parameter_that_took_effect_on_a_number_is_refused(spoiled):
    entry = _dump(all_parameters()[0])
    with pytest.raises(ValidationError):
        load_strict(LegalParameter, {**entry, "valid_from": spoiled})


def test_a_yaml_number_where_text_belongs_is_refused():
    entry = _dump(load_glossary("nl")[0])
    with pytest.raises(ValidationError):
        load_strict(GlossaryEntry, {**entry, "dutch": 42})
    occupation = {"id": "x", "code": "R", "holland": "RIC"}
    assert load_strict(Occupation, occupation).holland == "RIC"
    with pytest.raises(ValidationError):
        load_strict(Occupation, {**occupation, "code": 7})


TOPIC = """---
title: A topic
summary: What it is about.
weeks: [1, 104]
milestones: []
sources: []
last_checked: {last_checked}
related:
glossary: []
---
## First
Text.
"""


def test_a_topic_checked_on_day_0_names_its_file():
    assert parse_topic(TOPIC.format(last_checked="2025-06-01"), "a-topic", "en").last_checked == date(2025, 6, 1)
    with pytest.raises(ValueError, match=r"en/rights/a-topic\.md"):
        parse_topic(TOPIC.format(last_checked="0"), "a-topic", "en")
    with pytest.raises(ValueError, match=r"en/rights/a-topic\.md"):
        parse_topic(TOPIC.format(last_checked='"0"'), "a-topic", "en")


# --- nothing inside a frozen model can change -------------------------------------------------------------


def test_maps_and_answers_inside_frozen_models_cannot_change():
    situation = Situation(answers={"spoor2_started": "no"})
    with pytest.raises(TypeError):
        situation.answers["spoor2_started"] = "yes"  # type: ignore[index]
    condition = question_bank()[0].condition
    with pytest.raises(TypeError):
        condition["always"] = False  # type: ignore[index]
    q = questionnaire("capacity")
    saved = SavedResult(
        id="r1",
        questionnaire="capacity",
        completed_on=date(2026, 11, 2),
        answers={"days": ("mon", "thu")},
        result=score_questionnaire(q, {"days": ["mon", "thu"]}),
        profile={},
    )
    assert saved.answers["days"] == ("mon", "thu")
    assert hash(saved) == hash(saved.model_copy())
    with pytest.raises(ValidationError):  # a list is not a tuple: strict
        SavedResult(**{**dict(saved), "answers": {"days": ["mon"]}})
