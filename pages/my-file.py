"""My file (/my-file): will my reintegration file stand up to UWV's check?

The sections live in ``ui/my_file.py``; rules in ``spoor2/``.
"""

from ui import my_file as ui
from ui.frame import legal_footer, page_start

page_start("nav.my_file")
ui.intro()
legal_footer()
