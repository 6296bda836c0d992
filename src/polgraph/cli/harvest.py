"""``polgraph harvest``: portals in, by their addresses."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.live import Live
from rich.text import Text

from polgraph.cli.options import (
    IdentityOption,
    Quiet,
    StoreAt,
    StoreGraphStoreOption,
    StoreOption,
    StoreUpdateOption,
    library,
    parse_date,
)
from polgraph.cli.output import USAGE, err, exit_codes, fail, identity_line, out
from polgraph.errors import InputError
from polgraph.harvest import HarvestOptions, HarvestSummary, plan_harvest
from polgraph.harvest.run import DEFAULT_ARCHIVE, DEFAULT_FRONTIER


def _resolve_pairs(values: list[str]) -> dict[str, str]:
    pairs = {}
    for value in values:
        host, sep, address = value.rpartition(":") if value.count(":") == 1 else ("", "", "")
        if not sep or not host or not address:
            raise fail(f"--resolve takes HOST:ADDRESS, not {value!r}", USAGE)
        pairs[host] = address
    return pairs


def harvest(
    urls: Annotated[list[str], typer.Argument(help="Sites or sections to harvest (http/https).")],
    since: Annotated[
        str | None, typer.Option("--since", help="Only pages published on or after this day.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Only pages published on or before this day.")
    ] = None,
    max_pages: Annotated[
        int | None,
        typer.Option("--max-pages", min=1, help="Request at most N pages in this run."),
    ] = None,
    archive: Annotated[
        Path, typer.Option("--archive", help="Folder of the WARC files.")
    ] = DEFAULT_ARCHIVE,
    frontier: Annotated[
        Path,
        typer.Option("--frontier", help="The harvest's memory between runs (SQLite)."),
    ] = DEFAULT_FRONTIER,
    all_pages: Annotated[
        bool, typer.Option("--all", help="Store every article, not only event reports.")
    ] = False,
    plan: Annotated[
        bool,
        typer.Option(
            "--plan",
            help="Print what sitemaps and feeds list, fetching no article and storing nothing.",
        ),
    ] = False,
    contact: Annotated[
        str | None,
        typer.Option(
            "--contact",
            envvar="POLGRAPH_HARVEST_CONTACT",
            show_envvar=True,
            help="An e-mail or URL for site owners, sent in the User-Agent.",
        ),
    ] = None,
    delay: Annotated[
        float, typer.Option("--delay", min=0, help="Seconds between two requests to one host.")
    ] = 1.0,
    per_host: Annotated[
        int, typer.Option("--per-host", min=1, help="Requests to one host at once.")
    ] = 1,
    concurrency: Annotated[
        int, typer.Option("--concurrency", min=1, help="Requests at once, all hosts together.")
    ] = 4,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, help="Seconds one page may take.")
    ] = 30.0,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1024, help="A page is cut at this size.")
    ] = 10_000_000,
    retries: Annotated[int, typer.Option("--retries", min=0, help="Retries on 429, 5xx.")] = 3,
    resolve: Annotated[
        list[str] | None,
        typer.Option(
            "--resolve",
            help="HOST:ADDRESS, as curl's: reach HOST at ADDRESS, keeping its name (a mirror).",
        ),
    ] = None,
    json_output: Annotated[
        bool, typer.Option("--json", help="Print the summary as JSON on stdout.")
    ] = False,
    store: StoreOption = None,
    store_update: StoreUpdateOption = None,
    store_graph_store: StoreGraphStoreOption = None,
    identity: IdentityOption = None,
    quiet: Quiet = False,
) -> None:
    """Harvest portals: find their pages (sitemaps, feeds, listing pages), fetch them politely
    (robots.txt, a delay per host, retries, conditional requests), archive every response in
    WARC files, and store the pages that report political events. A harvest that was stopped
    goes on where it stopped; a second one fetches only what is new or changed."""
    first = parse_date(since, "--since") if since else None
    last = parse_date(until, "--until") if until else None
    if first and last and first > last:
        raise fail(f"--since {first} is after --until {last}: no page can be in between", USAGE)
    options = HarvestOptions(
        since=first,
        until=last,
        max_pages=max_pages,
        keep_all=all_pages,
        archive=archive,
        frontier=frontier,
        contact=contact,
        delay=delay,
        per_host=per_host,
        concurrency=concurrency,
        timeout=timeout,
        max_bytes=max_bytes,
        retries=retries,
        resolve=_resolve_pairs(resolve or []),
    )
    if plan:
        with exit_codes((InputError, USAGE)):
            links = plan_harvest(urls, options)
        if json_output:
            rows = [
                {
                    "url": link.url,
                    "date": link.dated.isoformat() if link.dated else None,
                    "allowed": allowed,
                }
                for link, allowed in links
            ]
            sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        else:
            for link, allowed in links:
                flag = "" if allowed else "  (robots.txt disallows)"
                out.print(f"{link.url}\t{link.dated or ''}{flag}", highlight=False)
            err.print(f"{len(links)} pages listed", highlight=False)
        raise typer.Exit(0)
    graph = library(StoreAt(store, store_update, store_graph_store), identity)
    showing = err.is_terminal and not json_output
    live = Live(console=err, transient=True) if showing else contextlib.nullcontext()

    def show(summary: HarvestSummary) -> None:
        if isinstance(live, Live):
            live.update(Text(_progress_line(summary)))

    with graph, exit_codes((InputError, USAGE)), live:
        summary = graph.harvest(urls, options, progress=show)
        identities = graph.identity_counts()
    if json_output:
        document = summary.as_dict()
        document["identities"] = dataclasses.asdict(identities)
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=1) + "\n")
    else:
        _print_summary(summary, quiet=quiet)
        out.print(identity_line(identities), highlight=False)
    raise typer.Exit(1 if summary.rejected else 0)


def _progress_line(s: HarvestSummary) -> str:
    return (
        f"discovered {s.discovered} · fetched {s.fetched} · archived {s.archived} · "
        f"stored {s.stored} · unchanged {s.unchanged} · skipped {s.skipped} · failed {s.failed}"
    )


def _print_summary(summary: HarvestSummary, *, quiet: bool) -> None:
    if not quiet:
        for url, reason in summary.failures:
            err.print(f"[yellow]failed[/yellow] {url}: {reason}", highlight=False)
        for reason, count in summary.skip_reasons.most_common():
            err.print(f"[dim]    skipped {count}: {reason}[/dim]", highlight=False)
    for outcome in summary.outcomes:
        if outcome.status == "rejected":
            err.print(f"[red]rejected[/red] {outcome.source}: {outcome.error}", highlight=False)
    if summary.resumed:
        err.print("resumed the harvest that was stopped", highlight=False)
    out.print(_progress_line(summary) + f" · disallowed {summary.disallowed}", highlight=False)
    if summary.files:
        out.print(f"archived in {', '.join(summary.files)}", highlight=False)
