"""Which language a page speaks: Vietnamese, or English when the reader asks for it.

``?lang=en`` (or ``?lang=vi``) chooses, and the choice is kept in a cookie so that links need
not carry it; without either, ``Accept-Language`` decides; failing that, Vietnamese.
"""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response

LANGUAGES = ("vi", "en")
DEFAULT = "vi"
COOKIE = "lang"
_YEAR = 365 * 24 * 3600
VARY = "Accept-Language, Cookie"  # what every page and picture answers by


def chosen_by_link(request: Request) -> str | None:
    """The language ``?lang=`` asks for, when it names one the pages speak."""
    asked = request.query_params.get("lang", "").strip().lower()
    return asked if asked in LANGUAGES else None


def language_of(request: Request) -> str:
    found = chosen_by_link(request)
    if found:
        return found
    remembered = request.cookies.get(COOKIE)
    if remembered in LANGUAGES:
        return remembered
    return from_accept_language(request.headers.get("accept-language")) or DEFAULT


def from_accept_language(header: str | None) -> str | None:
    """The spoken language the header prefers (``en-GB;q=0.8`` counts as ``en``), or None."""
    best: tuple[float, int] | None = None
    chosen = None
    for position, part in enumerate((header or "").split(",")):
        tag, *params = [p.strip() for p in part.split(";")]
        primary = tag.split("-")[0].lower()
        if primary not in LANGUAGES:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        rank = (q, -position)
        if q > 0 and (best is None or rank > best):
            best, chosen = rank, primary
    return chosen


def switch_url(request: Request, lang: str) -> str:
    """This page's address (path and query) in ``lang``."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    return f"{request.url.path}?{urlencode([*params, ('lang', lang)])}"


def remember(request: Request, response: Response) -> None:
    """Keep a language chosen by link for the pages that follow; every answer varies by it."""
    response.headers["vary"] = VARY
    found = chosen_by_link(request)
    if found:
        response.set_cookie(COOKIE, found, max_age=_YEAR, samesite="lax")
