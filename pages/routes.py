"""Other routes and the new start (/routes): talking about my absence, routes other than a vacancy, after the new start.

The sections live in ``ui/routes.py``; rules and content in ``spoor2/applying/routes.py`` and
``spoor2/applying/after_start.py``; SQL in ``spoor2/store/applying.py``.
"""

from datetime import date

from ui.frame import get_store, legal_footer, page_start

page_start("nav.routes")

# the title is on its way before the page's own modules load (pandas, Plotly, …: issue 19)
from ui import routes as ui  # noqa: E402

ui.intro()

section = ui.section()  # keyed: a message or a rerun never moves the person to another section
if section == "absence":
    ui.absence()
elif section == "routes":
    ui.routes(get_store())
else:
    ui.after_start(get_store(), date.today())

legal_footer()
