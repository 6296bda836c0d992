"""The search's answer (``/api/search``, the search page): what the full-text index finds for a
query, section by section.

Sections are persons (each with their latest post and its body, the place of their latest event
and the years they appear, so that namesakes are told apart), bodies, places, events and reports
(each with its sentence that matches, the words marked, and where they are in its text). Each
section is a page of its own with how many it holds; asked for one section, the answer pages
through it. The index is read from the file the server names (``polgraph.search``), with a
read-only connection of this worker's own; the reports' texts for the sentences come from the
worker's snapshot of the store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from polgraph.errors import StoreError
from polgraph.search import find, matching_sentence
from polgraph.search.folding import query_words
from polgraph.server.answers.graph import Readable, select, values_block
from polgraph.server.answers.ids import node
from polgraph.server.answers.search import page
from polgraph.server.errors import ApiError

Section = Literal["persons", "bodies", "places", "events", "reports"]
# section of the answer → kind of entry in the index
SECTIONS: dict[str, str] = {
    "persons": "person",
    "bodies": "body",
    "places": "place",
    "events": "event",
    "reports": "report",
}
_TEXTS = "SELECT ?report ?text WHERE { {values} ?report pg:text ?text }"


def search_answer(
    store: Readable, q: str, index: str, section: str | None, limit: int, offset: int
) -> dict[str, Any]:
    """``q``'s matches in the index at ``index``: a page of each section (``limit`` each), or,
    with ``section``, of that one from ``offset``."""
    if section is not None and section not in SECTIONS:
        raise ApiError(
            400, "bad request", f"section is one of {', '.join(SECTIONS)}, not {section!r}"
        )
    answer: dict[str, Any] = {"q": q}
    for name in [section] if section else list(SECTIONS):
        try:
            found = find(Path(index), SECTIONS[name], q, limit, offset if section else 0)
        except StoreError as exc:
            raise ApiError(503, "search index unavailable", str(exc)) from None
        items = [_ITEMS[name](item) for item in found.items]
        if name == "reports":
            _add_snippets(store, items, query_words(q))
        answer[name] = page(items, found.total, limit, offset if section else 0)
    return answer


def _place(place: dict | None) -> dict | None:
    if place is None:
        return None
    return node(place["iri"], label=place["label"], within=place.get("within") or "")


def _person(item: dict) -> dict:
    post = item.get("post")
    if post is not None:
        body = post.get("body")
        post = {
            "title": post["title"],
            "organization": None if body is None else node(body["iri"], label=body["label"]),
        }
    return node(
        item["iri"],
        name=item["name"],
        reports=item["reports"],
        post=post,
        place=_place(item.get("place")),
        years=item.get("years"),
    )


def _body(item: dict) -> dict:
    return node(
        item["iri"], label=item["label"], kind=item.get("kind"), place=_place(item.get("place"))
    )


def _place_item(item: dict) -> dict:
    return node(
        item["iri"],
        label=item["label"],
        within=item.get("within") or "",
        level=item.get("level"),
        era=item.get("era"),
        became=_place(item.get("became")),
    )


def _event(item: dict) -> dict:
    return node(
        item["iri"],
        label=item["label"],
        date=item.get("date"),
        kind=item.get("kind"),
        place=_place(item.get("place")),
        report=node(item["report"]),
    )


def _report(item: dict) -> dict:
    return node(
        item["iri"],
        title=item.get("title"),
        key=item.get("key"),
        published=item.get("published"),
        snippet=None,
    )


_ITEMS = {
    "persons": _person,
    "bodies": _body,
    "places": _place_item,
    "events": _event,
    "reports": _report,
}


def _add_snippets(store: Readable, reports: list[dict], words: list[str]) -> None:
    """Each report's sentence that matches ``words``, from its text in the store."""
    if not reports or not words:
        return
    texts = {
        row["report"]: row["text"]
        for row in select(store, _TEXTS.replace("{values}", values_block("report", _iris(reports))))
    }
    for report in reports:
        found = matching_sentence(texts.get(report["iri"], ""), words)
        if found is not None:
            report["snippet"] = {
                "parts": [[text, marked] for text, marked in found.parts],
                "start": found.start,
                "end": found.end,
            }


def _iris(items: list[dict]) -> list[str]:
    return [item["iri"] for item in items]
