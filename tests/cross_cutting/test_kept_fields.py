"""A kept field (ui.frame.kept_field) never pushes an unchanged value back to the browser.

Streamlit sends a value put in ``st.session_state[key]`` to the browser with ``set_value``, and the browser
then shows it instead of what is in the field. Told on every run, that overwrote text typed into one field
while the rerun caused by another field was under way: on /applying a CV field filled during the previous
field's rerun lost its value at "Save". The value is told only when the widget does not hold it already.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _app() -> None:
    import streamlit as st

    from ui.frame import kept_field, set_choice

    kept_field(st.text_input, "Name", key="name", default="")
    kept_field(st.text_area, "Note", key="note", default="first")
    st.button("Rerun", key="fill")  # a rerun caused by something else than the fields

    def fill() -> None:
        set_choice("name", "from a callback")
        st.session_state.pop("name", None)

    st.button("Set", key="set", on_click=fill)


def _pushed(at: AppTest, key: str) -> bool:
    widget = at.text_input(key=key) if key == "name" else at.text_area(key=key)
    return bool(widget.proto.set_value)


def test_an_unchanged_field_is_not_told_its_value_again() -> None:
    at = AppTest.from_function(_app)
    at.run()
    assert _pushed(at, "note"), "the first draw tells the field its starting value"
    at.text_input(key="name").input("Ada").run()
    assert at.text_input(key="name").value == "Ada"
    assert not _pushed(at, "name"), "the field the person changed is not overwritten by the run"
    assert not _pushed(at, "note"), "another field, unchanged, is not overwritten by the run"
    at.button(key="fill").click().run()
    assert not _pushed(at, "name") and not _pushed(at, "note")
    assert at.text_input(key="name").value == "Ada"
    assert at.text_area(key="note").value == "first"


def test_a_value_set_by_a_callback_reaches_the_field() -> None:
    at = AppTest.from_function(_app)
    at.run()
    at.text_input(key="name").input("Ada").run()
    at.button(key="set").click().run()
    assert at.text_input(key="name").value == "from a callback"
    assert _pushed(at, "name")
