"""Orientation (/orientation): interests, energy, what I can take on, practical obstacles.

A reflection aid, never a selection or a verdict. Short screens, save and resume, history, export.
"""

from datetime import date

import streamlit as st

from spoor2.orientation.questionnaires import QUESTIONNAIRE_IDS
from ui import orientation as ui
from ui.frame import get_store, legal_footer, page_start, tr

page_start("nav.orientation")
st.markdown(tr("orientation.intro"))
st.info(tr("orientation.privacy"), icon=":material/lock:")

store = get_store()
today = date.today()

labels = {qid: ui.status_label(store, qid) for qid in QUESTIONNAIRE_IDS}
choice = st.radio(
    tr("orientation.choose"),
    list(QUESTIONNAIRE_IDS),
    format_func=labels.__getitem__,
    key="or_choice",
    horizontal=True,
)
st.divider()
ui.render(store, choice, today)
st.divider()
ui.render_export(store, today)
legal_footer()
