"""``make screenshots``: refresh the README's images from a running local app with demo data, in both languages.

A fresh Streamlit server on 127.0.0.1 with a temporary data folder, filled with the demo data of every feature
(``tests/support/my_data.fill_store``, the same data the filled browser tests use), is opened in headless
Chromium (Debian's ``/usr/bin/chromium``) at 1280 x 2000 px. For each page in ``SHOTS`` and each language it
writes ``docs/screenshot-<page>.png`` (English) and ``docs/screenshot-<page>-nl.png`` (Dutch).
Nothing of your own data is touched: ``SPOOR2_DATA_DIR`` is the temporary folder.

``python -m tools.screenshots`` (``--out DIR`` writes elsewhere, ``--pages timeline,tracker`` a few only).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: page key (ui.frame.PAGES) -> what is opened first on that page, if anything: (widget key, label key)
SHOTS: dict[str, tuple[str, str] | None] = {
    "timeline": None,
    "tracker": None,
    "my_file": None,
}
#: no element is still loading (a grey placeholder), and every Plotly chart has drawn its SVG
CHARTS_DRAWN = (
    "() => !document.querySelector(\"[data-testid='stSkeleton']\")"
    " && [...document.querySelectorAll(\"[data-testid='stPlotlyChart']\")].every(c => c.querySelector('svg'))"
)
VIEWPORT = {"width": 1280, "height": 2000}  # tall: the charts below the forms are in the picture


def file_name(key: str, lang: str) -> str:
    """>>> file_name("my_file", "nl")
    'screenshot-my-file-nl.png'
    """
    return f"screenshot-{key.replace('_', '-')}{'' if lang == 'en' else '-' + lang}.png"


def settled(tab) -> None:  # type: ignore[no-untyped-def]
    """Streamlit has finished the run (no "running" indicator); patient, for a busy machine."""
    tab.wait_for_function("() => !document.querySelector(\"[data-testid='stStatusWidget']\")", timeout=120_000)
    tab.wait_for_timeout(300)


def take(out: Path, keys: list[str]) -> list[Path]:
    """Start the app with demo data, photograph ``keys`` in English and Dutch, stop the app; the files written."""
    from playwright.sync_api import sync_playwright

    from spoor2.i18n import t
    from spoor2.store import Store
    from tests.support.browser import CHROMIUM_ARGS, AppServer, chromium_path
    from tests.support.my_data import fill_store
    from ui.frame import PAGES

    executable = chromium_path()
    if executable is None:
        raise SystemExit("Chromium is not installed (apt-get install chromium)")
    paths = {spec.key: spec.url_path for spec in PAGES}
    written = []
    with tempfile.TemporaryDirectory(prefix="spoor2-screenshots-") as data:
        store = Store(Path(data) / "spoor2.sqlite3")
        fill_store(store, note="Received by mail")
        store.close()
        server = AppServer(Path(data))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
                context = browser.new_context(viewport=VIEWPORT, locale="en-GB")
                tab = context.new_page()
                tab.set_default_timeout(90_000)
                for lang in ("en", "nl"):
                    for key in keys:
                        tab.goto(f"{server.url}/{paths[key]}?lang={lang}")
                        tab.get_by_text(t(lang, "common.not_legal_advice")).first.wait_for()
                        settled(tab)
                        opened = SHOTS.get(key)
                        if opened is not None:
                            widget, label = opened
                            tab.locator(f".st-key-{widget}").get_by_text(t(lang, label)).click()
                            settled(tab)
                        tab.wait_for_function(CHARTS_DRAWN, timeout=120_000)
                        tab.wait_for_timeout(500)
                        target = out / file_name(key, lang)
                        tab.screenshot(path=str(target))
                        written.append(target)
                        sys.stdout.write(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}\n")
                context.close()
                browser.close()
        finally:
            server.stop()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for the images (default: docs/)")
    parser.add_argument("--pages", default=",".join(SHOTS), help="comma-separated page keys")
    args = parser.parse_args(argv)
    keys = [key.strip() for key in args.pages.split(",") if key.strip()]
    unknown = [key for key in keys if key not in SHOTS]
    if unknown:
        parser.error(f"unknown page(s): {', '.join(unknown)}; choose from {', '.join(SHOTS)}")
    args.out.mkdir(parents=True, exist_ok=True)
    take(args.out, keys)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
