"""My file (/my-file): will my reintegration file stand up to UWV's check?

The sections live in ``ui/my_file.py`` (check, proposals) and ``ui/my_file_view.py`` (my view, the
expert-opinion pack, the whole file); rules in ``spoor2/my_file/``; SQL in ``spoor2/store/``.
"""

from datetime import date

from ui.frame import get_store, legal_footer, page_start

page_start("nav.my_file")

# the title is on its way before the page's own modules load (pandas, Plotly, …: issue 19)
from ui import my_file as ui  # noqa: E402
from ui import my_file_view as view_ui  # noqa: E402

ui.intro()

today = date.today()
store = get_store()
section = ui.section()  # keyed: a message or a rerun never moves the person to another section
if section == "check":
    ui.check_section(store, today)
elif section == "proposals":
    ui.proposals_section(store, today)
elif section == "view":
    view_ui.view_section(store, today)
elif section == "expert":
    view_ui.expert_section(store, today)
else:
    view_ui.whole_section(store, today)

legal_footer()
