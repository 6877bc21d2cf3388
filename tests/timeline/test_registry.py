"""The registry of milestones: every rule has test vectors, words in both languages, sources and docs."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from spoor2.i18n import has
from spoor2.legal.sources import get_source
from spoor2.timeline.rules import (
    ALL_MILESTONES,
    CORE_MILESTONES,
    MILESTONES,
    OPTIONAL_MILESTONES,
    RECORDABLE,
    SickPeriod,
    TimelineInput,
    compute_timeline,
)
from tests.conftest import ROOT

CASES_DIR = ROOT / "tests" / "timeline" / "cases"
RULES_DOC = ROOT / "docs" / "rules.md"
IDS = [spec.id for spec in MILESTONES]
#: inputs that together produce every milestone, with every source it can cite
FULL_INPUTS = (
    TimelineInput(periods=(SickPeriod(start=date(2026, 1, 5)),)),
    TimelineInput(
        periods=(SickPeriod(start=date(2026, 1, 5)),),
        early_iva_applied=date(2026, 4, 13),
        contract_end=date(2026, 6, 30),
        wage_sanction_weeks=4,
        extension_weeks=13,
    ),
)


def _cases() -> list[dict]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        cases.extend(yaml.safe_load(path.read_text(encoding="utf-8"))["cases"])
    return cases


def _cited_sources() -> dict[str, set[str]]:
    cited: dict[str, set[str]] = {mid: set() for mid in IDS}
    for inp in FULL_INPUTS:
        for item in compute_timeline(inp).milestones:
            cited[item.id].update(item.sources)
    return cited


def _anchors() -> set[str]:
    return set(re.findall(r'<a id="([a-z0-9-]+)"></a>', RULES_DOC.read_text(encoding="utf-8")))


def _doc_section(anchor: str) -> str:
    """The text from an anchor up to the next anchor."""
    text = RULES_DOC.read_text(encoding="utf-8")
    start = text.index(f'<a id="{anchor}"></a>')
    following = text.find("<a id=", start + 1)
    return text[start : following if following != -1 else len(text)]


def test_every_list_of_milestones_comes_from_the_registry():
    assert len(set(IDS)) == len(IDS)
    assert tuple(IDS) == ALL_MILESTONES
    assert CORE_MILESTONES + OPTIONAL_MILESTONES == ALL_MILESTONES
    assert {spec.id for spec in MILESTONES if spec.recordable} == RECORDABLE
    assert all(spec.rule.__name__ == spec.id for spec in MILESTONES)


@pytest.mark.parametrize("spec", MILESTONES, ids=IDS)
def test_every_rule_has_a_one_line_docstring_that_cites_its_clause(spec):
    doc = spec.rule.__doc__ or ""
    assert doc and "\n" not in doc.strip(), spec.id
    assert " — " in doc, spec.id  # "<law, article> — <what it says>"


@pytest.mark.parametrize("spec", MILESTONES, ids=IDS)
def test_every_milestone_has_test_vectors(spec):
    expected_in = [case["name"] for case in _cases() if spec.id in (case.get("expected") or {})]
    assert expected_in, f"{spec.id}: no case in tests/timeline/cases/ expects a date for it"


def test_case_files_name_only_registered_milestones():
    for case in _cases():
        named = {
            *(case.get("expected") or {}),
            *case.get("absent", []),
            *(case.get("notes") or {}),
            *case.get("not_applicable", []),
            *case.get("applies", []),
            *(case.get("status") or {}),
            *(case["input"].get("done") or {}),
        }
        assert named <= set(IDS), (case["name"], named - set(IDS))


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("spec", MILESTONES, ids=IDS)
def test_every_milestone_has_a_label_in_both_languages(spec, lang):
    assert has(lang, f"milestones.{spec.id}.label"), (lang, spec.id)


@pytest.mark.parametrize("spec", MILESTONES, ids=IDS)
def test_every_milestone_cites_at_least_one_resolvable_source(spec):
    cited = _cited_sources()[spec.id]
    assert cited, spec.id
    for source_id in cited:
        assert get_source(source_id).url, source_id


@pytest.mark.parametrize("spec", MILESTONES, ids=IDS)
def test_every_milestone_is_explained_in_docs_rules_md_with_its_sources(spec):
    path, anchor = spec.docs.split("#")
    assert path == "docs/rules.md"
    assert anchor in _anchors(), spec.docs
    section = _doc_section(anchor)
    assert f"`{spec.id}`" in section, spec.id
    for source_id in _cited_sources()[spec.id]:
        assert f"`{source_id}`" in section, (spec.id, source_id)


def _files_that_point_into_the_docs() -> list[Path]:
    return [
        *sorted((ROOT / "spoor2" / "timeline").glob("*.py")),
        *sorted(CASES_DIR.glob("*")),
        *sorted(ROOT.glob("content/*/ui/milestones.yaml")),
        ROOT / "docs" / "rules.md",
    ]


def test_every_docs_rules_md_anchor_that_is_referenced_exists():
    anchors = _anchors()
    referenced = set()
    for path in _files_that_point_into_the_docs():
        text = path.read_text(encoding="utf-8")
        referenced |= {(path.name, ref) for ref in re.findall(r"docs/rules\.md#([a-z0-9-]+)", text)}
        if path.name == "rules.md":
            referenced |= {(path.name, ref) for ref in re.findall(r"\]\(#([a-z0-9-]+)\)", text)}
    assert referenced
    assert sorted((name, ref) for name, ref in referenced if ref not in anchors) == []


def test_the_timeline_no_longer_points_outside_the_repository():
    for path in _files_that_point_into_the_docs():
        text = path.read_text(encoding="utf-8")
        assert "poortwachter.md" not in text, path.name
        assert not re.search(r"\bR(10|[1-9])\b", text), path.name


def test_no_function_in_the_timeline_package_is_longer_than_60_lines():
    for path in sorted((ROOT / "spoor2" / "timeline").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                assert length <= 60, f"{path.name}:{node.name} has {length} lines"
