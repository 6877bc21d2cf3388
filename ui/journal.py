"""The sections of /journal: check-in, my check-ins, what activities cost, my pattern, plan and capacity,
the typical day for the doctor.

Every widget value is kept by the frame (:func:`ui.frame.kept_field`, :func:`ui.frame.id_choice`): a choice
is an id, a language switch changes words only. Buttons act in callbacks; their messages go through
:func:`ui.frame.flash`. The rules (days, spreads, recovery, the capacity rule, the typical day) live in
``spoor2.journal``; this module only shows them.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from spoor2.errors import Spoor2Error
from spoor2.i18n import LANG_NAMES, LANGS, format_date, t
from spoor2.journal import export as journal_io
from spoor2.journal.entries import (
    AFTER_VALUES,
    MAX_HOURS,
    MAX_NOTE_CHARS,
    MAX_REST_MOMENTS,
    MAX_SHORT_CHARS,
    PARTS,
    SCALE_MAX,
    TYPED_KINDS,
    ActivityCost,
    CheckIn,
    check_in_from_values,
    cost_from_values,
)
from spoor2.journal.pattern import (
    BASELINE_DAYS,
    CAPACITY_WEEKS,
    DEFAULT_APPOINTMENT_HOURS,
    HEAVY_LOAD,
    MIN_BASELINE_DAYS,
    MIN_CAPACITY_WEEKS,
    MIN_DAYS_PER_WEEK,
    RECOVERY_WINDOW,
    Day,
    capacity_check,
    days_of,
    first_capacity_day,
    first_day_needed,
    in_period,
    pattern_of,
    planned_hours,
    share_below,
    week_start,
    weekday_energy,
)
from spoor2.journal.typical_day import (
    MAX_TEXT_CHARS,
    SOURCES,
    check_typical_text,
    number,
    typical_day_document,
    typical_day_text,
)
from spoor2.store import journal as repo
from spoor2.store import questions as questions_repo
from spoor2.store import tracker as tracker_repo
from ui.charts import ENERGY_COLOUR, LOAD_COLOUR, chart_table, month_ticks, plotly_chart
from ui.frame import (
    chosen,
    entered,
    fdate,
    flash,
    flash_error,
    forget_choice,
    get_store,
    id_choice,
    kept_field,
    lang,
    set_choice,
    small,
    sources_markdown,
    tr,
    user_text,
)

SECTIONS = ("check_in", "entries", "costs", "pattern", "capacity", "typical")
_SCALE = list(range(SCALE_MAX + 1))
_NUMBER_FIELDS = ("active_hours", "rest_hours", "rest_moments", "longest_stretch")
_TEXT_FIELDS = ("could", "could_not", "note")
_SCORE_FIELDS = ("energy", "physical", "mental", "emotional")
_FORM = tuple(f"jr_{name}" for name in (*_SCORE_FIELDS, *_NUMBER_FIELDS, *_TEXT_FIELDS))
#: this many check-ins are listed on a page (the first page: the newest); the download holds them all
SHOWN_ENTRIES = 60
PERIOD_WEEKS = (4, 8, 12, 26)


def _run(action, notice: str | None = None) -> bool:  # type: ignore[no-untyped-def]
    try:
        action()
    except Spoor2Error as error:
        flash_error(error)
        return False
    if notice:
        flash("success", notice)
    return True


@lru_cache(maxsize=4096)
def _date_text(day: date, language: str, fmt: str) -> str:
    """A day as :func:`ui.frame.fdate` writes it, cached: a list or a table of days formats up to a thousand of
    them on every rerun (Babel takes a third of a millisecond each: issue 19)."""
    return format_date(day, language, fmt)


def intro() -> None:
    st.write(tr("journal.intro"))
    st.caption(tr("journal.skip"))
    with st.expander(tr("journal.privacy_title"), icon=":material/lock:"):
        st.markdown(tr("journal.privacy"))
        small(tr("journal.sources", links=sources_markdown(("rights_ap_policy_rules", *SOURCES[:1]))))


def section() -> str:
    """The section the person is in (kept: it survives reruns and language switches)."""
    st.write("")
    return (
        id_choice(
            st.segmented_control,
            tr("journal.sections.check_in"),
            SECTIONS,
            key="jr_section",
            format_func={s: tr(f"journal.sections.{s}") for s in SECTIONS}.__getitem__,
            default="check_in",
            label_visibility="collapsed",
        )
        or "check_in"
    )


# --- check-in ----------------------------------------------------------------------------------------
# format_func gets plain dict lookups (no closure over the session), so labels stay in the page language.


def _part_label(part: str) -> str:
    return tr(f"journal.part.{part}")


def _clear_check_in() -> None:
    for key in (*_FORM, "jr_day", "jr_part"):
        forget_choice(key)


def on_save_check_in(today: date) -> None:
    values: dict[str, object] = {"day": entered("jr_day", today), "part": chosen("jr_part", "day", PARTS)}
    for name in _SCORE_FIELDS:
        values[name] = chosen(f"jr_{name}", None, _SCALE)
    for name in (*_NUMBER_FIELDS, *_TEXT_FIELDS):
        values[name] = entered(f"jr_{name}")
    try:
        entry = check_in_from_values(values, today)
        new = repo.save_entry(get_store(), entry)
    except Spoor2Error as error:
        flash_error(error)
        return
    _clear_check_in()
    key = "journal.check_in.saved" if new else "journal.check_in.changed"
    flash("success", tr(key, date=fdate(entry.day), part=_part_label(entry.part)))


def on_edit(entry: CheckIn) -> None:
    """Put a saved check-in into the form (saving it changes that check-in)."""
    set_choice("jr_day", entry.day)
    set_choice("jr_part", entry.part)
    for name in (*_SCORE_FIELDS, *_NUMBER_FIELDS, *_TEXT_FIELDS):
        set_choice(f"jr_{name}", getattr(entry, name) if getattr(entry, name) != "" else None)
        st.session_state.pop(f"jr_{name}", None)
    for key in ("jr_day", "jr_part"):
        st.session_state.pop(key, None)
    set_choice("jr_section", "check_in")


def _score(name: str) -> None:
    id_choice(
        st.segmented_control,
        tr(f"journal.field.{name}"),
        _SCALE,
        key=f"jr_{name}",
        format_func=str,
        default=None,
    )


def check_in(today: date) -> None:
    st.header(tr("journal.check_in.title"), anchor=False)
    cols = st.columns(2)
    day = kept_field(
        cols[0].date_input, tr("journal.field.day"), key="jr_day", default=today, max_value=today, format="DD-MM-YYYY"
    )
    part = (
        id_choice(
            cols[1].segmented_control,
            tr("journal.field.part"),
            PARTS,
            key="jr_part",
            format_func={p: _part_label(p) for p in PARTS}.__getitem__,
            default="day",
        )
        or "day"
    )
    if isinstance(day, date) and repo.get_entry(get_store(), day, part) is not None:
        st.info(tr("journal.check_in.existing", date=fdate(day), part=_part_label(part)), icon=":material/edit:")
    _score("energy")
    st.caption(tr("journal.help.load"))
    for name in ("physical", "mental", "emotional"):
        _score(name)
    cols = st.columns(4)
    for col, name in zip(cols, _NUMBER_FIELDS, strict=True):
        whole = name == "rest_moments"
        kept_field(
            col.number_input,
            tr(f"journal.field.{name}"),
            key=f"jr_{name}",
            default=None,
            min_value=0 if whole else 0.0,
            max_value=MAX_REST_MOMENTS if whole else float(MAX_HOURS),
            step=1 if whole else 0.25,
            help=tr("journal.help.rest_moments") if whole else tr("journal.help.hours"),
        )
    cols = st.columns(2)
    kept_field(cols[0].text_input, tr("journal.field.could"), key="jr_could", default="", max_chars=MAX_SHORT_CHARS)
    kept_field(
        cols[1].text_input, tr("journal.field.could_not"), key="jr_could_not", default="", max_chars=MAX_SHORT_CHARS
    )
    kept_field(st.text_area, tr("journal.field.note"), key="jr_note", default="", max_chars=MAX_NOTE_CHARS, height=80)
    st.button(tr("journal.check_in.save"), key="jr_save", type="primary", on_click=on_save_check_in, args=(today,))


# --- my check-ins ---------------------------------------------------------------------------------------


def on_delete_entry(entry: CheckIn) -> None:
    confirm = f"jr_del_ok_{entry.day.isoformat()}_{entry.part}"
    if not st.session_state.get(confirm):
        flash("warning", tr("journal.entries.delete_ask"))
        return
    st.session_state[confirm] = False
    _run(lambda: repo.delete_entry(get_store(), entry.day, entry.part), tr("journal.entries.deleted"))


def _entry_lines(entry: CheckIn, language: str) -> list[str]:
    say = lambda key, **params: t(language, f"journal.entries.{key}", **params)  # noqa: E731
    lines = []
    if entry.energy is not None:
        lines.append(say("energy", value=entry.energy))
    if entry.load is not None:
        lines.append(say("load", value=entry.load))
    if entry.active_hours is not None or entry.rest_hours is not None:
        active, rest = (number(v, language) if v is not None else "—" for v in (entry.active_hours, entry.rest_hours))
        lines.append(say("hours", active=active, rest=rest))
    if entry.rest_moments is not None:
        lines.append(say("moments", value=entry.rest_moments))
    if entry.longest_stretch is not None:
        lines.append(say("stretch", value=number(entry.longest_stretch, language)))
    return lines


def _card_words() -> dict[str, str]:
    """The words every card shares (its buttons, headings, parts of the day), looked up once per list."""
    shared = {name: tr(f"journal.entries.{name}") for name in ("edit", "delete_confirm", "delete", *_TEXT_FIELDS)}
    return shared | {part: _part_label(part) for part in PARTS}


def _entry_card(entry: CheckIn, language: str, words: dict[str, str]) -> None:
    ident = f"{entry.day.isoformat()}_{entry.part}"
    label = t(language, "journal.entries.label", date=_date_text(entry.day, language, "long"), part=words[entry.part])
    with st.expander(label, key=f"jr_exp_{ident}"):
        lines = _entry_lines(entry, language)
        if lines:  # one element, a paragraph per line (an element per line cost a page of 60 cards dearly: issue 19)
            st.markdown("\n\n".join(lines))
        for name in _TEXT_FIELDS:
            if getattr(entry, name):
                st.caption(words[name])
                user_text(getattr(entry, name))
        cols = st.columns(3)
        cols[0].button(words["edit"], key=f"jr_edit_{ident}", on_click=on_edit, args=(entry,))
        cols[1].checkbox(words["delete_confirm"], key=f"jr_del_ok_{ident}")
        cols[2].button(
            words["delete"],
            key=f"jr_del_{ident}",
            on_click=on_delete_entry,
            args=(entry,),
            type="tertiary",
        )


def _entries_page(total: int) -> int:
    """The page of check-ins the person is on (1: the newest); kept, and within the pages there are now."""
    pages = max(1, -(-total // SHOWN_ENTRIES))
    if pages == 1:
        forget_choice("jr_page")
        return 1
    kept = int(chosen("jr_page", 1) or 1)
    if not 1 <= kept <= pages:  # fewer pages than when it was chosen (check-ins deleted)
        set_choice("jr_page", min(max(1, kept), pages))
    page = kept_field(st.number_input, tr("journal.entries.page"), key="jr_page", default=1, min_value=1,
                      max_value=pages, step=1)  # fmt: skip
    return min(max(1, int(page or 1)), pages)


def entries_list() -> None:
    st.header(tr("journal.entries.title"), anchor=False)
    store = get_store()
    total = repo.count_entries(store)  # one page is read, not every check-in (issue 19)
    if not total:
        st.info(tr("journal.entries.none"))
        return
    page = _entries_page(total)
    offset = (page - 1) * SHOWN_ENTRIES
    shown = repo.newest_entries(store, SHOWN_ENTRIES, offset)
    if page == 1:
        st.caption(tr("journal.entries.shown", count=len(shown), total=total))
    else:
        st.caption(tr("journal.entries.shown_page", first=offset + 1, last=offset + len(shown), total=total))
    language, words = lang(), _card_words()
    for entry in shown:
        _entry_card(entry, language, words)
    st.download_button(
        tr("journal.entries.download_csv"),
        # every check-in, read and made when clicked (outside the script), not on every rerun
        data=lambda: journal_io.to_csv(repo.entries(store), language),
        file_name=f"{tr('journal.entries.file')}.csv",
        mime="text/csv",
        key="jr_dl_csv",
        on_click="ignore",
    )


# --- what activities cost -------------------------------------------------------------------------------

_TYPED = "typed"


def _activity_options(today: date) -> dict[str, tuple[str, date, str, str]]:
    """id -> (source, date, label, kind) of the tracker activities and meetings of the last half year."""
    store = get_store()
    since = today - timedelta(days=183)
    options: dict[str, tuple[str, date, str, str]] = {}
    for activity in reversed(list(tracker_repo.iter_activities(store))):
        if since <= activity.activity_date <= today:
            kind = tr(f"tracker.type.{activity.type}")
            label = tr(
                "journal.costs.tracker",
                date=fdate(activity.activity_date, "medium"),
                type=kind,
                organisation=activity.organisation,
            )
            options[activity.id] = ("tracker", activity.activity_date, label, activity.type)
    for meeting in questions_repo.meetings(store):
        if since <= meeting.on <= today:
            label = tr("journal.costs.meeting", date=fdate(meeting.on, "medium"), with_whom=meeting.with_whom)
            options[meeting.id] = ("meeting", meeting.on, label, "meeting")
    return options


_COST_FORM = (
    "jr_cost_heavy",
    "jr_cost_hours",
    "jr_cost_next",
    "jr_cost_after",
    "jr_cost_note",
    "jr_cost_label",
    "jr_cost_kind",
    "jr_cost_on",
)


def on_save_cost(options: dict[str, tuple[str, date, str, str]], today: date) -> None:
    picked = chosen("jr_cost_pick", None, (*options, _TYPED))
    values: dict[str, object] = {
        "hours": entered("jr_cost_hours"),
        "heaviness": chosen("jr_cost_heavy", None, _SCALE),
        "next_day": chosen("jr_cost_next", None, AFTER_VALUES),
        "day_after": chosen("jr_cost_after", None, AFTER_VALUES),
        "note": entered("jr_cost_note", ""),
    }
    if picked == _TYPED:
        values |= {
            "source": "typed",
            "activity_id": questions_repo.new_id(),
            "on": entered("jr_cost_on", today),
            "kind": chosen("jr_cost_kind", None, TYPED_KINDS),
            "label": entered("jr_cost_label", ""),
        }
    elif picked in options:
        source, on, label, kind = options[picked]
        values |= {"source": source, "activity_id": picked, "on": on, "kind": kind, "label": label}

    def action() -> None:
        repo.save_cost(get_store(), cost_from_values(values, today))
        for key in (*_COST_FORM, "jr_cost_pick"):
            forget_choice(key)

    _run(action, tr("journal.costs.saved"))


def on_delete_cost(activity_id: str) -> None:
    confirm = f"jr_cost_del_ok_{activity_id}"
    if not st.session_state.get(confirm):
        flash("warning", tr("journal.costs.delete_ask"))
        return
    st.session_state[confirm] = False
    _run(lambda: repo.delete_cost(get_store(), activity_id), tr("journal.costs.deleted"))


def _after_label(value: str | None) -> str:
    return tr(f"journal.after.{value or 'none'}")


def _cost_fields(picked: str, today: date) -> None:
    if picked == _TYPED:
        cols = st.columns(3)
        id_choice(
            cols[0].selectbox,
            tr("journal.field.kind"),
            TYPED_KINDS,
            key="jr_cost_kind",
            format_func={k: tr(f"journal.kind.{k}") for k in TYPED_KINDS}.__getitem__,
            default="company_doctor",
        )
        kept_field(
            cols[1].date_input,
            tr("journal.costs.on_date"),
            key="jr_cost_on",
            default=today,
            max_value=today,
            format="DD-MM-YYYY",
        )
        kept_field(
            cols[2].text_input, tr("journal.field.label"), key="jr_cost_label", default="", max_chars=MAX_SHORT_CHARS
        )
    id_choice(
        st.segmented_control, tr("journal.field.heaviness"), _SCALE, key="jr_cost_heavy", format_func=str, default=None
    )
    cols = st.columns(3)
    kept_field(
        cols[0].number_input,
        tr("journal.field.hours"),
        key="jr_cost_hours",
        default=None,
        min_value=0.0,
        max_value=float(MAX_HOURS),
        step=0.25,
    )
    id_choice(
        cols[1].selectbox,
        tr("journal.field.next_day"),
        AFTER_VALUES,
        key="jr_cost_next",
        format_func={a: _after_label(a) for a in AFTER_VALUES}.__getitem__,
        default=None,
    )
    id_choice(
        cols[2].selectbox,
        tr("journal.field.day_after"),
        AFTER_VALUES,
        key="jr_cost_after",
        format_func={a: _after_label(a) for a in AFTER_VALUES}.__getitem__,
        default=None,
    )
    kept_field(st.text_input, tr("journal.field.note"), key="jr_cost_note", default="", max_chars=MAX_SHORT_CHARS)


def _cost_card(cost: ActivityCost, known: set[str]) -> None:
    label = (
        cost.label
        if cost.source == "typed" or cost.activity_id in known
        else f"{cost.label} ({tr('journal.costs.removed')})"
    )
    if cost.source == "typed":
        label = f"{tr(f'journal.kind.{cost.kind}')} · {cost.label}" if cost.label else tr(f"journal.kind.{cost.kind}")
    with st.expander(
        tr("journal.costs.item", date=fdate(cost.on, "medium"), label=label), key=f"jr_cost_exp_{cost.activity_id}"
    ):
        if cost.heaviness is not None:
            st.markdown(tr("journal.costs.heaviness", value=cost.heaviness))
        if cost.hours is not None:
            st.markdown(tr("journal.costs.hours", value=number(cost.hours, lang())))
        st.markdown(tr("journal.costs.after", next=_after_label(cost.next_day), after=_after_label(cost.day_after)))
        if cost.note:
            user_text(cost.note)
        cols = st.columns(2)
        cols[0].checkbox(tr("journal.costs.delete_confirm"), key=f"jr_cost_del_ok_{cost.activity_id}")
        cols[1].button(
            tr("journal.costs.delete"),
            key=f"jr_cost_del_{cost.activity_id}",
            on_click=on_delete_cost,
            args=(cost.activity_id,),
            type="tertiary",
        )


def activity_costs(today: date) -> None:
    st.header(tr("journal.costs.title"), anchor=False)
    st.write(tr("journal.costs.body"))
    options = _activity_options(today)
    if not options:
        st.caption(tr("journal.costs.no_activities"))
    labels = {key: value[2] for key, value in options.items()} | {_TYPED: tr("journal.costs.typed")}
    picked = id_choice(
        st.selectbox,
        tr("journal.costs.choose"),
        list(labels),
        key="jr_cost_pick",
        format_func=labels.__getitem__,
        default=_TYPED,
    )
    _cost_fields(picked or _TYPED, today)
    st.button(
        tr("journal.costs.save"), key="jr_cost_save", type="primary", on_click=on_save_cost, args=(options, today)
    )
    saved = repo.costs(get_store())
    if not saved:
        st.caption(tr("journal.costs.none"))
        return
    store = get_store()
    known = {a.id for a in tracker_repo.iter_activities(store)} | {m.id for m in questions_repo.meetings(store)}
    for cost in saved:
        _cost_card(cost, known)


# --- my pattern -----------------------------------------------------------------------------------------


def _days_from(first: date | None) -> list[Day]:
    """The recorded days from ``first`` on (None: all): a rule reads only the days it needs (issue 19)."""
    store = get_store()
    return days_of(repo.entries(store, start=first), repo.costs(store))


def _period_label(weeks: int) -> str:
    return tr("journal.pattern.weeks", count=weeks) if weeks else tr("journal.pattern.all")


def _energy_chart(days: list[Day]) -> go.Figure:
    fig = go.Figure()
    # arrays, not lists: Plotly checks a list value by value (3 years of days: 5.6 → 2.1 ms), the JSON is the same
    x = np.array([d.day.isoformat() for d in days], dtype=object)
    loads, energies = (np.array([getattr(d, name) for d in days], dtype=object) for name in ("load", "energy"))
    fig.add_bar(x=x, y=loads, name=tr("journal.pattern.chart_load"), marker_color=LOAD_COLOUR)
    fig.add_scatter(
        x=x, y=energies, name=tr("journal.pattern.chart_energy"), mode="lines+markers",
        line={"color": ENERGY_COLOUR}, marker={"color": ENERGY_COLOUR},
    )  # fmt: skip
    fig.update_layout(
        title=tr("journal.pattern.chart_title"),
        yaxis={"range": [0, SCALE_MAX + 0.5]},
        height=320,
        margin={"t": 40, "b": 30},
    )
    fig.update_xaxes(**month_ticks(days[0].day, days[-1].day, lang()))
    return fig


def _chart_summary(days: list[Day]) -> str:
    with_energy = [d for d in days if d.energy is not None]
    if not with_energy:
        return tr("journal.pattern.summary", start=fdate(days[0].day), end=fdate(days[-1].day), count=len(days))
    low = min(with_energy, key=lambda d: (d.energy, d.day))
    high = max(with_energy, key=lambda d: (d.energy, d.day))
    return tr(
        "journal.pattern.chart_summary",
        count=len(days),
        start=fdate(days[0].day),
        end=fdate(days[-1].day),
        low_day=fdate(low.day, "medium"),
        low=number(low.energy or 0, lang()),
        high_day=fdate(high.day, "medium"),
        high=number(high.energy or 0, lang()),
    )


def _numbers(all_days: list[Day], start: date | None, end: date) -> None:
    p = pattern_of(all_days, start, end)
    n = lambda v: number(v, lang())  # noqa: E731
    st.markdown(tr("journal.pattern.summary", start=fdate(p.first), end=fdate(p.last), count=p.days))
    if p.energy:
        st.markdown(
            tr(
                "journal.pattern.energy",
                mean=n(p.energy.mean),
                low=n(p.energy.low),
                high=n(p.energy.high),
                count=p.energy.count,
            )
        )
    if p.load:
        st.markdown(tr("journal.pattern.load", mean=n(p.load.mean), count=p.load.count))
    if p.active:
        st.markdown(
            tr(
                "journal.pattern.active",
                median=n(p.active.median),
                low=n(p.active.low),
                high=n(p.active.high),
                count=p.active.count,
            )
        )
    st.markdown(f"**{tr('journal.pattern.recovery_title')}**")
    st.caption(
        tr(
            "journal.pattern.recovery_rule",
            heavy=HEAVY_LOAD,
            baseline=BASELINE_DAYS,
            minimum=MIN_BASELINE_DAYS,
            window=RECOVERY_WINDOW,
        )
    )
    known = p.recovery
    if known:
        st.markdown(
            tr(
                "journal.pattern.recovery",
                count=known.count,
                median=n(known.median),
                low=n(known.low),
                high=n(known.high),
            )
        )
    unknown = sum(1 for r in p.recoveries if r.days is None)
    if unknown:
        st.markdown(tr("journal.pattern.recovery_unknown", count=unknown))
    if not p.recoveries:
        st.caption(tr("journal.pattern.no_heavy"))


def _weekdays(days: list[Day]) -> None:
    st.markdown(f"**{tr('journal.pattern.weekday_title')}**")
    names = [fdate(date(2026, 11, 2) + timedelta(days=i), "EEEE") for i in range(7)]  # a Monday, then the week
    for weekday, found in weekday_energy(days):
        if found is None:
            st.markdown(f"- {tr('journal.pattern.weekday_none', weekday=names[weekday])}")
        else:
            n = lambda v: number(v, lang())  # noqa: E731
            line = tr(
                "journal.pattern.weekday_line",
                weekday=names[weekday],
                mean=n(found.mean),
                low=n(found.low),
                high=n(found.high),
                count=found.count,
            )
            st.markdown(f"- {line}")
    level = (
        id_choice(
            st.segmented_control, tr("journal.pattern.level"), _SCALE[1:], key="jr_level", format_func=str, default=4
        )
        or 4
    )
    below, counted = share_below(days, level)
    if counted:
        st.markdown(
            tr("journal.pattern.below", below=below, count=counted, level=level, share=round(100 * below / counted))
        )


def _day_table(days: list[Day]) -> pd.DataFrame:
    """The chart's numbers, a row per day: empty where nothing was noted."""
    language = lang()
    n = lambda v: "" if v is None else number(v, language)  # noqa: E731
    return pd.DataFrame(
        {
            tr("common.date"): [_date_text(d.day, language, "medium") for d in days],
            tr("journal.pattern.chart_energy"): [n(d.energy) for d in days],
            tr("journal.pattern.chart_load"): [n(d.load) for d in days],
        }
    )


def pattern(today: date) -> None:
    st.header(tr("journal.pattern.title"), anchor=False)
    weeks = id_choice(
        st.segmented_control,
        tr("journal.pattern.period"),
        (*PERIOD_WEEKS, 0),
        key="jr_period",
        format_func={w: _period_label(w) for w in (*PERIOD_WEEKS, 0)}.__getitem__,
        default=8,
    )
    weeks = 8 if weeks is None else weeks
    start = today - timedelta(weeks=weeks) + timedelta(days=1) if weeks else None
    all_days = _days_from(first_day_needed(start))  # the same pattern as from every day, read in a fraction
    days = in_period(all_days, start, today)
    if not days:
        st.info(tr("journal.pattern.none"))
        return
    cols = st.columns([2, 1])
    with cols[0]:
        plotly_chart(_energy_chart(days), key="jr_chart")
    with cols[1]:
        st.markdown(_chart_summary(days))
    chart_table(_day_table(days), tr("journal.pattern.chart_title"))
    cols = st.columns(2)
    with cols[0]:
        _numbers(all_days, start, today)
    with cols[1]:
        _weekdays(days)


# --- plan and capacity ----------------------------------------------------------------------------------


def _appointment_hours(week: date) -> list[float | None]:
    store = get_store()
    end = week + timedelta(days=6)
    costs = {c.activity_id: c for c in repo.costs(store)}
    hours: list[float | None] = [
        costs[m.id].hours if m.id in costs else None for m in questions_repo.meetings(store) if week <= m.on <= end
    ]
    hours += [c.hours for c in costs.values() if c.source == "typed" and week <= c.on <= end]
    return hours


def capacity(today: date) -> None:
    st.header(tr("journal.capacity.title"), anchor=False)
    target = tracker_repo.get_weekly_target(get_store())
    if target is None:
        st.info(tr("journal.capacity.no_target"))
        return
    per_activity = kept_field(
        st.number_input,
        tr("journal.capacity.hours_per_activity"),
        key="jr_per_activity",
        default=2.0,
        min_value=0.25,
        max_value=12.0,
        step=0.25,
    )
    st.caption(tr("journal.capacity.rule", count=target.count, default=number(DEFAULT_APPOINTMENT_HOURS, lang())))
    days = _days_from(first_capacity_day(today))
    for week in (week_start(today), week_start(today) + timedelta(weeks=1)):
        planned = planned_hours(target.count, float(per_activity or 2.0), _appointment_hours(week))
        check = capacity_check(days, today, week, planned)
        if check is None:
            st.info(
                tr(
                    "journal.capacity.too_little",
                    minimum=MIN_CAPACITY_WEEKS,
                    days=MIN_DAYS_PER_WEEK,
                    weeks=CAPACITY_WEEKS,
                )
            )
            return
        params = {
            "date": fdate(week),
            "planned": number(check.planned_hours, lang()),
            "median": number(check.median_hours, lang()),
            "weeks": len(check.weeks),
            "start": fdate(check.weeks[0].start),
            "end": fdate(check.weeks[-1].start + timedelta(days=6)),
        }
        if check.exceeds:
            st.warning(tr("journal.capacity.exceeds", **params), icon=":material/self_improvement:")
        else:
            st.success(tr("journal.capacity.within", **params))


# --- the typical day ------------------------------------------------------------------------------------


def _typical_period(today: date) -> tuple[date, date]:
    cols = st.columns(2)
    start = kept_field(
        cols[0].date_input,
        tr("journal.typical.start"),
        key="jr_td_start",
        default=today - timedelta(weeks=8) + timedelta(days=1),
        max_value=today,
        format="DD-MM-YYYY",
    )
    end = kept_field(
        cols[1].date_input,
        tr("journal.typical.end"),
        key="jr_td_end",
        default=today,
        max_value=today,
        format="DD-MM-YYYY",
    )
    start = start if isinstance(start, date) else today - timedelta(weeks=8)
    end = end if isinstance(end, date) else today
    return (start, end) if start <= end else (end, start)


def on_save_typical(reader: str, start: date, end: date) -> None:
    def action() -> None:
        body = check_typical_text(entered(f"jr_td_text_{reader}", ""))
        repo.save_typical_day(get_store(), reader, body, start, end)

    _run(action, tr("journal.typical.saved"))


def on_regenerate(reader: str) -> None:
    _run(lambda: repo.forget_typical_day(get_store(), reader), tr("journal.typical.regenerated"))
    forget_choice(f"jr_td_text_{reader}")


def typical_day(today: date) -> None:
    st.header(tr("journal.typical.title"), anchor=False)
    st.write(tr("journal.typical.body"))
    small(tr("journal.sources", links=sources_markdown(SOURCES)))
    reader = (
        id_choice(
            st.segmented_control,
            tr("journal.typical.reader"),
            LANGS,
            key="jr_td_reader",
            format_func=LANG_NAMES.__getitem__,
            default=lang(),
        )
        or lang()
    )
    start, end = _typical_period(today)
    saved = repo.typical_day(get_store(), reader)
    generated = typical_day_text(_days_from(first_day_needed(start)), start, end, reader)
    if saved is not None:
        st.caption(tr("journal.typical.edited"))
    text = kept_field(
        st.text_area,
        tr("journal.typical.text"),
        key=f"jr_td_text_{reader}",
        saved=saved if saved is not None else generated,
        max_chars=MAX_TEXT_CHARS,
        height=300,
    )
    cols = st.columns(4)
    cols[0].button(
        tr("journal.typical.save"),
        key="jr_td_save",
        type="primary",
        on_click=on_save_typical,
        args=(reader, start, end),
    )
    cols[1].button(tr("journal.typical.regenerate"), key="jr_td_regen", on_click=on_regenerate, args=(reader,))
    document = typical_day_document(text or generated, reader, today)
    name = f"{tr('journal.typical.file')}-{today.isoformat()}"
    cols[2].download_button(
        tr("journal.typical.pdf"),
        data=document.to_pdf,  # made when clicked (the callable runs outside the script), not on every rerun
        file_name=f"{name}.pdf",
        mime="application/pdf",
        key="jr_td_pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
    )
    cols[3].download_button(
        tr("journal.typical.docx"),
        data=lambda: document.to_docx(reader),
        file_name=f"{name}.docx",
        mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        key="jr_td_docx",
        on_click="ignore",
    )


def show_section(name: str, today: date) -> None:
    """The chosen section."""
    {
        "check_in": check_in,
        "entries": lambda _today: entries_list(),
        "costs": activity_costs,
        "pattern": pattern,
        "capacity": capacity,
        "typical": typical_day,
    }[name](today)
