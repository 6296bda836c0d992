"""polgraph: a knowledge graph of local political events.

Reports go in (structured extraction JSON/YAML now, free text later), RDF comes out, one
named graph per report, validated with SHACL before it is stored. ``polgraph.Polgraph`` is the
library object over a store (``polgraph.library``); ``polgraph.open(path)`` gives the network
analyses (``polgraph.analytics``). Both are imported on first use, so ``import polgraph`` stays
light.
"""

from typing import Any

__version__ = "0.1.0"
# What a Python user imports from the package; the names are loaded on first use.
__all__ = ["Polgraph", "__version__", "open"]


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def __getattr__(name: str) -> Any:
    if name == "Polgraph":
        from polgraph.library import Polgraph

        return Polgraph
    if name == "open":
        from polgraph.analytics.graph import open_graph

        return open_graph
    raise AttributeError(f"module 'polgraph' has no attribute {name!r}")
