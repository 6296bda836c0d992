"""The answers ``/docs`` shows for the networks the pages draw: the seed meeting of xã Cẩm Lộc
(``place=xã Cẩm Lộc&to=2023-12-31``: nine persons, each tied to the eight others) cut to Nguyễn
Viết Đồng, Võ Nam and their tie; and Nguyễn Viết Đồng's own network, where the two also share a
body."""

from __future__ import annotations

from polgraph.server.api.examples import DONG, EVENT, PARTY_COMMITTEE, PEOPLES_COMMITTEE, VO_NAM

_DONG_POSTS = ["Chủ tịch Ủy ban nhân dân xã Cẩm Lộc", "Phó Bí thư Đảng ủy xã Cẩm Lộc"]
_VO_NAM_POSTS = ["Bí thư Đảng ủy xã Cẩm Lộc", "Chủ tịch Hội đồng nhân dân xã Cẩm Lộc"]
_PLACE = "https://w3id.org/polgraph/id/unit/legacy/commune/18730"
_DATE = "2023-05-16"


def _node(person: dict, posts: list[str], rank: int, community: int, **measured: float) -> dict:
    return {
        "id": person["iri"],
        "name": person["name"],
        "page": person["href"].removeprefix("/api"),
        "kind": "person",
        "posts": posts,
        "community": community,
        "ego": False,
        "rank": rank,
        "events": 1,
        **measured,
    }


_SEED = {
    "degree": 8,
    "weighted_degree": 8,
    "degree_centrality": 1.0,
    "betweenness": 0.0,
    "eigenvector": 0.3333333333333333,
    "size": 8,
}
_TIE = {
    "source": DONG["iri"],
    "target": VO_NAM["iri"],
    "weight": 1,
    "first": _DATE,
    "last": _DATE,
    "dates": [_DATE],
    "events": 1,
}
RANKED_JSON = {
    "projection": "coattendance",
    "directed": False,
    "measure": "weighted_degree",
    "network": {"nodes": 9, "ties": 36},
    "nodes": [_node(DONG, _DONG_POSTS, 3, 0, **_SEED), _node(VO_NAM, _VO_NAM_POSTS, 7, 0, **_SEED)],
    "edges": [_TIE],
}
EGO_JSON = {
    "projection": "ego",
    "directed": False,
    "measure": "weighted_degree",
    "network": {"nodes": 10, "ties": 39},
    "nodes": [
        {
            **_node(
                DONG,
                _DONG_POSTS,
                0,
                1,
                degree=9,
                weighted_degree=12,
                degree_centrality=1.0,
                betweenness=0.05555555555555555,
                eigenvector=0.4091641117723291,
                size=12,
            ),
            "ego": True,
        },
        _node(
            VO_NAM,
            _VO_NAM_POSTS,
            2,
            1,
            degree=9,
            weighted_degree=11,
            degree_centrality=1.0,
            betweenness=0.05555555555555555,
            eigenvector=0.37964737236686297,
            size=11,
        ),
    ],
    # tied by the meeting and by the party committee both sat on
    "edges": [{**_TIE, "weight": 2, "bodies": 1}],
}

_MEASURE_COLUMNS = "betweenness,bodies,community,degree,degree_centrality,eigenvector,events"
NODES_CSV = (
    f"Id,Label,{_MEASURE_COLUMNS},iri,kind,name,places,posts,rank,weighted_degree\n"
    f"{DONG['iri']},{DONG['name']},0.0,{PARTY_COMMITTEE['iri']} | {PEOPLES_COMMITTEE['iri']},"
    f"0,8,1.0,0.3333333333333333,1,{DONG['iri']},person,{DONG['name']},"
    f"{_PLACE},{' | '.join(_DONG_POSTS)},3,8\n"
)
EDGES_CSV = (
    "Source,Target,Type,Weight,dates,events,first,last\n"
    f"{DONG['iri']},{VO_NAM['iri']},Undirected,1,{_DATE},{EVENT['iri']},{_DATE},{_DATE}\n"
)
GRAPHML = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" …>'
    '<key id="d21" for="edge" attr.name="dates" attr.type="string"/> … '
    '<graph edgedefault="undirected"> … '
    f'<node id="{DONG["iri"]}">\n  <data key="d2">{DONG["name"]}</data> … '
    '<data key="d11">8</data> … </node> … '
    f'<edge source="{DONG["iri"]}" target="{VO_NAM["iri"]}">\n  <data key="d17">1</data> … '
    f'<data key="d21">{_DATE}</data>\n</edge>\n</graph></graphml>\n'
)
GEXF = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">\n'
    '  <graph defaultedgetype="undirected" mode="static" name="">\n'
    "    <!-- node attributes: kind, iri, name, events, posts, places, bodies, degree,\n"
    "         weighted_degree, degree_centrality, betweenness, eigenvector, rank, community;\n"
    "         edge attributes: events, first, last, dates -->\n"
    f'    <nodes>\n      <node id="{DONG["iri"]}" label="{DONG["name"]}"> … </node> … </nodes>\n'
    f'    <edges>\n      <edge source="{DONG["iri"]}" target="{VO_NAM["iri"]}" id="0" weight="1">'
    " … </edge> … </edges>\n  </graph>\n</gexf>\n"
)
_FILES = {
    "application/graphml+xml": GRAPHML,
    "application/gexf+xml": GEXF,
    "text/csv": NODES_CSV,
}
RANKED_FILES = {"application/json": RANKED_JSON, **_FILES}
EGO_FILES = {
    "application/json": EGO_JSON,
    **_FILES,
    "image/png": "(PNG bytes: 1200 × 1200 pixels)",
    "image/svg+xml": (
        '<svg xmlns="http://www.w3.org/2000/svg" width="864pt" height="864pt" '
        f'viewBox="0 0 864 864"> … <text …>{DONG["name"]}</text> … </svg>'
    ),
}
