"""The theme passes WCAG 2.1 AA contrast: text and captions (1.4.3), field borders (1.4.11), chart text.

Streamlit draws a caption in ``textColor`` at 60 % opacity, so the caption colour is that blend on each
background; the sidebar uses ``secondaryBackgroundColor``.
"""

from __future__ import annotations

import tomllib

import pytest

from tests.conftest import ROOT
from ui import charts
from ui.charts import CHART_BACKGROUND, CHART_TEXT_COLOR, STATUS_COLOURS, WINDOW_FILL_OPACITY

THEME = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]
CAPTION_OPACITY = 0.6


def _rgb(colour: str) -> tuple[float, float, float]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _blend(front: str, back: str, alpha: float) -> tuple[float, float, float]:
    return tuple(alpha * f + (1 - alpha) * b for f, b in zip(_rgb(front), _rgb(back), strict=True))  # type: ignore[return-value]


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_formula_matches_known_values():
    assert contrast(_rgb("#000000"), _rgb("#ffffff")) == pytest.approx(21.0)
    assert contrast(_rgb("#767676"), _rgb("#ffffff")) == pytest.approx(4.54, abs=0.01)
    # the review's measurement of the old theme: a caption on the page was 4.02:1
    assert contrast(_blend("#1d2a2c", "#fbfaf7", CAPTION_OPACITY), _rgb("#fbfaf7")) == pytest.approx(4.0, abs=0.1)


@pytest.mark.parametrize("background", ["backgroundColor", "secondaryBackgroundColor"])
def test_text_and_captions_reach_4_5_to_1_on_both_backgrounds(background):
    back = THEME[background]
    assert contrast(_rgb(THEME["textColor"]), _rgb(back)) >= 4.5
    assert contrast(_blend(THEME["textColor"], back, CAPTION_OPACITY), _rgb(back)) >= 4.5
    assert contrast(_rgb(THEME["codeTextColor"]), _rgb(back)) >= 4.5


def test_field_borders_are_shown_and_reach_3_to_1():
    assert THEME["showWidgetBorder"] is True
    for background in ("backgroundColor", "secondaryBackgroundColor"):
        assert contrast(_rgb(THEME["borderColor"]), _rgb(THEME[background])) >= 3.0


def test_the_primary_button_and_chart_text_reach_4_5_to_1():
    assert contrast(_rgb("#ffffff"), _rgb(THEME["primaryColor"])) >= 4.5
    assert contrast(_rgb(CHART_TEXT_COLOR), _rgb("#ffffff")) >= 4.5
    assert contrast(_rgb(CHART_TEXT_COLOR), _rgb(THEME["backgroundColor"])) >= 4.5


def selected_and_hovered(primary: str) -> tuple[float, float, float]:
    """The background of a section control's selected option while hovered or keyboard-focused: the primary
    colour at 20 % over the page (Chromium, Streamlit 1.67: ``rgba(primary, 0.2)``, #cfdede under #1f6f78)."""
    return _blend(primary, THEME["backgroundColor"], 0.2)


def test_a_selected_section_reads_at_4_5_to_1_also_hovered_or_focused():
    """Its label is the primary colour; with #1f6f78 it was 4.2:1 (axe, serious: the review of 2026-12-04)."""
    assert contrast(_rgb(THEME["primaryColor"]), selected_and_hovered(THEME["primaryColor"])) >= 4.5
    assert contrast(_rgb("#1f6f78"), selected_and_hovered("#1f6f78")) < 4.5


def test_no_caption_holds_a_link():
    """A caption draws links at 60 % opacity (2.9:1 at best): sources go through ``ui.frame.small``."""
    import ast

    offenders = []
    for path in sorted((ROOT / "ui").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "caption":
                text = ast.get_source_segment(source, node) or ""
                if "sources_markdown" in text or "](" in text:
                    offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


# --- chart colours (WCAG 1.4.11 non-text contrast: a bar, point or line needed to read a chart ≥ 3:1) ----------


def test_the_chart_background_is_the_page_background():
    assert THEME["backgroundColor"] == CHART_BACKGROUND


def chart_colours() -> dict[str, str]:
    """Every colour ``ui.charts`` holds, found by looking (a constant added there is checked without a list to
    keep): "#rrggbb" strings, and tuples and dicts of them. The background and the text are checked above."""
    found: dict[str, str] = {}
    for name, value in vars(charts).items():
        if not name.isupper() or name in ("CHART_BACKGROUND", "CHART_TEXT_COLOR"):
            continue
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, tuple) else None
        if isinstance(value, str) and value.startswith("#"):
            found[name] = value
        elif items is not None:
            found.update({f"{name}[{k}]": v for k, v in items if isinstance(v, str) and v.startswith("#")})
    return found


def test_the_colour_search_finds_every_kind_of_chart_colour():
    found = chart_colours()
    assert {"BAR_COLOUR", "TODAY_COLOUR", "SERIES_COLOURS[0]", "STATUS_COLOURS[not_reached]"} <= set(found)
    assert len(found) >= 25


@pytest.mark.parametrize(("name", "colour"), sorted(chart_colours().items()))
def test_every_chart_colour_reaches_3_to_1_against_the_chart_background(name, colour):
    assert contrast(_rgb(colour), _rgb(CHART_BACKGROUND)) >= 3.0, f"{name} = {colour}"


def test_the_check_refuses_the_colours_the_review_measured():
    """The old colours (review M7) fail the same check: it would catch one put back."""
    for old in ("#9e9e9e", "#bdbdbd", "#81b29a", "#e07a5f", "#f2cc8f", "#c9b8e8"):
        assert contrast(_rgb(old), _rgb(CHART_BACKGROUND)) < 3.0, old


@pytest.mark.parametrize("status", sorted(STATUS_COLOURS))
def test_status_text_on_a_timeline_window_reaches_4_5_to_1(status):
    """A window is a light tint of its status colour with the status written on it in the chart text colour."""
    fill = _blend(STATUS_COLOURS[status], CHART_BACKGROUND, WINDOW_FILL_OPACITY)
    assert contrast(_rgb(CHART_TEXT_COLOR), fill) >= 4.5


def test_no_ui_module_draws_a_colour_of_its_own():
    """Every colour a chart draws comes from ``ui.charts`` (and so is checked above): no hex colour elsewhere
    in ``ui/``, and no ``opacity`` that would fade a checked colour."""
    import re

    pattern = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|rgba?\(|\bopacity\s*=")
    offenders = [
        f"{path.name}:{number}"
        for path in sorted((ROOT / "ui").glob("*.py"))
        if path.name != "charts.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line.split("# ")[0])
    ]
    assert offenders == []
