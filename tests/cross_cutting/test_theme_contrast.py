"""The theme passes WCAG 2.1 AA contrast: text and captions (1.4.3), field borders (1.4.11), chart text.

Streamlit draws a caption in ``textColor`` at 60 % opacity, so the caption colour is that blend on each
background; the sidebar uses ``secondaryBackgroundColor``.
"""

from __future__ import annotations

import tomllib

import pytest

from tests.conftest import ROOT
from ui.charts import CHART_TEXT_COLOR

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
