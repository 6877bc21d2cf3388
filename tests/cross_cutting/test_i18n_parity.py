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


def test_plurals_follow_the_language_rule_not_a_hack():
    """ "1 activities deleted" and "stap(pen)" are gone: a number picks its CLDR plural form."""
    import re

    from spoor2.i18n import t

    for lang in ("en", "nl"):
        hacks = [k for k, v in catalogue(lang).items() if re.search(r"\w\((s|en|pen|es)\)", v)]
        assert hacks == [], lang
    assert t("en", "tracker.table.deleted", count=1) == "1 activity deleted."
    assert t("en", "tracker.table.deleted", count=2) == "2 activities deleted."
    assert t("nl", "tracker.table.deleted", count=1) == "1 activiteit verwijderd."
    assert t("nl", "tracker.table.deleted", count=0) == "0 activiteiten verwijderd."
    assert t("nl", "home.flagged", count=1).startswith("1 stap had")
    assert t("nl", "home.flagged", count=3).startswith("3 stappen hadden")
    # a message may name the number that picks the form
    assert "1 dag tussen" in t("nl", "timeline.gap_days", days=1)
    assert "5 fit days between" in t("en", "timeline.gap_days", days=5)


def test_every_plural_message_has_the_forms_of_both_languages():
    for lang in ("en", "nl"):
        keys = catalogue(lang)
        for key in [k for k in keys if k.endswith(".one")]:
            base = key.removesuffix(".one")
            assert f"{base}.other" in keys, (lang, base)
            by = keys.get(f"{base}.by", "count")
            assert "{" + by + "}" in keys[f"{base}.other"], (lang, base)
