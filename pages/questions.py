"""Critical questions (/questions): questions for my week and situation, documents, meetings, letters.

The sections live in ``ui/questions.py``; the question bank, its conditions and limits in
``spoor2/questions/bank.py``; saving in ``spoor2/store/questions.py``.
"""

from datetime import date

from ui.frame import legal_footer, page_start

page_start("questions.title")

# the title is on its way before the page's own modules load (pandas, Plotly, …: issue 19)
from ui import questions as ui  # noqa: E402

ui.intro()

today = date.today()
timeline, standing = ui.my_week(today)
situation = ui.current_situation(standing)
shown = ui.shown_list(situation)

section = ui.sections()
if section == "questions":
    ui.my_questions(situation, shown, today)
elif section == "situation":
    ui.my_situation(situation)
elif section == "documents":
    ui.documents(timeline, situation, today)
elif section == "meeting":
    ui.meeting_preparation(shown, today)
else:
    ui.letters(timeline, today)

legal_footer()
