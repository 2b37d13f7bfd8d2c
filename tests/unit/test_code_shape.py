"""The package stays easy to read: short modules, short functions, no tangled branching.

Over ``src/recaps``: no module over 300 lines, no function or method over 60 lines, and nothing
that radon grades D or worse for cyclomatic complexity. A failure lists each offender as
``path:line name: what``.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from pathlib import Path

import pytest
from radon.complexity import cc_rank, cc_visit
from radon.visitors import Class, Function

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "src" / "recaps"
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 60
WORST_GRADE = "C"



def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def where(path: Path, line: int, name: str) -> str:
    return f"{rel(path)}:{line} {name}"


def functions(tree: ast.AST, prefix: str = "") -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    """Every function and method, nested ones included, with its dotted name (``Class.method``)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            name = prefix + node.name
            if not isinstance(node, ast.ClassDef):
                yield name, node
            yield from functions(node, name + ".")
        else:
            yield from functions(node, prefix)


def blocks(found: list[Function | Class], prefix: str = "") -> Iterator[tuple[str, Function | Class]]:
    """Radon's blocks, with closures and inner classes, each with its dotted name."""
    for block in found:
        name = prefix + (block.fullname if isinstance(block, Function) else block.name)
        yield name, block
        if isinstance(block, Function):
            yield from blocks(block.closures, name + ".")
        else:
            yield from blocks(block.inner_classes, name + ".")


def offences(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    found = []
    lines = len(text.splitlines())
    if lines > MAX_MODULE_LINES:
        found.append(f"{where(path, 1, 'module')}: {lines} lines (at most {MAX_MODULE_LINES})")
    for name, node in functions(ast.parse(text, filename=str(path))):
        length = node.end_lineno - node.lineno + 1
        if length > MAX_FUNCTION_LINES:
            found.append(f"{where(path, node.lineno, name)}: {length} lines (at most {MAX_FUNCTION_LINES})")
    for name, block in blocks(cc_visit(text)):
        grade = cc_rank(block.complexity)
        if grade > WORST_GRADE:  # grades are the letters A to F
            found.append(
                f"{where(path, block.lineno, name)}: cyclomatic complexity {block.complexity},"
                f" grade {grade} ({WORST_GRADE} at most)"
            )
    return found


@functools.cache  # measured once for both tests
def all_offences() -> frozenset[str]:
    return frozenset(offence for path in modules() for offence in offences(path))


def in_order(found: frozenset[str]) -> list[str]:
    """By file, then line."""
    def key(offence: str) -> tuple[str, int]:
        path, rest = offence.split(":", 1)
        return path, int(rest.split(" ", 1)[0])
    return sorted(found, key=key)


def test_the_package_is_measured() -> None:
    names = {rel(path) for path in modules()}
    assert {"src/recaps/cli.py", "src/recaps/content/loader.py", "src/recaps/pages/render.py"} <= names


def test_modules_and_functions_are_short_and_simple() -> None:
    new = in_order(all_offences())
    if new:
        pytest.fail("too long or too complex; split or simplify:\n" + "\n".join(new), pytrace=False)
