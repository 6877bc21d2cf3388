"""A cover letter for one application: a first version from the tracker activity and a CV version, which
the person then edits (the letter is theirs). The first version never mentions an absence or health: it
says what the person can do. What the person writes themselves is kept as typed.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from spoor2.applying.cv import CV
from spoor2.errors import InvalidInput
from spoor2.i18n import format_date, t
from spoor2.model import Model
from spoor2.render.text import multi_line, one_line
from spoor2.tracker.activities import Activity

MAX_LETTER_CHARS = 20_000
#: How many skills the first version names.
TOP_SKILLS = 3


def _join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t(lang, 'applying.letter.and')} {items[-1]}"


def suggest_letter(activity: Activity, cv: CV | None, lang: str, today: date) -> str:
    """The first version of the letter, in ``lang`` (the CV's language): organisation, role and contact person
    from the activity; profile and top skills from the CV. Plain text the person edits."""
    key = "applying.letter.text"
    role = activity.role or t(lang, f"{key}.this_role")
    greeting = (
        t(lang, f"{key}.greeting_named", name=activity.contact_person)
        if activity.contact_person
        else t(lang, f"{key}.greeting")
    )
    parts = [
        format_date(today, lang),
        greeting,
        t(lang, f"{key}.opening", role=role, organisation=activity.organisation),
    ]
    if cv is not None and cv.profile:
        parts.append(cv.profile)
    if cv is not None and cv.skills:
        parts.append(t(lang, f"{key}.skills", skills=_join(list(cv.skills[:TOP_SKILLS]), lang)))
    parts += [t(lang, f"{key}.closing", organisation=activity.organisation), t(lang, f"{key}.sign_off")]
    name = cv.personal.name if cv is not None else ""
    if name:
        parts[-1] += f"\n{name}"
    return "\n\n".join(parts)


def check_letter(value: object) -> str:
    """The letter as typed (line breaks kept, invisible controls gone); empty or too long is refused."""
    text = multi_line("" if value is None else str(value)).strip("\n")
    if not text.strip():
        raise InvalidInput("applying.error.empty_letter")
    if len(text) > MAX_LETTER_CHARS:
        raise InvalidInput("applying.error.too_long", start=one_line(text[:30]), maximum=MAX_LETTER_CHARS)
    return text


class Application(Model):
    """What an application adds to a tracker activity: the CV version sent, the letter, the interview notes."""

    activity_id: str
    cv_version_id: str | None = None
    letter: str = ""
    letter_lang: Literal["en", "nl"] | None = None
    interview_notes: str = ""
    updated_at: str = ""
