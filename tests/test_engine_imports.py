"""No engine module imports, directly or round a circle, a module that imports it back.

A circle makes the import order decide which names exist, and a newcomer cannot read the
modules in any order. Every import counts, including those only made for type checking or
inside a function; a package's own ``__init__`` is not implied by importing a submodule.
"""

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

ENGINE = Path(__file__).resolve().parent.parent / "stockops"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ENGINE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, name: str, modules: set[str]) -> set[str]:
    """Engine modules that ``path`` (module ``name``) imports, as dotted names."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                target = f"{base}.{alias.name}"
                found.add(target if target in modules else base)
    return {target for target in found if target in modules and target != name}


def import_graph() -> dict[str, set[str]]:
    paths = {_module_name(path): path for path in ENGINE.rglob("*.py")}
    return {name: _imports(path, name, set(paths)) for name, path in paths.items()}


def _circle(graph: dict[str, set[str]]) -> list[str] | None:
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as error:
        return error.args[1]
    return None


def test_engine_has_no_import_circle():
    circle = _circle(import_graph())
    assert circle is None, f"engine modules import each other: {' -> '.join(circle or [])}"


def test_the_graph_sees_the_engine_imports():
    # guards the test above against a graph that misses imports and so never finds a circle
    graph = import_graph()
    assert "stockops.execution.routing" in graph["stockops.execution.pick_path"]
    assert "stockops.execution.cartonize.model" in graph["stockops.execution.cartonize.check"]
    assert "stockops.kpi" in graph["stockops.kpi.stock"]
    assert len(graph) >= 50


def test_a_circle_is_reported_with_its_modules():
    circle = _circle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}})
    assert circle is not None and set(circle) == {"a", "b", "c"}
