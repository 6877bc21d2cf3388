"""Orientation results in plain language, and as Markdown and PDF for a talk with the coach.

One :class:`~spoor2.render.document.Document` feeds both formats, so the two documents always say
the same thing. User-typed text (the edited search profile) is escaped in Markdown and printed as
typed in PDF.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

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
from spoor2.render.document import Block, BulletList, Document, Heading, Item, Paragraph, UserText


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


def score_texts(questionnaire_id: str, result: Result, lang: str) -> list[tuple[str, str]]:
    """``(part, "2.8 / 5")`` for every scored part, or "not enough answers": the export's lines and the
    table beside the page's score chart."""
    return [
        (
            dimension_name(lang, questionnaire_id, score.dimension),
            f"{score.mean:.1f} / 5" if score.mean is not None else t(lang, "orientation.result.not_enough"),
        )
        for score in result.scores
    ]


def _blocks_for(questionnaire_id: str, saved: SavedResult | None, lang: str) -> list[Block]:
    texts = load_texts(lang, questionnaire_id)
    blocks: list[Block] = [Heading(str(texts["title"]), level=2)]
    if saved is None:
        return [*blocks, Paragraph(t(lang, "orientation.export.not_done"))]
    result = saved.result
    blocks.append(Heading(t(lang, "orientation.result.title", date=format_date(saved.completed_on, lang)), level=3))
    blocks.extend(Paragraph(line) for line in summary_lines(result, lang))
    scores = [Item(f"{name}: {value}") for name, value in score_texts(questionnaire_id, result, lang)]
    if scores:
        blocks.append(BulletList(tuple(scores)))
    if questionnaire_id == "interests" and result.holland_code:
        _, source_id = load_occupations()
        names = occupation_names(lang)
        blocks.append(Heading(t(lang, "orientation.result.occupations_title"), level=3))
        occupations = example_occupations(result.holland_code)
        if occupations:
            blocks.append(BulletList(tuple(Item(f"{names[o.id]} ({o.holland})") for o in occupations)))
        blocks.append(
            Paragraph(
                t(lang, "orientation.result.occupations_note", source=t(lang, "orientation.result.occupations_source"))
                + f" {get_source(source_id).title}."
            )
        )
    if questionnaire_id == "capacity":
        blocks.append(Heading(t(lang, "orientation.result.profile_title"), level=3))
        labels = texts["profile"]
        fields = profile_fields(saved, lang).items()
        blocks.append(BulletList(tuple(Item((f"{labels[f]}: ", UserText(text or "—"))) for f, text in fields)))
    if questionnaire_id == "obstacles":
        marked = obstacles_in_the_way(result)
        if marked:
            blocks.append(Heading(t(lang, "orientation.result.obstacles_title"), level=3))
        for obstacle in marked:
            level = t(lang, f"orientation.result.level.{obstacle.level}")
            blocks.append(BulletList((Item(f"{texts['items'][obstacle.item]} ({level})"),)))
            links = " ".join(obstacle.links)
            blocks.append(Paragraph(f"{texts['pointers'][obstacle.item]} {links}".strip()))
    return blocks


def export_document(results: Mapping[str, SavedResult | None], lang: str, made_on: date) -> Document:
    """The latest result of every questionnaire (or that it is not done yet), in one document."""
    title = t(lang, "orientation.export.document_title")
    blocks: list[Block] = [
        Heading(title),
        Paragraph(t(lang, "orientation.export.made_on", date=format_date(made_on, lang))),
    ]
    for questionnaire_id in QUESTIONNAIRE_IDS:
        blocks.extend(_blocks_for(questionnaire_id, results.get(questionnaire_id), lang))
    return Document(title, tuple(blocks))


def to_markdown(results: Mapping[str, SavedResult | None], lang: str, made_on: date) -> str:
    """The latest results as a Markdown document (UTF-8 text)."""
    return export_document(results, lang, made_on).to_markdown()


def to_pdf(results: Mapping[str, SavedResult | None], lang: str, made_on: date) -> bytes:
    """The latest results as a PDF (Unicode font: Dutch characters print)."""
    return export_document(results, lang, made_on).to_pdf()
