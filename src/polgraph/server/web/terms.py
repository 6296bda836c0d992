"""The vocabulary's own labels for the codes the API answers with (event kinds, acts, speech
kinds), in the page's language. The vocabularies are in the store, labelled in Vietnamese and
English; each language's labels are read once per store generation (``registry.KEPT``:
``polgraph.server.answers.terms``)."""

from __future__ import annotations

from typing import Any

from polgraph.server.jobs import Jobs


class Terms:
    """``kind(code)`` and ``act(code)``: a code's label, or the code when it has none."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self._labels: dict[tuple[str, str], str] = {}
        for row in rows:
            self._labels.setdefault((row["scheme"], row["code"]), row["label"])

    def kind(self, code: str | None) -> str:
        return self._labels.get(("kind", code or ""), code or "")

    def act(self, code: str | None) -> str:
        return self._labels.get(("act", code or ""), code or "")


async def terms_for(jobs: Jobs, lang: str) -> Terms:
    return Terms(await jobs.read("terms", lang=lang))
