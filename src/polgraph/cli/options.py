"""The options several commands share, and reading them: dates, settings, input paths."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from polgraph.cli.output import USAGE, fail
from polgraph.library import Polgraph
from polgraph.settings import Settings

StoreOption = Annotated[
    str | None,
    typer.Option(
        "--store",
        envvar="POLGRAPH_STORE",
        help="Store folder (default ./var/store), or a SPARQL 1.1 service: "
        "sparql+http://host:port/sparql (credentials from POLGRAPH_STORE_USER, "
        "POLGRAPH_STORE_PASSWORD, POLGRAPH_STORE_AUTH or POLGRAPH_STORE_TOKEN).",
        show_envvar=True,
    ),
]
StoreUpdateOption = Annotated[
    str | None,
    typer.Option(
        "--store-update",
        envvar="POLGRAPH_STORE_UPDATE",
        help="A SPARQL store's update URL, where it is not the query URL.",
        show_envvar=True,
    ),
]
StoreGraphStoreOption = Annotated[
    str | None,
    typer.Option(
        "--store-graph-store",
        envvar="POLGRAPH_STORE_GRAPH_STORE",
        help="A SPARQL store's Graph Store protocol URL: graphs are written whole through it.",
        show_envvar=True,
    ),
]


@dataclass(frozen=True)
class StoreAt:
    """Where a command's store is: --store, and a service's other URLs."""

    location: str | None = None
    update: str | None = None
    graph_store: str | None = None


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
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print only rejections and counts.")]


def parse_date(value: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise fail(f"{option} takes a date YYYY-MM-DD, not {value!r}", USAGE) from None


def published_date(value: str | None) -> dt.date | None:
    return None if value is None else parse_date(value, "--published")


def settings(store: StoreAt | None = None, identity: Path | None = None) -> Settings:
    """The settings from the environment, with the command's --store (and its URLs) and
    --identity."""
    at = store or StoreAt()
    try:
        return Settings.from_env(
            store=at.location,
            identity=identity,
            store_update=at.update,
            store_graph_store=at.graph_store,
        )
    except ValueError as exc:  # a POLGRAPH_* number that is none
        raise fail(str(exc), USAGE) from None


def library(
    store: StoreAt | None = None, identity: Path | None = None, *, read_only: bool = False
) -> Polgraph:
    """The library object over the command's store, opened when first used; an --identity file
    named must exist."""
    if identity is not None and not identity.is_file():
        raise fail(f"no such identity file: {identity}", USAGE)
    return Polgraph(settings(store, identity), read_only=read_only)


def require_inputs(paths: list[Path]) -> None:
    # A path argument has lost one slash of "https://" by the time it arrives.
    addresses = [p for p in paths if str(p).startswith(("http:/", "https:/")) and not p.exists()]
    if addresses:
        raise fail(
            f"{addresses[0]} is a web address, not a file: `polgraph harvest URL` fetches a "
            "portal's pages, archives them and ingests the event reports",
            USAGE,
        )
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise fail(f"no such file or folder: {', '.join(map(str, missing))}", USAGE)


def require_choice(
    value: str, choices: tuple[str, ...], what: str = "format", listed: str | None = None
) -> None:
    """``value`` is one of ``choices``; else a usage error naming them (as ``listed`` says)."""
    if value not in choices:
        raise fail(f"unknown {what} {value!r}: choose {listed or ', '.join(choices)}", USAGE)
