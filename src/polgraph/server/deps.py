"""What routes and pages take from the app, as FastAPI dependencies.

A route declares what it needs as a parameter (``settings: SettingsDep``, ``jobs: JobsDep``…)
rather than reading ``request.app.state``. ``polgraph.server.app.create_app`` puts these on the
app's state; this module is the only one that reads them there. The cheap ones are ``async``:
FastAPI would run a plain function in a thread, a hop each request would pay for nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import partial
from typing import Annotated

from fastapi import Depends, Request
from starlette.datastructures import State

from polgraph.rdf.validate import ReportValidator
from polgraph.server.analysis_slots import AnalysisSlots
from polgraph.server.engine import QueryEngine
from polgraph.server.errors import ApiError
from polgraph.server.jobs import Jobs
from polgraph.settings import Settings
from polgraph.store import OxigraphStore, RemoteStore
from polgraph.vocab import vocabulary

# What a server serves: the embedded store, or a SPARQL store its workers read through.
ServedStore = OxigraphStore | RemoteStore


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_store(request: Request) -> ServedStore:
    """The store, for what a route does in the server process (writes, their checks); reads go
    to the query workers (``get_jobs``)."""
    return request.app.state.store


async def get_engine(request: Request) -> QueryEngine:
    return request.app.state.engine


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[ServedStore, Depends(get_store)]
EngineDep = Annotated[QueryEngine, Depends(get_engine)]


async def get_search_index(request: Request) -> str:
    """Where the full-text index is, for the query workers to read it (``polgraph.search``);
    503 when the server could not make it answer for the store."""
    problem = request.app.state.search_problem
    if problem is not None:
        raise ApiError(503, "search index unavailable", problem)
    return str(request.app.state.search_index.path)


SearchIndexDep = Annotated[str, Depends(get_search_index)]


async def get_jobs(request: Request, engine: EngineDep, settings: SettingsDep) -> Jobs:
    """The query workers for this request, with the answers kept since the store's last write."""
    state = request.app.state
    return Jobs(
        request, engine, settings, state.answers, lambda: state.store_generation + engine.epoch()
    )


JobsDep = Annotated[Jobs, Depends(get_jobs)]


@contextmanager
def _writing(state: State) -> Iterator[ServedStore]:
    with state.write_lock:
        try:
            yield state.store
        finally:
            # In this order: a request that sees the new generation gets a new snapshot too.
            state.engine.mark_changed()
            state.store_generation += 1


# ``with writes() as store:``: the store held for one writer (``get_store_writes``).
StoreWrites = Callable[[], AbstractContextManager[ServedStore]]


async def get_store_writes(request: Request) -> StoreWrites:
    """``with writes() as store:`` holds the store for one writer at a time; queries see the
    change once it is done, and the answers kept for the last generation are worked out again
    (``store_generation``)."""
    return partial(_writing, request.app.state)


StoreWritesDep = Annotated[StoreWrites, Depends(get_store_writes)]


async def get_analysis_slots(request: Request, settings: SettingsDep) -> AnalysisSlots:
    return AnalysisSlots(
        request.app.state.analysis_slots, settings.analysis_wait, settings.max_analyses
    )


AnalysisSlotsDep = Annotated[AnalysisSlots, Depends(get_analysis_slots)]


def get_report_validator(request: Request) -> ReportValidator:
    """The shapes a report is checked against, read on first use (parsing them takes a while)
    and kept with the app. A plain function: FastAPI reads them in a thread, off the event loop."""
    state = request.app.state
    validator = getattr(state, "report_validator", None)
    if validator is None:
        validator = state.report_validator = ReportValidator(vocabulary())
    return validator


ReportValidatorDep = Annotated[ReportValidator, Depends(get_report_validator)]
