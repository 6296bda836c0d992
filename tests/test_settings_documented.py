"""Every setting the server reads from the environment is told in the README's table and in
`polgraph serve --help`, so that an operator finds each one."""

from __future__ import annotations

import re

from conftest import ROOT
from typer.testing import CliRunner

from polgraph.cli import app


def _read_settings() -> set[str]:
    source = (ROOT / "src" / "polgraph" / "settings.py").read_text()
    return set(re.findall(r'env\.get\("(POLGRAPH_[A-Z_]+)"', source))


def test_every_setting_is_in_the_readme_table():
    readme = (ROOT / "README.md").read_text()
    named = set(re.findall(r"^\| `(POLGRAPH_[A-Z_]+)` \|", readme, flags=re.MULTILINE))
    read = _read_settings()
    assert len(read) > 10  # the pattern still finds them
    # The store and the identity corrections are options of every command, told in their --help.
    assert read - {"POLGRAPH_STORE", "POLGRAPH_IDENTITY"} <= named, read - named


def test_every_server_setting_is_in_serve_help():
    shown = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "400"}).output
    missing = {name for name in _read_settings() if name not in shown}
    assert not missing, missing
