"""The two languages have the same UI keys and the same placeholders; content files are mirrored."""

from __future__ import annotations

from spoor2.i18n import catalogue, placeholders
from tests.conftest import ROOT


def test_ui_catalogues_have_the_same_keys():
    en, nl = catalogue("en"), catalogue("nl")
    assert sorted(set(en) - set(nl)) == [], "missing in Dutch"
    assert sorted(set(nl) - set(en)) == [], "missing in English"


def test_ui_messages_have_the_same_placeholders():
    en, nl = catalogue("en"), catalogue("nl")
    differing = [key for key in en if placeholders(en[key]) != placeholders(nl.get(key, ""))]
    assert differing == []


def test_no_empty_messages():
    for lang in ("en", "nl"):
        assert [k for k, v in catalogue(lang).items() if not v.strip()] == []


def test_content_files_are_mirrored():
    def files(lang: str) -> set[str]:
        base = ROOT / "content" / lang
        return {str(p.relative_to(base)) for p in base.rglob("*") if p.is_file()}

    assert files("en") == files("nl")


def test_keys_are_strings_not_yaml_booleans():
    # YAML 1.1 reads unquoted yes/no/on/off keys as booleans; they must be quoted.
    for lang in ("en", "nl"):
        assert not [k for k in catalogue(lang) if k.split(".")[-1] in ("True", "False")]


def test_unquoted_yaml_booleans_are_refused(tmp_path, monkeypatch):
    # `"yes": Yes` in YAML is the boolean True; the page would show "True" instead of "Yes".
    import pytest

    from spoor2 import i18n

    (tmp_path / "en" / "ui").mkdir(parents=True)
    (tmp_path / "en" / "ui" / "demo.yaml").write_text('answer:\n  "yes": Yes\n', encoding="utf-8")
    monkeypatch.setattr(i18n, "CONTENT_DIR", tmp_path)
    i18n.catalogue.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"demo\.answer\.yes"):
            i18n.catalogue("en")
    finally:
        monkeypatch.undo()
        i18n.catalogue.cache_clear()


def test_yes_and_no_read_as_words():
    assert catalogue("en")["rights.answer.yes"] == "Yes"
    assert catalogue("en")["common.no"] == "No"
