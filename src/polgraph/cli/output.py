"""Where the commands write: the two consoles, error messages with their exit codes, the
progress bar."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from polgraph.errors import PolgraphError, ShapeMessage
from polgraph.library import IdentityCounts

# soft_wrap: messages stay on one line each, so they can be grepped and piped.
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

USAGE = 2  # the exit code of a wrong argument or option; 1 is a rejected input or a failed store


def fail(message: str, code: int) -> typer.Exit:
    """Print ``message`` as an error; the caller raises the returned exit."""
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code)


@contextmanager
def exit_codes(*codes: tuple[type[Exception], int]) -> Iterator[None]:
    """Turn the library's errors into a message and an exit code: the first of ``codes`` whose
    kind the error is, else 1 for any ``PolgraphError``."""
    try:
        yield
    except PolgraphError as exc:
        fallback: tuple[type[Exception], int] = (PolgraphError, 1)
        for kind, code in (*codes, fallback):
            if isinstance(exc, kind):
                raise fail(str(exc), code) from None
        raise


def progress_bar(total: int) -> Progress:
    """A progress bar on stderr, for long batches at a terminal only."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=total < 20 or not err.is_terminal,
    )


def print_store_messages(messages: list[ShapeMessage]) -> None:
    """The store-wide rules' warnings, dimmed."""
    for message in messages:
        err.print(f"[dim]    store: {message}[/dim]", highlight=False)


def identity_line(counts: IdentityCounts) -> str:
    return f"{counts.persons} persons from {counts.mentions} mentions, {counts.tenures} tenures"
