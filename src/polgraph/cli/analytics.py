"""``polgraph analyze``, ``network`` and ``timeline``: the network analyses of
``polgraph.analytics`` over the store, as tables, files and pictures."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from polgraph.cli.options import (
    StoreAt,
    StoreGraphStoreOption,
    StoreOption,
    StoreUpdateOption,
    library,
    require_choice,
)
from polgraph.cli.output import USAGE, err, exit_codes, fail, out
from polgraph.files import atomic_output

if TYPE_CHECKING:
    from polgraph.analytics import KnowledgeGraph

FromOption = Annotated[
    str | None,
    typer.Option("--from", help="Only events (and tenures) on or after this date, YYYY-MM-DD."),
]
ToOption = Annotated[
    str | None,
    typer.Option("--to", help="Only events (and tenures) on or before this date, YYYY-MM-DD."),
]
PlaceOption = Annotated[
    str | None,
    typer.Option(
        "--place",
        help='Only events in this area: a name, accents optional ("xã Cẩm Lộc", "xa cam loc"), an '
        "official code or an IRI.",
    ),
]
OrgOption = Annotated[
    str | None,
    typer.Option(
        "--org",
        help='Only this body and its sub-bodies ("UBND xã Cẩm Lộc", accents optional, or an IRI): '
        "the events it organised "
        "or had a post-holder at, and its posts.",
    ),
]
PostOption = Annotated[
    str | None,
    typer.Option(
        "--post", help='succession: only this post, e.g. "Chủ tịch" (with --org: of that body).'
    ),
]


@contextmanager
def _analyses(store: StoreAt) -> Iterator[KnowledgeGraph]:
    """The analyses over the store, read-only. Unknown persons, places or bodies exit 1 and
    other bad arguments 2, each with its message."""
    from polgraph.analytics import AnalysisError, NotFoundError

    with library(store, read_only=True) as graph:
        with exit_codes():
            network = graph.network()
        with exit_codes((NotFoundError, 1), (AnalysisError, USAGE)):
            yield network


def analyze(
    what: Annotated[
        str, typer.Argument(help="centrality, communities, brokers, succession or careers.")
    ],
    start: FromOption = None,
    end: ToOption = None,
    place: PlaceOption = None,
    org: OrgOption = None,
    post: PostOption = None,
    person: Annotated[
        str | None,
        typer.Option("--person", help="careers: one person's career (a name or an IRI)."),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Rows to print; 0 prints all.")] = 25,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
    store: StoreOption = None,
    store_update: StoreUpdateOption = None,
    store_graph_store: StoreGraphStoreOption = None,
) -> None:
    """Measure the network of persons tied by shared events: centrality (degree, weighted degree,
    betweenness, eigenvector), Louvain communities, brokers (ties across areas or bodies),
    the succession in posts, or careers with their promotions."""
    from rich.table import Table

    from polgraph.analytics.tables import ANALYSES, OUTPUT_FORMATS, render

    require_choice(what, ANALYSES, "analysis")
    require_choice(fmt, OUTPUT_FORMATS)
    if limit < 0:
        raise fail("--limit takes 0 (all) or more rows", USAGE)
    filters: dict[str, Any] = {"start": start, "end": end, "place": place, "org": org}
    with _analyses(StoreAt(store, store_update, store_graph_store)) as kg:
        if what == "centrality":
            records = kg.centrality(**filters)
        elif what == "communities":
            records = kg.communities(**filters)
        elif what == "brokers":
            records = kg.brokers(**filters)
        elif what == "succession":
            records = kg.successions(post=post, **filters)
        else:
            records = kg.careers(person=person, **filters)
        rendered = render(what, records[:limit] if limit else records, fmt)
    if isinstance(rendered, str):
        sys.stdout.write(rendered)
        return
    if not rendered:
        err.print(f"nothing to show for {what} in this slice", highlight=False)
        return
    # A table is for reading: the IRIs beside the names are left to csv and json.
    columns = [c for c in rendered[0] if c != "person"]
    table = Table(*columns, title=f"{what}: {len(rendered)} of {len(records)}")
    for row in rendered:
        table.add_row(*(str(row[c]) for c in columns))
    console = out if out.is_terminal else Console(file=out.file, width=max(out.width, 240))
    console.print(table)


def network(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="graphml, gexf, csv, json, png or svg.")
    ] = "graphml",
    output: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="File to write (default stdout; png and svg need a file)."
        ),
    ] = None,
    projection: Annotated[
        str,
        typer.Option(
            "--projection", "-p", help="coattendance, person-org, cospeaking or succession."
        ),
    ] = "coattendance",
    start: FromOption = None,
    end: ToOption = None,
    place: PlaceOption = None,
    org: OrgOption = None,
    post: PostOption = None,
    limit: Annotated[
        int, typer.Option("--limit", help="png/svg: how many of the most tied nodes to draw.")
    ] = 150,
    store: StoreOption = None,
    store_update: StoreUpdateOption = None,
    store_graph_store: StoreGraphStoreOption = None,
) -> None:
    """Write a projection as a file Gephi opens (GraphML, GEXF), an edge list (CSV), JSON, or a
    picture (PNG, SVG) labelled with names and coloured by community."""
    from polgraph.analytics.drawing import IMAGE_FORMATS
    from polgraph.analytics.outputs import NETWORK_FORMATS, network_output

    require_choice(fmt, NETWORK_FORMATS)
    if fmt in IMAGE_FORMATS and output is None:
        raise fail(f"a {fmt} picture needs --out FILE", USAGE)
    with _analyses(StoreAt(store, store_update, store_graph_store)) as kg:
        graph, data = network_output(
            kg, fmt, projection, post=post, limit=limit, start=start, end=end, place=place, org=org
        )
    if output is None:
        sys.stdout.buffer.write(data)
        return
    with atomic_output(output) as sink:
        sink.write(data)
    err.print(
        f"{output}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges",
        highlight=False,
    )


def timeline(
    person: Annotated[str, typer.Argument(help="The person: a name, an IRI or the end of one.")],
    output: Annotated[
        Path, typer.Option("--out", "-o", help="The picture to write, .png or .svg.")
    ],
    store: StoreOption = None,
    store_update: StoreUpdateOption = None,
    store_graph_store: StoreGraphStoreOption = None,
) -> None:
    """Draw a person's posts as bars along time (first to last evidence) and the events they
    took part in as marks."""
    from polgraph.analytics.drawing import IMAGE_FORMATS
    from polgraph.analytics.outputs import timeline_output

    fmt = output.suffix.lower().lstrip(".")
    if fmt not in IMAGE_FORMATS:
        raise fail(f"--out must end in .png or .svg, not {output.name!r}", USAGE)
    with _analyses(StoreAt(store, store_update, store_graph_store)) as kg:
        career, data = timeline_output(kg, person, fmt)
    with atomic_output(output) as sink:
        sink.write(data)
    err.print(f"{output}: {career['name']}, {len(career['posts'])} post(s)", highlight=False)
