"""The sections of /routes."""

from __future__ import annotations

import streamlit as st

from ui.frame import tr


def intro() -> None:
    st.write(tr("routes.intro"))
