"""/tracker with AppTest in both languages: quick add, validation, filter, weekly target, exports."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from spoor2.i18n import t
from spoor2.store import tracker as repo
from spoor2.tracker.activities import validate_activity
from tests.support.apptest import assert_no_exception, open_page, page_text


def add_key(at, name):
    """The key of a quick-add widget: each form instance has its own (a new one after every add)."""
    return f"tr_add_{name}_{at.session_state['tr_add_n']}"


def import_key(at):
    return f"tr_import_file_{at.session_state['tr_import_n']}"


def show(at, tab):
    """Switch the page's section (a keyed segmented control: it stays where the person put it)."""
    at.segmented_control(key="tr_tab").set_value(tab).run()
    assert_no_exception(at)
    return at


def editors(at):
    """The editable activity tables on the page (found by their key, not their position): one, or none."""
    return [d for d in at.dataframe if "tr_table" in d.proto.id]


def table_of(at):
    """The editable activity table."""
    [editor] = editors(at)
    return editor.value


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_empty_state_then_quick_add_appears_in_the_table(store, lang):
    at = open_page("tracker.py", lang=lang)
    assert_no_exception(at)
    assert t(lang, "tracker.empty") in page_text(at)
    at.text_input(key=add_key(at, "org")).input("Zorggroep <b>Oost</b>")
    at.selectbox(key=add_key(at, "type")).select("open_application")
    at.button(key=add_key(at, "submit")).click().run()
    assert_no_exception(at)
    assert t(lang, "tracker.add.added") in page_text(at)
    [saved] = repo.list_activities(store)
    assert (saved.organisation, saved.type) == ("Zorggroep <b>Oost</b>", "open_application")
    table = table_of(at)
    assert list(table["organisation"]) == ["Zorggroep <b>Oost</b>"]
    assert list(table["type"]) == [t(lang, "tracker.type.open_application")]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_an_empty_log_has_no_grid_and_no_buttons_that_act_on_rows(store, lang):
    at = open_page("tracker.py", lang=lang)
    assert_no_exception(at)
    assert t(lang, "tracker.table.none_yet") in page_text(at)
    assert editors(at) == []
    keys = {b.key for b in at.button}
    assert not keys & {"tr_save", "tr_bulk_apply", "tr_delete"}
    at.text_input(key=add_key(at, "org")).input("Gemeente Zwolle")
    at.button(key=add_key(at, "submit")).click().run()
    assert_no_exception(at)
    assert list(table_of(at)["organisation"]) == ["Gemeente Zwolle"]  # the first activity brings the grid
    assert {"tr_save", "tr_bulk_apply", "tr_delete"} <= {b.key for b in at.button}
    assert t(lang, "tracker.table.none_yet") not in page_text(at)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_filter_that_matches_nothing_says_so_and_clearing_it_brings_the_rows_back(store, lang):
    _seed(store)
    at = open_filter(open_page("tracker.py", lang=lang))
    at.multiselect(key="tr_f_types").select("secondment").run()  # _seed logs no secondment
    assert_no_exception(at)
    assert t(lang, "tracker.table.none_match") in [i.value for i in at.info]
    assert editors(at) == []
    at.multiselect(key="tr_f_types").set_value([]).run()
    assert_no_exception(at)
    assert len(table_of(at)) == 9
    assert t(lang, "tracker.table.none_match") not in page_text(at)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_bad_input_shows_the_message_in_the_language_and_saves_nothing(store, lang):
    at = open_page("tracker.py", lang=lang)
    at.text_input(key=add_key(at, "org")).input("Org")
    at.text_input(key=add_key(at, "link")).input("javascript:alert(1)")
    at.button(key=add_key(at, "submit")).click().run()
    assert_no_exception(at)
    assert [e.value for e in at.error] == [t(lang, "tracker.error.bad_link")]
    assert repo.count_activities(store) == 0
    at.text_input(key=add_key(at, "link")).input("")
    at.text_input(key=add_key(at, "org")).input("   ")
    at.button(key=add_key(at, "submit")).click().run()
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


def open_filter(at):  # type: ignore[no-untyped-def]
    """Open the filter box, as a click on it does (its fields are drawn only while it is open)."""
    at.session_state["tr_filter_box"] = True
    at.run()
    assert_no_exception(at)
    return at


def test_filter_by_type_pages_in_sql(store):
    _seed(store)
    at = open_page("tracker.py", lang="en")
    assert len(table_of(at)) == 9
    assert not [m for m in at.multiselect if m.key == "tr_f_types"]  # the box is closed: its fields are not drawn
    open_filter(at).multiselect(key="tr_f_types").select("training").run()
    assert_no_exception(at)
    frame = table_of(at)
    assert set(frame["type"]) == {t("en", "tracker.type.training")} and len(frame) == 3
    # closed again, the filter holds; opened again, it shows what holds
    at.session_state["tr_filter_box"] = False
    at.run()
    assert not [m for m in at.multiselect if m.key == "tr_f_types"]
    assert len(table_of(at)) == 3
    assert open_filter(at).multiselect(key="tr_f_types").value == ["training"]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_weekly_target_and_charts(store, lang):
    _seed(store)
    at = show(open_page("tracker.py", lang=lang), "progress")
    assert t(lang, "tracker.target.none") in page_text(at)
    at.number_input(key="tr_target_count").set_value(3)
    at.button(key="tr_target_save").click().run()
    assert_no_exception(at)
    target = repo.get_weekly_target(store)
    assert target.count == 3 and target.types == ("vacancy_application", "open_application")
    assert t(lang, "tracker.target.saved") in page_text(at)
    assert len(at.get("plotly_chart")) >= 3


def test_bad_target_types_show_an_error_and_save_nothing(store):
    at = show(open_page("tracker.py", lang="nl"), "progress")
    at.multiselect(key="tr_target_types").set_value([])
    at.button(key="tr_target_save").click().run()
    assert t("nl", "tracker.error.target_no_types") in [e.value for e in at.error]
    assert repo.get_weekly_target(store) is None


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_export_buttons_and_ics_are_there(store, lang):
    _seed(store)
    at = show(open_page("tracker.py", lang=lang), "files")
    labels = {b.proto.label for b in at.get("download_button")}
    for key in ("csv", "xlsx", "pdf", "json"):
        assert t(lang, f"tracker.export.{key}") in labels
    show(at, "agenda")
    assert t(lang, "tracker.agenda.ics") in {b.proto.label for b in at.get("download_button")}


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
    return show(open_page("tracker.py", lang=lang), "files")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_import_with_other_headers_maps_them_and_a_bad_row_changes_nothing(store, lang):
    day = (date.today() - timedelta(days=3)).isoformat()
    # headers the portal does not know: the person maps them in the mapping step
    data = (
        f"When;What kind;Company;State\n{day};training;ROC Midden;done\n"
        f"31-02-2026;training;X;done\n{day};lunch;Y;done\n"
    )
    at = _open_import(lang)
    at.file_uploader(key=import_key(at)).set_value(("log.csv", data.encode(), "text/csv")).run()
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
    at.file_uploader(key=import_key(at)).set_value(("good.csv", good.encode(), "text/csv")).run()
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
    at.text_input(key=add_key(at, "org")).input("Gemeente Zeist")
    at.file_uploader(key=add_key(at, "file")).set_value(("bevestiging.pdf", b"%PDF-1.4\n% proof\n", "application/pdf"))
    at.button(key=add_key(at, "submit")).click().run()
    assert_no_exception(at)
    [saved] = repo.list_activities(store)
    assert saved.evidence_file
    stored = repo.evidence_file(store, saved.evidence_file)
    assert stored is not None and stored.content == b"%PDF-1.4\n% proof\n"  # in the database, with its row


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_evidence_that_is_not_what_it_says_is_refused_and_nothing_is_saved(store, lang):
    at = open_page("tracker.py", lang=lang)
    at.text_input(key=add_key(at, "org")).input("Gemeente Zeist")
    at.file_uploader(key=add_key(at, "file")).set_value(("proof.pdf", b"MZ\x90\x00 not a pdf", "application/pdf"))
    at.button(key=add_key(at, "submit")).click().run()
    assert_no_exception(at)
    assert at.error, "a message in the user's language"
    assert repo.count_activities(store) == 0
    with store.read() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM evidence_files")).scalar() == 0


# --- issue 12 / 18: state that cannot betray the person ---------------------------------------------------

PDF = ("letter.pdf", b"%PDF-1.4\n% the employer's letter\n", "application/pdf")


def _fill_quick_add(at, org="Gemeente Utrecht"):
    at.text_input(key=add_key(at, "org")).input(org)
    at.selectbox(key=add_key(at, "type")).select("vacancy_application")
    at.selectbox(key=add_key(at, "status")).select("awaiting_response")
    at.text_input(key=add_key(at, "role")).input("Administrative assistant (24h)")
    at.text_input(key=add_key(at, "channel")).input("werkenbijutrecht.nl")
    at.text_input(key=add_key(at, "contact")).input("J. de Vries")
    at.date_input(key=add_key(at, "follow")).set_value(date.today() + timedelta(days=7))
    at.selectbox(key=add_key(at, "fit")).select("yes")
    at.text_input(key=add_key(at, "goal")).input("Two applications a week")
    at.text_input(key=add_key(at, "outcome")).input("Sent")
    at.text_area(key=add_key(at, "notes")).input("Letter and CV")
    at.text_input(key=add_key(at, "link")).input("https://werk.nl/v/1")
    at.file_uploader(key=add_key(at, "file")).set_value(PDF)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_quick_add_form_is_empty_after_success_including_hidden_fields_and_the_file(store, lang):
    at = open_page("tracker.py", lang=lang)
    _fill_quick_add(at)
    at.button(key=add_key(at, "submit")).click().run()
    assert_no_exception(at)
    [first] = repo.list_activities(store)
    assert first.channel == "werkenbijutrecht.nl" and first.evidence_file
    # a fresh form: every field at its default, the uploader empty
    for name in ("org", "role", "channel", "contact", "goal", "outcome", "link"):
        assert at.text_input(key=add_key(at, name)).value == "", name
    assert at.text_area(key=add_key(at, "notes")).value == ""
    assert at.date_input(key=add_key(at, "follow")).value is None
    assert at.selectbox(key=add_key(at, "fit")).value is None
    assert at.selectbox(key=add_key(at, "status")).value == "done"
    assert not at.file_uploader(key=add_key(at, "file")).value
    # the next activity gets none of the previous one's values
    at.text_input(key=add_key(at, "org")).input("Philips")
    at.button(key=add_key(at, "submit")).click().run()
    second = next(a for a in repo.list_activities(store) if a.organisation == "Philips")
    assert (second.role, second.channel, second.follow_up, second.fits_limitations) == ("", "", None, None)
    assert second.evidence_file is None
    assert t(lang, "tracker.add.added_no_file") in page_text(at)


def test_double_submit_creates_one_record(store):
    at = open_page("tracker.py", lang="en")
    at.text_input(key=add_key(at, "org")).input("Gemeente Utrecht")
    token = at.session_state["tr_add_token"]
    # the first click's run stored the activity and was cut short before the page could move on
    repo.add_activity(
        store,
        validate_activity(
            {"id": token, "date": date.today(), "type": "other", "organisation": "Gemeente Utrecht"}, today=date.today()
        ),
    )
    at.button(key=add_key(at, "submit")).click().run()  # the second click of the same form
    assert_no_exception(at)
    assert repo.count_activities(store) == 1
    assert t("en", "tracker.add.already_added") in page_text(at)
    at.button(key=add_key(at, "submit")).click().run()  # and a click on the new, empty form adds nothing
    assert repo.count_activities(store) == 1


def test_evidence_can_be_detached_and_the_confirmation_resets(store):
    at = open_page("tracker.py", lang="en")
    at.text_input(key=add_key(at, "org")).input("Albert Heijn")
    at.file_uploader(key=add_key(at, "file")).set_value(PDF)
    at.button(key=add_key(at, "submit")).click().run()
    [saved] = repo.list_activities(store)
    assert not [b for b in at.button if b.key == f"tr_evidence_remove_{saved.id}"]  # a closed box draws nothing
    assert not at.get("download_button")  # and sends no file
    at.session_state["tr_evidence_box"] = True  # the person opens it
    at.run()
    assert len(at.get("download_button")) == 1
    at.button(key=f"tr_evidence_remove_{saved.id}").click().run()
    assert repo.get_activity(store, saved.id).evidence_file  # not without the tick
    at.checkbox(key="tr_evidence_confirm").check().run()
    at.button(key=f"tr_evidence_remove_{saved.id}").click().run()
    assert_no_exception(at)
    assert repo.get_activity(store, saved.id).evidence_file is None
    assert repo.evidence_file(store, saved.evidence_file) is None
    assert t("en", "tracker.table.evidence_removed") in page_text(at)
    at.text_input(key=add_key(at, "org")).input("Jumbo")
    at.file_uploader(key=add_key(at, "file")).set_value(PDF)
    at.button(key=add_key(at, "submit")).click().run()
    box = at.checkbox(key="tr_evidence_confirm")
    assert box.value is False and box.proto.set_value  # the browser is told to untick it


def test_language_switch_with_every_widget_filled_loses_and_misstores_nothing(store):
    _seed(store)
    at = open_filter(open_page("tracker.py", lang="en"))
    at.multiselect(key="tr_f_types").set_value(["vacancy_application", "training"]).run()
    at.multiselect(key="tr_f_statuses").set_value(["rejected", "done"]).run()
    at.selectbox(key="tr_bulk_status").select("no_response").run()
    show(at, "progress")
    at.number_input(key="tr_target_count").set_value(4)
    at.multiselect(key="tr_target_types").set_value(["training", "coach_meeting"]).run()
    at.radio(key="lang_choice").set_value("nl").run()
    assert_no_exception(at)
    nl = {k: t("nl", f"tracker.type.{k}") for k in ("training", "coach_meeting", "vacancy_application")}
    target_types = at.multiselect(key="tr_target_types")
    assert target_types.value == ["training", "coach_meeting"]
    # the page gives the browser the choices again, with the new labels (no label of the old language stays)
    assert target_types.proto.set_value and list(target_types.proto.raw_values) == [nl["training"], nl["coach_meeting"]]
    f_types = at.multiselect(key="tr_f_types")
    assert f_types.value == ["vacancy_application", "training"] and f_types.proto.set_value
    assert at.multiselect(key="tr_f_statuses").value == ["rejected", "done"]
    assert at.segmented_control(key="tr_tab").value == "progress"
    at.button(key="tr_target_save").click().run()
    target = repo.get_weekly_target(store)
    assert (target.count, target.types) == (4, ("training", "coach_meeting"))
    # the form: labels of either language end up as ids
    _fill_quick_add(at, org="Rabobank")
    at.button(key=add_key(at, "submit")).click().run()
    saved = next(a for a in repo.list_activities(store, limit=100) if a.organisation == "Rabobank")
    assert (saved.type, saved.status, saved.fits_limitations) == ("vacancy_application", "awaiting_response", "yes")
    show(at, "log")
    assert at.selectbox(key="tr_bulk_status").value == "no_response"  # kept while another section was shown


def test_the_section_stays_when_a_message_appears(store):
    at = show(open_page("tracker.py", lang="en"), "progress")
    at.number_input(key="tr_target_count").set_value(3)
    at.button(key="tr_target_save").click().run()
    assert t("en", "tracker.target.saved") in page_text(at)
    assert at.segmented_control(key="tr_tab").value == "progress"
    assert at.number_input(key="tr_target_count").value == 3  # still shown: the section did not jump to Log


def test_the_filter_box_stays_open_after_a_change(store):
    _seed(store)
    at = open_filter(open_page("tracker.py", lang="en"))  # the person opened it
    at.date_input(key="tr_f_start").set_value(date.today() - timedelta(days=3)).run()
    assert_no_exception(at)
    [box] = [e for e in at.expander if e.label == t("en", "tracker.filter.title")]
    assert box.proto.expanded
    filtered = len(table_of(at))
    assert 0 < filtered < 9
    at.session_state["tr_filter_box"] = False  # closed: the period still holds
    at.run()
    assert len(table_of(at)) == filtered
    assert open_filter(at).date_input(key="tr_f_start").value == date.today() - timedelta(days=3)
    at.date_input(key="tr_f_start").set_value(None).run()  # emptied: no period, every row again
    assert_no_exception(at)
    assert at.date_input(key="tr_f_start").value is None
    assert len(table_of(at)) == 9
    at.run()  # and it stays empty (a date field that cannot be empty would fall back to today)
    assert at.date_input(key="tr_f_start").value is None and len(table_of(at)) == 9


CSV = f"date,type,organisation\n{date.today().isoformat()},training,ROC Midden\n".encode()


def test_importing_the_same_file_twice_is_recognised_and_asks_first(store):
    at = show(open_page("tracker.py", lang="en"), "files")
    at.file_uploader(key=import_key(at)).set_value(("log.csv", CSV, "text/csv")).run()
    at.button(key="tr_import_submit").click().run()
    assert repo.count_activities(store) == 1
    assert not at.file_uploader(key=import_key(at)).value  # a fresh uploader: the file is gone
    assert at.segmented_control(key="tr_tab").value == "files"
    at.file_uploader(key=import_key(at)).set_value(("copy.csv", CSV, "text/csv")).run()
    assert any("imported before" in w.value for w in at.warning)
    at.button(key="tr_import_submit").click().run()
    assert repo.count_activities(store) == 1  # not without saying yes
    assert t("en", "tracker.error.import_again_unconfirmed") in [e.value for e in at.error]
    at.checkbox(key="tr_import_again").check().run()
    at.button(key="tr_import_submit").click().run()
    assert repo.count_activities(store) == 2


def test_delete_confirmation_resets_after_a_delete(store):
    _seed(store)
    at = open_page("tracker.py", lang="en")
    at.session_state["tr_table"] = {"edited_rows": {0: {"select": True}}, "added_rows": [], "deleted_rows": []}
    at.checkbox(key="tr_delete_confirm").check()
    at.button(key="tr_delete").click().run()
    assert repo.count_activities(store) == 8
    assert t("en", "tracker.table.deleted", count=1) in page_text(at)
    box = at.checkbox(key="tr_delete_confirm")
    assert box.value is False and box.proto.set_value  # the browser is told to untick it
    at.session_state["tr_table"] = {"edited_rows": {0: {"select": True}}, "added_rows": [], "deleted_rows": []}
    at.button(key="tr_delete").click().run()
    assert repo.count_activities(store) == 8  # the next delete asks again


def test_an_inferred_response_date_is_marked_editable_and_counted(store):
    at = open_page("tracker.py", lang="en")
    at.text_input(key=add_key(at, "org")).input("Gemeente Utrecht")
    at.date_input(key=add_key(at, "date")).set_value(date.today() - timedelta(days=12))
    at.selectbox(key=add_key(at, "status")).select("rejected")
    at.button(key=add_key(at, "submit")).click().run()
    [saved] = repo.list_activities(store)
    assert saved.response_date == date.today() and saved.response_date_inferred
    table = table_of(at)
    assert list(table["response_inferred"]) == [True]
    show(at, "progress")
    assert t("en", "tracker.charts.time_median", days=12, inferred=1, total=1) in page_text(at)
    # the person confirms it in the grid
    show(at, "log")
    at.session_state["tr_table"] = {
        "edited_rows": {0: {"response_inferred": False}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.button(key="tr_save").click().run()
    assert_no_exception(at)
    confirmed = repo.get_activity(store, saved.id)
    assert confirmed.response_date == date.today() and not confirmed.response_date_inferred
    # a response date typed in the form is the person's
    at.text_input(key=add_key(at, "org")).input("Philips")
    at.selectbox(key=add_key(at, "status")).select("interview")
    at.date_input(key=add_key(at, "response")).set_value(date.today())
    at.button(key=add_key(at, "submit")).click().run()
    philips = next(a for a in repo.list_activities(store) if a.organisation == "Philips")
    assert philips.response_date_source == "entered"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_values_outside_the_range_are_refused_not_replaced(store, lang):
    at = open_page("tracker.py", lang=lang)
    at.text_input(key=add_key(at, "org")).input("Org")
    at.date_input(key=add_key(at, "date")).set_value(date(1900, 1, 1))
    at.button(key=add_key(at, "submit")).click().run()
    assert_no_exception(at)
    assert t(lang, "tracker.error.date_too_old", years=5) in [e.value for e in at.error]
    assert repo.count_activities(store) == 0
    at.date_input(key=add_key(at, "date")).set_value(date.today())
    at.date_input(key=add_key(at, "follow")).set_value(date(2099, 1, 1))
    at.button(key=add_key(at, "submit")).click().run()
    assert t(lang, "tracker.error.date_too_far", years=1) in [e.value for e in at.error]
    assert repo.count_activities(store) == 0
    show(at, "progress")
    at.number_input(key="tr_target_count").set_value(-5)
    at.button(key="tr_target_save").click().run()
    assert t(lang, "tracker.error.bad_target", maximum=50) in [e.value for e in at.error]
    assert repo.get_weekly_target(store) is None


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_evidence_that_did_not_arrive_or_is_refused_is_said(store, lang):
    """A file the uploader refused (wrong type, too large) never reaches the page: the message after "Add"
    says that no file is attached instead of a plain "Activity added."; a file the rules refuse stops the add."""
    at = open_page("tracker.py", lang=lang)
    at.text_input(key=add_key(at, "org")).input("Org")
    at.file_uploader(key=add_key(at, "file")).set_value(("proof.pdf", b"<svg onload=alert(1)>", "application/pdf"))
    at.button(key=add_key(at, "submit")).click().run()
    assert t(lang, "tracker.error.evidence_mismatch") in [e.value for e in at.error]
    assert repo.count_activities(store) == 0
    at.file_uploader(key=add_key(at, "file")).set_value(None)  # what the page gets after the uploader refused
    at.button(key=add_key(at, "submit")).click().run()
    assert [s.value for s in at.success] == [t(lang, "tracker.add.added_no_file")]
    assert repo.count_activities(store) == 1


def test_an_upload_is_parsed_once(store, monkeypatch):
    from spoor2.tracker import import_export

    calls = []
    real = import_export.read_table
    monkeypatch.setattr(import_export, "read_table", lambda *a, **k: calls.append(1) or real(*a, **k))
    at = show(open_page("tracker.py", lang="en"), "files")
    at.file_uploader(key=import_key(at)).set_value(("log.csv", CSV, "text/csv")).run()
    at.selectbox(key="tr_map_role").select("organisation").run()
    at.run()
    assert len(calls) == 1


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_upload_limits_dates_and_placeholders_in_the_language(store, lang):
    at = open_page("tracker.py", lang=lang)
    evidence = at.file_uploader(key=add_key(at, "file"))
    assert evidence.proto.max_upload_size_mb == repo.MAX_EVIDENCE_BYTES // (1024 * 1024)
    assert "MB" not in evidence.proto.label  # stated once, by the widget
    assert all(d.proto.format == "DD/MM/YYYY" or d.proto.format == "DD-MM-YYYY" for d in at.date_input)
    assert open_filter(at).multiselect(key="tr_f_types").proto.placeholder == t(lang, "tracker.filter.placeholder")
    show(at, "files")
    from spoor2.tracker.import_export import MAX_IMPORT_BYTES

    assert at.file_uploader(key=import_key(at)).proto.max_upload_size_mb == MAX_IMPORT_BYTES // (1024 * 1024)


def test_empty_dates_in_the_grid_are_empty_not_none(store):
    _seed(store)
    at = open_page("tracker.py", lang="en")
    table = table_of(at)
    assert table["follow_up"].isna().all()
    assert "None" not in table.astype(str)["follow_up"].tolist()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_bulk_action_with_unsaved_edits_in_the_table_asks_to_save_first(lang, store):
    """Review: "Apply status" and "Delete selected" reloaded the table and threw unsaved edits away."""
    from spoor2.store import tracker as repo
    from spoor2.tracker.activities import validate_activity

    today = date.today()
    repo.add_activity(store, validate_activity({"date": today, "type": "other", "organisation": "Acme"}, today=today))
    at = open_page("tracker.py", lang=lang)
    edit = {0: {"select": True, "organisation": "Acme B.V."}}  # typed into the table, not saved
    at.session_state["tr_table"] = {"edited_rows": edit, "added_rows": [], "deleted_rows": []}
    at.button(key="tr_bulk_apply").click().run()
    assert_no_exception(at)
    assert t(lang, "tracker.error.save_edits_first") in [e.value for e in at.error]
    assert [a.organisation for a in repo.iter_activities(store)] == ["Acme"]  # nothing changed, nothing lost
