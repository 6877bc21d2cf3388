"""/tracker with AppTest in both languages: quick add, validation, filter, weekly target, exports."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from spoor2.i18n import t
from spoor2.store import tracker as repo
from spoor2.tracker.activities import validate_activity
from tests.support.apptest import assert_no_exception, open_page, page_text


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


def _open_import(lang):
    at = open_page("tracker.py", lang=lang)
    assert_no_exception(at)
    return at


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_import_with_other_headers_maps_them_and_a_bad_row_changes_nothing(store, lang):
    day = (date.today() - timedelta(days=3)).isoformat()
    # headers the portal does not know: the person maps them in the mapping step
    data = (
        f"When;What kind;Company;State\n{day};training;ROC Midden;done\n"
        f"31-02-2026;training;X;done\n{day};lunch;Y;done\n"
    )
    at = _open_import(lang)
    at.file_uploader(key="tr_import_file").set_value(("log.csv", data.encode(), "text/csv")).run()
    assert_no_exception(at)
    assert at.selectbox(key="tr_map_date").value is None  # unknown header: not guessed
    for field, header in (("date", "When"), ("type", "What kind"), ("organisation", "Company"), ("status", "State")):
        at.selectbox(key=f"tr_map_{field}").select(header)
    at.run()
    at.button(key="tr_import_submit").click().run()
    assert_no_exception(at)
    assert t(lang, "tracker.import.problems_title") in [e.value for e in at.error]
    row_column = t(lang, "tracker.import.row")
    [problems] = [d for d in at.dataframe if row_column in d.value.columns]
    rows = list(problems.value.iloc[:, 0])
    assert rows == [3, 4]  # the header is row 1; the good row 2 is not listed
    assert all(reason for reason in problems.value.iloc[:, 1])
    assert repo.count_activities(store) == 0  # a file with any bad row changes nothing

    good = f"When;What kind;Company;State\n{day};training;ROC Midden;done\n"
    at.file_uploader(key="tr_import_file").set_value(("good.csv", good.encode(), "text/csv")).run()
    for field, header in (("date", "When"), ("type", "What kind"), ("organisation", "Company"), ("status", "State")):
        at.selectbox(key=f"tr_map_{field}").select(header)
    at.run()
    at.button(key="tr_import_submit").click().run()
    assert_no_exception(at)
    assert t(lang, "tracker.import.done", count=1) in page_text(at)
    [saved] = repo.list_activities(store)
    assert (saved.organisation, saved.type, saved.status) == ("ROC Midden", "training", "done")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_quick_add_with_evidence_keeps_the_file(store, lang):
    at = open_page("tracker.py", lang=lang)
    at.text_input(key="tr_add_org").input("Gemeente Zeist")
    at.file_uploader(key="tr_add_file").set_value(("bevestiging.pdf", b"%PDF-1.4\n% proof\n", "application/pdf"))
    at.button(key="tr_add_submit").click().run()
    assert_no_exception(at)
    [saved] = repo.list_activities(store)
    assert saved.evidence_file
    stored = repo.evidence_file(store, saved.evidence_file)
    assert stored is not None and stored.content == b"%PDF-1.4\n% proof\n"  # in the database, with its row


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_evidence_that_is_not_what_it_says_is_refused_and_nothing_is_saved(store, lang):
    at = open_page("tracker.py", lang=lang)
    at.text_input(key="tr_add_org").input("Gemeente Zeist")
    at.file_uploader(key="tr_add_file").set_value(("proof.pdf", b"MZ\x90\x00 not a pdf", "application/pdf"))
    at.button(key="tr_add_submit").click().run()
    assert_no_exception(at)
    assert at.error, "a message in the user's language"
    assert repo.count_activities(store) == 0
    with store.read() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM evidence_files")).scalar() == 0
