"""Talking about my absence and other routes to work: content as data, in both languages, with sources.

The texts live in ``content/applying/routes.yaml``: one file with the English (``en``) and Dutch (``nl``)
text of every item side by side, so the two languages cannot drift apart (a test checks both are filled
and every source id is known). An item may name what could not be verified (``unverified``); the page
shows that as "not checked", never as fact.

The ticks of a route's checklist are the person's (kept by ``spoor2/store/applying.py``); this module
only checks that a tick names a real route and check.

>>> [route.id for route in load_routes().routes][:2]
['secondment', 'trial_placement']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from pydantic import Field

from spoor2.content_yaml import safe_load
from spoor2.errors import InvalidInput
from spoor2.i18n import normalise_lang
from spoor2.model import FrozenMap, IsoDate, Model, load_strict
from spoor2.paths import CONTENT_DIR

ROUTES_FILE = CONTENT_DIR / "applying" / "routes.yaml"


class Text(Model):
    title: str = Field(min_length=1)
    body: str = Field(min_length=1)


class Unverified(Model):
    """What could not be checked against a primary source, in both languages."""

    en: str = Field(min_length=1)
    nl: str = Field(min_length=1)


def unverified_text(unverified: Unverified | None, lang: str) -> str:
    """What was not checked, in ``lang`` ("" when everything was)."""
    if unverified is None:
        return ""
    return unverified.en if normalise_lang(lang) == "en" else unverified.nl


class InfoItem(Model):
    """One sourced statement with a title, in both languages."""

    id: str
    sources: tuple[str, ...] = Field(min_length=1)
    unverified: Unverified | None = None
    en: Text
    nl: Text

    def text(self, lang: str) -> Text:
        return self.en if normalise_lang(lang) == "en" else self.nl


class Check(Model):
    """One thing to arrange in writing before a route starts."""

    id: str
    sources: tuple[str, ...] = Field(min_length=1)
    unverified: Unverified | None = None
    en: str = Field(min_length=1)
    nl: str = Field(min_length=1)

    def text(self, lang: str) -> str:
        return self.en if normalise_lang(lang) == "en" else self.nl


class Route(InfoItem):
    checks: tuple[str, ...] = Field(min_length=1)


class RoutesContent(Model):
    last_checked: IsoDate
    absence: tuple[InfoItem, ...]
    checks: FrozenMap[str, Check]
    routes: tuple[Route, ...]

    def route(self, route_id: str) -> Route:
        for route in self.routes:
            if route.id == route_id:
                return route
        raise InvalidInput("routes.error.unknown_route", route=str(route_id)[:60])

    def route_checks(self, route: Route) -> tuple[Check, ...]:
        return tuple(self.checks[check_id] for check_id in route.checks)


def unique_ids(items: Iterable[Any], where: str) -> None:
    ids = [item.id for item in items]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{where}: duplicate ids")


def parse_routes(raw: Mapping[str, Any]) -> RoutesContent:
    """The routes content; a malformed file is a content bug (``ValueError``)."""
    checks = {key: {"id": key, **value} for key, value in (raw.get("checks") or {}).items()}
    content = load_strict(RoutesContent, {**raw, "checks": checks})
    unique_ids(content.absence, "absence")
    unique_ids(content.routes, "routes")
    for route in content.routes:
        missing = [check_id for check_id in route.checks if check_id not in content.checks]
        if missing:
            raise ValueError(f"route {route.id}: unknown checks {missing}")
    return content


@cache
def load_routes() -> RoutesContent:
    return parse_routes(safe_load(ROUTES_FILE.read_text(encoding="utf-8")) or {})


def check_ticks(ticks: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """Ticks by route id, each a list of check ids of that route (in the route's order, no repeats)."""
    content = load_routes()
    out: dict[str, list[str]] = {}
    for route_id, ticked in ticks.items():
        route = content.route(route_id)
        wanted = set(ticked)
        unknown = wanted - set(route.checks)
        if unknown:
            raise InvalidInput("routes.error.unknown_check", check=sorted(unknown)[0][:60])
        out[route.id] = [check_id for check_id in route.checks if check_id in wanted]
    return {route_id: ids for route_id, ids in out.items() if ids}


def all_source_ids() -> set[str]:
    """Every source id the routes content cites (for the sources test)."""
    content = load_routes()
    ids: set[str] = set()
    for item in (*content.absence, *content.routes, *content.checks.values()):
        ids.update(item.sources)
    return ids
