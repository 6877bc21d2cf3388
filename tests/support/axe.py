"""axe-core in the browser tests: a WCAG 2.1 A/AA scan of the page as a person sees it.

axe-core comes from the npm registry (``tests/a11y/package.json``; ``.ci/run`` installs it with
``npm install --prefix tests/a11y``). Outside CI a missing axe-core skips with a visible reason; with
``CI=true`` it is a failure.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from spoor2.i18n import t
from spoor2.store import Store
from tests.conftest import ROOT
from tests.support.browser import AppServer, require_chromium
from tests.support.my_data import fill_store
from tests.support.skips import skip_unless_ci
from ui.frame import PAGES

AXE_JS = ROOT / "tests" / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SERIOUS = ("serious", "critical")


@dataclass(frozen=True)
class Finding:
    rule: str
    impact: str
    target: str
    html: str
    #: the node is (inside) a disabled control: WCAG 1.4.3 exempts text of an inactive component
    disabled: bool


def require_axe() -> Path:
    if not AXE_JS.is_file():
        skip_unless_ci("axe-core is not installed: npm install --prefix tests/a11y")
    return AXE_JS


_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  const out = [];
  for (const v of result.violations) {
    for (const node of v.nodes) {
      const el = document.querySelector(node.target[0]);
      const widget = el && el.closest('[data-testid^="st"]');
      const disabled = !!(el && (el.closest('[aria-disabled="true"], [disabled]') ||
        (widget && widget.querySelector('input[disabled], textarea[disabled], button[disabled]'))));
      out.push({rule: v.id, impact: node.impact || v.impact, target: node.target.join(' '),
                html: node.html.slice(0, 200), disabled});
    }
  }
  return out;
}"""


_CLOSED = "[data-testid='stExpander'] details:not([open]) > summary"
_SETTLED = "() => !document.querySelector(\"[data-testid='stStatusWidget'], [data-stale='true']\")"
_CLICK_ALL = "sel => { const all=[...document.querySelectorAll(sel)]; all.forEach(s => s.click()); return all.length }"


def open_everything(tab) -> None:  # type: ignore[no-untyped-def]
    """Open every expander, so its content is scanned too.

    All closed ones at once, then again for any that appeared or closed meanwhile: a lazy expander
    (ui.frame.kept_expander) draws its content in a rerun, and Playwright's click waited ~1 s for each to stop
    moving."""
    for _ in range(10):
        if not tab.evaluate(_CLICK_ALL, _CLOSED):
            break
        tab.wait_for_timeout(200)  # the rerun a lazy one asks for starts
        tab.wait_for_function(_SETTLED, timeout=60_000)
    tab.wait_for_timeout(300)
    assert tab.locator(_CLOSED).count() == 0, "every expander is open when the page is scanned"


def scan(tab) -> list[Finding]:  # type: ignore[no-untyped-def]
    """Violations on the page, every node. The viewport is first made as tall as the page: axe skips the
    contrast of text scrolled out of Streamlit's own scroll container."""
    height = tab.evaluate(
        "Math.max(document.body.scrollHeight,"
        " (document.querySelector('[data-testid=stMain]') || document.body).scrollHeight)"
    )
    width = tab.viewport_size["width"] if tab.viewport_size else 1400
    tab.set_viewport_size({"width": width, "height": min(max(int(height) + 200, 1000), 12000)})
    tab.add_script_tag(path=str(require_axe()))
    return [Finding(**row) for row in tab.evaluate(_RUN, TAGS)]


#: headings in the page's main part that skip a level (h1 then h3): the review's A6 (axe's ``heading-order`` is a
#: best practice, outside the WCAG tags the scan runs)
_HEADING_JUMPS = """() => {
  const hs = [...document.querySelectorAll("[data-testid='stMain'] :is(h1, h2, h3, h4, h5, h6)")]
    .filter(h => h.offsetParent !== null);
  const out = []; let last = 0;
  for (const h of hs) {
    const n = Number(h.tagName[1]);
    if (last && n > last + 1) out.push(`h${last} → h${n} ${h.innerText.slice(0, 40)}`);
    last = n;
  }
  return out;
}"""


def heading_jumps(tab) -> list[str]:  # type: ignore[no-untyped-def]
    return list(tab.evaluate(_HEADING_JUMPS))


def serious(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.impact in SERIOUS and not f.disabled]


def server_fixture(*, filled: bool, axe: bool = True):  # type: ignore[no-untyped-def]
    """A module's ``server`` fixture: the app, empty or with a store holding something on every page
    (:func:`tests.support.my_data.fill_store`); ``axe``: the module scans with axe-core, which must be there."""

    @pytest.fixture(scope="module")
    def server(tmp_path_factory) -> Iterator[AppServer]:  # type: ignore[no-untyped-def]
        require_chromium()
        if axe:
            require_axe()
        data = tmp_path_factory.mktemp("filled" if filled else "empty")
        if filled:
            store = Store(data / "spoor2.sqlite3")
            fill_store(store)
            store.close()
        instance = AppServer(data)
        yield instance
        instance.stop()

    return server


def open_tab(browser, url: str):  # type: ignore[no-untyped-def]
    """A new context and tab, wide as a desktop, on ``url``."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    tab.goto(url)
    return context, tab


def every_page_problems(browser, url: str, lang: str) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Every page in ``lang``, expanders open: the serious or critical violations, up to five a page."""
    problems: dict[str, list[str]] = {}
    context, tab = open_tab(browser, f"{url}/?lang={lang}")
    try:
        for spec in PAGES:
            tab.goto(f"{url}/{spec.url_path}?lang={lang}")
            tab.get_by_text(t(lang, "common.not_legal_advice")).first.wait_for()
            open_everything(tab)
            found = [f"{f.rule} {f.impact}: {f.target} {f.html}" for f in serious(scan(tab))]
            found += [f"heading-order: {jump}" for jump in heading_jumps(tab)]
            if found:
                problems[spec.key] = found[:5]
    finally:
        context.close()
    return problems
