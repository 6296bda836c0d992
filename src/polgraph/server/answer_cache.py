"""Answers kept until the store changes: the home page's and the lists'.

They read the whole store (every person, event, body or report), from a second to minutes on a
large one, and stand as they are until the next write. Every write through
``polgraph.server.deps.get_store_writes`` counts in the app's ``store_generation``; an answer is
kept under the generation seen before it was asked for, and the first request of a newer
generation drops them all. The oldest answers go first past ``max_bytes``.
"""

from __future__ import annotations

from collections import OrderedDict

from polgraph.server.messages import Answer


class AnswerCache:
    def __init__(self, max_bytes: int = 64_000_000) -> None:
        self.max_bytes = max_bytes
        self._generation = 0
        self._answers: OrderedDict[str, Answer] = OrderedDict()
        self._size = 0

    def get(self, generation: int, key: str) -> Answer | None:
        if not self._current(generation):
            return None
        found = self._answers.get(key)
        if found is not None:
            self._answers.move_to_end(key)
        return found

    def put(self, generation: int, key: str, answer: Answer) -> None:
        if not self._current(generation):  # read before a write that has landed since
            return
        if key in self._answers:
            self._size -= len(self._answers.pop(key).body)
        self._answers[key] = answer
        self._size += len(answer.body)
        while self._size > self.max_bytes:
            self._size -= len(self._answers.popitem(last=False)[1].body)

    def _current(self, generation: int) -> bool:
        """Whether ``generation`` is the newest seen; a newer one drops the answers kept."""
        if generation > self._generation:
            self._generation = generation
            self._answers.clear()
            self._size = 0
        return generation == self._generation
