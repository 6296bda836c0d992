"""Every public function and method in src/polgraph has annotations on all its parameters and
its return, so that mypy (`make typecheck`, [tool.mypy] in pyproject.toml) checks its callers.

Public: the name does not start with ``_``, and it is defined at a module's top level or in a
class's body (a class inside a class counts too), not inside a function. ``self`` and ``cls``,
the first parameter of a method, need no annotation."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "polgraph"

Function = ast.FunctionDef | ast.AsyncFunctionDef


def _public_functions(body: list[ast.stmt], in_class: bool) -> Iterator[tuple[Function, bool]]:
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            if not node.name.startswith("_"):
                yield node, in_class
        elif isinstance(node, ast.ClassDef):
            yield from _public_functions(node.body, True)
        elif isinstance(node, ast.If | ast.Try):
            # definitions under `if TYPE_CHECKING:` or a `try:` around an import
            blocks = [node.body, node.orelse]
            if isinstance(node, ast.Try):
                blocks += [handler.body for handler in node.handlers] + [node.finalbody]
            for block in blocks:
                yield from _public_functions(block, in_class)


def _missing(function: Function, method: bool) -> list[str]:
    arguments = function.args
    positional = arguments.posonlyargs + arguments.args
    is_static = any(
        isinstance(decorator, ast.Name) and decorator.id == "staticmethod"
        for decorator in function.decorator_list
    )
    if method and not is_static and positional:
        positional = positional[1:]  # self or cls
    missing = [
        argument.arg
        for argument in positional + arguments.kwonlyargs
        if argument.annotation is None
    ]
    for star, prefix in ((arguments.vararg, "*"), (arguments.kwarg, "**")):
        if star is not None and star.annotation is None:
            missing.append(prefix + star.arg)
    if function.returns is None:
        missing.append("return")
    return missing


def unannotated() -> list[str]:
    """Each public function missing an annotation, as "path:line name (what is missing)"."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for function, method in _public_functions(tree.body, False):
            missing = _missing(function, method)
            if missing:
                where = path.relative_to(PACKAGE.parent)
                found.append(f"{where}:{function.lineno} {function.name} ({', '.join(missing)})")
    return found


def test_public_functions_are_annotated() -> None:
    missing = unannotated()
    assert not missing, "public functions without annotations:\n" + "\n".join(missing)


def test_the_check_sees_a_missing_annotation() -> None:
    tree = ast.parse(
        "def f(a: int, b) -> int: ...\n"
        "def g(a: int) : ...\n"
        "def _private(a): ...\n"
        "class C:\n"
        "    def m(self, x: int) -> None: ...\n"
        "    def n(self, *args, **kw: int) -> None: ...\n"
        "    @staticmethod\n"
        "    def s(x) -> None: ...\n"
    )
    found = {
        function.name: _missing(function, method)
        for function, method in _public_functions(tree.body, False)
    }
    assert found == {"f": ["b"], "g": ["return"], "m": [], "n": ["*args"], "s": ["x"]}
