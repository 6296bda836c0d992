"""``polgraph ingest``, ``validate`` and ``extract``: reports in."""

from __future__ import annotations

import functools
import gc
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from polgraph.cli.cluster import ClusterAddress, Workers, cluster_client
from polgraph.cli.options import (
    IdentityOption,
    Paths,
    Published,
    Quiet,
    StoreAt,
    StoreGraphStoreOption,
    StoreOption,
    StoreUpdateOption,
    library,
    published_date,
    require_choice,
    require_inputs,
)
from polgraph.cli.output import (
    USAGE,
    err,
    exit_codes,
    fail,
    identity_line,
    out,
    print_store_messages,
    progress_bar,
)
from polgraph.errors import InputError, PolgraphError
from polgraph.files import atomic_output
from polgraph.library import BatchResult, Polgraph
from polgraph.settings import Settings
from polgraph.vocab import vocabulary

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from distributed import Client

    from polgraph.extract.schema import Extraction


def ingest(
    paths: Paths,
    store: StoreOption = None,
    store_update: StoreUpdateOption = None,
    store_graph_store: StoreGraphStoreOption = None,
    published: Published = None,
    quiet: Quiet = False,
    identity: IdentityOption = None,
    nquads: Annotated[
        Path | None,
        typer.Option(
            "--nquads",
            help="Write the accepted reports to DIR (new or empty) as gzipped N-Quads, one file "
            "per batch, for a store's bulk loader, instead of storing them; then run "
            "`polgraph identity rebuild` on the loaded store.",
        ),
    ] = None,
    cluster: ClusterAddress = None,
    workers: Workers = None,
    all_pages: Annotated[
        bool,
        typer.Option(
            "--all",
            help="From WARC archives, keep every article, not only the event reports the "
            "harvest selected.",
        ),
    ] = False,
) -> None:
    """Read reports, validate them and store each in its own named graph (re-ingesting replaces it);
    then resolve persons across all stored reports and derive their tenures. Reports are text,
    HTML, JSON or YAML files, or WARC archives of web pages (``polgraph harvest`` writes them)."""
    date = published_date(published)
    require_inputs(paths)
    if cluster is not None or workers is not None:
        with exit_codes((InputError, USAGE)):  # before any worker is started
            Polgraph.refuse_archives_on_cluster(paths)
    if nquads is not None:
        if cluster is not None or workers is not None:
            raise fail("--nquads takes no --cluster or --workers: it runs in this process", USAGE)
        graph = Polgraph(Settings())  # no store is opened: the files are the output
        code = _run_batch(graph, paths, write=True, quiet=quiet, published=date, nquads=nquads)
        raise typer.Exit(code)
    graph = library(StoreAt(store, store_update, store_graph_store), identity)
    with cluster_client(cluster, workers) as client:
        code = _run_batch(
            graph,
            paths,
            write=True,
            quiet=quiet,
            published=date,
            client=client,
            all_pages=all_pages,
        )
    raise typer.Exit(code)


def validate(
    paths: Paths,
    store: StoreOption = None,
    store_update: StoreUpdateOption = None,
    store_graph_store: StoreGraphStoreOption = None,
    published: Published = None,
    quiet: Quiet = False,
) -> None:
    """Check reports against the shapes without changing the store."""
    date = published_date(published)
    require_inputs(paths)
    graph = library(StoreAt(store, store_update, store_graph_store), read_only=True)
    raise typer.Exit(_run_batch(graph, paths, write=False, quiet=quiet, published=date))


def _run_batch(
    graph: Polgraph,
    paths: list[Path],
    *,
    write: bool,
    quiet: bool,
    published: dt.date | None,
    nquads: Path | None = None,
    client: Client | None = None,
    all_pages: bool = False,
) -> int:
    """Ingest (``write``; on the cluster of ``client`` when given), write to the N-Quads folder
    ``nquads``, or validate; print the outcomes and return the exit code."""
    if client is None:  # else the workers read the reports
        graph.prepare()
    # The vocabularies, the shapes and the reader's lexicon live as long as the process: keep
    # the collector from rescanning them, and from running every 700 allocations while a batch
    # of report graphs (short-lived, acyclic tuples) is built; reference counting frees those.
    gc.set_threshold(100_000, 50, 100)
    gc.freeze()
    total = len(graph.report_files(paths))
    if nquads is not None:
        label = "writing N-Quads"
        run: Callable[..., BatchResult] = functools.partial(graph.write_nquads, directory=nquads)
        # The one InputError that gets this far is a folder that holds files already.
        codes: tuple[tuple[type[Exception], int], ...] = ((InputError, USAGE),)
    elif client is not None:
        label = "ingesting"
        run = functools.partial(graph.ingest_on_cluster, client=client)
        codes = ()
    else:
        label = "ingesting" if write else "validating"
        run = functools.partial(graph.ingest, all_pages=all_pages) if write else graph.validate
        codes = ()
    # A bad corrections file fails the ingest after the reports are stored: identities stay as
    # they were.
    with graph, exit_codes(*codes), progress_bar(total) as progress:
        task = progress.add_task(label, total=total)
        result = run(paths, published=published, progress=lambda _path: progress.advance(task))
    _print_batch(result, write=write, quiet=quiet)
    if nquads is not None:
        out.print(f"{len(result.files)} files in {nquads}", highlight=False)
    return 1 if result.rejected else 0


def _print_batch(result: BatchResult, *, write: bool, quiet: bool) -> None:
    for outcome in result.outcomes:
        if outcome.status == "rejected":
            err.print(f"[red]rejected[/red] {outcome.source}: {outcome.error}", highlight=False)
            for message in outcome.messages:
                if message.severity == "Violation":
                    err.print(f"    {message}", highlight=False)
        if not quiet:
            for message in outcome.messages:
                if message.severity != "Violation":
                    err.print(f"[dim]    {outcome.source}: {message}[/dim]", highlight=False)
    if not quiet:
        print_store_messages(result.rule_messages)
    for note in result.notes:
        err.print(f"[yellow]note[/yellow] {note}", highlight=False)
    keys: tuple[str, ...] = (
        ("added", "replaced", "unchanged", "rejected") if write else ("valid", "rejected")
    )
    if result.counts.get("skipped"):  # pages of an archive that are no event report
        keys += ("skipped",)
    line = ", ".join(f"{key} {result.counts.get(key, 0)}" for key in keys)
    if result.identities is not None:
        line += f"; {identity_line(result.identities)}"
    out.print(line, highlight=False)


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
    lang: Annotated[
        str, typer.Option("--lang", help="The table's language: vi (the default) or en.")
    ] = "vi",
) -> None:
    """Read reports into the extraction JSON (with the span of text behind every fact)."""
    require_choice(fmt, ("json", "table"), listed="json or table")
    require_choice(lang, tuple(_TABLE_HEADINGS), listed="vi or en")
    require_inputs(paths)
    date = published_date(published)
    graph = Polgraph(Settings())  # reading touches no store and no setting
    files = graph.report_files(paths, text_only=True)
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    for path in files:  # one report: pretty JSON; several: one JSON object per line
        try:
            extraction = graph.extract(path, published=date)
        except PolgraphError as exc:
            err.print(f"[red]unreadable[/red] {exc}", highlight=False)
            failed += 1
            continue
        if not extraction.persons:
            err.print(f"[yellow]note[/yellow] {path}: the report names nobody", highlight=False)
        document = extraction.model_dump(mode="json", exclude_none=False)
        if out_dir is not None:
            with atomic_output(out_dir / f"{path.stem}.json") as sink:
                text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
                sink.write(text.encode("utf-8"))
        elif fmt == "json":
            indent = 1 if len(files) == 1 else None
            sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=indent) + "\n")
        else:
            _print_extraction(path, extraction, lang)
    raise typer.Exit(1 if failed else 0)


# the table's column headings by language; kinds and acts are named by the vocabularies' labels
_TABLE_HEADINGS = {"vi": ("người", "chức vụ", "hoạt động"), "en": ("person", "roles", "acts")}


def _print_extraction(path: Path, extraction: Extraction, lang: str) -> None:
    from rich.table import Table

    terms = vocabulary()
    event = extraction.event
    kind = terms.kind_label(event.kind, lang) if event.kind else ""
    table = Table(
        *_TABLE_HEADINGS[lang], title=f"{path.name}: {kind} {event.date or ''} {event.place or ''}"
    )
    for person in extraction.persons:
        table.add_row(
            person.name,
            "\n".join(f"{r.post} — {r.org}" for r in person.roles),
            ", ".join(terms.act_label(act, lang) for act in person.acts),
        )
    out.print(table)
