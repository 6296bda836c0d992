"""The vocabulary's own labels for the codes the API answers with (event kinds, acts, speech
kinds), in the page's language. The vocabularies are in the store, labelled in Vietnamese and
English; each language's labels are read once per store generation (``offload.KEPT``)."""

from __future__ import annotations

from starlette.requests import Request

from polgraph.server.api.graph import select, text
from polgraph.server.api.offload import read

_LABELS = """
SELECT DISTINCT ?scheme ?code ?label WHERE {
  { ?class pg:kindCode ?code ; rdfs:label ?label . BIND ("kind" AS ?scheme) }
  UNION { ?concept a pg:ActType ; skos:notation ?code ; skos:prefLabel ?label .
          BIND ("act" AS ?scheme) }
  FILTER (LANG(?label) = ?lang)
}"""


class Terms:
    """``kind(code)`` and ``act(code)``: a code's label, or the code when it has none."""

    def __init__(self, rows: list[dict]) -> None:
        self._labels: dict[tuple[str, str], str] = {}
        for row in rows:
            self._labels.setdefault((row["scheme"], row["code"]), row["label"])

    def kind(self, code: str | None) -> str:
        return self._labels.get(("kind", code or ""), code or "")

    def act(self, code: str | None) -> str:
        return self._labels.get(("act", code or ""), code or "")


async def terms_for(request: Request, lang: str) -> Terms:
    return Terms(await read(request, "terms", lang=lang))


def terms_answer(store, lang: str) -> list[dict]:
    return select(store, _LABELS, {"lang": text(lang)})
