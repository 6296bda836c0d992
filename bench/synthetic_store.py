"""Reports of the synthetic world written as quads straight into an on-disk pyoxigraph store.

Validating 100,000 reports through the pipeline would take most of an hour, so this writes what
the pipeline would have stored, in the store's layout (``polgraph.store.layout``): each report's
graph as ``polgraph.rdf.mapping`` shapes it (the event, its place, the mentions with their
attestations, participations and speeches, and a ``pg:sharedDescription`` link to the
description of every unit, body and post the report names); each such description once, in a
graph of its own under ``SHARED_PREFIX``, however many reports name the node; then the identity
graphs (one per name) and the tenure graphs (one per post) as
``polgraph.identity.resolution`` writes them.
Spans, the report's text and the 2025 successor units are left out: no analysis reads them.
The real pipeline's store of a portal archive is bench/archive_store.py's.

An event is held in a random commune on a random day; 5 to 30 persons take part, 8 on average:
the commune's seat-holders of that day (its Bí thư and chairs most often), a district official
or two half the time, now and then a provincial one, then the commune's local figures and a few
people named only once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

import pyoxigraph as ox
from synthetic_graph import END, LABEL, PG, RDF_TYPE, START, World, lit

from polgraph.identity.resolution import IDENTITY_PREFIX, TENURE_PREFIX
from polgraph.namespaces import ID
from polgraph.namespaces import PG as PG_NS
from polgraph.pipeline.ingest import ONTOLOGY_GRAPH, VOCAB_GRAPH
from polgraph.rdf import iris
from polgraph.rdf.terms import to_ox
from polgraph.store.layout import SHARED_PREFIX
from polgraph.text.normalise import name_key, stable_slug
from polgraph.vocab import Vocabulary

KINDS = ["conference"] * 5 + [
    "congress",
    "council_session",
    "council_session",
    "voter_meeting",
    "working_visit",
    "ceremony",
    "other",
]
ACTS = ["attended"] * 6 + ["chaired", "presented_report", "speech", "directive_speech"]
XSD_DATE = "<http://www.w3.org/2001/XMLSchema#date>"
_CHUNK = 5000  # reports per bulk load
WORLD_VERSION = "w3"  # changes when the world or the quads change, so cached stores are rebuilt


def _day(value: dt.date) -> str:
    return f'"{value.isoformat()}"^^{XSD_DATE}'


class Writer:
    def __init__(self, world: World, vocabulary: Vocabulary, seed: int) -> None:
        self.world = world
        self.v = vocabulary
        self.seed = seed
        self.mentions: dict[str, list[str]] = defaultdict(list)  # person → mentions
        self.attested: dict[tuple[str, str], list[tuple[dt.date, str]]] = defaultdict(list)
        self.described: set[str] = set()  # the nodes whose description is written
        self.exclusive = {
            f"<{c}>"
            for c in vocabulary.vocab.subjects(PG_NS.exclusive, None)
            if str(vocabulary.vocab.value(c, PG_NS.exclusive)).lower() == "true"
        }

    def cast(self, rng: random.Random, place, on: dt.date) -> list[tuple[str, list[str]]]:
        """Who takes part, each with the posts attested: 5 to 30 persons, about 8 on average
        (the dev corpus names 7 a report). The Bí thư and the chairs come most often."""
        size = min(30, 5 + int(rng.expovariate(1 / 3)))
        chosen: dict[str, list[str]] = {}
        ranked = sorted(
            place.seats,
            key=lambda seat: rng.random() * (3 if seat.title in ("Bí thư", "Chủ tịch") else 1),
            reverse=True,
        )
        for seat in ranked[: max(2, round(size * 0.55))]:
            chosen.setdefault(seat.holder(on), []).append(seat.post)
        for seats, chance in (
            (place.district_seats, 0.5),
            (place.district_seats, 0.1),
            (place.province_seats, 0.03),
        ):
            if rng.random() < chance:
                seat = rng.choice(seats)
                chosen.setdefault(seat.holder(on), []).append(seat.post)
        while len(chosen) < size:
            person = rng.choice(place.figures) if rng.random() < 0.8 else self.world.person()
            chosen.setdefault(person, [])
        return list(chosen.items())

    def report(self, index: int) -> list[str]:
        rng = random.Random(index * 7919 + self.seed)
        digest = hashlib.sha256(f"synthetic-{index}".encode()).hexdigest()
        graph = f"<{iris.report(digest)}>"
        report, event = graph, f"<{iris.event(digest)}>"
        place = rng.choice(self.world.communes)
        on = START + dt.timedelta(days=rng.randrange((END - START).days + 1))
        kind = rng.choice(KINDS)
        cast = self.cast(rng, place, on)
        organiser = place.seats[0].body
        t = [
            (report, RDF_TYPE, f"<{PG}Report>"),
            (report, f"<{PG}textHash>", lit(digest)),
            (report, f"<{PG}reportKey>", lit(f"syn-{index:06d}")),
            (report, f"<{PG}title>", lit(f"Hội nghị số {index}")),
            (report, f"<{PG}published>", _day(on)),
            (event, RDF_TYPE, f"<{self.v.event_classes[kind]}>"),
            (event, LABEL, lit(f"Hội nghị {place.unit.name} số {index}")),
            (event, f"<{PG}source>", report),
            (event, f"<{PG}date>", _day(on)),
            (event, f"<{PG}place>", place.unit.iri),
            (event, f"<{PG}organiser>", organiser),
        ]
        shared = list(place.unit.description)
        bodies = {organiser}
        named: set[str] = set()
        for person, posts in cast:
            name = self.world.names[person]
            if name in named:
                # a report names a person once: two namesakes at one event would be one mention
                continue
            named.add(name)
            mention = f"<{iris.person(digest, name)}>"
            self.mentions[person].append(mention)
            t += [
                (mention, RDF_TYPE, f"<{PG}PersonMention>"),
                (mention, f"<{PG}name>", lit(name)),
                (mention, f"<{PG}nameKey>", lit(name_key(name))),
            ]
            for post in posts:
                attestation = f"<{iris.attestation(digest, mention[1:-1], post[1:-1])}>"
                self.attested[person, post].append((on, attestation))
                bodies.add(self.world.body_of[post])
                shared += self.world.triples[post]
                t += [
                    (attestation, RDF_TYPE, f"<{PG}RoleAttestation>"),
                    (attestation, f"<{PG}person>", mention),
                    (attestation, f"<{PG}post>", post),
                    (attestation, f"<{PG}event>", event),
                    (attestation, f"<{PG}source>", report),
                ]
            participation = f"<{iris.participation(digest, mention[1:-1])}>"
            act = rng.choice(ACTS)
            t += [
                (participation, RDF_TYPE, f"<{PG}Participation>"),
                (participation, f"<{PG}participant>", mention),
                (participation, f"<{PG}event>", event),
                (participation, f"<{PG}source>", report),
                (participation, f"<{PG}act>", f"<{self.v.acts[act]}>"),
            ]
            if act in ("speech", "directive_speech"):
                speech = f"<{iris.speech(digest, mention[1:-1], 0)}>"
                t += [
                    (speech, RDF_TYPE, f"<{PG}Speech>"),
                    (speech, f"<{PG}speaker>", mention),
                    (speech, f"<{PG}event>", event),
                    (speech, f"<{PG}speechKind>", f"<{self.v.acts[act]}>"),
                    (speech, f"<{PG}source>", report),
                    (speech, f"<{PG}topic>", lit(f"về nhiệm vụ {rng.randrange(40)}")),
                ]
        for body in bodies:
            shared += self.world.describe(body)
        lines = []
        for node in {s for s, _, _ in shared}:  # each node's description in a graph of its own
            described = f"<{SHARED_PREFIX}{node[1:-1].removeprefix(str(ID))}/synthetic>"
            t.append((report, f"<{PG}sharedDescription>", described))
            if node not in self.described:
                self.described.add(node)
                lines += [f"{s} {p} {o} {described} .\n" for s, p, o in set(shared) if s == node]
        # a graph holds each triple once
        return lines + [f"{s} {p} {o} {graph} .\n" for s, p, o in set(t)]

    def identities(self) -> list[str]:
        lines = []
        for person, mentions in self.mentions.items():
            name = self.world.names[person]
            graph = f"<{IDENTITY_PREFIX}{stable_slug(name_key(name))}>"
            triples = [
                (person, RDF_TYPE, f"<{PG}Person>"),
                (person, f"<{PG}name>", lit(name)),
                (person, f"<{PG}nameKey>", lit(name_key(name))),
            ]
            triples += [(m, f"<{PG}mentionOf>", person) for m in mentions]
            lines += [f"{s} {p} {o} {graph} .\n" for s, p, o in triples]
        return lines

    def tenures(self) -> list[str]:
        by_post: dict[str, list[tuple[dt.date, dt.date, str, str, list[str]]]] = defaultdict(list)
        for (person, post), seen in self.attested.items():
            seen.sort()
            tenure = f"<{ID}tenure/{hashlib.sha256(f'{person}{post}'.encode()).hexdigest()[:24]}>"
            by_post[post].append((seen[0][0], seen[-1][0], person, tenure, [a for _, a in seen]))
        lines = []
        for post, tenures in by_post.items():
            graph = f"<{TENURE_PREFIX}{hashlib.sha256(post[1:-1].encode()).hexdigest()[:24]}>"
            tenures.sort()
            triples = []
            for first, last, person, tenure, attestations in tenures:
                triples += [
                    (tenure, RDF_TYPE, f"<{PG}Tenure>"),
                    (tenure, f"<{PG}holder>", person),
                    (tenure, f"<{PG}post>", post),
                    (tenure, f"<{PG}firstEvidence>", _day(first)),
                    (tenure, f"<{PG}lastEvidence>", _day(last)),
                    (
                        tenure,
                        f"<{PG}openedByElection>",
                        '"false"^^<http://www.w3.org/2001/XMLSchema#boolean>',
                    ),
                ]
                triples += [(tenure, f"<{PG}attestedBy>", a) for a in attestations]
            concept = next(
                (o for _, p, o in self.world.triples[post] if p.endswith("postType>")), None
            )
            if concept in self.exclusive:
                for before, after in pairwise(tenures):
                    if before[2] != after[2]:
                        triples += [
                            (before[3], f"<{PG}successor>", after[3]),
                            (after[3], f"<{PG}predecessor>", before[3]),
                        ]
            lines += [f"{s} {p} {o} {graph} .\n" for s, p, o in triples]
        return lines


def build(path: Path, reports: int, vocabulary: Vocabulary, seed: int = 7, progress=print) -> None:
    """Write ``reports`` synthetic reports, their identities and tenures, and the model graphs."""
    store = ox.Store(str(path))
    store.bulk_extend(
        ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.NamedNode(str(g)))
        for g, graph in ((ONTOLOGY_GRAPH, vocabulary.ontology), (VOCAB_GRAPH, vocabulary.vocab))
        for s, p, o in graph
    )
    world = World(vocabulary, seed)
    writer = Writer(world, vocabulary, seed)
    for start in range(0, reports, _CHUNK):
        lines = [
            line
            for index in range(start, min(reports, start + _CHUNK))
            for line in writer.report(index)
        ]
        store.bulk_load("".join(lines).encode("utf-8"), ox.RdfFormat.N_QUADS)
        progress(f"  {min(reports, start + _CHUNK):,} reports written")
    store.bulk_load("".join(writer.identities()).encode("utf-8"), ox.RdfFormat.N_QUADS)
    store.bulk_load("".join(writer.tenures()).encode("utf-8"), ox.RdfFormat.N_QUADS)
    store.flush()
    store.optimize()
    del store
