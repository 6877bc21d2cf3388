"""Zoom 200 % and reflow (WCAG 1.4.4, 1.4.10): every page, in both languages, filled, with every expander open,
at 640 px wide (a 1280 px screen at 200 %) and 320 px (1.4.10's own width).

- No horizontal scrolling of the content: the document and Streamlit's scroll container (``stMain``) are no
  wider than the window (``scrollWidth <= clientWidth + 1``).
- No cut-off text: no element with text of its own reaches past the window's right edge, and none is clipped
  by its own box (an ellipsis, or ``overflow: hidden`` with more text than room).

What is Streamlit's own and scrolls or clips inside itself by design is left out, and listed in
``docs/accessibility.md``: the canvas data grid (a data table may scroll in two dimensions, 1.4.10's
exception), Plotly's SVG, and the file uploader's fixed English hint ("20MB per file").
"""

from __future__ import annotations

import pytest

from spoor2.i18n import t
from tests.support.axe import open_everything, server_fixture
from tests.support.browser import browser  # noqa: F401  (the fixture)
from ui.frame import PAGES

pytestmark = pytest.mark.browser

WIDTHS = (640, 320)

# Streamlit's own widgets that scroll or clip inside themselves (see the module docstring)
OWN_SCROLLERS = ", ".join(
    f"[data-testid='{testid}']"
    for testid in ("stDataFrame", "stDataFrameResizable", "stPlotlyChart", "stFileUploaderDropzoneInstructions")
)

_REFLOW = """skip => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  const main = document.querySelector("[data-testid='stMain']");
  for (const [name, el] of [['document', document.scrollingElement], ['stMain', main]]) {
    if (el && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`${name} scrolls sideways: scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`);
    }
  }
  const visible = el => {
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none' && el.getClientRects().length > 0;
  };
  for (const el of main.querySelectorAll('*')) {
    if (el.closest(skip)) continue;
    const own = [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (!own || !visible(el)) continue;
    const rect = el.getBoundingClientRect();
    const text = el.textContent.trim().slice(0, 60);
    if (rect.width > 0 && rect.right > width + 1) {
      problems.push(`past the right edge (${Math.round(rect.right)} > ${width}): ${el.tagName} ${text}`);
      continue;
    }
    const style = getComputedStyle(el);
    const clips = style.textOverflow === 'ellipsis' || ['hidden', 'clip'].includes(style.overflowX);
    if (clips && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`clipped (${el.scrollWidth} > ${el.clientWidth}): ${el.tagName} ${text}`);
    }
  }
  return problems;
}"""


#: The app with data in every table (long lists and tables are what a narrow window breaks).
server = server_fixture(filled=True, axe=False)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_page_scrolls_sideways_or_cuts_text_at_200_percent_and_320_px(browser, server, lang):  # noqa: F811
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 900}, locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    problems: dict[str, list[str]] = {}
    try:
        for spec in PAGES:
            tab.set_viewport_size({"width": WIDTHS[0], "height": 900})
            tab.goto(f"{server.url}/{spec.url_path}?lang={lang}")
            tab.get_by_text(t(lang, "common.not_legal_advice")).first.wait_for()
            open_everything(tab)
            for width in WIDTHS:
                tab.set_viewport_size({"width": width, "height": 900})
                tab.wait_for_timeout(400)  # the layout follows the new width
                found = tab.evaluate(_REFLOW, OWN_SCROLLERS)
                if found:
                    problems[f"{spec.key} at {width} px"] = found[:8]
    finally:
        context.close()
    assert problems == {}
