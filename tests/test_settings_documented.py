"""Every setting the server reads from the environment is told in the README's table and in
`polgraph serve --help`, so that an operator finds each one."""

from __future__ import annotations

import re

from conftest import ROOT
from typer.testing import CliRunner

from polgraph.cli import app
from polgraph.settings import ENVIRONMENT


def _read_settings() -> set[str]:
    return {setting.variable for setting in ENVIRONMENT}


def test_every_setting_is_in_the_readme_table():
    readme = (ROOT / "README.md").read_text()
    named = set(re.findall(r"^\| `(POLGRAPH_[A-Z_]+)` \|", readme, flags=re.MULTILINE))
    read = _read_settings()
    assert len(read) > 10  # the definition still lists them
    # The store and the identity corrections are options of every command, told in their --help.
    assert read - {"POLGRAPH_STORE", "POLGRAPH_IDENTITY"} <= named, read - named


def test_every_server_setting_is_in_serve_help():
    shown = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "400"}).output
    missing = {name for name in _read_settings() if name not in shown}
    assert not missing, missing


def test_settings_read_every_variable_of_the_definition():
    """Settings.from_env reads each variable the definition lists into its field, so that the
    help and the documentation list what is read."""
    from pathlib import Path

    from polgraph.settings import Settings

    source = (ROOT / "src" / "polgraph" / "settings.py").read_text()
    assert not re.findall(r'env\.get\("POLGRAPH_', source), "read a variable through ENVIRONMENT"
    defaults = Settings()
    for setting in ENVIRONMENT:
        default = getattr(defaults, setting.field)
        raw = {bool: "yes", int: "777", float: "7.5"}.get(type(default), "some/where")
        value = getattr(Settings.from_env({setting.variable: raw}), setting.field)
        expected = Path(raw) if isinstance(default, Path) else raw
        assert value != default and str(value) in (str(expected), raw, "True"), setting.variable
