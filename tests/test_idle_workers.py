"""The query engine's idle workers go to waiting requests strictly in the order they asked."""

from __future__ import annotations

import asyncio

import pytest

from polgraph.server.idle_workers import IdleWorkers


async def _settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


def test_a_worker_given_back_goes_to_the_first_waiter_not_to_a_newcomer():
    async def scenario():
        pool: IdleWorkers[str] = IdleWorkers()
        first = asyncio.create_task(pool.take())
        await _settle()  # first now waits
        newcomer = asyncio.create_task(pool.take())  # scheduled to run before first wakes
        pool.give("w1")
        await _settle()
        assert first.done() and first.result() == "w1"
        assert not newcomer.done()
        pool.give("w2")
        assert await newcomer == "w2"

    asyncio.run(scenario())


def test_waiters_are_served_in_the_order_they_asked():
    async def scenario():
        pool: IdleWorkers[int] = IdleWorkers()
        waiters = []
        for _ in range(5):
            waiters.append(asyncio.create_task(pool.take()))
            await asyncio.sleep(0)
        for worker in range(5):
            pool.give(worker)
        assert await asyncio.gather(*waiters) == [0, 1, 2, 3, 4]

    asyncio.run(scenario())


def test_an_idle_worker_is_taken_at_once():
    async def scenario():
        pool: IdleWorkers[str] = IdleWorkers()
        pool.give("w")
        assert await asyncio.wait_for(pool.take(), 1) == "w"

    asyncio.run(scenario())


def test_a_cancelled_waiter_neither_holds_a_worker_nor_blocks_the_next():
    async def scenario():
        pool: IdleWorkers[str] = IdleWorkers()
        gone = asyncio.create_task(pool.take())
        await _settle()
        gone.cancel()
        await _settle()
        pool.give("w")
        # Nobody waits any more: the worker is idle and the next request takes it at once.
        assert await asyncio.wait_for(pool.take(), 1) == "w"

    asyncio.run(scenario())


def test_a_worker_handed_to_a_waiter_cancelled_before_it_woke_is_not_lost():
    async def scenario():
        pool: IdleWorkers[str] = IdleWorkers()
        cancelled = asyncio.create_task(pool.take())
        await _settle()
        pool.give("w")  # handed over; the waiter has not run since
        cancelled.cancel()
        with pytest.raises(asyncio.CancelledError):
            await cancelled
        assert await asyncio.wait_for(pool.take(), 1) == "w"

    asyncio.run(scenario())
