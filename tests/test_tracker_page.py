"""/tracker with AppTest in both languages: quick add, validation, filter, weekly target, exports."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from spoor2.i18n import t
from spoor2.store import activities_repo as repo
from spoor2.tracker import validate_activity
from tests.apptest import assert_no_exception, open_page, page_text


def table_of(at):
    """The editable activity table (found by its key, not its position)."""
    [editor] = [d for d in at.dataframe if "tr_table" in d.proto.id]
    return editor.value


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_empty_state_then_quick_add_appears_in_the_table(store, lang):
    at = open_page("tracker.py", lang=lang)
    assert_no_exception(at)
    assert t(lang, "tracker.empty") in page_text(at)
    at.text_input(key="tr_add_org").input("Zorggroep <b>Oost</b>")
    at.selectbox(key="tr_add_type").select("open_application")
    at.button(key="tr_add_submit").click().run()
    assert_no_exception(at)
    assert t(lang, "tracker.add.added") in page_text(at)
    [saved] = repo.list_activities(store)
    assert (saved.organisation, saved.type) == ("Zorggroep <b>Oost</b>", "open_application")
    table = table_of(at)
    assert list(table["organisation"]) == ["Zorggroep <b>Oost</b>"]
    assert list(table["type"]) == [t(lang, "tracker.type.open_application")]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_bad_input_shows_the_message_in_the_language_and_saves_nothing(store, lang):
    at = open_page("tracker.py", lang=lang)
    at.text_input(key="tr_add_org").input("Org")
    at.text_input(key="tr_add_link").input("javascript:alert(1)")
    at.button(key="tr_add_submit").click().run()
    assert_no_exception(at)
    assert [e.value for e in at.error] == [t(lang, "tracker.error.bad_link")]
    assert repo.count_activities(store) == 0
    at.text_input(key="tr_add_link").input("")
    at.text_input(key="tr_add_org").input("   ")
    at.button(key="tr_add_submit").click().run()
    assert t(lang, "tracker.error.empty_organisation") in [e.value for e in at.error]
    assert repo.count_activities(store) == 0


def _seed(store):
    today = date.today()
    items = [
        validate_activity(
            {
                "date": (today - timedelta(days=i)).isoformat(),
                "type": kind,
                "organisation": f"Org {i}",
                "status": status,
            },
            today=today,
        )
        for i, (kind, status) in enumerate(
            [("vacancy_application", "rejected"), ("training", "done"), ("vacancy_application", "interview")] * 3
        )
    ]
    repo.import_activities(store, items)


def test_filter_by_type_pages_in_sql(store):
    _seed(store)
    at = open_page("tracker.py", lang="en")
    assert len(table_of(at)) == 9
    at.multiselect(key="tr_f_types").select("training").run()
    assert_no_exception(at)
    frame = table_of(at)
    assert set(frame["type"]) == {t("en", "tracker.type.training")} and len(frame) == 3


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_weekly_target_and_charts(store, lang):
    _seed(store)
    at = open_page("tracker.py", lang=lang)
    assert t(lang, "tracker.target.none") in page_text(at)
    at.number_input(key="tr_target_count").set_value(3)
    at.button(key="tr_target_save").click().run()
    assert_no_exception(at)
    target = repo.get_weekly_target(store)
    assert target.count == 3 and target.types == ("vacancy_application", "open_application")
    assert t(lang, "tracker.target.saved") in page_text(at)
    assert len(at.get("plotly_chart")) >= 3


def test_bad_target_types_show_an_error_and_save_nothing(store):
    at = open_page("tracker.py", lang="nl")
    at.multiselect(key="tr_target_types").set_value([])
    at.button(key="tr_target_save").click().run()
    assert t("nl", "tracker.error.target_no_types") in [e.value for e in at.error]
    assert repo.get_weekly_target(store) is None


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_export_buttons_and_ics_are_there(store, lang):
    _seed(store)
    at = open_page("tracker.py", lang=lang)
    labels = {b.proto.label for b in at.get("download_button")}
    for key in ("csv", "xlsx", "pdf", "json"):
        assert t(lang, f"tracker.export.{key}") in labels
    assert t(lang, "tracker.agenda.ics") in labels


def test_bulk_status_change_for_selected_rows(store):
    _seed(store)
    at = open_page("tracker.py", lang="en")
    first_id = repo.list_activities(store, limit=1)[0].id
    at.session_state["tr_table"] = {"edited_rows": {0: {"select": True}}, "added_rows": [], "deleted_rows": []}
    at.selectbox(key="tr_bulk_status").select("offer")
    at.button(key="tr_bulk_apply").click().run()
    assert_no_exception(at)
    assert repo.get_activity(store, first_id).status == "offer"
    assert repo.counts_per_status(store).get("offer") == 1
