"""My view as Word and PDF: every element present and dated, the person's text verbatim and safe."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document as open_docx

from spoor2.i18n import format_date, t
from spoor2.my_file import view as rules
from spoor2.render.docx import text_of
from tests.support.pdf_text import pdf_text

TODAY = date(2026, 12, 1)
WRITTEN = date(2026, 11, 28)
SIGNED = date(2026, 11, 30)
NASTY = '=HYPERLINK("http://evil.example","klik") <script>alert(1)</script> **bold** [x](javascript:1)'


def _view(lang: str):
    sections = {
        "job": rules.clean_section("job", "disagree", NASTY, WRITTEN, TODAY),
        "action_plan": rules.clean_section("action_plan", "agree", "Het plan is met mij besproken.", None, TODAY),
        "better_options": rules.clean_section(
            "better_options", "disagree", "Ik stelde planner bij Acme voor.", WRITTEN, TODAY
        ),
    }
    signature = rules.clean_signature("Anna de Vries", "Planner logistiek", SIGNED, TODAY)
    evidence = rules.Evidence(
        proposals=2, unanswered=1, activities=5, first_activity=date(2026, 1, 5), last_activity=date(2026, 11, 2)
    )
    return rules.view_document(sections, signature, evidence, lang, TODAY)


def _titles(lang: str) -> list[str]:
    return [rules.element_title(item, lang).replace("*", "") for item in rules.ELEMENTS]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_word_view_has_every_element_as_a_heading_each_dated_and_signed(lang):
    data = rules.for_word(_view(lang)).to_docx(lang)
    document = open_docx(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading 2")]
    assert headings[: len(rules.ELEMENTS)] == _titles(lang)
    text = text_of(data)
    dated = t(lang, "my_file_view.doc.dated", date=format_date(WRITTEN, lang))
    signed = t(lang, "my_file_view.doc.dated", date=format_date(SIGNED, lang))
    by = t(lang, "my_file_view.doc.by") + " Anna de Vries, Planner logistiek"
    # each element: its own date (or the view's date) and the name and job title (BWBR0015184 art. 2 lid 3)
    assert text.count(f"{dated} · {by}") == 2  # job and better_options
    assert text.count(f"{signed} · {by}") == len(rules.ELEMENTS) - 2
    assert document.core_properties.language == {"en": "en-GB", "nl": "nl-NL"}[lang]


def test_in_word_the_persons_text_is_as_typed_but_a_formula_is_neutralised():
    text = text_of(rules.for_word(_view("nl")).to_docx("nl"))
    assert "'" + NASTY in text.splitlines()
    assert "Het plan is met mij besproken." in text
    assert t("nl", "my_file_view.doc.stance.agree") in text
    assert t("nl", "my_file_view.doc.stance.disagree") in text
    assert t("nl", "my_file_view.doc.not_yet") in text


def test_word_drops_characters_xml_cannot_hold():
    section = rules.ViewSection(element_id="job", stance="disagree", body="a\x00b\x1bc")
    doc = rules.view_document({"job": section}, None, rules.Evidence(), "en", TODAY)
    assert "abc" in text_of(rules.for_word(doc).to_docx("en")).splitlines()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_pdf_view_has_every_element_and_the_text_verbatim(lang):
    text = pdf_text(_view(lang).to_pdf())
    flat = " ".join(text.split())
    for title in _titles(lang):
        assert " ".join(title.split()) in flat
    assert " ".join(NASTY.split()) in flat
    assert "Anna de Vries" in flat and format_date(SIGNED, lang) in flat
    assert t(lang, "my_file_view.pointer.proposals", count=2, unanswered=1) in flat


def test_markdown_of_the_view_escapes_the_persons_text():
    markdown = _view("en").to_markdown()
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown
    assert "[x](javascript" not in markdown
