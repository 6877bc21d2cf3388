"""Energy journal (/journal): check-ins, what activities cost, the pattern, the typical day for the doctor.

The sections live in ``ui/journal.py``; rules in ``spoor2/``.
"""

from datetime import date

from ui.frame import legal_footer, page_start

page_start("nav.journal")

# the title is on its way before the page's own modules load (pandas, Plotly, …: issue 19)
from ui import journal as ui  # noqa: E402

today = date.today()
ui.intro()
ui.show_section(ui.section(), today)
legal_footer()
