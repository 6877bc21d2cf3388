"""Applying for work (/applying): my CV in English and Dutch, a letter per application, interview preparation.

The sections live in ``ui/applying.py``; rules in ``spoor2/``.
"""

from ui import applying as ui
from ui.frame import legal_footer, page_start

page_start("nav.applying")
ui.intro()
legal_footer()
