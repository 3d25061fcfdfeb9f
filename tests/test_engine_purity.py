"""The engine must run without Odoo: the add-ons adapt to it, never the other way round."""

import ast
from pathlib import Path

ENGINE = Path(__file__).resolve().parent.parent / "stockops"


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_no_engine_module_imports_odoo():
    offenders = sorted(
        str(path.relative_to(ENGINE.parent))
        for path in ENGINE.rglob("*.py")
        if "odoo" in _imported_roots(path)
    )
    assert offenders == [], f"engine modules importing odoo: {offenders}"


def test_engine_modules_are_found():
    # guards the test above against silently scanning an empty folder
    assert (ENGINE / "layout.py").exists()
    assert len(list(ENGINE.rglob("*.py"))) >= 2
