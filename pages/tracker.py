"""Job-search activity log (/tracker): quick add, an editable paged table, weekly target, charts,
follow-ups as .ics, exports (CSV/XLSX/JSON/PDF) and import with a column mapping.

The sections live in ``ui/tracker.py``; rules in ``spoor2/tracker/``; SQL in ``spoor2/store/tracker.py``.
"""

from datetime import date

from ui.frame import get_store, legal_footer, page_start

page_start("nav.tracker")

# the title is on its way before the page's own modules load (pandas, Plotly, …: issue 19)
from ui import tracker as ui  # noqa: E402

ui.intro()

today = date.today()
store = get_store()
ui.quick_add(store, today)
ui.empty_hint(store)
filters = ui.activity_filters()

section = ui.section()  # keyed: a message or a rerun never moves the person to another section
if section == "log":
    ui.activity_log(store, filters, today)
elif section == "progress":
    ui.weekly_target(store, today)
    ui.charts(store, filters)
elif section == "agenda":
    ui.agenda(store, today)
else:
    ui.export_files(store, today)
    ui.import_file(store, today)

legal_footer()
