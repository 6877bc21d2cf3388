"""Buttons name what they act on (review M13): a screen reader's list of buttons on /rights is not a row of
"Read", on /questions not a row of "Move up" / "Remove". Streamlit gives a button its label as its accessible
name (``help=`` is only a tooltip), so the labels themselves differ. Widget keys stay as they were."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest

from spoor2.i18n import t
from spoor2.rights.topics import load_topics
from spoor2.store.timeline import save_timeline_input
from spoor2.timeline.rules import SickPeriod, TimelineInput
from tests.support.apptest import assert_no_exception, open_page, page_text

LANGS = pytest.mark.parametrize("lang", ["en", "nl"])


def _repeated(at) -> list[str]:
    counts = Counter(button.label for button in at.button)
    return [label for label, n in counts.items() if n > 1]


@LANGS
def test_every_read_button_on_rights_names_its_topic(lang):
    at = open_page("rights.py", lang=lang)
    assert_no_exception(at)
    cards = [
        b for b in at.button if b.key and b.key.startswith("rights_") and b.label.startswith(t(lang, "rights.read"))
    ]
    assert len(cards) > 5
    titles = {topic.slug: topic.title for topic in load_topics(lang)}
    for button in cards:
        [slug] = [slug for slug in titles if button.key.endswith(f"_{slug}")]
        assert button.label == f"{t(lang, 'rights.read')}: {titles[slug]}"
    assert _repeated(at) == []


@LANGS
def test_the_buttons_of_each_question_name_its_number(lang, store):
    save_timeline_input(store, TimelineInput(periods=(SickPeriod(start=date.today() - timedelta(weeks=60)),)))
    at = open_page("questions.py", lang=lang)
    assert_no_exception(at)
    removes = [b for b in at.button if b.key and b.key.startswith("q_rm_")]
    assert len(removes) > 2
    text = page_text(at)
    for number, button in enumerate(removes, start=1):
        qid = button.key.removeprefix("q_rm_")
        assert button.label == t(lang, "questions.remove", number=number)
        assert at.button(key=f"q_up_{qid}").label == t(lang, "questions.up", number=number)
        assert at.button(key=f"q_down_{qid}").label == t(lang, "questions.down", number=number)
        assert f"**{number}.**" in text  # the card shows the number its buttons name
    assert _repeated(at) == []
