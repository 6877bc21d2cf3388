"""Interview preparation: stories in the STAR shape (situation, task, action, result) from the person's own
experience, common questions to practise (texts in ``content/<lang>/ui/applying.yaml``), and notes per
interview (kept with the tracker activity, see :mod:`spoor2.store.applying`).

>>> check_story({"title": " Busy week ", "situation": "Two colleagues were ill", "action": "I planned"}).title
'Busy week'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from spoor2.applying.cv import CV
from spoor2.errors import InvalidInput
from spoor2.i18n import t
from spoor2.model import Model
from spoor2.render.text import multi_line, one_line

STAR_PARTS: tuple[str, ...] = ("situation", "task", "action", "result")
MAX_TITLE_CHARS = 200
MAX_PART_CHARS = 3_000
MAX_NOTES_CHARS = 10_000
#: The questions to practise, in order; their texts and tips are ``applying.interviews.q.<id>``. The
#: question about the absence or the gap points to "Talking about my absence" on /routes.
QUESTION_IDS: tuple[str, ...] = (
    "about_you",
    "why_this_job",
    "strengths",
    "weaknesses",
    "gap",
    "why_leave",
    "example_problem",
    "teamwork",
    "hours",
    "your_questions",
)
ABSENCE_QUESTIONS = frozenset({"gap", "why_leave"})


class Story(Model):
    id: str
    title: str
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    updated_at: str = ""


def _part(value: object) -> str:
    text = multi_line("" if value is None else str(value)).strip()
    if len(text) > MAX_PART_CHARS:
        raise InvalidInput("applying.error.too_long", start=one_line(text[:30]), maximum=MAX_PART_CHARS)
    return text


def check_story(raw: Mapping[str, Any], story_id: str = "new") -> Story:
    """A story from what was typed: a title and at least one part; nothing is saved when a rule fails."""
    title = one_line(str(raw.get("title") or "")).strip()
    if not title:
        raise InvalidInput("applying.error.story_needs_title")
    if len(title) > MAX_TITLE_CHARS:
        raise InvalidInput("applying.error.too_long", start=title[:30], maximum=MAX_TITLE_CHARS)
    parts = {part: _part(raw.get(part)) for part in STAR_PARTS}
    if not any(parts.values()):
        raise InvalidInput("applying.error.story_needs_a_part")
    return Story(id=story_id, title=title, **parts)


def check_notes(value: object) -> str:
    text = multi_line("" if value is None else str(value)).strip()
    if len(text) > MAX_NOTES_CHARS:
        raise InvalidInput("applying.error.too_long", start=one_line(text[:30]), maximum=MAX_NOTES_CHARS)
    return text


def story_prompts(cv: CV | None, strengths: Iterable[str], lang: str) -> list[str]:
    """Titles to start a story from: one per job of the CV and one per strength of the orientation.

    >>> from spoor2.applying.cv import Job
    >>> story_prompts(CV(jobs=(Job(role="Planner", employer="Acme", start="2020-01"),)), ["Structure"], "en")
    ['What went well as Planner at Acme', 'A time I showed: Structure']
    """
    prompts: list[str] = []
    for job in cv.jobs if cv is not None else ():
        where = " ".join(
            part
            for part in (job.role, t(lang, "applying.interviews.at") if job.role and job.employer else "", job.employer)
            if part
        )
        prompts.append(t(lang, "applying.interviews.prompt_job", job=where))
    prompts.extend(t(lang, "applying.interviews.prompt_strength", strength=s) for s in strengths)
    return list(dict.fromkeys(prompts))
