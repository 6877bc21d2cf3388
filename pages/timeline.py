"""Timeline (/timeline): my sick periods → my own 104-week Poortwachter calendar.

Thin page: widgets → ui/timeline.py (form ↔ model, the sections) → spoor2.timeline.rules (rules) → render.
"""

from datetime import date

from ui.frame import get_store, legal_footer, page_start

page_start("nav.timeline")

# the title is on its way before the page's own modules load (pandas, Plotly, …: issue 19)
from ui import timeline as ui  # noqa: E402

ui.intro()

store = get_store()
today = date.today()
ui.periods_form(store, today)
loaded = ui.saved_standing(store, today)
if loaded is not None:
    ui.where_i_stand(loaded)
    ui.chart_and_table(loaded, today)
    ui.details(store, loaded)
    ui.record_as_done(store, loaded, today)

legal_footer()
