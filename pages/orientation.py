"""Orientation (/orientation): interests, energy, what I can take on, practical obstacles.

A reflection aid, never a selection or a verdict. Short screens, save and resume, history, export.
The sections live in ``ui/orientation.py``; scoring in ``spoor2/orientation/``.
"""

from datetime import date

from ui.frame import get_store, legal_footer, page_start

page_start("nav.orientation")

# the title is on its way before the page's own modules load (pandas, Plotly, …: issue 19)
from ui import orientation as ui  # noqa: E402

ui.intro()

store = get_store()
today = date.today()
choice = ui.choose_questionnaire(store)
ui.questionnaire_or_result(store, choice, today)
ui.export(store, today)
legal_footer()
