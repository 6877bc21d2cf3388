"""The whole journey of a new person (issue 19), step by step: ``tests/cross_cutting/test_browser_journey*.py``
run it once per language, each in a file of its own so that the two test workers (``--dist loadfile``) each
take one.

See ``tests/cross_cutting/test_browser_journey.py`` for the path and where the screenshots go.
"""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

from playwright.sync_api import expect

from spoor2.i18n import format_date, t
from spoor2.my_data import archive as archive_format
from spoor2.orientation.questionnaires import load_questionnaire, load_texts
from spoor2.rights.topics import get_topic
from spoor2.store import Store
from spoor2.store import my_data as data_io
from spoor2.store import my_file as my_file_repo
from spoor2.store import orientation as orientation_repo
from tests.conftest import ROOT
from tests.support.browser import open_expander, wait_for_app

QUESTIONNAIRE = "interests"
ANSWERED = 4  # answers on the first screen: enough to show that they came back
ENTRY = "[class*='st-key-jr_exp_']"  # a check-in's folded card on /journal


def artefact_dir(lang: str) -> Path:
    """Where this run's screenshots go (see the module docstring)."""
    base = Path(os.environ["SPOOR2_ARTIFACTS"]) if os.environ.get("SPOOR2_ARTIFACTS") else ROOT / "test-artifacts"
    folder = base / "journey" / lang
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    return folder


class Journey:
    """The browser tab, the language and the numbered screenshots of one person's path."""

    def __init__(self, tab, url: str, lang: str) -> None:  # type: ignore[no-untyped-def]
        self.tab, self.url, self.lang = tab, url, lang
        tab.set_default_timeout(90_000)  # a long path on a busy machine: waiting longer costs nothing when it passes
        self.folder = artefact_dir(lang)
        self.step = 0

    def tr(self, key: str, **values: object) -> str:
        return t(self.lang, key, **values)

    def open(self, path: str, heading_key: str) -> None:
        self.tab.goto(f"{self.url}/{path}{'&' if '?' in path else '?'}lang={self.lang}")
        wait_for_app(self.tab)
        self.tab.get_by_role("heading", name=self.tr(heading_key)).first.wait_for()

    def shot(self, name: str) -> None:
        self.step += 1
        assert "Traceback" not in self.tab.content()
        assert self.tab.locator("[data-testid='stException']").count() == 0
        self.tab.screenshot(path=str(self.folder / f"{self.step:02d}-{name}.png"), full_page=True)

    def click(self, locator) -> None:  # type: ignore[no-untyped-def]
        locator.click()
        wait_for_app(self.tab)

    def grid_holds(self, text: str) -> None:
        """A canvas data grid: its accessible copy holds the cell text."""
        self.tab.wait_for_function(
            "text => [...document.querySelectorAll(\"[data-testid='stDataFrame']\")]"
            ".some(e => e.textContent.includes(text))",
            arg=text,
        )


def walk(page, app_server, lang: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The whole path in ``lang``, on ``app_server``'s data (emptied first: a new person)."""
    store = Store(app_server.data_dir / "spoor2.sqlite3")  # the app server's own data, read to confirm
    data_io.delete_everything(store)  # a new person each time, whatever the server held
    j = Journey(page, app_server.url, lang)
    first = date.today() - timedelta(days=120)
    organisation = f"Zorggroep Reis {lang}"
    proposal = f"Planner, 16 uur ({lang})"
    could = f"Een uur tuinieren ({lang})"
    question = f"Wie betaalt mijn reiskosten? ({lang})"
    q = load_questionnaire(QUESTIONNAIRE)
    texts = load_texts(lang, QUESTIONNAIRE)
    screen_items = q.screens[0][:ANSWERED]

    # 1. /timeline: the first sick day, saved
    j.open("timeline", "nav.timeline")
    j.tab.get_by_text(j.tr("timeline.not_saved_yet")).wait_for()
    start = f"{j.tr('timeline.period_label', number=1)} — {j.tr('timeline.start')}"
    j.tab.get_by_role("spinbutton", name=f"day, {start}").click()  # a segmented date field: dd mm yyyy
    j.tab.keyboard.type(first.strftime("%d%m%Y"))
    j.tab.keyboard.press("Tab")
    wait_for_app(j.tab)
    j.click(j.tab.get_by_role("button", name=j.tr("timeline.save")))
    j.tab.get_by_text(j.tr("timeline.saved")).first.wait_for()
    j.tab.locator("[data-testid='stDataFrame']").first.wait_for(state="visible")
    j.shot("timeline-saved")

    # 2. /rights: open a topic
    j.open("rights", "nav.rights")
    j.click(j.tab.get_by_text(j.tr("rights.show_all")))
    j.click(j.tab.locator(".st-key-rights_all_privacy").get_by_role("button", name=j.tr("rights.read")))
    j.tab.get_by_role("heading", name=get_topic(lang, "privacy").title).wait_for()
    j.shot("rights-topic")

    # 3. /orientation: the first screen of the interests questionnaire, saved with "Next"
    j.open("orientation", "nav.orientation")
    for item_id in screen_items:
        j.click(
            j.tab.get_by_role("radiogroup", name=texts["items"][item_id]).get_by_text(texts["scale"][4], exact=True)
        )
    j.click(j.tab.get_by_role("button", name=j.tr("orientation.button.next")))
    progress = j.tr("orientation.progress", current=2, total=len(q.screens), answered=ANSWERED, items=len(q.items))
    j.tab.get_by_text(progress).wait_for()
    j.shot("orientation-screen-saved")

    # 4. /tracker: an activity
    j.open("tracker", "nav.tracker")
    j.tab.get_by_label(j.tr("tracker.field.organisation")).first.fill(organisation)
    j.click(j.tab.get_by_role("button", name=j.tr("tracker.add.submit")))
    j.tab.get_by_text(j.tr("tracker.add.added_no_file")).first.wait_for()
    j.grid_holds(organisation)
    j.shot("tracker-activity-added")

    # 5. /my-file: a check item answered and saved, a proposal added
    j.open("my-file", "nav.my_file")
    open_expander(j.tab, j.tr("my_file.block.work"))
    j.click(j.tab.locator(".st-key-mf_chk_own_job").get_by_text(j.tr("my_file.answer.no"), exact=True))
    j.click(j.tab.locator(".st-key-mf_save_check button"))
    j.tab.get_by_text(j.tr("my_file.check_saved")).wait_for()
    j.click(j.tab.locator(".st-key-mf_tab").get_by_text(j.tr("my_file.tabs.proposals")))
    j.tab.locator(".st-key-mf_p_what textarea").fill(proposal)
    j.tab.locator(".st-key-mf_p_what textarea").blur()
    wait_for_app(j.tab)
    j.click(j.tab.locator(".st-key-mf_p_add button"))
    j.tab.get_by_text(j.tr("my_file.proposal_added")).wait_for()
    expect(j.tab.locator(".st-key-mf_p_what textarea")).to_have_value("")
    j.shot("my-file-proposal-added")

    # 6. /journal: a check-in
    j.open("journal", "nav.journal")
    j.tab.locator(".st-key-jr_save").wait_for(timeout=90_000)
    j.click(j.tab.locator(".st-key-jr_energy").get_by_role("radio", name="6", exact=True))
    field = j.tab.get_by_label(j.tr("journal.field.could"), exact=True)
    field.fill(could)
    field.press("Enter")
    wait_for_app(j.tab)
    j.click(j.tab.get_by_role("button", name=j.tr("journal.check_in.save")))
    j.click(j.tab.locator(".st-key-jr_section").get_by_text(j.tr("journal.sections.entries")))
    j.tab.locator(ENTRY).first.wait_for()
    j.shot("journal-check-in")

    # 7. /questions: an own question on the list
    j.open("questions", "questions.title")
    j.tab.locator(".st-key-q_own_text input").fill(question)
    j.tab.locator(".st-key-q_own_text input").press("Enter")
    wait_for_app(j.tab)
    j.click(j.tab.locator(".st-key-q_own_add button"))
    j.tab.get_by_text(question, exact=True).wait_for()
    j.shot("questions-own-added")

    # 8. /my-data: export everything as a zip (a real download)
    j.open("my-data", "nav.my_data")
    with j.tab.expect_download() as info:
        j.tab.get_by_role("button", name=j.tr("my_data.export.button")).click()
    exported = tmp_path / "first.zip"
    info.value.save_as(exported)
    first_export = archive_format.archive_content(exported.read_bytes())
    rows = sum(data_io.counts(store).values())
    assert rows >= 6
    j.shot("my-data-exported")

    # 9. delete everything, with the confirmation
    j.click(j.tab.get_by_text(j.tr("my_data.delete.confirm")))
    j.click(j.tab.get_by_role("button", name=j.tr("my_data.delete.button")))
    j.tab.get_by_text(j.tr("my_data.notice.deleted")).wait_for()
    j.tab.get_by_text(j.tr("my_data.what.empty")).wait_for()
    assert sum(data_io.counts(store).values()) == 0
    j.shot("my-data-deleted")

    # 10. every page is empty
    j.open("timeline", "nav.timeline")
    j.tab.get_by_text(j.tr("timeline.not_saved_yet")).wait_for()
    assert j.tab.locator("[data-testid='stDataFrame']").count() == 0
    j.shot("empty-timeline")
    j.open("orientation", "nav.orientation")
    j.tab.get_by_role("radiogroup", name=texts["items"][screen_items[0]]).wait_for()
    assert j.tab.locator("[data-testid='stMain'] [role='radiogroup'] input:checked").count() == 1  # the chooser
    assert j.tab.get_by_text(j.tr("orientation.resume", when="").split("(")[0].strip()).count() == 0
    j.shot("empty-orientation")
    j.open("tracker", "nav.tracker")
    j.tab.get_by_text(j.tr("tracker.empty")).wait_for()
    assert organisation not in j.tab.content()
    j.shot("empty-tracker")
    j.open("my-file", "nav.my_file")
    open_expander(j.tab, j.tr("my_file.block.work"))
    own_job = j.tab.locator(".st-key-mf_chk_own_job")
    own_job.wait_for()
    assert not own_job.get_by_role("radio", name=j.tr("my_file.answer.no"), exact=True).is_checked()
    j.click(j.tab.locator(".st-key-mf_tab").get_by_text(j.tr("my_file.tabs.proposals")))
    j.tab.get_by_text(j.tr("my_file.proposals_empty")).wait_for()
    assert j.tab.get_by_text(proposal).count() == 0
    j.shot("empty-my-file")
    j.open("journal", "nav.journal")
    j.click(j.tab.locator(".st-key-jr_section").get_by_text(j.tr("journal.sections.entries")))
    j.tab.get_by_text(j.tr("journal.entries.none")).wait_for()
    j.shot("empty-journal")
    j.open("questions", "questions.title")
    j.tab.locator(".st-key-q_own_add").wait_for()
    assert j.tab.get_by_text(question, exact=True).count() == 0
    j.shot("empty-questions")

    # 11. import the zip back
    j.open("my-data", "nav.my_data")
    j.tab.get_by_text(j.tr("my_data.what.empty")).wait_for()
    j.tab.locator("input[type='file']").set_input_files(exported)
    wait_for_app(j.tab)
    j.tab.get_by_role("button", name=j.tr("my_data.import.button")).wait_for()
    j.click(j.tab.get_by_role("button", name=j.tr("my_data.import.button")))
    j.tab.get_by_text(j.tr("my_data.notice.imported", count=rows, files=0)).wait_for()
    assert sum(data_io.counts(store).values()) == rows
    j.shot("my-data-imported")

    # 12. everything is back on the pages
    j.open("timeline", "nav.timeline")
    j.tab.locator("[data-testid='stDataFrame']").first.wait_for(state="visible")
    assert j.tab.get_by_text(j.tr("timeline.not_saved_yet")).count() == 0
    # "Day 1 of this count" is the first sick day that was entered
    j.tab.locator("[data-testid='stMetricValue']").get_by_text(
        format_date(first, lang, "medium"), exact=True
    ).wait_for()
    j.shot("back-timeline")
    j.open("orientation", "nav.orientation")
    j.tab.get_by_text(progress).wait_for()  # on the second screen, with the first screen's answers counted
    draft = orientation_repo.load_draft(store, QUESTIONNAIRE)
    assert draft is not None and {i: draft.answers[i] for i in screen_items} == dict.fromkeys(screen_items, 4)
    j.shot("back-orientation")
    j.open("tracker", "nav.tracker")
    j.grid_holds(organisation)
    j.shot("back-tracker")
    j.open("my-file", "nav.my_file")
    open_expander(j.tab, j.tr("my_file.block.work"))
    expect(
        j.tab.locator(".st-key-mf_chk_own_job").get_by_role("radio", name=j.tr("my_file.answer.no"), exact=True)
    ).to_be_checked(timeout=90_000)
    j.click(j.tab.locator(".st-key-mf_tab").get_by_text(j.tr("my_file.tabs.proposals")))
    j.tab.get_by_text(proposal).first.wait_for(state="attached")  # in the proposal's folded card
    assert [p.what for p in my_file_repo.list_proposals(store)] == [proposal]
    j.shot("back-my-file")
    j.open("journal", "nav.journal")
    j.click(j.tab.locator(".st-key-jr_section").get_by_text(j.tr("journal.sections.entries")))
    entry = j.tab.locator(ENTRY).first
    entry.wait_for()
    assert j.tab.get_by_text(j.tr("journal.entries.none")).count() == 0
    entry.locator("summary").click()
    entry.get_by_text(could).wait_for()
    j.shot("back-journal")
    j.open("questions", "questions.title")
    j.tab.get_by_text(question, exact=True).wait_for()
    j.shot("back-questions")

    # 13. a second export holds what the first one held
    j.open("my-data", "nav.my_data")
    with j.tab.expect_download() as info:
        j.tab.get_by_role("button", name=j.tr("my_data.export.button")).click()
    again = tmp_path / "again.zip"
    info.value.save_as(again)
    assert archive_format.archive_content(again.read_bytes()) == first_export
    j.shot("my-data-exported-again")
