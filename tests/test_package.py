"""What a Python user and a packager find: the public names, the version, the licence."""

from __future__ import annotations

import importlib.metadata
import tomllib

from conftest import ROOT
from typer.testing import CliRunner

import polgraph
from polgraph.cli import app

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_the_public_names_are_pinned_and_each_resolves():
    assert polgraph.__all__ == ["Polgraph", "__version__", "open"]
    for name in polgraph.__all__:
        assert getattr(polgraph, name) is not None
        assert name in dir(polgraph)


def test_one_version_everywhere():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"polgraph {polgraph.__version__}"
    assert polgraph.__version__ == PYPROJECT["version"] == importlib.metadata.version("polgraph")


def test_the_licence_file_is_the_one_pyproject_names():
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert PYPROJECT["license"] == {"text": "MIT"}
    assert licence.startswith("MIT License\n")
    assert "Permission is hereby granted, free of charge" in licence
