"""The IRIs polgraph uses: its ontology, its vocabularies and the base of its data."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    TIME,
    XSD,
    DefinedNamespace,
)


class PG(DefinedNamespace):
    """The polgraph ontology (``ontology/polgraph.ttl``); a misspelt term raises AttributeError."""

    _NS = Namespace("https://w3id.org/polgraph/ontology#")
    _fail = True

    # classes
    Abbreviation: URIRef
    ActType: URIRef
    Anniversary: URIRef
    ArchivedPage: URIRef
    Area: URIRef
    AreaLevel: URIRef
    BodyType: URIRef
    Centre: URIRef
    Ceremony: URIRef
    Commune: URIRef
    CompoundTitle: URIRef
    Conference: URIRef
    Congress: URIRef
    CouncilBoard: URIRef
    CouncilSession: URIRef
    DelegateGroup: URIRef
    District: URIRef
    Document: URIRef
    DocumentKind: URIRef
    Enterprise: URIRef
    Event: URIRef
    EventKind: URIRef
    ExecutiveCommittee: URIRef
    FarmersAssociation: URIRef
    FatherlandFront: URIRef
    GovernmentOffice: URIRef
    IdentityLink: URIRef
    InspectionCommission: URIRef
    Legislature: URIRef
    MassMobilisationBoard: URIRef
    MassOrganisation: URIRef
    MilitaryCommand: URIRef
    OrganisationBoard: URIRef
    Organization: URIRef
    Participation: URIRef
    PartyBoard: URIRef
    PartyCell: URIRef
    PartyCommittee: URIRef
    PartyOffice: URIRef
    PartyOrganisation: URIRef
    PeoplesCommittee: URIRef
    PeoplesCouncil: URIRef
    Person: URIRef
    PersonMention: URIRef
    Police: URIRef
    Post: URIRef
    PostType: URIRef
    PropagandaBoard: URIRef
    Province: URIRef
    Report: URIRef
    RoleAttestation: URIRef
    School: URIRef
    Speech: URIRef
    StandingCommittee: URIRef
    Tenure: URIRef
    Term: URIRef
    TextSpan: URIRef
    TradeUnion: URIRef
    VeteransAssociation: URIRef
    Village: URIRef
    VillageAdministration: URIRef
    VoterMeeting: URIRef
    WomensUnion: URIRef
    WorkingVisit: URIRef
    YouthUnion: URIRef
    # properties
    act: URIRef
    adminStructure: URIRef
    archivedPage: URIRef
    areaClass: URIRef
    asWritten: URIRef
    attestedBy: URIRef
    bodyType: URIRef
    capacity: URIRef
    cites: URIRef
    correctionsDigest: URIRef
    cue: URIRef
    date: URIRef
    dateYearInferred: URIRef
    defaultBodyType: URIRef
    deputyOf: URIRef
    documentKind: URIRef
    documentNumber: URIRef
    elected: URIRef
    endDate: URIRef
    endYear: URIRef
    event: URIRef
    evidence: URIRef
    exclusive: URIRef
    expandsTo: URIRef
    firstEvidence: URIRef
    gender: URIRef
    holder: URIRef
    identityLink: URIRef
    implements: URIRef
    impliesBodyType: URIRef
    impliesPost: URIRef
    issued: URIRef
    issuer: URIRef
    jurisdiction: URIRef
    kindCode: URIRef
    kindOrder: URIRef
    lastEvidence: URIRef
    level: URIRef
    linkDetail: URIRef
    linkedMention: URIRef
    linkReason: URIRef
    mentionOf: URIRef
    name: URIRef
    nameKey: URIRef
    notAfter: URIRef
    objectCue: URIRef
    objectPrefix: URIRef
    officialCode: URIRef
    openedByElection: URIRef
    organiser: URIRef
    orgClass: URIRef
    originDate: URIRef
    participant: URIRef
    pendingName: URIRef
    pendingPost: URIRef
    pendingReport: URIRef
    partOf: URIRef
    person: URIRef
    place: URIRef
    post: URIRef
    postTitle: URIRef
    postType: URIRef
    predecessor: URIRef
    published: URIRef
    reportKey: URIRef
    sharedDescription: URIRef
    source: URIRef
    speaker: URIRef
    speechKind: URIRef
    startYear: URIRef
    successor: URIRef
    successorUnit: URIRef
    term: URIRef
    text: URIRef
    textHash: URIRef
    title: URIRef
    topic: URIRef
    url: URIRef
    verbCue: URIRef
    warcFile: URIRef
    warcTargetUri: URIRef
    weakCue: URIRef


ONTOLOGY_IRI = "https://w3id.org/polgraph/ontology"
VOCAB = "https://w3id.org/polgraph/vocab/"
POST = Namespace(VOCAB + "post/")
BODY = Namespace(VOCAB + "body/")
ACT = Namespace(VOCAB + "act/")
AREA_LEVEL = Namespace(VOCAB + "area-level/")
ID = Namespace("https://w3id.org/polgraph/id/")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")

# Graphs that hold the model itself rather than a report.
MODEL_GRAPH_PREFIX = "https://w3id.org/polgraph/graph/"

PREFIXES: dict[str, str] = {
    "pg": str(PG),
    "post": str(POST),
    "body": str(BODY),
    "act": str(ACT),
    "id": str(ID),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "org": str(ORG),
    "foaf": str(FOAF),
    "prov": str(PROV),
    "time": str(TIME),
    "dcterms": str(DCTERMS),
    "oa": str(OA),
    "schema": str(SCHEMA),
}

__all__ = [
    "ACT",
    "AREA_LEVEL",
    "BODY",
    "ID",
    "MODEL_GRAPH_PREFIX",
    "OA",
    "ONTOLOGY_IRI",
    "PG",
    "POST",
    "PREFIXES",
    "SCHEMA",
    "VOCAB",
]
