"""One direction of dependency, read from every module's imports (tests and benchmarks aside).

    schemas      the wire contract                       imports nothing of memq
    runtime      process plumbing (settings, logging)    schemas
    domain       memory, context, analytics, search …    schemas
    store        the storage adapters                     domain, schemas
    actors       Dramatiq actors and middleware           domain, runtime, schemas
    gateway      the HTTP API                             runtime, schemas
    memq_client  the Python client                        schemas
    memq         the composition root: CLI, serve, worker, scheduler   everything

No import may close a cycle, between packages or between files.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

ALLOWED: dict[str, set[str]] = {
    "schemas": set(),
    "runtime": {"schemas"},
    "domain": {"schemas"},
    "store": {"domain", "schemas"},
    "actors": {"domain", "runtime", "schemas"},
    "gateway": {"runtime", "schemas"},
    "memq_client": {"schemas"},
    "memq": {"schemas", "runtime", "domain", "store", "actors", "gateway"},
}


def modules() -> dict[str, Path]:
    found = {}
    for package in ALLOWED:
        for path in sorted((ROOT / package).rglob("*.py")):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


MODULES = modules()


def imported(path: Path, name: str) -> set[str]:
    """The memq modules ``path`` imports (``from a.b import c`` imports a.b.c when that
    is a module, else a.b); relative imports resolved against ``name``."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                targets.add(full if full in MODULES else base)
    return {t for t in targets if t.split(".")[0] in ALLOWED}


EDGES = {name: imported(path, name) for name, path in MODULES.items()}


def test_every_package_imports_only_the_layers_below_it() -> None:
    wrong = sorted(
        f"{source} imports {target}"
        for source, targets in EDGES.items()
        for target in targets
        if target.split(".")[0] != source.split(".")[0]
        and target.split(".")[0] not in ALLOWED[source.split(".")[0]]
    )
    assert wrong == []


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle of ``graph`` if it has one (depth-first search, colours)."""
    state: dict[str, int] = defaultdict(int)  # 0 new, 1 on the stack, 2 done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state[target] == 1:
                return [*stack[stack.index(target) :], target]
            if state[target] == 0 and (found := visit(target)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if state[node] == 0 and (found := visit(node)):
            return found
    return None


def test_no_import_closes_a_cycle_between_files() -> None:
    graph = {
        source: {t for t in targets if t in MODULES and t != source}
        for source, targets in EDGES.items()
    }
    # A package's __init__ re-exporting its modules is not a cycle of code.
    for name in list(graph):
        graph[name] = {
            t for t in graph[name] if not (MODULES[t].name == "__init__.py" and name.startswith(t))
        }
    assert _cycle(graph) is None


def test_no_import_closes_a_cycle_between_packages() -> None:
    graph: dict[str, set[str]] = defaultdict(set)
    for source, targets in EDGES.items():
        for target in targets:
            if target.split(".")[0] != source.split(".")[0]:
                graph[source.split(".")[0]].add(target.split(".")[0])
    assert _cycle(graph) is None


@pytest.mark.parametrize(
    ("module", "forbidden"),
    [
        ("gateway.app", ("domain", "store", "actors")),
        ("memq_client", ("domain", "store", "actors", "gateway", "runtime", "memq.")),
    ],
)
def test_importing_a_front_loads_no_server_code(module: str, forbidden: tuple[str, ...]) -> None:
    # In a fresh interpreter, so nothing another test imported counts.
    script = f"import sys, {module}; print('\\n'.join(sorted(sys.modules)))"
    loaded = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert [m for m in loaded if m.startswith(forbidden) or m in forbidden] == []


def test_the_checker_sees_a_wrong_import(tmp_path: Path) -> None:
    # A rule that cannot fail is no rule: an upward import is caught.
    fake = tmp_path / "upward.py"
    fake.write_text("from actors import registry\nimport store.backends.sqlite\n")
    assert imported(fake, "domain.upward") >= {"actors.registry", "store.backends.sqlite"}
