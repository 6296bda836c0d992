"""Network analysis of local elites: projections of the store into networkx graphs (persons by
shared events, persons and bodies, co-speaking, succession), measures on them, careers, the
connection between two persons, and the files and pictures made from them.

    import polgraph
    kg = polgraph.open("var/store")
    kg.centrality(place="xã Cẩm Lộc")[:5]
"""

from polgraph.analytics.errors import AnalysisError, NotFoundError
from polgraph.analytics.graph import PROJECTIONS, KnowledgeGraph, open_graph
from polgraph.analytics.slicing import Slice

__all__ = ["PROJECTIONS", "AnalysisError", "KnowledgeGraph", "NotFoundError", "Slice", "open_graph"]
