"""The answers ``/docs`` shows for ``/api/analytics`` and the timelines: the seed meeting of xã Cẩm
Lộc (``place=xã Cẩm Lộc``: the nine persons present, each tied to the eight others), cut to one
item per list and, for files, to Nguyễn Viết Đồng, Võ Nam and their tie. The sample reports
record no hand-over of a post, so the succession example is the dev corpus's xã Xuân Hòa."""

from __future__ import annotations

from polgraph.namespaces import ID
from polgraph.server.api.examples import (
    COMMUNE,
    DONG,
    EVENT,
    PARTY_COMMITTEE,
    PEOPLES_COMMITTEE,
    VO_NAM,
    page,
)

_ID = str(ID)
_DONG_POSTS = ["Chủ tịch Ủy ban nhân dân xã Cẩm Lộc", "Phó Bí thư Đảng ủy xã Cẩm Lộc"]
_VO_NAM_POSTS = ["Bí thư Đảng ủy xã Cẩm Lộc", "Chủ tịch Hội đồng nhân dân xã Cẩm Lộc"]

CENTRALITY = page(
    {
        **DONG,
        "posts": _DONG_POSTS,
        "events": 1,
        "degree": 8,
        "weighted_degree": 8,
        "degree_centrality": 1.0,
        "betweenness": 0.0,
        "eigenvector": 0.3333333333333333,
    }
)

COMMUNITIES = page(
    {
        "community": 0,
        "size": 9,
        "places": [COMMUNE],
        "bodies": [PARTY_COMMITTEE, PEOPLES_COMMITTEE],
        "members": [{**DONG, "posts": _DONG_POSTS, "weighted_degree": 8}],
    }
)

_XUAN_HOA = "uy-ban-nhan-dan-xa-xuan-hoa-9ae4b0bc"


def _person(ident: str, name: str) -> dict:
    return {
        "id": ident,
        "href": f"/api/persons/{ident}",
        "iri": f"{_ID}person/{ident}",
        "name": name,
    }


SUCCESSION = page(
    {
        "post": {
            "id": f"post/{_XUAN_HOA}/chu-tich-3ffdb9",
            "iri": f"{_ID}post/{_XUAN_HOA}/chu-tich-3ffdb9",
            "title": "Chủ tịch",
            "label": "Chủ tịch Ủy ban nhân dân xã Xuân Hòa",
        },
        "organization": {
            "id": _XUAN_HOA,
            "href": f"/api/organizations/{_XUAN_HOA}",
            "iri": f"{_ID}org/{_XUAN_HOA}",
            "label": "Ủy ban nhân dân xã Xuân Hòa",
        },
        "predecessor": _person("mai-van-quyet-d50c44d3-d095c7eb", "Mai Văn Quyết"),
        "successor": _person("khong-duc-thanh-692a7a1d-42a2e8cf", "Khổng Đức Thành"),
        "date": "2024-06-27",
        "predecessor_last": "2024-06-27",
        "elected": True,
    }
)

# -- files: the two persons and their tie, as each format writes them --------------------------
_PLACE = COMMUNE["iri"]
_DONG_BODIES = [PARTY_COMMITTEE["iri"], PEOPLES_COMMITTEE["iri"]]
_VO_NAM_BODIES = [PARTY_COMMITTEE["iri"], f"{_ID}org/hoi-dong-nhan-dan-xa-cam-loc-9b746b20"]


def _graphml_node(person: dict, posts: list[str], bodies: list[str]) -> str:
    return (
        f'<node id="{person["iri"]}">\n  <data key="d2">{person["name"]}</data>\n'
        f'  <data key="d3">person</data>\n  <data key="d4">{person["iri"]}</data>\n'
        f'  <data key="d5">{person["name"]}</data>\n  <data key="d6">1</data>\n'
        f'  <data key="d7">{" | ".join(posts)}</data>\n  <data key="d8">{_PLACE}</data>\n'
        f'  <data key="d9">{" | ".join(bodies)}</data>\n  <data key="d10">0</data>\n</node>\n'
    )


_KEYS = [
    ("d14", "edge", "last", "string"),
    ("d13", "edge", "first", "string"),
    ("d12", "edge", "events", "string"),
    ("d11", "edge", "weight", "long"),
    ("d10", "node", "community", "long"),
    ("d9", "node", "bodies", "string"),
    ("d8", "node", "places", "string"),
    ("d7", "node", "posts", "string"),
    ("d6", "node", "events", "long"),
    ("d5", "node", "name", "string"),
    ("d4", "node", "iri", "string"),
    ("d3", "node", "kind", "string"),
    ("d2", "node", "label", "string"),
    ("d1", "graph", "slice", "string"),
    ("d0", "graph", "projection", "string"),
]
GRAPHML = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'
    + "\n".join(
        f'<key id="{i}" for="{kind}" attr.name="{name}" attr.type="{t}"/>'
        for i, kind, name, t in _KEYS
    )
    + '\n<graph edgedefault="undirected"><data key="d0">coattendance</data>\n'
    '<data key="d1">in xã Cẩm Lộc</data>\n'
    + _graphml_node(DONG, _DONG_POSTS, _DONG_BODIES)
    + _graphml_node(VO_NAM, _VO_NAM_POSTS, _VO_NAM_BODIES)
    + f'<edge source="{DONG["iri"]}" target="{VO_NAM["iri"]}">\n  <data key="d11">1</data>\n'
    f'  <data key="d12">{EVENT["iri"]}</data>\n  <data key="d13">2023-05-16</data>\n'
    '  <data key="d14">2023-05-16</data>\n</edge>\n</graph></graphml>\n'
)

GEXF = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">\n'
    '  <graph defaultedgetype="undirected" mode="static" name="">\n'
    "    <!-- node attributes: kind, iri, name, events, posts, places, bodies, community;\n"
    "         edge attributes: events, first, last -->\n"
    f'    <nodes>\n      <node id="{DONG["iri"]}" label="{DONG["name"]}"> … </node>\n'
    f'      <node id="{VO_NAM["iri"]}" label="{VO_NAM["name"]}"> … </node>\n    </nodes>\n'
    "    <edges>\n"
    f'      <edge source="{DONG["iri"]}" target="{VO_NAM["iri"]}" id="0" weight="1"> … </edge>\n'
    "    </edges>\n  </graph>\n</gexf>\n"
)

EDGE_LIST = (
    "source,target,source_name,target_name,weight,events,first,last\n"
    f"{DONG['iri']},{VO_NAM['iri']},{DONG['name']},{VO_NAM['name']},1,{EVENT['iri']},"
    "2023-05-16,2023-05-16\n"
)


def _json_node(person: dict, posts: list[str], bodies: list[str]) -> dict:
    return {
        "id": person["iri"],
        "kind": "person",
        "iri": person["iri"],
        "name": person["name"],
        "events": 1,
        "posts": posts,
        "places": [_PLACE],
        "bodies": bodies,
        "community": 0,
    }


NETWORK_JSON = {
    "directed": False,
    "multigraph": False,
    "graph": {"projection": "coattendance", "slice": "in xã Cẩm Lộc"},
    "nodes": [
        _json_node(DONG, _DONG_POSTS, _DONG_BODIES),
        _json_node(VO_NAM, _VO_NAM_POSTS, _VO_NAM_BODIES),
    ],
    "edges": [
        {
            "source": DONG["iri"],
            "target": VO_NAM["iri"],
            "weight": 1,
            "events": [EVENT["iri"]],
            "first": "2023-05-16",
            "last": "2023-05-16",
        }
    ],
}

PNG = "(PNG bytes: 1200 × 1200 pixels for a network, 1100 pixels wide for a timeline)"
NETWORK_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="864pt" height="864pt" '
    'viewBox="0 0 864 864"> … '
    f"<text …>{DONG['name']}</text> … <text …>{VO_NAM['name']}</text> … </svg>"
)
TIMELINE_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="792pt" height="198pt" '
    'viewBox="0 0 792 198"> … '
    f"<text …>{_DONG_POSTS[0]}</text> … <text …>{_DONG_POSTS[1]}</text> … "
    "<text …>events</text> … </svg>"
)

NETWORK_FILES = {
    "application/graphml+xml": GRAPHML,
    "application/gexf+xml": GEXF,
    "text/csv": EDGE_LIST,
    "application/json": NETWORK_JSON,
    "image/png": PNG,
    "image/svg+xml": NETWORK_SVG,
}
