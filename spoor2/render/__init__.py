"""Document renderers shared by every capability's exports.

* :mod:`~spoor2.render.document` — one ``Document`` rendered as Markdown, plain text or PDF;
* :mod:`~spoor2.render.text` — the one Markdown escaper for text a person typed;
* :mod:`~spoor2.render.pdf` — A4 PDF pages in DejaVu Sans (Dutch characters and € print);
* :mod:`~spoor2.render.ics` — the one builder of RFC 5545 all-day events.
"""
