"""The /journal page with AppTest, in both languages: a check-in saved, the form empty after it, the same day
edited (not duplicated), bad input refused, every section drawn, the typical day edited and kept."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from spoor2.i18n import t
from spoor2.journal.entries import CheckIn
from spoor2.store import journal as repo
from spoor2.store import tracker as tracker_repo
from spoor2.tracker.activities import Activity, WeeklyTarget
from tests.support.apptest import assert_no_exception, open_page, page_text
from ui.journal import SHOWN_ENTRIES

LANGS = pytest.mark.parametrize("lang", ["en", "nl"])
TODAY = date.today()


def _section(at, name: str):  # type: ignore[no-untyped-def]
    at.segmented_control(key="jr_section").set_value(name).run()
    assert_no_exception(at)
    return at


@LANGS
def test_the_page_opens_with_its_introduction_and_says_why_it_never_asks_about_illness(lang):
    at = open_page("journal.py", lang=lang)
    assert_no_exception(at)
    text = page_text(at)
    assert t(lang, "journal.intro") in text and t(lang, "journal.skip") in text
    assert t(lang, "journal.privacy").split(".")[0] in text


@LANGS
def test_a_check_in_is_saved_the_form_empties_and_the_same_day_again_edits_it(lang, store):
    at = open_page("journal.py", lang=lang)
    at.segmented_control(key="jr_energy").set_value(6).run()
    at.segmented_control(key="jr_mental").set_value(8).run()
    at.number_input(key="jr_active_hours").set_value(2.5).run()
    at.text_input(key="jr_could").set_value("boodschappen").run()
    at.button(key="jr_save").click().run()
    assert_no_exception(at)
    assert [(e.energy, e.mental, e.active_hours, e.could) for e in repo.entries(store)] == [(6, 8, 2.5, "boodschappen")]
    assert at.segmented_control(key="jr_energy").value is None  # the form is empty again
    assert at.number_input(key="jr_active_hours").value is None
    assert at.text_input(key="jr_could").value == ""
    assert t(lang, "journal.check_in.existing", date="", part="").split("{")[0][:12] in page_text(at)
    # the same day and part again: the one check-in changes
    at.segmented_control(key="jr_energy").set_value(3).run()
    at.button(key="jr_save").click().run()
    at.button(key="jr_save").click().run()  # a second click on the emptied form creates nothing
    assert_no_exception(at)
    assert [(e.day, e.part, e.energy, e.mental) for e in repo.entries(store)] == [(TODAY, "day", 3, None)]


@LANGS
def test_a_future_date_is_not_possible_and_an_empty_check_in_is_refused(lang, store):
    at = open_page("journal.py", lang=lang)
    at.button(key="jr_save").click().run()
    assert_no_exception(at)
    assert t(lang, "journal.error.empty") in page_text(at)
    assert repo.entries(store) == []


@LANGS
def test_a_back_dated_check_in_is_listed_edited_from_the_list_and_deleted(lang, store):
    earlier = TODAY - timedelta(days=10)
    repo.save_entry(store, CheckIn(day=earlier, part="evening", energy=4, note="<b>moe</b>"))
    at = open_page("journal.py", lang=lang)
    _section(at, "entries")
    assert "<b>moe</b>" in [e.value for e in at.text]
    at.button(key=f"jr_edit_{earlier.isoformat()}_evening").click().run()
    assert_no_exception(at)
    assert at.date_input(key="jr_day").value == earlier
    assert at.segmented_control(key="jr_energy").value == 4
    at.segmented_control(key="jr_energy").set_value(7).run()
    at.button(key="jr_save").click().run()
    assert [(e.day, e.energy, e.note) for e in repo.entries(store)] == [(earlier, 7, "<b>moe</b>")]
    _section(at, "entries")
    at.button(key=f"jr_del_{earlier.isoformat()}_evening").click().run()
    assert repo.entries(store) != []  # not without the tick
    at.checkbox(key=f"jr_del_ok_{earlier.isoformat()}_evening").check().run()
    at.button(key=f"jr_del_{earlier.isoformat()}_evening").click().run()
    assert_no_exception(at)
    assert repo.entries(store) == []


def _sixty_days(store) -> None:  # type: ignore[no-untyped-def]
    for n in range(60):
        repo.save_entry(
            store,
            CheckIn(
                day=TODAY - timedelta(days=n), energy=2 + 2 * (n % 4), active_hours=1.0, physical=8 if n % 4 == 0 else 2
            ),
        )


@LANGS
def test_the_pattern_shows_a_chart_with_its_summary_and_every_number_with_its_days(lang, store):
    _sixty_days(store)
    at = open_page("journal.py", lang=lang)
    _section(at, "pattern")
    text = page_text(at)
    assert at.get("plotly_chart")
    assert (
        t(
            lang, "journal.pattern.chart_summary", count=56, start="", end="", low_day="", high_day="", low="", high=""
        ).split(" ")[0]
        in text
    )
    assert t(lang, "journal.pattern.recovery_title") in text


@LANGS
def test_the_capacity_warning_is_gentle_and_shown_when_the_plan_asks_more(lang, store):
    for n in range(7, 35):
        repo.save_entry(store, CheckIn(day=TODAY - timedelta(days=n), active_hours=0.5))
    tracker_repo.set_weekly_target(store, WeeklyTarget(count=3))
    at = open_page("journal.py", lang=lang)
    _section(at, "capacity")
    assert len(at.warning) == 2  # this week and next: 3 × 2 hours is more than 3.5 hours a week
    assert "bedrijfsarts" in at.warning[0].value


@LANGS
def test_the_typical_day_is_edited_saved_and_started_again(lang, store):
    _sixty_days(store)
    at = open_page("journal.py", lang=lang)
    _section(at, "typical")
    area = at.text_area(key=f"jr_td_text_{lang}")
    assert "56" in area.value  # the last 8 weeks: 56 days recorded
    area.set_value("My own typical day").run()
    at.button(key="jr_td_save").click().run()
    assert_no_exception(at)
    assert repo.typical_day(store, lang) == "My own typical day"
    at.button(key="jr_td_regen").click().run()
    assert repo.typical_day(store, lang) is None
    assert at.text_area(key=f"jr_td_text_{lang}").value != "My own typical day"


@LANGS
def test_an_activity_cost_is_saved_and_shows_activity_removed_after_the_activity_goes(lang, store):
    tracker_repo.add_activity(
        store, Activity(id="act-9", activity_date=TODAY, type="job_interview", organisation="Bibliotheek"), today=TODAY
    )
    at = open_page("journal.py", lang=lang)
    _section(at, "costs")
    at.selectbox(key="jr_cost_pick").set_value("act-9").run()
    at.segmented_control(key="jr_cost_heavy").set_value(8).run()
    at.selectbox(key="jr_cost_next").set_value("dip").run()
    at.button(key="jr_cost_save").click().run()
    assert_no_exception(at)
    assert [(c.activity_id, c.heaviness, c.next_day) for c in repo.costs(store)] == [("act-9", 8, "dip")]
    tracker_repo.delete_activity(store, "act-9")
    at.run()
    assert_no_exception(at)
    assert any(t(lang, "journal.costs.removed") in e.label for e in at.expander)


def _listed(at) -> list[tuple[date, str]]:  # type: ignore[no-untyped-def]
    """The check-ins listed, in their order on the page (from each card's "Change" button)."""
    keys = [b.key for b in at.button if b.key and b.key.startswith("jr_edit_")]
    return [(date.fromisoformat(k.split("_")[2]), k.split("_")[3]) for k in keys]


@LANGS
def test_the_list_counts_every_check_in_shows_the_newest_first_and_its_pages_reach_the_oldest(lang, store):
    total = SHOWN_ENTRIES + 5
    for n in range(total - 1):
        repo.save_entry(store, CheckIn(day=TODAY - timedelta(days=n), energy=n % 11))
    repo.save_entry(store, CheckIn(day=TODAY, part="morning", energy=3))  # listed after today's whole day
    at = open_page("journal.py", lang=lang)
    _section(at, "entries")
    captions = [c.value for c in at.caption]
    assert t(lang, "journal.entries.shown", count=SHOWN_ENTRIES, total=total) in captions
    newest = [(TODAY, "day"), (TODAY, "morning")] + [(TODAY - timedelta(days=n), "day") for n in range(1, total - 1)]
    assert _listed(at) == newest[:SHOWN_ENTRIES]
    at.number_input(key="jr_page").set_value(2).run()
    assert_no_exception(at)
    captions = [c.value for c in at.caption]
    assert t(lang, "journal.entries.shown_page", first=SHOWN_ENTRIES + 1, last=total, total=total) in captions
    assert _listed(at) == newest[SHOWN_ENTRIES:]
    assert _listed(at)[-1] == (TODAY - timedelta(days=total - 2), "day")  # the oldest check-in is reachable
    _section(at, "check_in")
    _section(at, "entries")
    assert at.number_input(key="jr_page").value == 2  # the page is kept while the person looks elsewhere


@LANGS
def test_deleting_the_only_check_in_of_the_last_page_goes_back_to_the_page_before(lang, store):
    for n in range(SHOWN_ENTRIES + 1):
        repo.save_entry(store, CheckIn(day=TODAY - timedelta(days=n), energy=5))
    oldest = (TODAY - timedelta(days=SHOWN_ENTRIES)).isoformat()
    at = open_page("journal.py", lang=lang)
    _section(at, "entries")
    at.number_input(key="jr_page").set_value(2).run()
    at.checkbox(key=f"jr_del_ok_{oldest}_day").check().run()
    at.button(key=f"jr_del_{oldest}_day").click().run()
    assert_no_exception(at)
    assert repo.count_entries(store) == SHOWN_ENTRIES
    assert len(_listed(at)) == SHOWN_ENTRIES and "jr_page" not in [w.key for w in at.number_input]
    assert t(lang, "journal.entries.shown", count=SHOWN_ENTRIES, total=SHOWN_ENTRIES) in [c.value for c in at.caption]


@LANGS
def test_a_short_journal_has_one_page_and_no_page_control(lang, store):
    repo.save_entry(store, CheckIn(day=TODAY, energy=5))
    at = open_page("journal.py", lang=lang)
    _section(at, "entries")
    assert "jr_page" not in [w.key for w in at.number_input]
    assert t(lang, "journal.entries.shown", count=1, total=1) in [c.value for c in at.caption]
    assert _listed(at) == [(TODAY, "day")]
