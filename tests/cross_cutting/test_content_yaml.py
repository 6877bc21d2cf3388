"""spoor2.content_yaml parses every YAML file of the project (and the rights pages' front matter) to exactly
what PyYAML's pure-Python ``yaml.safe_load`` makes of it; it was switched to libyaml for speed only."""

from __future__ import annotations

import re

import pytest
import yaml

from spoor2 import content_yaml
from tests.conftest import ROOT

FILES = sorted([*ROOT.joinpath("content").rglob("*.yaml"), *ROOT.joinpath("spoor2").rglob("*.yaml")])
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


def test_libyaml_is_used_when_pyyaml_has_it() -> None:
    assert content_yaml.LOADER is getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_same_data_as_pure_python_safe_load(path) -> None:  # type: ignore[no-untyped-def]
    text = path.read_text(encoding="utf-8")
    expected = yaml.load(text, Loader=yaml.SafeLoader)
    assert content_yaml.safe_load(text) == expected
    assert repr(content_yaml.safe_load(text)) == repr(expected)  # same types too (True vs 'on', dates)


def test_front_matter_of_the_rights_pages_the_same() -> None:
    pages = sorted(ROOT.joinpath("content").glob("*/rights/*.md"))
    assert pages
    for page in pages:
        match = FRONT_MATTER.match(page.read_text(encoding="utf-8").replace("\r\n", "\n"))
        assert match is not None, page
        assert content_yaml.safe_load(match.group(1)) == yaml.safe_load(match.group(1))


def test_malformed_yaml_still_raises_a_yaml_error() -> None:
    with pytest.raises(yaml.YAMLError):
        content_yaml.safe_load("a: [1, 2\nb: 3")
