"""My data (/my-data): where the data is, what is stored, export everything, import it back, delete it.

No medical data is ever asked or stored. Import validates the whole file first and replaces
everything at once; delete asks for a confirmation first.
"""

from datetime import date

import streamlit as st

from ui import my_data as ui
from ui.frame import get_store, legal_footer, page_start, tr

page_start("nav.my_data")
st.markdown(tr("my_data.intro"))
st.info(tr("my_data.no_medical"), icon=":material/lock:")

store = get_store()
today = date.today()

st.subheader(tr("my_data.where.title"))
ui.render_where(store)

st.subheader(tr("my_data.what.title"))
ui.render_counts(store)

st.subheader(tr("my_data.export.title"))
ui.render_export(store, today)

st.subheader(tr("my_data.import.title"))
ui.render_import(store)

st.subheader(tr("my_data.delete.title"))
ui.render_delete(store)

st.subheader(tr("my_data.privacy.title"))
ui.render_privacy()
legal_footer()
