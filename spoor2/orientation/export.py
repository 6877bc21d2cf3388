"""Orientation results in plain language, and as Markdown and PDF for a talk with the coach.

One list of blocks feeds both formats, so the two documents always say the same thing.
User-typed text (the edited search profile) is escaped in Markdown and printed as plain text in PDF.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from spoor2.i18n import format_date, t
from spoor2.legal.sources import get_source
from spoor2.orientation.questionnaires import (
    QUESTIONNAIRE_IDS,
    Result,
    SavedResult,
    dimension_name,
    draft_search_profile,
    example_occupations,
    load_occupations,
    load_questionnaire,
    load_texts,
    obstacles_in_the_way,
    occupation_names,
)
from spoor2.render import pdf as pdfdoc

BlockKind = Literal["h1", "h2", "h3", "p", "li", "user"]


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str


def _names(lang: str, questionnaire_id: str, dimensions: tuple[str, ...] | list[str]) -> str:
    return ", ".join(dimension_name(lang, questionnaire_id, d) for d in dimensions)


def summary_lines(result: Result, lang: str) -> list[str]:
    """A plain-language summary (Markdown, our own texts only), framed as reflection."""
    q = load_questionnaire(result.questionnaire)
    lines = [t(lang, "orientation.result.answered", answered=result.answered, total=result.total)]
    if q.kind == "likert":
        if result.questionnaire == "interests":
            if result.holland_code:
                lines.append(
                    t(
                        lang,
                        "orientation.result.code",
                        code=result.holland_code,
                        names=_names(lang, q.id, list(result.holland_code)),
                    )
                )
                for group in result.ties:
                    lines.append(t(lang, "orientation.result.tie", types=" / ".join(group)))
            else:
                lines.append(t(lang, "orientation.result.no_code"))
        elif result.top:
            lines.append(t(lang, "orientation.result.values_top", names=_names(lang, q.id, result.top)))
            if result.bottom:
                lines.append(t(lang, "orientation.result.values_bottom", names=_names(lang, q.id, result.bottom)))
        if result.flat:
            lines.append(t(lang, "orientation.result.flat"))
        missing = [s.dimension for s in result.scores if not s.enough]
        if missing:
            lines.append(
                t(
                    lang,
                    "orientation.result.not_enough_note",
                    names=_names(lang, q.id, missing),
                    needed=q.min_answers,
                )
            )
    if q.kind == "obstacles" and not obstacles_in_the_way(result):
        lines.append(t(lang, "orientation.result.obstacles_none"))
    lines.append(t(lang, "orientation.result.reflection"))
    return lines


def profile_fields(saved: SavedResult, lang: str) -> dict[str, str]:
    """The search profile to show: the user's saved edits, else the draft from the answers."""
    if saved.profile:
        return dict(saved.profile)
    return {f.field: f.text for f in draft_search_profile(saved.answers, lang)}


def _blocks_for(questionnaire_id: str, saved: SavedResult | None, lang: str) -> list[Block]:
    texts = load_texts(lang, questionnaire_id)
    blocks = [Block("h2", str(texts["title"]))]
    if saved is None:
        return [*blocks, Block("p", t(lang, "orientation.export.not_done"))]
    result = saved.result
    blocks.append(Block("h3", t(lang, "orientation.result.title", date=format_date(saved.completed_on, lang))))
    blocks.extend(Block("p", line) for line in summary_lines(result, lang))
    for score in result.scores:
        name = dimension_name(lang, questionnaire_id, score.dimension)
        value = f"{score.mean:.1f} / 5" if score.mean is not None else t(lang, "orientation.result.not_enough")
        blocks.append(Block("li", f"{name}: {value}"))
    if questionnaire_id == "interests" and result.holland_code:
        _, source_id = load_occupations()
        names = occupation_names(lang)
        blocks.append(Block("h3", t(lang, "orientation.result.occupations_title")))
        for occupation in example_occupations(result.holland_code):
            blocks.append(Block("li", f"{names[occupation.id]} ({occupation.holland})"))
        blocks.append(
            Block(
                "p",
                t(lang, "orientation.result.occupations_note", source=t(lang, "orientation.result.occupations_source"))
                + f" {get_source(source_id).title}.",
            )
        )
    if questionnaire_id == "capacity":
        blocks.append(Block("h3", t(lang, "orientation.result.profile_title")))
        labels = texts["profile"]
        for field, text in profile_fields(saved, lang).items():
            blocks.append(Block("user", f"{labels[field]}: {text or '—'}"))
    if questionnaire_id == "obstacles":
        marked = obstacles_in_the_way(result)
        if marked:
            blocks.append(Block("h3", t(lang, "orientation.result.obstacles_title")))
        for obstacle in marked:
            level = t(lang, f"orientation.result.level.{obstacle.level}")
            blocks.append(Block("li", f"{texts['items'][obstacle.item]} ({level})"))
            links = " ".join(obstacle.links)
            blocks.append(Block("p", f"{texts['pointers'][obstacle.item]} {links}".strip()))
    return blocks


def export_blocks(results: Mapping[str, SavedResult | None], lang: str, made_on: date) -> list[Block]:
    blocks = [
        Block("h1", t(lang, "orientation.export.document_title")),
        Block("p", t(lang, "orientation.export.made_on", date=format_date(made_on, lang))),
    ]
    for questionnaire_id in QUESTIONNAIRE_IDS:
        blocks.extend(_blocks_for(questionnaire_id, results.get(questionnaire_id), lang))
    return blocks


def _md_escape(value: str) -> str:
    out = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\`*_{}[]()#+-.!|~$":
        out = out.replace(char, "\\" + char)
    return out


def to_markdown(results: Mapping[str, SavedResult | None], lang: str, made_on: date) -> str:
    """The latest results as a Markdown document (UTF-8 text)."""
    out: list[str] = []
    for block in export_blocks(results, lang, made_on):
        if block.kind == "h1":
            out.append(f"# {block.text}\n")
        elif block.kind == "h2":
            out.append(f"\n## {block.text}\n")
        elif block.kind == "h3":
            out.append(f"\n### {block.text}\n")
        elif block.kind == "li":
            out.append(f"- {block.text}")
        elif block.kind == "user":
            label, _, text = block.text.partition(": ")
            out.append(f"- {label}: {_md_escape(text)}")
        else:
            out.append(f"\n{block.text}\n")
    document = "\n".join(out).strip() + "\n"
    return re.sub(r"\n{3,}", "\n\n", document)


def _plain(text: str) -> str:
    return text.replace("**", "").replace("*", "")


def to_pdf(results: Mapping[str, SavedResult | None], lang: str, made_on: date) -> bytes:
    """The latest results as a PDF (Unicode font: Dutch characters print)."""
    blocks = export_blocks(results, lang, made_on)
    document = pdfdoc.new_document(blocks[0].text)
    for block in blocks:
        if block.kind == "h1":
            pdfdoc.heading(document, block.text, 16)
        elif block.kind == "h2":
            document.ln(2)
            pdfdoc.heading(document, block.text, 14)
        elif block.kind == "h3":
            pdfdoc.heading(document, _plain(block.text), 12)
        elif block.kind in ("li", "user"):
            pdfdoc.paragraph(document, "• " + (block.text if block.kind == "user" else _plain(block.text)))
        else:
            pdfdoc.paragraph(document, _plain(block.text))
    return pdfdoc.to_bytes(document)
