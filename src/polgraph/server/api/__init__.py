"""The REST API under /api: one router per kind of thing, JSON by default, errors as
``{"error": …, "detail": …}``, ids as in ``polgraph.server.answers.ids``."""

from fastapi import APIRouter

from polgraph.server.api import analytics, events, organizations, persons, reports, roles, sources

router = APIRouter()
for module in (persons, events, organizations, roles, sources, reports, analytics):
    router.include_router(module.router)
