"""Builds the memq-client wheel from the repository's ``memq_client`` and its wire models.

The client's return types are memq's wire models (``schemas/``). The wheel
must not ship a top-level ``schemas`` package (it would collide with memq's
own), nor the parts of it that need Dramatiq, so the modules the client
imports, and only those (found by reading the imports, transitively), are
copied into ``memq_client/_wire/`` and the imports rewritten to point there.
"""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
STAGE = HERE / "build" / "staged"
VENDORED = "memq_client._wire"


def wire_modules() -> set[str]:
    """The ``schemas`` modules the client imports, directly or through each other."""
    found: set[str] = set()
    todo = sorted((REPO / "memq_client").glob("*.py"))
    while todo:
        path = todo.pop()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("schemas."):
                name = node.module.split(".", 1)[1]
                if name not in found:
                    found.add(name)
                    todo.append(REPO / "schemas" / f"{name}.py")
    return found


def stage() -> None:
    shutil.rmtree(STAGE, ignore_errors=True)
    package = STAGE / "memq_client"
    shutil.copytree(REPO / "memq_client", package, ignore=shutil.ignore_patterns("__pycache__"))
    wire = package / "_wire"
    wire.mkdir()
    (wire / "__init__.py").write_text('"""memq\'s wire models, as of this client\'s version."""\n')
    for name in sorted(wire_modules()):
        shutil.copy(REPO / "schemas" / f"{name}.py", wire / f"{name}.py")
    for path in package.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\bfrom schemas\.", f"from {VENDORED}.", text), encoding="utf-8")


def contract_version() -> str:
    text = (REPO / "schemas" / "contract.py").read_text(encoding="utf-8")
    match = re.search(r'^CONTRACT_VERSION = "([^"]+)"', text, re.MULTILINE)
    assert match, "schemas/contract.py has no CONTRACT_VERSION"
    return match.group(1)


stage()
setup(
    version=contract_version(),
    packages=find_packages(str(STAGE)),
    package_dir={"": str(STAGE.relative_to(HERE))},
    package_data={"memq_client": ["py.typed"]},
)
