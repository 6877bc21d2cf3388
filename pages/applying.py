"""Applying for work (/applying): my CV in English and Dutch, a letter per application, interview preparation.

The sections live in ``ui/applying.py``; rules in ``spoor2/applying/``; SQL in ``spoor2/store/applying.py``.
"""

from ui.frame import get_store, legal_footer, page_start

page_start("nav.applying")

# the title is on its way before the page's own modules load (pandas, Plotly, …: issue 19)
from ui import applying as ui  # noqa: E402

ui.intro()

store = get_store()
section = ui.section()  # keyed: a message or a rerun never moves the person to another section
if section == "cv":
    ui.cv_section(store)
elif section == "letters":
    ui.letters_section(store)
else:
    ui.practice()
    ui.stories(store)
    ui.interview_notes(store)

legal_footer()
