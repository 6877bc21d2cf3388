"""My data (/my-data): where the data is, what is stored, export everything, import it back, delete it.

No medical data is ever asked or stored. Import validates the whole file first and replaces
everything at once; delete asks for a confirmation first. The sections live in ``ui/my_data.py``.
"""

from datetime import date

from ui.frame import get_store, legal_footer, page_start

page_start("nav.my_data")

# the title is on its way before the page's own modules load (pandas, Plotly, …: issue 19)
from ui import advisers  # noqa: E402
from ui import my_data as ui  # noqa: E402

ui.intro()

store = get_store()
ui.where_it_is(store)
ui.what_is_stored(store)
ui.export_everything(store, date.today())
ui.import_everything(store)
ui.delete_everything(store)
advisers.who_can_read(store)
advisers.given_to_me(store)
ui.privacy()
legal_footer()
