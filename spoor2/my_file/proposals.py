"""My proposals: what I proposed to my employer (or the company doctor, the agency), and the answer I got.

Pure rules: no Streamlit, no SQL (that lives in ``spoor2/store/my_file.py``). The employer must respond
to the employee's own proposals and may refuse them only with reasons (Beleidsregels beoordelingskader
poortwachter § 9, sources ``mf_bk_9_proposal``, ``mf_bk_9_specified``); a proposal that points to work
that uses my abilities better changes how UWV weighs a result (§ 3, ``mf_bk_3``).

How long a proposal may stay unanswered before the portal flags it is the *portal's reminder period*
(``proposal_answer_days`` in ``content/my_file/parameters.yaml``), not a legal term.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal, get_args

from pydantic import Field

from spoor2.dates import anniversary
from spoor2.errors import InvalidInput
from spoor2.model import IsoDate, Model

ToWhom = Literal["employer", "company_doctor", "agency", "other"]
Kind = Literal["task_or_job", "training", "other_agency", "adapted_hours", "other"]
YesNo = Literal["yes", "no"]
Answer = Literal["none", "accepted", "refused", "partly"]
ReasonsGiven = Literal["yes", "no", "unknown"]

TO_WHOM: tuple[str, ...] = get_args(ToWhom)
KINDS: tuple[str, ...] = get_args(Kind)
YES_NO: tuple[str, ...] = get_args(YesNo)
ANSWERS: tuple[str, ...] = get_args(Answer)
REASONS: tuple[str, ...] = get_args(ReasonsGiven)

MAX_WHAT_CHARS = 5_000
MAX_ANSWER_TEXT_CHARS = 5_000
MAX_LINKS = 50
#: how far back a proposal may be dated (the whole sickness, with room for an earlier period)
YEARS_BACK = 5
SOURCES: tuple[str, ...] = ("mf_bk_9_proposal", "mf_bk_9_specified", "mf_bk_3")


class Proposal(Model):
    """One proposal of mine and the answer to it. Texts are the person's own, kept as typed (stripped)."""

    id: str = Field(min_length=1, max_length=64)
    made_on: IsoDate
    to_whom: ToWhom
    kind: Kind
    what: str
    in_writing: YesNo = "yes"
    answer: Answer = "none"
    answered_on: IsoDate | None = None
    answer_text: str = ""
    reasons_given: ReasonsGiven = "unknown"
    activity_ids: tuple[str, ...] = ()
    document_ids: tuple[str, ...] = ()


def check_proposal(proposal: Proposal, as_of: date, *, documents: tuple[str, ...] = ()) -> None:
    """Refuse a proposal that cannot be right, with a message in the person's language.

    ``documents`` are the known document-checklist ids (``spoor2.questions.bank.document_ids``).
    """
    if not proposal.what.strip():
        raise InvalidInput("my_file.error.what_empty")
    if len(proposal.what) > MAX_WHAT_CHARS:
        raise InvalidInput("my_file.error.what_too_long", maximum=MAX_WHAT_CHARS)
    if len(proposal.answer_text) > MAX_ANSWER_TEXT_CHARS:
        raise InvalidInput("my_file.error.answer_text_too_long", maximum=MAX_ANSWER_TEXT_CHARS)
    if proposal.made_on > as_of:
        raise InvalidInput("my_file.error.made_in_future")
    if proposal.made_on < anniversary(as_of, -YEARS_BACK):
        raise InvalidInput("my_file.error.made_too_early", years=YEARS_BACK)
    _check_answer(proposal, as_of)
    if len(proposal.activity_ids) > MAX_LINKS or len(proposal.document_ids) > MAX_LINKS:
        raise InvalidInput("my_file.error.too_many_links", maximum=MAX_LINKS)
    unknown = [doc for doc in proposal.document_ids if documents and doc not in documents]
    if unknown:
        raise InvalidInput("my_file.error.unknown_document", document=unknown[0])


def _check_answer(proposal: Proposal, as_of: date) -> None:
    if proposal.answer == "none":
        if proposal.answered_on is not None:
            raise InvalidInput("my_file.error.date_without_answer")
        return
    if proposal.answered_on is None:
        raise InvalidInput("my_file.error.answer_date_missing")
    if proposal.answered_on < proposal.made_on:
        raise InvalidInput("my_file.error.answer_before_proposal")
    if proposal.answered_on > as_of:
        raise InvalidInput("my_file.error.answer_in_future")


def clean(proposal: Proposal) -> Proposal:
    """The proposal with its texts stripped and its links without doubles (order kept)."""
    return proposal.model_copy(
        update={
            "what": proposal.what.strip(),
            "answer_text": proposal.answer_text.strip(),
            "activity_ids": tuple(dict.fromkeys(proposal.activity_ids)),
            "document_ids": tuple(dict.fromkeys(proposal.document_ids)),
        }
    )


def answer_due(proposal: Proposal, days: int) -> date:
    """The last day of the reminder period: after it an unanswered proposal is flagged."""
    return proposal.made_on + timedelta(days=days)


def is_unanswered_too_long(proposal: Proposal, as_of: date, days: int) -> bool:
    """No answer yet and more than ``days`` days since the proposal (day ``made_on + days`` is not flagged)."""
    return proposal.answer == "none" and as_of > answer_due(proposal, days)


def unanswered_too_long(proposals: tuple[Proposal, ...], as_of: date, days: int) -> tuple[Proposal, ...]:
    """The proposals flagged on ``as_of``, oldest first."""
    return tuple(sorted((p for p in proposals if is_unanswered_too_long(p, as_of, days)), key=lambda p: p.made_on))


def refused_without_reasons(proposal: Proposal) -> bool:
    """Refused (or only partly accepted) and no reasons given: § 9 asks the employer to give them."""
    return proposal.answer in ("refused", "partly") and proposal.reasons_given == "no"
