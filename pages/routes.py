"""Other routes and the new start (/routes): talking about my absence, routes other than a vacancy, after the new start.

The sections live in ``ui/routes.py``; rules in ``spoor2/``.
"""

from ui import routes as ui
from ui.frame import legal_footer, page_start

page_start("nav.routes")
ui.intro()
legal_footer()
