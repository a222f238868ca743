"""The package's import graph: data flows one way, so no two parts import each other, directly or
through others. A part is a top-level module of ``bot`` or a whole subpackage (``bot.rules``,
``bot.missions``: inside a package its modules may import each other); imports inside functions
count too, since a lazy import hides a cycle without removing it."""

from __future__ import annotations

import ast
from pathlib import Path

BOT = Path(__file__).resolve().parent.parent / "bot"


def _module_name(path: Path) -> str:
    parts = path.relative_to(BOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def part(module: str) -> str:
    """The part a module belongs to: ``bot.rules.text`` -> ``bot.rules``, ``bot.cli`` -> itself."""
    pieces = module.split(".")
    return ".".join(pieces[:2]) if len(pieces) > 1 and (BOT / pieces[1]).is_dir() else module


def import_graph() -> dict[str, set[str]]:
    """part -> the parts it imports, anywhere in its code (a ``from package import name`` that
    names a submodule imports that submodule)."""
    files = {_module_name(p): p for p in BOT.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                deps |= {a.name for a in node.names if a.name in files}
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - (node.level - 1)]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                if target in files:
                    deps.add(target)
                for a in node.names:
                    if f"{target}.{a.name}" in files:
                        deps.add(f"{target}.{a.name}")
        own = part(name)
        graph.setdefault(own, set()).update(part(d) for d in deps if part(d) != own)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_cycle_finder_sees_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_is_read():
    graph = import_graph()
    assert "bot.edits" in graph["bot.layout"]
    assert "bot.edits" in graph["bot.rules"]
    assert "bot.gazetteer" in graph["bot.missions"]
    assert "bot.missions" in graph["bot.article"]


def test_no_module_imports_itself_through_others():
    assert cycles(import_graph()) == []


def test_edit_primitives_sit_below_rules_and_layout():
    graph = import_graph()
    assert graph["bot.edits"] == set()
    assert "bot.rules" not in graph["bot.layout"]
