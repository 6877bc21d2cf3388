"""Home (/) — and the entry point: ``make run`` starts ``streamlit run app.py``.

Streamlit's multipage convention: this script is the home page and every script in ``pages/`` is
a page, its URL path its file name. Each page starts with :func:`ui.frame.page_start` (page config,
language selector, the translated navigation, title), calls its sections (``ui/<page>.py``; for
this page ``ui/home.py``) and ends with the legal footer.
"""

from datetime import date

from ui.frame import get_store, legal_footer, page_start

page_start("common.app_name")

# the title is on its way before the page's own modules load (the store, the timeline rules: issue 19)
from ui import home as ui  # noqa: E402

ui.intro()
ui.my_standing(get_store(), date.today())
ui.what_is_here()
legal_footer()
