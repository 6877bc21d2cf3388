"""The check-in answers, the start date and the routes' ticks: saved, edited, owner-scoped, and they survive
export → delete → import."""

from __future__ import annotations

from datetime import date

import pytest

from spoor2.applying.after_start import CheckinAnswer
from spoor2.errors import InvalidInput
from spoor2.store import applying as repo
from spoor2.store import my_data as data_io

TODAY = date(2026, 12, 2)


def _answer(text: str, checkpoint: int = 1, question_id: str = "work_fits", on: date = TODAY) -> CheckinAnswer:
    return CheckinAnswer(checkpoint=checkpoint, question_id=question_id, answer=text, answered_on=on)


def test_an_answer_is_saved_then_edited_and_keeps_its_first_date(store):
    repo.save_checkin_answer(store, _answer("Gaat goed", on=date(2026, 11, 2)))
    repo.save_checkin_answer(store, _answer("Gaat goed, maar <b>moe</b> =1+1", on=date(2026, 11, 20)))
    answers = repo.list_checkin_answers(store)
    assert list(answers) == [(1, "work_fits")]
    assert answers[(1, "work_fits")].answer == "Gaat goed, maar <b>moe</b> =1+1"  # verbatim
    assert answers[(1, "work_fits")].answered_on == date(2026, 11, 2)


def test_an_empty_answer_removes_it(store):
    repo.save_checkin_answer(store, _answer("Gaat goed"))
    repo.save_checkin_answer(store, _answer("   "))
    assert repo.list_checkin_answers(store) == {}


def test_nothing_is_saved_half_way(store):
    good = _answer("Goed")
    bad = _answer("x" * 4001, question_id="agreements_kept")
    with pytest.raises(InvalidInput):
        repo.save_checkin_answers(store, [good, bad])
    assert repo.list_checkin_answers(store) == {}


def test_answers_belong_to_their_owner(store):
    other = store.for_owner("second-person")
    repo.save_checkin_answer(store, _answer("mine"))
    assert repo.list_checkin_answers(other) == {}


def test_start_date_is_saved_checked_and_forgotten(store):
    assert repo.get_start_date(store) is None
    repo.set_start_date(store, date(2026, 10, 31), TODAY)
    assert repo.get_start_date(store) == date(2026, 10, 31)
    with pytest.raises(InvalidInput):
        repo.set_start_date(store, date(1990, 1, 1), TODAY)
    assert repo.get_start_date(store) == date(2026, 10, 31)
    repo.set_start_date(store, None, TODAY)
    assert repo.get_start_date(store) is None


def test_ticks_are_kept_per_route_and_checked(store):
    repo.set_route_tick(store, "secondment", "wage", True)
    repo.set_route_tick(store, "secondment", "own_job", True)
    repo.set_route_tick(store, "volunteering", "hours", True)
    repo.set_route_tick(store, "secondment", "wage", False)
    assert repo.get_route_ticks(store) == {"secondment": ["own_job"], "volunteering": ["hours"]}
    with pytest.raises(InvalidInput):
        repo.set_route_tick(store, "secondment", "course_costs", True)  # not a check of this route
    with pytest.raises(InvalidInput):
        repo.set_route_tick(store, "no_route", "wage", True)
    assert repo.get_route_ticks(store) == {"secondment": ["own_job"], "volunteering": ["hours"]}


def test_everything_survives_export_delete_import(store):
    repo.save_checkin_answer(store, _answer('=HYPERLINK("x") <script>'))
    repo.save_checkin_answer(store, _answer("Meer pauzes", checkpoint=3, question_id="adjustments"))
    repo.set_start_date(store, date(2026, 1, 31), TODAY)
    repo.set_route_tick(store, "retraining", "course_costs", True)
    before = (repo.list_checkin_answers(store), repo.get_start_date(store), repo.get_route_ticks(store))
    exported = data_io.export_bytes(store)
    data_io.delete_everything(store)
    assert repo.list_checkin_answers(store) == {} and repo.get_start_date(store) is None
    data_io.import_bytes(store, exported)
    assert (repo.list_checkin_answers(store), repo.get_start_date(store), repo.get_route_ticks(store)) == before


def test_answers_start_date_and_ticks_on_both_backends(make_store):
    """The same SQL on SQLite and on PostgreSQL (the hosted store, under row-level security)."""
    store = make_store("routes")
    repo.save_checkin_answer(store, _answer("Eerste versie", on=date(2026, 11, 2)))
    repo.save_checkin_answer(store, _answer("Tweede versie", on=date(2026, 11, 9)))
    repo.save_checkin_answer(store, _answer("Meer pauzes", checkpoint=6, question_id="balance"))
    repo.set_start_date(store, date(2026, 5, 31), TODAY)
    repo.set_route_tick(store, "volunteering", "travel", True)
    answers = repo.list_checkin_answers(store)
    assert answers[(1, "work_fits")].answer == "Tweede versie"
    assert answers[(1, "work_fits")].answered_on == date(2026, 11, 2)
    assert answers[(6, "balance")].answer == "Meer pauzes"
    assert repo.get_start_date(store) == date(2026, 5, 31)
    assert repo.get_route_ticks(store) == {"volunteering": ["travel"]}
    exported = data_io.export_bytes(store)
    data_io.delete_everything(store)  # (hosted: the person goes too; a new login starts afresh)
    again = make_store("routes-again")
    data_io.import_bytes(again, exported)
    assert repo.list_checkin_answers(again) == answers
    assert repo.get_start_date(again) == date(2026, 5, 31)
    assert repo.get_route_ticks(again) == {"volunteering": ["travel"]}
