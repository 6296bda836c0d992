"""Map one report's extraction to its RDF graph, following ``ontology/polgraph.ttl``."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV, RDF, RDFS, XSD
from rdflib.term import Node

from polgraph.extract.schema import ArchivedCapture, Document, Extraction, Person, Speech
from polgraph.namespaces import OA, PG
from polgraph.places.gazetteer import AdminUnit, AdminUnits, admin_units
from polgraph.rdf import iris
from polgraph.text.normalise import name_key, nfc, normalise_label
from polgraph.vocab import Vocabulary

# Bodies that exist inside another one named after them: "Ban Thường vụ Huyện ủy X" is part of
# "Huyện ủy X"; "Ban Tuyên giáo Huyện ủy X" too. A school's name after "Chi bộ" is not a parent.
_NESTED_CLASSES = {
    PG.StandingCommittee,
    PG.ExecutiveCommittee,
    PG.PartyBoard,
    PG.PropagandaBoard,
    PG.MassMobilisationBoard,
    PG.OrganisationBoard,
    PG.InspectionCommission,
    PG.PartyOffice,
    PG.CouncilBoard,
    PG.GovernmentOffice,
}
_DISTRICT_COMMITTEE = {"Huyện": "Huyện ủy", "Quận": "Quận ủy", "Thị": "Thị ủy", "Thành": "Thành ủy"}
# Party committees named after their place without a level word ("Huyện ủy Cẩm Xuyên"): the
# committee's own name says which kind of unit it is.
_COMMITTEE_UNIT_WORD = {
    "huyện ủy": "huyện",
    "quận ủy": "quận",
    "thị ủy": "thị xã",
    "thành ủy": "thành phố",
    "tỉnh ủy": "tỉnh",
}


def _with_level_word(body_label: str, rest: str) -> str:
    word = _COMMITTEE_UNIT_WORD.get(name_key(body_label))
    return f"{word} {rest}" if word and not name_key(rest).startswith(word + " ") else rest


@lru_cache(maxsize=65536)
def _integer(value: int) -> Literal:
    # Span offsets repeat across reports; building an rdflib Literal costs more than looking one up.
    return Literal(value, datatype=XSD.integer)


_UNIT_CLASSES = {"province": PG.Province, "district": PG.District, "commune": PG.Commune}


def _unit_key(unit: AdminUnit | None) -> str | None:
    return None if unit is None else f"{unit.structure}/{unit.level}/{unit.code}"


@dataclass(frozen=True)
class ReportGraph:
    """A report's facts as RDF.

    ``own`` is what only this report says (its event, mentions, attestations, participations,
    speeches, spans) and is stored as the named graph ``iri``. ``shared`` describes the nodes
    other reports name too (official units, written places, bodies, posts, terms, documents),
    node by node; each description is a function of its node's IRI, so every report that names
    the node describes it alike, and the store keeps it once (``polgraph.store.layout``).
    """

    iri: URIRef
    own: frozenset[tuple]
    shared: dict[URIRef, frozenset[tuple]]
    key: str | None
    digest: str

    @cached_property
    def triples(self) -> frozenset[tuple]:
        """Everything the report states: its own facts and the shared nodes' descriptions."""
        return self.own.union(*self.shared.values())

    @cached_property
    def graph(self) -> Graph:
        """The triples as an rdflib graph, for callers that want one (built on first use)."""
        graph = Graph()
        graph.addN((s, p, o, graph) for s, p, o in self.triples)
        return graph


def organization_label(name: str, vocabulary: Vocabulary) -> str:
    """A body's name as its node is labelled and named: spelt out, in the vocabulary's spelling."""
    label = normalise_label(name)
    found = vocabulary.body_type(label)
    return f"{found[0].label} {found[1]}".strip() if found else label


def report_digest(extraction: Extraction) -> str:
    """The report's identity: its text when it has one, else its structured content."""
    if extraction.report.text:
        return iris.content_hash(nfc(extraction.report.text))
    canonical = json.dumps(extraction.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return iris.content_hash(canonical)


class _Mapper:
    def __init__(self, extraction: Extraction, vocabulary: Vocabulary, units: AdminUnits) -> None:
        self.x = extraction
        self.v = vocabulary
        self.units = units
        self.place_unit: AdminUnit | None = None  # the official unit the event took place in
        self.digest = report_digest(extraction)
        self.report = iris.report(self.digest)
        self.event = iris.event(self.digest)
        self.text = nfc(extraction.report.text) if extraction.report.text else None
        # Two entries with one name are one person here (persons are keyed by name within a
        # report), so their speeches are numbered across entries.
        self.speech_count: dict[URIRef, int] = {}
        self.g: set[tuple] = set()  # a plain set: rdflib's Graph.add costs more than the mapping
        self.shared: dict[URIRef, set[tuple]] = {}
        # A unit, body or post named many times in a report is described once.
        self.units_done: dict[tuple, URIRef] = {}
        self.organizations_done: dict[str, URIRef] = {}
        self.homes: dict[URIRef, AdminUnit | None] = {}  # the unit each body's IRI is scoped by
        self.posts_done: dict[tuple, URIRef] = {}

    def add(self, s: Node, p: Node, o: Node) -> None:
        self.g.add((s, p, o))

    def describe(self, node: URIRef, p: Node, o: Node) -> None:
        """A triple of a shared node's description: it must follow from the node's IRI alone."""
        self.shared.setdefault(node, set()).add((node, p, o))

    # -- provenance ------------------------------------------------------------------------
    def map_report(self) -> None:
        meta, r = self.x.report, self.report
        self.add(r, RDF.type, PG.Report)
        self.add(r, PG.textHash, Literal(self.digest))
        self.add(r, PG.reportKey, Literal(self.x.id or self.digest[:12]))
        if meta.title:
            self.add(r, PG.title, Literal(nfc(meta.title)))
        if meta.published:
            self.add(r, PG.published, Literal(meta.published, datatype=XSD.date))
        if meta.url:
            self.add(r, PG.url, Literal(meta.url, datatype=XSD.anyURI))
        if self.text is not None:
            self.add(r, PG.text, Literal(self.text))
        if meta.archived is not None:
            self.map_archived_page(meta.archived)

    def map_archived_page(self, capture: ArchivedCapture) -> None:
        """The WARC record the report was read from, named by its record ID."""
        page = URIRef(capture.record.lower())
        fetched = capture.fetched
        if fetched.tzinfo is None:
            fetched = fetched.replace(tzinfo=dt.UTC)
        self.add(self.report, PG.archivedPage, page)
        self.add(page, RDF.type, PG.ArchivedPage)
        self.add(page, PG.warcTargetUri, Literal(capture.target, datatype=XSD.anyURI))
        self.add(
            page, PROV.generatedAtTime, Literal(fetched.astimezone(dt.UTC), datatype=XSD.dateTime)
        )
        self.add(page, PG.warcFile, Literal(capture.file))

    def span(self, subject: URIRef, span: tuple[int, int] | None) -> None:
        if span is None:
            return
        start, end = span
        # The span's type follows from pg:evidence's range, and its words from the report's text:
        # neither is stored, which keeps a report's graph (and its validation) a third smaller.
        node = iris.span(self.report, start, end)
        self.add(subject, PG.evidence, node)
        self.add(node, OA.start, _integer(start))
        self.add(node, OA.end, _integer(end))

    def sourced(self, subject: URIRef) -> None:
        self.add(subject, PG.source, self.report)

    # -- places and bodies -----------------------------------------------------------------
    def area(self, place: str) -> URIRef:
        """ "xã Cẩm Lộc, huyện Cẩm Xuyên" → the official commune (with its code, its district and
        province, and the unit it became in 2025); a place the official lists do not settle is
        kept by its written names."""
        parts = [normalise_label(p) for p in re.split(r"\s*,\s*", place) if p.strip()]
        # A unit merged away before the official lists were drawn up ("xã Thạch Kim" of 2024)
        # is kept by its written name, inside the nearest unit above it that the lists know.
        for index in range(len(parts)):
            unit = self.units.resolve(", ".join(parts[index:]), on=self._event_date())
            if unit is not None:
                break
        if unit is None:
            return self._written_area(parts)
        self.place_unit = unit
        node = self.unit(unit)
        kept = [p for p in parts[:index] if not self._below_commune(p)]
        for written in reversed(kept):
            node = self._written_area([written], inside=node)
        for village in reversed([p for p in parts if self._below_commune(p)]):
            node = self._written_area([village], inside=node)
        return node

    def _written_area(self, parts: list[str], inside: URIRef | None = None) -> URIRef:
        """Areas known only by the names the report writes, each part of the next. Each is
        named within the area it is part of ("thôn 3" of one commune is not that of another),
        so what a node is part of follows from its IRI."""
        node = inside
        for part in reversed(parts):
            parent, node = node, iris.area(part, str(node) if node is not None else None)
            found = self.v.area_level(part)
            self.describe(node, RDF.type, found[0].area_class if found else PG.Area)
            self.describe(node, RDFS.label, Literal(part))
            if parent is not None:
                self.describe(node, PG.partOf, parent)
        assert node is not None
        return node

    def _below_commune(self, part: str) -> bool:
        found = self.v.area_level(part)
        return found is not None and found[0].area_class == PG.Village

    def _event_date(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self.x.event.date) if self.x.event.date else None
        except ValueError:
            return None

    def unit(self, unit: AdminUnit) -> URIRef:
        """An official unit and those above it, each with its code, and the 2025 successor."""
        key = (unit.structure, unit.level, unit.code)
        if key in self.units_done:
            return self.units_done[key]
        node = self.units_done[key] = iris.unit(*key)
        self.describe(node, RDF.type, _UNIT_CLASSES[unit.level])
        self.describe(node, RDFS.label, Literal(unit.name))
        self.describe(node, PG.officialCode, Literal(unit.code))
        self.describe(node, PG.adminStructure, Literal(unit.structure))
        if unit.parent is not None:
            self.describe(node, PG.partOf, self.unit(unit.parent))
        successor = self.units.successor(unit)
        if successor is not None:
            self.describe(node, PG.successorUnit, self.unit(successor))
        return node

    def jurisdiction(self, locality: str) -> AdminUnit | None:
        """The official unit a body's locality ("xã Cẩm Lộc", "huyện Cẩm Xuyên") names, looked up
        inside the units of the report's place, most specific first."""
        if self.place_unit is None or not self.v.area_level(locality):
            return None
        for within in [self.place_unit, *self.place_unit.chain[1:]]:
            if name_key(within.name) == name_key(locality):
                return within
        for within in self.place_unit.chain[1:]:
            found = self.units.resolve(locality, within=within)
            if found is not None:
                return found
        return None

    def organization(self, name: str) -> URIRef:
        """A body, named by its spelt-out name: "UBND xã X" and "Ủy ban nhân dân xã X" are one."""
        if name in self.organizations_done:
            return self.organizations_done[name]
        node = self.organizations_done[name] = self._organization(name)
        return node

    def _organization(self, name: str) -> URIRef:
        """A body's description depends on where the report is (which commune "xã Tân Phú" is,
        which commune a village's party cell belongs to), so a body placed in an official unit
        is named within it: namesake bodies of two provinces are two nodes, and each node's
        description follows from its IRI."""
        label = organization_label(name, self.v)
        found = self.v.body_type(label)
        if not found:
            return self._describe_organization(iris.organization(label), label, None, [])
        body, rest = found
        triples: list[tuple] = [(RDF.type, body.org_class), (PG.bodyType, body.concept)]
        home: AdminUnit | None = None
        if body.org_class in _NESTED_CLASSES and rest and self.v.body_type(rest):
            inside = self.organization(rest)
            home = self.homes[inside]
            triples.append((ORG.subOrganizationOf, inside))
        unit = self.jurisdiction(_with_level_word(body.label, rest)) if rest else None
        if unit is not None:
            home = unit
            triples.append((PG.jurisdiction, self.unit(unit)))
        parent = self.party_parent(body.org_class, unit)
        if parent is not None and parent != label:
            above = self.organization(parent)
            home = home or self.homes[above]
            triples.append((ORG.subOrganizationOf, above))
        return self._describe_organization(
            iris.organization(label, _unit_key(home)), label, home, triples
        )

    def _describe_organization(
        self, node: URIRef, label: str, home: AdminUnit | None, triples: list[tuple]
    ) -> URIRef:
        self.homes[node] = home
        self.describe(node, RDF.type, PG.Organization)
        self.describe(node, RDFS.label, Literal(label))
        for p, o in triples:
            self.describe(node, p, o)
        return node

    def party_parent(self, org_class: URIRef, unit: AdminUnit | None) -> str | None:
        """The party committee one level up: a party cell sits under its commune's committee,
        a commune's committee under its district's (in the units before 2025)."""
        if org_class == PG.PartyCell and self.place_unit is not None:
            commune = next((u for u in self.place_unit.chain if u.level == "commune"), None)
            return f"Đảng ủy {commune.name[0].lower()}{commune.name[1:]}" if commune else None
        if (
            org_class == PG.PartyCommittee
            and unit is not None
            and unit.level == "commune"
            and unit.parent is not None
            and unit.parent.level == "district"
        ):
            committee = _DISTRICT_COMMITTEE.get(unit.parent.name.split()[0], "Huyện ủy")
            return f"{committee} {unit.parent.short_name}"
        return None

    def organisers(self, written: str) -> list[str]:
        """ "Đảng ủy, HĐND, UBND, Ủy ban MTTQ xã Nghi Phong" is four bodies of one commune."""
        parts = [p.strip() for p in re.split(r",|\s+và\s+", normalise_label(written)) if p.strip()]
        found = [body for body in map(self.v.body_type, parts) if body is not None]
        if len(parts) < 2 or len(found) < len(parts):
            return [written]
        place = found[-1][1]
        return [
            p if rest or not place else f"{p} {place}"
            for p, (_, rest) in zip(parts, found, strict=True)
        ]

    def post(self, title: str, org_name: str | None) -> URIRef:
        if (title, org_name) not in self.posts_done:
            self.posts_done[title, org_name] = self._post(title, org_name)
        return self.posts_done[title, org_name]

    def _post(self, title: str, org_name: str | None) -> URIRef:
        title = normalise_label(title)
        org_label = normalise_label(org_name) if org_name else None
        body = self.organization(org_label) if org_label else None
        node = iris.post(title, body)
        self.describe(node, RDF.type, PG.Post)
        self.describe(node, PG.postTitle, Literal(title))
        self.describe(node, RDFS.label, Literal(f"{title} {org_label}" if org_label else title))
        concept = self.v.post_type(title)
        if concept is not None:
            self.describe(node, PG.postType, concept)
        if body is not None:
            self.describe(node, ORG.postIn, body)
        return node

    # -- the event -------------------------------------------------------------------------
    def map_event(self) -> None:
        ev, e = self.x.event, self.event
        self.add(e, RDF.type, self.v.event_classes.get(ev.kind, PG.Event))
        self.add(
            e, RDFS.label, Literal(nfc(ev.name or self.x.report.title or self._default_label()))
        )
        self.sourced(e)
        self.span(e, ev.span)
        if ev.date:
            self.add(e, PG.date, Literal(ev.date, datatype=XSD.date))
            self.add(e, PG.dateYearInferred, Literal(ev.date_year_inferred))
        if ev.end_date:
            self.add(e, PG.endDate, Literal(ev.end_date, datatype=XSD.date))
        place = ev.place or self.x.report.place
        if place:
            self.add(e, PG.place, self.area(place))
        if ev.organiser:
            for organiser in self.organisers(ev.organiser):
                self.add(e, PG.organiser, self.organization(organiser))
        if ev.term:
            start, end = (int(y) for y in re.findall(r"\d{4}", ev.term))
            term = iris.term(start, end)
            self.add(e, PG.term, term)
            self.describe(term, RDF.type, PG.Term)
            self.describe(term, RDFS.label, Literal(f"{start}-{end}"))
            self.describe(term, PG.startYear, Literal(str(start), datatype=XSD.gYear))
            self.describe(term, PG.endYear, Literal(str(end), datatype=XSD.gYear))
        for doc in self.x.documents:
            self.document(doc)

    def document(self, doc: Document) -> None:
        """A document with a known issuer is named by what the report says of it (number,
        issuer, kind, date), so other reports citing it alike name the same node; with no
        issuer it is this report's own."""
        issuer = self.organization(doc.issuer) if doc.issuer else None
        kind = normalise_label(doc.kind) if doc.kind else None
        d = iris.document(doc.number, str(issuer) if issuer else None, self.digest, kind, doc.date)
        say = self.describe if issuer is not None else self.add
        self.add(self.event, PG.implements if doc.relation == "implements" else PG.cites, d)
        say(d, RDF.type, PG.Document)
        say(d, RDFS.label, Literal(f"{kind} {doc.number}" if kind else doc.number))
        say(d, PG.documentNumber, Literal(doc.number))
        if kind:
            say(d, PG.documentKind, Literal(kind))
        if issuer is not None:
            say(d, PG.issuer, issuer)
        if doc.date:
            say(d, PG.issued, Literal(doc.date, datatype=XSD.date))
        self.span(d, doc.span)

    def _default_label(self) -> str:
        kind = self.v.event_classes.get(self.x.event.kind, PG.Event)
        label = next(
            (
                str(name)
                for name in self.v.ontology.objects(kind, RDFS.label)
                if isinstance(name, Literal) and name.language == "vi"
            ),
            "Sự kiện",
        )
        parts = [label, self.x.event.organiser, self.x.event.date]
        return " – ".join(p for p in parts if p)

    # -- people ----------------------------------------------------------------------------
    def map_person(self, person: Person) -> None:
        p = iris.person(self.digest, person.name)
        self.add(p, RDF.type, PG.PersonMention)
        self.add(p, PG.name, Literal(nfc(person.name)))
        self.add(p, PG.nameKey, Literal(name_key(person.name)))
        if person.gender:
            self.add(p, PG.gender, Literal(person.gender))

        attestations = []
        for role in person.roles:
            post = self.post(role.post, role.org)
            a = iris.attestation(self.digest, p, post)
            attestations.append(a)
            self.add(a, RDF.type, PG.RoleAttestation)
            self.add(a, PG.person, p)
            self.add(a, PG.post, post)
            self.add(a, PG.event, self.event)
            if role.elected:
                self.add(a, PG.elected, Literal(True))
            self.sourced(a)
            if role.as_written:
                self.add(a, PG.asWritten, Literal(nfc(role.as_written)))
            self.span(a, role.span)

        part = iris.participation(self.digest, p)
        self.add(part, RDF.type, PG.Participation)
        self.add(part, PG.participant, p)
        self.add(part, PG.event, self.event)
        self.sourced(part)
        for act in person.acts:
            self.add(part, PG.act, self.v.acts[act])
        if person.spans:
            # The first mention is the participation's evidence; the extraction JSON keeps them all.
            self.span(part, person.spans[0])

        speeches = list(person.speeches)
        for kind in ("speech", "directive_speech"):
            if kind in person.acts and not any(s.kind == kind for s in speeches):
                speeches.append(Speech(kind=kind))
        for speech in speeches:
            index = self.speech_count.get(p, 0)
            self.speech_count[p] = index + 1
            s = iris.speech(self.digest, p, index)
            self.add(s, RDF.type, PG.Speech)
            self.add(s, PG.speaker, p)
            self.add(s, PG.event, self.event)
            self.add(s, PG.speechKind, self.v.acts[speech.kind])
            self.sourced(s)
            if speech.topic:
                self.add(s, PG.topic, Literal(nfc(speech.topic)))
            capacity = speech.role if speech.role is not None else 0
            if attestations:
                self.add(s, PG.capacity, attestations[capacity])
            self.span(s, speech.span)

    def run(self) -> ReportGraph:
        self.map_report()
        place = self.x.event.place or self.x.report.place
        if place:  # before any body, so bodies can be placed in the report's units
            self.area(place)
        self.map_event()
        for person in self.x.persons:
            self.map_person(person)
        shared = {node: frozenset(triples) for node, triples in self.shared.items()}
        return ReportGraph(self.report, frozenset(self.g), shared, self.x.id, self.digest)


def map_extraction(
    extraction: Extraction, vocabulary: Vocabulary, units: AdminUnits | None = None
) -> ReportGraph:
    """The named graph of one report."""
    return _Mapper(extraction, vocabulary, units or admin_units()).run()
