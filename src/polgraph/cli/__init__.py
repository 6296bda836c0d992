"""The ``polgraph`` command. It only builds library objects, calls them, and turns their errors
into messages and exit codes: 0 ok, 1 some input rejected (or the store failed), 2 usage error."""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from polgraph.errors import PolgraphError, QueryError, StoreError
from polgraph.settings import Settings

app = typer.Typer(
    name="polgraph",
    help="A knowledge graph of local political events: who held which role at which event.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# soft_wrap: messages stay on one line each, so they can be grepped and piped.
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


@app.callback()
def _setup() -> None:
    # rdflib logs a traceback for every ill-typed literal; the shapes already report those in words.
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)


StoreOption = Annotated[
    Path | None,
    typer.Option(
        "--store",
        envvar="POLGRAPH_STORE",
        help="Store folder (default ./var/store).",
        show_envvar=True,
    ),
]
Paths = Annotated[
    list[Path], typer.Argument(help="Report files (.txt, .html, .json, .yaml) or folders of them.")
]
IdentityOption = Annotated[
    Path | None,
    typer.Option(
        "--identity",
        envvar="POLGRAPH_IDENTITY",
        show_envvar=True,
        help="Same/different corrections of person identities "
        "(default ./data/identity.yaml, if present).",
    ),
]
Published = Annotated[
    str | None,
    typer.Option(
        "--published", help="Publication date YYYY-MM-DD of text reports that do not state one."
    ),
]


def _published(value: str | None, option: str = "--published"):
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _fail(f"{option} takes a date YYYY-MM-DD, not {value!r}", 2) from None


def _fail(message: str, code: int) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code)


def _open(store: Path | None, *, read_only: bool = False):
    from polgraph.store import open_store

    settings = Settings.from_env(store=store)
    try:
        return open_store(settings.store_path, read_only=read_only)
    except StoreError as exc:
        raise _fail(str(exc), 1) from None


def _progress(total: int) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=total < 20 or not err.is_terminal,
    )


def _identity_file(identity: Path | None) -> Path | None:
    if identity is not None and not identity.is_file():
        raise _fail(f"no such identity file: {identity}", 2)
    path = Settings.from_env(identity=identity).identity_path
    return path if path is not None and path.is_file() else None


def _run_pipeline(
    paths: list[Path],
    store_path: Path | None,
    *,
    write: bool,
    quiet: bool,
    published=None,
    identity: Path | None = None,
) -> int:
    from polgraph.extract.reader import default_reader
    from polgraph.pipeline.ingest import Pipeline, expand_inputs

    missing = [p for p in paths if not p.exists()]
    if missing:
        raise _fail(f"no such file or folder: {', '.join(map(str, missing))}", 2)
    store = _open(store_path) if write else _open_if_exists(store_path)
    pipeline = Pipeline(store, identity=_identity_file(identity) if write else None)
    if write:
        pipeline.ensure_model_graphs()
    default_reader()
    # The vocabularies and the reader's lexicon live as long as the process: keep the collector
    # from rescanning them, and from running every 700 allocations while a batch of report
    # graphs (short-lived, acyclic tuples) is built; reference counting frees those.
    gc.set_threshold(100_000, 50, 100)
    gc.freeze()
    total = sum(1 for _ in expand_inputs(paths))
    try:
        with _progress(total) as progress:
            task = progress.add_task("ingesting" if write else "validating", total=total)
            summary = pipeline.run(
                paths, store=write, progress=lambda _p: progress.advance(task), published=published
            )
    except (
        PolgraphError
    ) as exc:  # a bad corrections file: the reports stay stored, identities as they were
        raise _fail(str(exc), 1) from None
    for outcome in summary.outcomes:
        if outcome.status == "rejected":
            err.print(f"[red]rejected[/red] {outcome.source}: {outcome.error}", highlight=False)
            for message in outcome.messages:
                if message.severity == "Violation":
                    err.print(f"    {message}", highlight=False)
        if not quiet:
            for message in outcome.messages:
                if message.severity != "Violation":
                    err.print(f"[dim]    {outcome.source}: {message}[/dim]", highlight=False)
    counts = summary.counts
    keys = ("added", "replaced", "unchanged", "rejected") if write else ("valid", "rejected")
    if not quiet:
        for message in pipeline.rule_messages:
            err.print(f"[dim]    store: {message}[/dim]", highlight=False)
    line = ", ".join(f"{key} {counts.get(key, 0)}" for key in keys)
    if pipeline.resolution is not None:
        line += f"; {_identity_line(store)}"
    out.print(line, highlight=False)
    if store is not None:
        store.close()
    return 1 if summary.rejected else 0


def _open_if_exists(store_path: Path | None):
    from polgraph.store import open_store

    settings = Settings.from_env(store=store_path)
    if not settings.store_path.exists():
        return None
    try:
        return open_store(settings.store_path, read_only=True)
    except StoreError:
        return None  # a store in use elsewhere only loses the one-hop context, not the check


@app.command()
def ingest(
    paths: Paths,
    store: StoreOption = None,
    published: Published = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only rejections and counts.")
    ] = False,
    identity: IdentityOption = None,
) -> None:
    """Read reports, validate them and store each in its own named graph (re-ingesting replaces it);
    then resolve persons across all stored reports and derive their tenures."""
    raise typer.Exit(
        _run_pipeline(
            paths,
            store,
            write=True,
            quiet=quiet,
            published=_published(published),
            identity=identity,
        )
    )


@app.command()
def validate(
    paths: Paths,
    store: StoreOption = None,
    published: Published = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only rejections and counts.")
    ] = False,
) -> None:
    """Check reports against the shapes without changing the store."""
    raise typer.Exit(
        _run_pipeline(paths, store, write=False, quiet=quiet, published=_published(published))
    )


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Text or HTML reports, or folders of them.")],
    out_dir: Annotated[
        Path | None, typer.Option("--out", help="Write DIR/<stem>.json per report.")
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="json (one object per line for several reports) or table."
        ),
    ] = "json",
    published: Published = None,
) -> None:
    """Read reports into the extraction JSON (with the span of text behind every fact)."""
    import json

    from polgraph.extract.reader import Reader
    from polgraph.extract.source import TEXT_SUFFIXES, load_source
    from polgraph.pipeline.ingest import expand_inputs

    if fmt not in ("json", "table"):
        raise _fail(f"unknown format {fmt!r}: choose json or table", 2)
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise _fail(f"no such file or folder: {', '.join(map(str, missing))}", 2)
    date = _published(published)
    reader = Reader()
    failed = 0
    files = [
        p
        for p in expand_inputs(paths)
        if p.is_file() and (p.suffix.lower() in TEXT_SUFFIXES or p in paths)
    ]
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    for path in files:  # one report: pretty JSON; several: one JSON object per line
        try:
            extraction = reader.read(load_source(path, published=date), report_id=path.stem)
        except PolgraphError as exc:
            err.print(f"[red]unreadable[/red] {exc}", highlight=False)
            failed += 1
            continue
        if not extraction.persons:
            err.print(f"[yellow]note[/yellow] {path}: the report names nobody", highlight=False)
        document = extraction.model_dump(mode="json", exclude_none=False)
        if out_dir is not None:
            target = out_dir / f"{path.stem}.json"
            partial = target.with_name(target.name + ".partial")
            partial.write_text(
                json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
            partial.replace(target)  # never a half-written file
        elif fmt == "json":
            indent = 1 if len(files) == 1 else None
            sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=indent) + "\n")
        else:
            _print_extraction(path, extraction)
    raise typer.Exit(1 if failed else 0)


def _print_extraction(path: Path, extraction) -> None:
    from rich.table import Table

    event = extraction.event
    table = Table(
        "person",
        "roles",
        "acts",
        title=f"{path.name}: {event.kind} {event.date or ''} {event.place or ''}",
    )
    for person in extraction.persons:
        table.add_row(
            person.name,
            "\n".join(f"{r.post} — {r.org}" for r in person.roles),
            ", ".join(person.acts),
        )
    out.print(table)


@app.command()
def query(
    name: Annotated[
        str, typer.Argument(help="A named query (see `polgraph queries`) or a .rq file.")
    ],
    param: Annotated[
        list[str], typer.Option("--param", "-p", help="name=value; repeat for several.")
    ] = [],  # noqa: B006 - typer's list default, never mutated
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="table (readable: IRI columns with a label "
            "beside them are left out), csv, tsv or json.",
        ),
    ] = "table",
    store: StoreOption = None,
) -> None:
    """Run a named SPARQL query over the store."""
    from polgraph.query.named import load_query
    from polgraph.query.results import write_results

    if fmt not in ("table", "csv", "tsv", "json"):
        raise _fail(f"unknown format {fmt!r}: choose table, csv, tsv or json", 2)
    values = {}
    for item in param:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise _fail(f"--param takes name=value, not {item!r}", 2)
        values[key.strip()] = value
    try:
        named = load_query(name)
        text = named.render(values)
    except QueryError as exc:
        raise _fail(str(exc), 2) from None
    handle = _open(store, read_only=True)
    try:
        results = handle.query(text)
        write_results(results, fmt, console=out)
    except SyntaxError as exc:
        raise _fail(f"{named.path or named.name}: {exc}", 2) from None


@app.command("queries")
def list_queries() -> None:
    """List the named queries with their parameters."""
    from rich.table import Table

    from polgraph.query.named import available_queries

    table = Table("name", "purpose", "parameters")
    for q in available_queries().values():
        params = ", ".join(
            f"{p.name} ({p.type}{'' if p.required else ', optional'})" for p in q.params
        )
        table.add_row(q.name, q.purpose, params)
    out.print(table)


@app.command()
def stats(store: StoreOption = None) -> None:
    """Count what the store holds."""
    from polgraph.query.named import load_query

    handle = _open(store, read_only=True)
    counts = handle.stats()
    out.print(f"reports {counts.reports}\nquads {counts.quads}", highlight=False)
    for solution in handle.query(load_query("count-by-class").text):
        out.print(f"{solution['kind'].value} {solution['n'].value}", highlight=False)


@app.command()
def export(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="ttl, nq, trig, jsonld or popolo.")
    ] = "trig",
    output: Annotated[
        Path | None, typer.Option("--out", "-o", help="File to write (default stdout).")
    ] = None,
    store: StoreOption = None,
) -> None:
    """Write the whole store out as RDF."""
    from polgraph.query.export import EXPORT_FORMATS
    from polgraph.query.export import export as run_export

    if fmt not in EXPORT_FORMATS:
        raise _fail(f"unknown format {fmt!r}: choose {', '.join(EXPORT_FORMATS)}", 2)
    handle = _open(store, read_only=True)
    if output is None:
        run_export(handle, fmt, sys.stdout.buffer)
        return
    partial = output.with_name(output.name + ".partial")
    with partial.open("wb") as sink:
        run_export(handle, fmt, sink)
    partial.replace(output)  # a failed export never leaves a truncated file behind


identity_app = typer.Typer(
    help="Persons across reports: why mentions were joined.", no_args_is_help=True
)
app.add_typer(identity_app, name="identity")


# The help is given here, not as the docstring: one line of it would run past the line length,
# and the command list shows a docstring's line breaks.
@identity_app.command(
    "explain",
    help=(
        "Print which mentions make up a person, and the shared post, body or place behind "
        "each join."
    ),
)
def identity_explain(
    person: Annotated[str, typer.Argument(help="A person's IRI, the last part of it, or a name.")],
    store: StoreOption = None,
    identity: IdentityOption = None,
) -> None:
    from polgraph.identity.overrides import load_overrides
    from polgraph.identity.resolution import explain_person

    path = _identity_file(identity)
    handle = _open(store, read_only=True)
    try:
        lines = explain_person(handle, load_overrides(path) if path else None, person)
    except PolgraphError as exc:
        raise _fail(str(exc), 1) from None
    if lines is None:
        raise _fail(f"no person {person!r} in the store", 1)
    for line in lines:
        out.print(line, highlight=False)


@identity_app.command("rebuild")
def identity_rebuild(store: StoreOption = None, identity: IdentityOption = None) -> None:
    """Resolve every name and post again (ingest only resolves those it touched) and check the
    rules on the whole store."""
    from polgraph.identity.overrides import load_overrides
    from polgraph.pipeline.ingest import Pipeline

    path = _identity_file(identity)
    handle = _open(store)
    try:
        load_overrides(path)  # a bad file is refused before anything is rewritten
        pipeline = Pipeline(handle, identity=path)
        pipeline.resolve_identities(full=True)
        for message in pipeline.rule_messages:
            err.print(f"[dim]    store: {message}[/dim]", highlight=False)
        out.print(_identity_line(handle), highlight=False)
    except PolgraphError as exc:
        raise _fail(str(exc), 1) from None
    finally:
        handle.close()


def _identity_line(store) -> str:
    from polgraph.identity.resolution import identity_counts

    persons, mentions, tenures = identity_counts(store)
    return f"{persons} persons from {mentions} mentions, {tenures} tenures"


@app.command()
def who(
    post: Annotated[str, typer.Option("--post", help='The post, e.g. "Chủ tịch".')],
    org: Annotated[
        str,
        typer.Option(
            "--org", help='The body as reports write it, e.g. "UBND xã Cẩm Lộc", or its IRI.'
        ),
    ],
    date: Annotated[str, typer.Option("--date", help="The day, YYYY-MM-DD.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
    store: StoreOption = None,
) -> None:
    """Who held a post of a body on a date, with the evidence (the role-at-date query)."""
    from polgraph.analytics.errors import AnalysisError
    from polgraph.analytics.lookup import find_bodies
    from polgraph.extract.reader import parse_title
    from polgraph.query.named import load_query
    from polgraph.query.results import write_results
    from polgraph.vocab import vocabulary

    day = _published(date, "--date")
    if fmt not in ("table", "csv", "tsv", "json"):
        raise _fail(f"unknown format {fmt!r}: choose table, csv, tsv or json", 2)
    if org.startswith(("http://", "https://")):
        title, body = post, org
    else:
        roles = parse_title(f"{post} {org}")
        if len(roles) != 1 or not roles[0].org:
            raise _fail(f"cannot read {post!r} of {org!r} as one post of one body", 2)
        title, body = roles[0].post, roles[0].org
    post_type = vocabulary().post_type(title)
    if post_type is None:
        raise _fail(f"unknown post {post!r}", 2)
    handle = _open(store, read_only=True)
    try:
        bodies = find_bodies(handle, body)
    except AnalysisError as exc:
        raise _fail(str(exc), 1) from None
    if len(bodies) > 1:  # namesakes in different places: the IRI says which
        raise _fail(
            f"{len(bodies)} bodies are named {org!r}; give one with --org IRI: {', '.join(bodies)}",
            2,
        )
    params = {"org": bodies[0], "post_type": str(post_type), "date": day.isoformat()}
    text = load_query("role-at-date").render(params)
    write_results(handle.query(text), fmt, console=out)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    store: StoreOption = None,
    identity: IdentityOption = None,
) -> None:
    """Serve the SPARQL endpoint (/sparql), the REST API (/api) and its docs (/docs).

    Settings come from the environment: POLGRAPH_WRITE_TOKEN (enables /update, /store and
    POST /api/reports), POLGRAPH_QUERY_TIMEOUT (seconds, default 10), POLGRAPH_MAX_RESULT_BYTES,
    POLGRAPH_MAX_BODY_BYTES, POLGRAPH_ALLOW_REMOTE (SERVICE and LOAD), POLGRAPH_QUERY_WORKERS,
    and the workers' limits and shares (POLGRAPH_WORKER_MEMORY_MB, POLGRAPH_MAX_WAITING,
    POLGRAPH_MAX_WAIT, POLGRAPH_LONG_QUERY, POLGRAPH_RESERVED_WORKERS, POLGRAPH_SPARE_WORKERS,
    POLGRAPH_MAX_ANALYSES, POLGRAPH_ANALYSIS_WAIT, POLGRAPH_ANALYSIS_TIMEOUT): the README's
    settings table says what each does.
    """
    import uvicorn

    from polgraph.server import create_app

    try:
        settings = Settings.from_env(store=store, identity=identity)
    except ValueError as exc:
        raise _fail(str(exc), 2) from None
    handle = _open(settings.store_path)
    out.print(
        f"polgraph: serving {settings.store_path} on http://{host}:{port}/ "
        f"(SPARQL at /sparql, API docs at /docs)",
        highlight=False,
    )
    try:
        uvicorn.run(
            create_app(settings, handle),
            host=host,
            port=port,
            log_level="warning",
            access_log=False,
            timeout_graceful_shutdown=1,
        )
    finally:
        handle.close()


# -- network analysis ----------------------------------------------------------------------
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


def _knowledge_graph(store: Path | None):
    from polgraph.analytics import KnowledgeGraph

    return KnowledgeGraph(_open(store, read_only=True))


def _analysis_errors():
    """Bad arguments exit 2 and unknown persons, places or bodies exit 1, each with its message."""
    from contextlib import contextmanager

    from polgraph.analytics import AnalysisError, NotFoundError

    @contextmanager
    def guard():
        try:
            yield
        except NotFoundError as exc:
            raise _fail(str(exc), 1) from None
        except AnalysisError as exc:
            raise _fail(str(exc), 2) from None

    return guard()


@app.command()
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
) -> None:
    """Measure the network of persons tied by shared events: centrality (degree, weighted degree,
    betweenness, eigenvector), Louvain communities, brokers (ties across areas or bodies),
    the succession in posts, or careers with their promotions."""
    from rich.table import Table

    from polgraph.analytics.tables import ANALYSES, OUTPUT_FORMATS, render

    if what not in ANALYSES:
        raise _fail(f"unknown analysis {what!r}: choose {', '.join(ANALYSES)}", 2)
    if fmt not in OUTPUT_FORMATS:
        raise _fail(f"unknown format {fmt!r}: choose {', '.join(OUTPUT_FORMATS)}", 2)
    if limit < 0:
        raise _fail("--limit takes 0 (all) or more rows", 2)
    filters = {"start": start, "end": end, "place": place, "org": org}
    kg = _knowledge_graph(store)
    with _analysis_errors():
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


@app.command()
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
) -> None:
    """Write a projection as a file Gephi opens (GraphML, GEXF), an edge list (CSV), JSON, or a
    picture (PNG, SVG) labelled with names and coloured by community."""
    from polgraph.analytics.drawing import IMAGE_FORMATS
    from polgraph.analytics.outputs import NETWORK_FORMATS, network_output

    if fmt not in NETWORK_FORMATS:
        raise _fail(f"unknown format {fmt!r}: choose {', '.join(NETWORK_FORMATS)}", 2)
    if fmt in IMAGE_FORMATS and output is None:
        raise _fail(f"a {fmt} picture needs --out FILE", 2)
    kg = _knowledge_graph(store)
    with _analysis_errors():
        graph, data = network_output(
            kg, fmt, projection, post=post, limit=limit, start=start, end=end, place=place, org=org
        )
    if output is None:
        sys.stdout.buffer.write(data)
        return
    partial = output.with_name(output.name + ".partial")
    partial.write_bytes(data)
    partial.replace(output)
    err.print(
        f"{output}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges",
        highlight=False,
    )


@app.command()
def timeline(
    person: Annotated[str, typer.Argument(help="The person: a name, an IRI or the end of one.")],
    output: Annotated[
        Path, typer.Option("--out", "-o", help="The picture to write, .png or .svg.")
    ],
    store: StoreOption = None,
) -> None:
    """Draw a person's posts as bars along time (first to last evidence) and the events they
    took part in as marks."""
    from polgraph.analytics.drawing import IMAGE_FORMATS
    from polgraph.analytics.outputs import timeline_output

    fmt = output.suffix.lower().lstrip(".")
    if fmt not in IMAGE_FORMATS:
        raise _fail(f"--out must end in .png or .svg, not {output.name!r}", 2)
    kg = _knowledge_graph(store)
    with _analysis_errors():
        career, data = timeline_output(kg, person, fmt)
    partial = output.with_name(output.name + ".partial")
    partial.write_bytes(data)
    partial.replace(output)
    err.print(f"{output}: {career['name']}, {len(career['posts'])} post(s)", highlight=False)


def main() -> None:
    try:
        app()
    except PolgraphError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        sys.exit(1)
