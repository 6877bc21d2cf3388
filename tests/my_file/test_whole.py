"""The whole file: one PDF with a table of contents of every part; the PDF renderer's contents option."""

from __future__ import annotations

import re
from datetime import date

import pytest

from spoor2.i18n import t
from spoor2.my_file import view as view_rules
from spoor2.my_file.whole import WholeFile, whole_document, whole_pdf
from spoor2.render.document import Document, Heading, Paragraph
from spoor2.store import my_file_view as repo
from tests.support.my_data import AS_OF, fill_store
from tests.support.pdf_text import pdf_text

PARTS = ("timeline_title", "proposals_title", "meetings_title", "checks_title")


def _flat(data: bytes) -> str:
    return " ".join(pdf_text(data).split())


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_whole_file_has_a_contents_page_naming_every_part_with_its_page(lang, store):
    fill_store(store)
    data = whole_pdf(repo.whole_file(store, AS_OF), lang, AS_OF)
    text = _flat(data)
    contents = text.split(t(lang, "my_file_view.whole.contents"), 1)[1]
    for key in PARTS:
        assert re.search(re.escape(t(lang, f"my_file_view.whole.{key}")) + r" \d+", contents), key
    assert re.search(re.escape(t(lang, "tracker.pdf.title")) + r" \d+", contents)
    assert re.search(re.escape(t(lang, "my_file_view.doc.title")) + r" \d+", contents)
    # the parts themselves: timeline statuses, the activity, the meeting, the view with the person's text
    assert t(lang, "milestones.status.done") in text or t(lang, "milestones.status.done_late") in text
    assert "Acme" in text and "Planner" in text
    assert "Not my <b>job</b>" in text and "Anna de Vries" in text


def test_an_empty_store_gives_a_whole_file_that_says_what_is_missing(store):
    text = _flat(whole_pdf(repo.whole_file(store, AS_OF), "en", AS_OF))
    assert t("en", "my_file_view.whole.no_timeline") in text
    result = repo.whole_file(store, AS_OF).checks
    assert result is not None and result.unknown  # part 1's check, run on nothing: unknowns, said so
    assert t("en", "my_file_view.whole.check_summary", gaps=len(result.gaps), unknown=len(result.unknown)) in text
    assert t("en", "my_file.status.unknown") in text
    assert t("en", "my_file_view.doc.not_yet") in text


def test_the_check_result_lists_every_item_with_its_status_and_sources(store):
    fill_store(store)
    data = repo.whole_file(store, AS_OF)
    doc = whole_document(data, "nl", AS_OF)
    text = doc.to_text()
    for item in data.checks.items:
        status = t("nl", f"my_file.status.{item.status}")
        assert any(line.startswith(f"- {status} · ") for line in text.splitlines()), item.id
    assert t("nl", "my_file.to_whom.employer") in text or not data.proposals


def test_every_part_starts_with_a_level_one_heading():
    doc = whole_document(WholeFile(), "en", AS_OF)
    titles = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 1]
    assert titles == [
        t("en", "my_file_view.whole.timeline_title"),
        t("en", "tracker.pdf.title"),
        t("en", "my_file_view.whole.proposals_title"),
        t("en", "my_file_view.whole.meetings_title"),
        t("en", "my_file_view.whole.checks_title"),
        t("en", "my_file_view.doc.title"),
    ]


def test_a_pdf_without_contents_is_unchanged_and_with_contents_lists_the_headings_with_pages():
    doc = Document("File", (Heading("Part one"), Paragraph("x"), Heading("Part two"), Heading("Detail", level=2)))
    plain = _flat(doc.to_pdf())
    assert "Contents" not in plain and plain.startswith("Part one")
    text = _flat(doc.to_pdf(toc=True, toc_title="Contents"))
    assert text.startswith("File Contents Part one 2 Part two 3 Detail 3")


def test_many_headings_get_more_contents_pages():
    doc = Document("File", tuple(Heading(f"Part {n}") for n in range(150)))
    text = _flat(doc.to_pdf(toc=True, toc_title="Contents"))
    assert "Part 149 " in text.split("Part 0 ", 1)[1]  # every entry listed, none lost to a full page


def test_the_view_in_the_whole_file_matches_the_view_document(store):
    repo.save_section(store, view_rules.clean_section("job", "disagree", "Eigen woorden", date(2026, 11, 1), AS_OF))
    text = _flat(whole_pdf(repo.whole_file(store, AS_OF), "nl", AS_OF))
    assert "Eigen woorden" in text and view_rules.element_title(view_rules.element("job"), "nl") in text
