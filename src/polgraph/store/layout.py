"""Which named graph each fact lives in, and how reports are written, replaced and removed.

- **A report's own facts** (its event, the persons it mentions, their attestations,
  participations and speeches, the spans) are the named graph of the report's IRI. Replacing a
  report rewrites that graph; removing it drops it.
- **What many reports name** (official units, written places, bodies, posts, terms, documents
  with an issuer) is described once, node by node: each description is a graph of its own, named
  by the node and a hash of the description (``…/graph/shared/org/…/<hash>``). A report's graph
  lists the descriptions it relies on (``pg:sharedDescription``), and a description no report
  relies on any more is dropped, so replacing and removing stay exact. The union of graphs that
  queries read then holds each description once, however many reports name the node: with a copy
  in every report's graph, every stored copy of a triple is one more row and joins multiply.
- **Persons and tenures** are derived from the reports into graphs of their own
  (``polgraph.identity.resolution``).
- **What awaits resolution** (``…/graph/pending``): the names, posts and reports a write touched,
  recorded in the write's own transaction and cleared once resolved, so that an interrupted
  ingest is finished by the next one.

See ``docs/storage.md`` for the reasons.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import Literal, URIRef

from polgraph.namespaces import ID, MODEL_GRAPH_PREFIX, PG, PREFIXES
from polgraph.rdf.mapping import ReportGraph
from polgraph.store.base import GraphChange, GraphStore, ReplaceOutcome

SHARED_PREFIX = MODEL_GRAPH_PREFIX + "shared/"
PENDING_GRAPH = URIRef(MODEL_GRAPH_PREFIX + "pending")
_PENDING = ID["pending"]
_PREFIXES = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


@dataclass
class Touched:
    """What a write changed, for resolution to redo: name keys, posts and reports (IRIs)."""

    names: set[str] = field(default_factory=set)
    posts: set[str] = field(default_factory=set)
    reports: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.names or self.posts or self.reports)

    def update(self, other: Touched) -> None:
        self.names |= other.names
        self.posts |= other.posts
        self.reports |= other.reports

    def triples(self) -> set[tuple]:
        return (
            {(_PENDING, PG.pendingName, Literal(n)) for n in self.names}
            | {(_PENDING, PG.pendingPost, URIRef(p)) for p in self.posts}
            | {(_PENDING, PG.pendingReport, URIRef(r)) for r in self.reports}
        )


def touched_by(report: URIRef, triples: Iterable[tuple]) -> Touched:
    """The names and posts a report's own triples speak of."""
    touched = Touched(reports={str(report)})
    for _, p, o in triples:
        if p == PG.nameKey:
            touched.names.add(str(o))
        elif p == PG.post:
            touched.posts.add(str(o))
    return touched


def read_pending(store: GraphStore) -> Touched:
    found = Touched()
    sets = {
        str(PG.pendingName): found.names,
        str(PG.pendingPost): found.posts,
        str(PG.pendingReport): found.reports,
    }
    for _, p, o in store.graph_triples(PENDING_GRAPH):
        sets[str(p)].add(str(o))
    return found


def clear_pending(change: GraphChange, done: Touched) -> None:
    """Add to ``change`` the removal of what was pending and is now done."""
    change.remove.setdefault(PENDING_GRAPH, set()).update(done.triples())


def description_graph(node: URIRef, triples: frozenset[tuple]) -> URIRef:
    """The graph of one description of a node: its name says whose, and hashes what it says."""
    content = "\n".join(sorted(f"{p.n3()} {o.n3()}" for _, p, o in triples))
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:16]
    path = (
        str(node)[len(str(ID)) :]
        if str(node).startswith(str(ID))
        else hashlib.sha256(str(node).encode("utf-8")).hexdigest()[:24]
    )
    return URIRef(f"{SHARED_PREFIX}{path}/{digest}")


def _relied_on(triples: Iterable[tuple]) -> set[URIRef]:
    return {o for _, p, o in triples if p == PG.sharedDescription}


class DescriptionNames:
    """``description_graph``, remembered: the same bodies, posts and places come back in report
    after report."""

    def __init__(self) -> None:
        self._names: dict[frozenset[tuple], URIRef] = {}

    def __call__(self, node: URIRef, triples: frozenset[tuple]) -> URIRef:
        name = self._names.get(triples)
        if name is None:
            name = self._names[triples] = description_graph(node, triples)
        return name


def laid_out(
    report: ReportGraph, names: DescriptionNames
) -> tuple[set[tuple], dict[URIRef, frozenset[tuple]]]:
    """A report as the layout stores it: the triples of its own graph (with the descriptions it
    relies on listed), and those descriptions by the name of their graph."""
    descriptions = {names(node, triples): triples for node, triples in report.shared.items()}
    own = set(report.own) | {(report.iri, PG.sharedDescription, g) for g in descriptions}
    return own, descriptions


class ReportWriter:
    """Writes reports into a store by the layout above. Each call is one transaction.

    With ``defer_drops``, the descriptions that replaced reports gave up are kept and gathered in
    ``given_up`` instead of dropped when unused, for ``drop_unused`` to drop later: when several
    writers write to one store at once, one of them may be about to rely on a description that
    another sees unused."""

    def __init__(self, store: GraphStore, *, defer_drops: bool = False) -> None:
        self.store = store
        self.defer_drops = defer_drops
        self.given_up: set[URIRef] = set()
        self._names = DescriptionNames()

    def write(self, reports: list[ReportGraph]) -> list[ReplaceOutcome]:
        """Store (or replace) ``reports``: what became of each, in order."""
        change = GraphChange()
        touched = Touched()
        relied_on: set[URIRef] = set()
        given_up: set[URIRef] = set()  # descriptions the earlier versions relied on
        first: dict[URIRef, set[tuple]] = {}
        repeats: dict[int, ReplaceOutcome] = {}
        layouts = [laid_out(report, self._names) for report in reports]
        # What the store holds of these, asked once for the batch rather than graph by graph.
        stored = self.store.graphs_triples({report.iri for report in reports})
        present = self.store.existing_graphs(
            {graph for _, descriptions in layouts for graph in descriptions}
        )
        last = {report.iri: index for index, report in enumerate(reports)}
        for index, (report, (own, descriptions)) in enumerate(zip(reports, layouts, strict=True)):
            if report.iri in first:  # the same report twice in one batch: the later one counts
                repeats[index] = (
                    ReplaceOutcome.UNCHANGED
                    if own == first[report.iri]
                    else ReplaceOutcome.REPLACED
                )
            first.setdefault(report.iri, own)
            if index != last[report.iri]:  # replaced within the batch: none of it is stored
                continue
            change.put[report.iri] = own
            for graph, triples in descriptions.items():
                # A missing description is written whatever becomes of the report, which also
                # mends a store that lost one.
                if graph not in change.put and graph not in present:
                    change.put[graph] = triples
                    change.known[graph] = None  # asked above: absent
            relied_on |= descriptions.keys()
            old = stored.get(report.iri)
            if old == own:
                continue
            if old is not None:
                given_up |= _relied_on(old)
                touched.update(touched_by(report.iri, old))
            touched.update(touched_by(report.iri, own))
        if self.defer_drops:
            self.given_up |= given_up
        else:
            for graph in self._unused(given_up - relied_on, leaving=set(first)):
                change.put[graph] = ()
        change.add[PENDING_GRAPH] = touched.triples()
        change.known.update({iri: stored.get(iri) for iri in first})  # read above
        outcomes = self.store.apply(change)
        return [repeats.get(i, outcomes[report.iri]) for i, report in enumerate(reports)]

    def remove(self, report: URIRef) -> bool:
        """Drop a report's graph, and the descriptions only it relied on; False when absent."""
        if not self.store.has_graph(report):
            return False
        old = self.store.graph_triples(report)
        change = GraphChange(put={report: ()})
        for graph in self._unused(_relied_on(old), leaving={report}):
            change.put[graph] = ()
        change.add[PENDING_GRAPH] = touched_by(report, old).triples()
        self.store.apply(change)
        return True

    def drop_unused(self, graphs: set[URIRef]) -> int:
        """Drop those of ``graphs`` (descriptions) that no report relies on; how many."""
        return self._drop(self._unused(graphs, leaving=set()))

    def _drop(self, graphs: Iterable[URIRef]) -> int:
        dropped: dict[URIRef, Iterable[tuple]] = dict.fromkeys(graphs, ())
        if dropped:
            self.store.apply(GraphChange(put=dropped))
        return len(dropped)

    def _unused(self, graphs: set[URIRef], leaving: set[URIRef]) -> set[URIRef]:
        """Those of ``graphs`` that no report but those ``leaving`` relies on."""
        ordered = sorted(graphs)
        kept: set[str] = set()
        for first in range(0, len(ordered), self.store.values_limit):  # a service takes so many
            values = " ".join(f"<{g}>" for g in ordered[first : first + self.store.values_limit])
            rows = self.store.query(
                _PREFIXES + f"SELECT ?g ?r WHERE {{ VALUES ?g {{ {values} }} "
                "?r pg:sharedDescription ?g }"
            )
            kept |= {row["g"].value for row in rows if URIRef(row["r"].value) not in leaving}
        return {g for g in graphs if str(g) not in kept}

    def collect_garbage(self) -> int:
        """Drop every description no report relies on (left by writes made outside the
        pipeline, such as SPARQL updates); how many were dropped."""
        used = {
            row["g"].value
            for row in self.store.query(
                _PREFIXES + "SELECT DISTINCT ?g WHERE { ?r pg:sharedDescription ?g }"
            )
        }
        return self._drop(
            URIRef(g) for g in self.store.graphs_under(SHARED_PREFIX) if g not in used
        )
