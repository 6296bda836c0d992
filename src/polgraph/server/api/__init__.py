"""The REST API under /api: one router per kind of thing, JSON by default, errors as
``{"error": …, "detail": …}``, ids as in ``polgraph.server.answers.ids``."""

from fastapi import APIRouter

from polgraph.server.api import (
    analytics,
    events,
    lists,
    organizations,
    persons,
    reports,
    roles,
    search,
    sources,
)

router = APIRouter()
for module in (persons, events, organizations, lists, roles, sources, reports, analytics):
    router.include_router(module.router)
router.include_router(search.router)  # the full-text search, across every kind
