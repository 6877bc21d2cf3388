"""Know your rights (/rights): a guided start, all topics, search, glossary, and deep links.

``/rights?topic=<slug>&lang=nl`` opens a topic directly; ``?view=glossary`` opens the glossary.
The sections live in ``ui/rights.py``; the topics and their sources in ``spoor2/rights/topics.py``.
"""

from datetime import date

from ui.frame import get_store, lang, legal_footer, page_start

page_start("rights.title")

# the title is on its way before the page's own modules load (pandas, Plotly, …: issue 19)
from spoor2.rights.topics import load_topics  # noqa: E402
from ui import rights as ui  # noqa: E402

saved = ui.saved_standing(get_store(), date.today())
topic = ui.linked_topic()
if topic is not None:
    ui.render_topic(topic, saved.timeline if saved is not None else None)
else:
    topics = load_topics(lang())
    ui.intro()
    situation = ui.guided_start(saved)
    ui.for_you(topics, situation)
    ui.search(topics, situation)
    ui.all_topics(topics, situation)
    ui.glossary()

legal_footer()
