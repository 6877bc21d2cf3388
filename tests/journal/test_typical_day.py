"""The typical day from 0, 1 and 60 recorded days, and its one page in PDF and Word."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from spoor2.errors import InvalidInput
from spoor2.i18n import t
from spoor2.journal.entries import CheckIn
from spoor2.journal.pattern import days_of
from spoor2.journal.typical_day import MIN_DAYS, check_typical_text, typical_day_document, typical_day_text
from spoor2.render.docx import text_of
from tests.support.pdf_text import pdf_text

START = date(2026, 9, 1)
END = START + timedelta(days=59)


def sixty_days() -> list[CheckIn]:
    """Energy 2, 4, 6, 8 in turn; hours active 1, 2, 3, 4 with it; 3 rest moments; every 4th day heavy."""
    return [
        CheckIn(
            day=START + timedelta(days=n),
            energy=2 + 2 * (n % 4),
            active_hours=1.0 + n % 4,
            rest_hours=4.0,
            rest_moments=3,
            longest_stretch=0.5 + 0.25 * (n % 4),
            physical=8 if n % 4 == 0 else 3,
        )
        for n in range(60)
    ]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_entries_says_there_is_too_little_to_go_on(lang):
    text = typical_day_text([], START, END, lang)
    assert t(lang, "journal.typical.too_little", minimum=MIN_DAYS, count=0) in text
    assert t(lang, "journal.typical.average.title") not in text


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_one_entry_says_there_is_too_little_and_names_the_period(lang):
    days = days_of([CheckIn(day=START, energy=5)])
    text = typical_day_text(days, START, END, lang)
    assert t(lang, "journal.typical.too_little", minimum=MIN_DAYS, count=1) in text
    assert "1" in text.split("\n")[0] and "2026" in text.split("\n")[0]


def test_sixty_days_give_an_average_day_a_bad_day_recovery_and_variation():
    text = typical_day_text(days_of(sixty_days()), START, END, "en")
    assert "60 days recorded" in text
    assert "too little" not in text
    # median energy of 2, 4, 6, 8 is 5; median hours active of 1..4 is 2.5; 3 rest moments
    assert "My energy is about 5 out of 10 (median of 60 days)" in text
    assert "I am active for about 2.5 hours" in text
    assert "I need about 3 rest moments" in text
    assert "the longest was 1.25 hours" in text  # quarter hours stay exact
    # the bad day: the 15 days with the lowest energy (all at 2, with 1 hour active)
    assert "the 15 days with the lowest energy, out of 60" in text
    assert "My energy is about 2 out of 10." in text and "I am active for about 1 hours" in text
    # every heavy day (energy 2) is followed by 4 the next day, below the usual level 5, then 6: back after 2 days
    assert "a median of 2 days" in text
    assert "between 2 and 8 out of 10" in text and "between 1 and 4 hours" in text


def test_the_dutch_typical_day_has_dutch_numbers():
    text = typical_day_text(days_of(sixty_days()), START, END, "nl")
    assert "60 dagen genoteerd" in text and "2,5 uur actief" in text


def test_the_document_is_the_edited_text_in_pdf_and_word():
    edited = "My own first line <b>as typed</b>\n\n=SUM(A1) second paragraph"
    document = typical_day_document(edited, "nl", date(2026, 11, 30))
    words = text_of(document.to_docx("nl"))
    assert "My own first line <b>as typed</b>" in words and "=SUM(A1) second paragraph" in words
    assert t("nl", "journal.typical.doc_title") in words
    assert "second paragraph" in pdf_text(document.to_pdf())


def test_an_empty_or_huge_typical_day_is_refused():
    with pytest.raises(InvalidInput):
        check_typical_text("   ")
    with pytest.raises(InvalidInput):
        check_typical_text("x" * 10_001)
    assert check_typical_text("ok") == "ok"
