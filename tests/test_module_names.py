"""No module of the package imports another module's underscore-prefixed names.

A name another module needs is public (``TextContext``, ``Core``, ``SPACE``); privacy is
carried by the module instead (``claims/numbers/_literals.py`` behind the package's
``__init__``). Names used inside one module stay underscored.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _private_imports(path: Path) -> list[str]:
    """``module: name`` for every underscore-prefixed name `path` imports from the package."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not isinstance(node, ast.ImportFrom):
            continue
        module = "." * node.level + (node.module or "")
        if node.level == 0 and module.split(".")[0] != "assistant":
            continue
        found += [
            f"{module}: {alias.name}"
            for alias in node.names
            if alias.name.startswith("_") and not alias.name.endswith("__")
        ]
    return found


def test_no_module_imports_private_names_of_another() -> None:
    offenders = {
        str(path.relative_to(ROOT)): names
        for path in sorted((ROOT / "assistant").rglob("*.py"))
        if "__pycache__" not in path.parts and (names := _private_imports(path))
    }
    assert offenders == {}


def test_the_guard_sees_private_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from __future__ import annotations\n"
        "from ._tokens import Token, _helper\n"
        "from assistant.claims.numbers._core import _Core\n"
        "from ..numbers import __all__\n"
        "from os.path import _joinrealpath\n",
        encoding="utf-8",
    )
    assert _private_imports(sample) == [
        "._tokens: _helper",
        "assistant.claims.numbers._core: _Core",
    ]
