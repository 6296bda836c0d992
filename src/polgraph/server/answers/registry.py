"""The answers the query workers work out, by name, and how a worker answers an ``ApiJob``.

Every answer of the API and the pages is a plain function ``(store, **arguments)`` of a store
(a worker's ``Snapshot``) and plain values, which returns plain JSON types (or ``Content``) or
raises ``ApiError``. A route names one with its arguments (``polgraph.server.jobs``); a worker
calls ``HANDLERS[name](snapshot, **arguments)`` and sends back the answer, or the refusal its
error stands for. Nothing here needs the web framework: a worker never loads it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from polgraph.analytics.errors import NotFoundError
from polgraph.errors import PolgraphError, StoreError
from polgraph.server.answers import (
    analytics,
    drawings,
    events,
    full_text,
    graph_store,
    lists,
    network,
    organizations,
    person_page,
    persons,
    places,
    query_params,
    recent_events,
    resolved,
    roles,
    sources,
    tables,
    terms,
)
from polgraph.server.answers.content import Content
from polgraph.server.answers.snapshot import Snapshot
from polgraph.server.errors import ApiError
from polgraph.server.messages import Answer, ApiJob, Refusal

HANDLERS: dict[str, Callable[..., Any]] = {
    "persons": persons.persons_answer,
    "person": persons.person_answer,
    "events": events.events_answer,
    "event": events.event_answer,
    "organizations": organizations.organizations_answer,
    "organization": organizations.organization_answer,
    "roles": roles.roles_answer,
    "roles on a day": roles.roles_on_day_answer,
    "sources": sources.sources_answer,
    "source": sources.source_answer,
    "resolved": resolved.resolved_answer,
    "centrality": analytics.centrality_answer,
    "communities": analytics.communities_answer,
    "succession": analytics.succession_answer,
    "network": analytics.network_answer,
    "timeline": analytics.timeline_answer,
    "graph": graph_store.graph_answer,
    "recent events": recent_events.recent_answer,
    "person page": person_page.person_page_answer,
    "place page": places.place_answer,
    "network page": network.network_answer,
    "network picture": network.picture_answer,
    "ranked network": drawings.ranked_answer,
    "ego network": drawings.ego_answer,
    "terms": terms.terms_answer,
    "query parameters": query_params.query_params_answer,
    "list": lists.list_answer,
    "list export": lists.export_answer,
    "search": full_text.search_answer,
    "warm-up": tables.warm_up_answer,
}
# These read the whole store (lists, the home page): the server keeps their answers until the
# store next changes (``polgraph.server.answer_cache``).
KEPT = frozenset(
    {"persons", "events", "organizations", "roles on a day", "sources", "recent events", "terms"}
    | {"list"}  # the lists with facets; not their exports, each a file asked for on purpose
)
# Network analyses compute over many events: they run under POLGRAPH_ANALYSIS_TIMEOUT instead.
ANALYSES = frozenset(
    {
        "centrality",
        "communities",
        "succession",
        "network",
        "timeline",
        "network page",
        "network picture",
        "ranked network",
        "ego network",
    }
)

# What a spare worker is given before it serves (polgraph.server.engine).
WARM_UP = ApiJob("warm-up")


def answer_job(store: Snapshot, job: ApiJob) -> Answer | Refusal:
    """In a worker: the job's answer (JSON, or a handler's Content), or the refusal its error
    stands for, as the server's error handlers would answer it."""
    try:
        found = HANDLERS[job.handler](store, **job.arguments)
    except ApiError as exc:
        return Refusal(exc.status_code, exc.error, exc.detail)
    except NotFoundError as exc:  # a person, place, body or post an analysis was given
        return Refusal(404, "not found", str(exc))
    except StoreError as exc:
        return Refusal(503, "store unavailable", str(exc))
    except PolgraphError as exc:  # a QueryError among them
        return Refusal(400, "bad request", str(exc))
    if isinstance(found, Content):
        return Answer(found.media_type, found.body)
    return Answer(
        "application/json", json.dumps(found, ensure_ascii=False, separators=(",", ":")).encode()
    )
