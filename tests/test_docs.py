"""The README tells every command and every setting: the commands are read from the typer app
itself and the settings from their definition, so a new command or setting without its
documentation fails here."""

from __future__ import annotations

from typing import Any

import pytest
import typer
from conftest import ROOT

from polgraph.cli import app
from polgraph.settings import ENVIRONMENT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: Any, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command of ``group`` (typer's click group) and of its groups, as the words that
    call it."""
    found: list[tuple[str, ...]] = []
    for name, command in sorted(group.commands.items()):
        if command.hidden:
            continue
        found.append((*prefix, name))
        if hasattr(command, "commands"):  # a group of subcommands
            found.extend(_commands(command, (*prefix, name)))
    return found


COMMANDS = _commands(typer.main.get_group(app))


def test_the_commands_are_read_from_the_app():
    assert {("ingest",), ("serve",), ("identity",), ("identity", "explain")} <= set(COMMANDS)


@pytest.mark.parametrize("words", COMMANDS, ids=" ".join)
def test_every_command_is_in_the_readme(words):
    assert f"polgraph {' '.join(words)}" in README, f"the README does not tell `polgraph {words}`"


@pytest.mark.parametrize("variable", [setting.variable for setting in ENVIRONMENT])
def test_every_setting_is_in_the_readme(variable):
    assert f"`{variable}`" in README
