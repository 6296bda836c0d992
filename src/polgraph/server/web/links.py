"""Page addresses: the page of a node of the graph, and a report's page with a span lit up.

Pages use the API's ids and route names (``/persons/{id}`` shows what ``/api/persons/{id}``
answers); places, which the API has no route for, are ``/places/unit/…`` and ``/places/area/…``.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from polgraph.namespaces import ID, PREFIXES
from polgraph.server.answers.ids import ROUTES

_PAGE_OF_KIND = {kind: f"/{route}/" for route, kind in ROUTES.items()}
PLACE_ID = re.compile(r"(unit|area)/[A-Za-z0-9._/-]{1,200}")
EVIDENCE_ANCHOR = "evidence"


def page_for(iri: str | None) -> str | None:
    """The page of the node ``iri`` names, or None when there is no page for its kind."""
    base = str(ID)
    if not iri or not iri.startswith(base):
        return None
    rest = iri[len(base) :]
    if PLACE_ID.fullmatch(rest):
        return "/places/" + rest
    kind, _, ident = rest.partition("/")
    page = _PAGE_OF_KIND.get(kind + "/")
    if page is None or not ident or "/" in ident or "#" in ident:
        return None
    return page + ident


def source_href(cited: dict | None) -> str | None:
    """The report a citation names (``Sources.cite``), scrolled to its span and lit up."""
    if not cited or not cited.get("report"):
        return None
    page = page_for(cited["report"]["iri"])
    if page is None:
        return None
    if cited.get("start") is None or cited.get("end") is None:
        return page
    return f"{page}?{urlencode({'start': cited['start'], 'end': cited['end']})}#{EVIDENCE_ANCHOR}"


def with_params(path: str, **params: str | None) -> str:
    """``path`` with the parameters that have a value."""
    given = {k: v for k, v in params.items() if v not in (None, "")}
    return f"{path}?{urlencode(given)}" if given else path


def web_address(url: str | None) -> str | None:
    """``url`` when it is an http(s) address, the only kind a page links to: a report could
    carry ``javascript:`` or ``data:`` addresses, which escaping alone does not defuse."""
    if url and re.match(r"https?://", url, re.IGNORECASE):
        return url
    return None


def page_prefixes() -> dict:
    """What ``page_for`` knows, for the query page's script to link the IRIs in results, and
    polgraph's prefixes, for it to show other IRIs as prefixed names."""
    return {
        "base": str(ID),
        "kinds": _PAGE_OF_KIND,
        "places": ["unit/", "area/"],
        "to_places": "/places/",
        "prefixes": {
            prefix: namespace for prefix, namespace in PREFIXES.items() if namespace != str(ID)
        },
    }
