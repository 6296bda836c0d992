"""The query engine on its own: the order jobs are answered in, and what happens to a job whose
request goes away or whose worker dies."""

from __future__ import annotations

import asyncio
import os

import pytest
from own_loop import run_in_own_loop
from small_store import numbered_quads

from polgraph.server.engine import (
    LONG_JOB_NICENESS,
    MOST_NICENESS,
    QueryEngine,
    QueryTimeout,
    ServerBusy,
)
from polgraph.server.messages import Answer, QueryJob, Refusal
from polgraph.store import OxigraphStore

pytestmark = pytest.mark.slow  # worker processes started, stopped and replaced

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture
def store():
    store = OxigraphStore(None)
    store.native.extend(numbered_quads(300))
    return store


def numbered(n: int) -> QueryJob:
    return QueryJob(
        f"SELECT ?n WHERE {{ BIND ({n} AS ?n) }}", result_format="CSV", graph_format=None
    )


class _EndsTheWorker:
    """A job that stops the worker process as it arrives (unpickled there as ``os._exit(3)``),
    as a crash would."""

    def __reduce__(self):
        return os._exit, (3,)


# Some 3.5 s of counting on 300 quads: long, but it ends.
LONG_BUT_FINITE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def with_engine(store, scenario, *, workers: int = 1, timeout: float = 30, **options):
    async def run():
        engine = QueryEngine(store, workers=workers, timeout=timeout, **options)
        await engine.start()
        try:
            return await scenario(engine)
        finally:
            engine.stop()

    return run_in_own_loop(run())


def test_jobs_are_answered_in_the_order_they_came(store):
    async def scenario(engine):
        finished: list[int] = []

        async def ask(n: int) -> None:
            reply = await engine.run(numbered(n))
            assert isinstance(reply, Answer) and reply.body.split()[-1] == str(n).encode()
            finished.append(n)

        await asyncio.gather(*(ask(n) for n in range(8)))
        return finished

    assert with_engine(store, scenario) == list(range(8))


def test_the_next_job_is_on_its_way_before_the_answered_request_goes_on(store):
    async def scenario(engine):
        first = asyncio.ensure_future(engine.run(numbered(1)))
        second = asyncio.ensure_future(engine.run(numbered(2)))
        await asyncio.sleep(0)
        assert engine.waiting == 1  # one worker: the second job waits for it
        await first
        # The worker was handed the second job as the first answer was read, not when the
        # second request next ran.
        waiting_when_first_answered = engine.waiting
        await second
        return waiting_when_first_answered

    assert with_engine(store, scenario) == 0


def test_a_job_whose_request_went_away_while_it_waited_is_never_run(store):
    async def scenario(engine):
        running = asyncio.ensure_future(engine.run(numbered(1)))
        gone = asyncio.ensure_future(engine.run(numbered(2)))
        await asyncio.sleep(0)
        gone.cancel()
        with pytest.raises(asyncio.CancelledError):
            await gone
        left_waiting = engine.waiting
        answers = [await running, await engine.run(numbered(3))]
        return left_waiting, answers

    left_waiting, answers = with_engine(store, scenario)
    assert left_waiting == 0
    assert [a.body.split()[-1] for a in answers] == [b"1", b"3"]


def test_a_running_job_whose_request_went_away_is_stopped_and_its_worker_replaced(store):
    async def scenario(engine):
        runaway = asyncio.ensure_future(engine.run(QueryJob(RUNAWAY, "CSV", None)))
        await asyncio.sleep(0.3)
        runaway.cancel()
        with pytest.raises(asyncio.CancelledError):
            await runaway
        # Only worker was busy with the runaway: an answer now means it was replaced.
        return await asyncio.wait_for(engine.run(numbered(4)), 20)

    assert with_engine(store, scenario).body.split()[-1] == b"4"


def test_a_worker_that_dies_is_told_as_a_500_and_replaced(store):
    async def scenario(engine):
        crashed = await engine.run(_EndsTheWorker())
        after = await asyncio.wait_for(engine.run(numbered(5)), 20)
        return crashed, after

    crashed, after = with_engine(store, scenario)
    assert isinstance(crashed, Refusal) and crashed.status == 500
    assert "the query worker stopped" in crashed.detail
    assert after.body.split()[-1] == b"5"


def _niceness_of_workers(engine) -> list[int]:
    return sorted(os.getpriority(os.PRIO_PROCESS, worker.process.pid) for worker in engine._workers)


def _cores_of_workers(engine) -> list[set[int]]:
    return sorted((os.sched_getaffinity(worker.process.pid) for worker in engine._workers), key=len)


def test_a_query_that_turns_long_when_the_long_share_is_full_is_stopped_and_short_ones_still_run(
    store,
):
    async def scenario(engine):
        first = asyncio.ensure_future(
            engine.run(QueryJob(RUNAWAY, result_format="CSV", graph_format=None))
        )
        await asyncio.sleep(0.5)
        assert engine.long_running == 1
        loop = asyncio.get_running_loop()
        started = loop.time()
        with pytest.raises(ServerBusy, match="already run"):
            await engine.run(QueryJob(RUNAWAY, result_format="CSV", graph_format=None))
        stopped_after = loop.time() - started
        # The reserved worker is free again for a short query at once.
        started = loop.time()
        assert isinstance(await engine.run(numbered(7)), Answer)
        quick_after = loop.time() - started
        assert not first.done()  # the first long one goes on
        first.cancel()
        return stopped_after, quick_after

    stopped_after, quick_after = with_engine(store, scenario, workers=2, reserved=1, long_after=0.3)
    assert stopped_after < 5  # not the 30 s time limit
    assert quick_after < 5


def test_a_long_query_runs_at_a_lower_priority_and_its_worker_comes_back_to_normal(store):
    ours = os.getpriority(os.PRIO_PROCESS, 0)

    async def scenario(engine):
        running = asyncio.ensure_future(
            engine.run(QueryJob(LONG_BUT_FINITE, result_format="CSV", graph_format=None))
        )
        await asyncio.sleep(1.0)
        during = _niceness_of_workers(engine), _cores_of_workers(engine)
        reply = await running
        await asyncio.sleep(0.5)  # a worker that could not be brought back is being replaced
        return during, reply, (_niceness_of_workers(engine), _cores_of_workers(engine))

    (niceness, cores), reply, (niceness_after, cores_after) = with_engine(
        store, scenario, workers=2, reserved=1, long_after=0.3
    )
    assert isinstance(reply, Answer) and b"27000000" in reply.body
    assert niceness == sorted([ours, min(ours + LONG_JOB_NICENESS, MOST_NICENESS)])
    assert niceness_after == [ours, ours]
    all_cores = os.sched_getaffinity(0)
    if len(all_cores) > 1:  # the long one is kept off the first core, which short ones keep
        assert cores == [all_cores - {min(all_cores)}, all_cores]
    assert cores_after == [all_cores, all_cores]


def test_with_one_worker_nothing_is_reserved_and_a_long_query_runs_to_its_end(store):
    async def scenario(engine):
        return await engine.run(QueryJob(LONG_BUT_FINITE, result_format="CSV", graph_format=None))

    reply = with_engine(store, scenario, workers=1, reserved=1, long_after=0.3)
    assert isinstance(reply, Answer) and b"27000000" in reply.body


def test_a_job_seen_to_run_long_is_refused_at_once_while_the_long_share_is_full(store):
    async def scenario(engine):
        job = QueryJob(RUNAWAY, result_format="CSV", graph_format=None)
        first = asyncio.ensure_future(engine.run(job))
        await asyncio.sleep(0.6)  # long now, and remembered as long
        assert engine.long_running == 1
        loop = asyncio.get_running_loop()
        started = loop.time()
        with pytest.raises(ServerBusy):
            await engine.run(QueryJob(RUNAWAY, result_format="CSV", graph_format=None))
        refused_after = loop.time() - started
        first.cancel()
        return refused_after

    refused_after = with_engine(store, scenario, workers=2, reserved=1, long_after=0.3)
    assert refused_after < 0.2  # never sent to a worker: no second of trying it again


def test_a_spare_worker_takes_a_killed_ones_place_at_once(store):
    async def scenario(engine):
        with pytest.raises(QueryTimeout):
            await engine.run(QueryJob(RUNAWAY, result_format="CSV", graph_format=None))
        serving_at_once = engine.serving
        answered = await engine.run(numbered(3))
        return serving_at_once, answered

    serving_at_once, answered = with_engine(store, scenario, workers=1, timeout=0.5, spares=1)
    assert serving_at_once == 1  # the spare serves while the killed worker's successor starts
    assert isinstance(answered, Answer)
