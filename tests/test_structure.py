"""The package's shape: imports at module level, so the layers' arrows are visible."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "ogp_wagtail"


def function_level_imports(path):
    """``(line, has_reason)`` of each import inside a function of a module."""
    source = path.read_text()
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Import | ast.ImportFrom):
                found.append((inner.lineno, _has_reason(lines, inner.lineno)))
    return found


def _has_reason(lines, lineno):
    """A comment on the import's line, or just above the block of imports it is part of."""
    index = lineno - 1
    if "#" in lines[index]:
        return True
    while index > 0 and lines[index - 1].strip().startswith(("from ", "import ")):
        index -= 1
    return index > 0 and lines[index - 1].strip().startswith("#")


def test_no_import_inside_a_function_without_its_reason():
    unexplained = [
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if "migrations" not in path.parts
        for line, has_reason in function_level_imports(path)
        if not has_reason
    ]
    assert unexplained == []


def test_the_scan_sees_an_import_inside_a_function(tmp_path):
    module = tmp_path / "module.py"
    module.write_text(
        "def f():\n    import os\n\n\ndef g():\n    # why\n    import sys\n    import re\n"
    )
    assert function_level_imports(module) == [(2, False), (7, True), (8, True)]
