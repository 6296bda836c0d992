"""The package's folders follow the data flow, and imports point upstream only.

Every import counts, also one inside a function (it runs too, only later); imports under
``if TYPE_CHECKING:`` do not, since they never run. The map is described in
docs/architecture.md.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import networkx as nx
import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "polgraph"

# Upstream first. A folder (or top-level module) may import its own layer's members only when
# they are the same unit, and any unit of a layer above it in this list.
LAYERS: list[set[str]] = [
    {"errors", "files", "namespaces", "resources", "settings"},  # the shared base
    {"text", "archive"},  # normalising report text; web pages kept in WARC files
    {"vocab", "places"},  # the SKOS vocabularies and the gazetteer, looked up while reading
    {"extract"},  # text -> the extraction JSON
    {"rdf"},  # extraction -> RDF, SHACL validation, store-wide rules
    {"store"},  # named graphs kept
    {"identity", "query"},  # after storing: persons and tenures; reading: named queries, exports
    {"search"},  # the full-text index of persons, bodies, places, events and reports
    {"pipeline"},  # ingest: all of the above for a batch of reports
    {"analytics", "harvest"},  # networks made from the store; portals harvested into it
    {"server"},  # the web app: SPARQL, the API, the pages
    {"library"},  # the library object over everything: polgraph.Polgraph
    {"cli"},  # the command line, a thin layer over the library object
]
LAYER_OF = {unit: depth for depth, units in enumerate(LAYERS) for unit in units}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_lines(tree: ast.Module) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                lines.update(range(inner.lineno, (inner.end_lineno or inner.lineno) + 1))
    return lines


def _imports() -> dict[str, set[str]]:
    """Each module of the package to the package's modules it imports (at run time)."""
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    imported: dict[str, set[str]] = defaultdict(set)
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        type_only = _type_checking_lines(tree)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(tree):
            if getattr(node, "lineno", None) in type_only:
                continue
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, *([node.module] if node.module else [])])
                # `from polgraph.x import y`: polgraph.x.y when y is a module, else polgraph.x
                targets = [f"{base}.{alias.name}" for alias in node.names]
                targets = [t if t in modules else base for t in targets]
            for target in targets:
                if target in modules and target not in (name, "polgraph"):
                    imported[name].add(target)
    return imported


def _unit(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def test_every_folder_and_top_level_module_has_a_place_on_the_map():
    units = {path.stem if path.is_file() else path.name for path in PACKAGE.iterdir()}
    units = {u for u in units if not u.startswith(("_", ".")) and u != "py"}
    assert units - set(LAYER_OF) == set(), "add the new folder to LAYERS and docs/architecture.md"


def test_imports_point_upstream_only():
    wrong_way = sorted(
        f"{module} imports {target}"
        for module, targets in _imports().items()
        for target in targets
        if (unit := _unit(module)) in LAYER_OF
        and (other := _unit(target)) in LAYER_OF
        and unit != other
        and LAYER_OF[other] >= LAYER_OF[unit]
    )
    assert wrong_way == []


def test_the_checker_sees_a_wrong_way_import(tmp_path, monkeypatch):
    """The check above can fail: a store module importing the server is caught."""
    fake = tmp_path / "polgraph"
    (fake / "store").mkdir(parents=True)
    (fake / "server").mkdir()
    (fake / "__init__.py").write_text("")
    (fake / "server" / "__init__.py").write_text("")
    (fake / "store" / "__init__.py").write_text("")
    (fake / "store" / "base.py").write_text("def f():\n    from polgraph.server import app\n")
    (fake / "server" / "app.py").write_text("from ..store import base\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["PACKAGE"]), "PACKAGE", fake)
    found = _imports()
    assert found["polgraph.store.base"] == {"polgraph.server.app"}
    assert found["polgraph.server.app"] == {"polgraph.store.base"}


@pytest.mark.parametrize("unit", sorted(LAYER_OF))
def test_no_import_cycle_inside_a_folder(unit):
    graph = nx.DiGraph(
        (module, target)
        for module, targets in _imports().items()
        for target in targets
        if _unit(module) == unit == _unit(target)
    )
    assert list(nx.simple_cycles(graph)) == []
