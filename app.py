"""Entry point: the frame around every page — page config, language selector, navigation.

Run with ``make run`` (or ``streamlit run app.py``). Pages live in ``pages/`` and are thin:
they read widgets, call ``spoor2`` and render the result.
"""

import streamlit as st

from pages.frame import PAGES, init_language, tr

st.set_page_config(page_title="Spoor 2", page_icon="🧭", layout="wide", initial_sidebar_state="expanded")
init_language()

navigation = st.navigation(
    [
        st.Page(f"pages/{page.script}", title=tr(f"nav.{page.key}"), icon=page.icon, default=True)
        if page.url_path == ""
        else st.Page(f"pages/{page.script}", title=tr(f"nav.{page.key}"), icon=page.icon, url_path=page.url_path)
        for page in PAGES
    ],
    position="sidebar",
)
# Each page starts with pages.frame.page_start(), which renders the language selector.
navigation.run()
