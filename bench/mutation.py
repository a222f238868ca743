"""Mutation check of the core (issue 17): bot/fixes.py, bot/validate.py, bot/rules/.

A small AST mutation loop (the standard library's ``ast``; nothing to install). Each mutant
changes one site of one file: a comparison negated (``==``/``!=``, ``<``/``>=``, ``in``/``not
in``, ``is``/``is not``), ``and``/``or`` swapped, an ``if``/``while``/ternary condition negated,
``+``/``-`` swapped, an integer constant +1 and -1, ``True``/``False`` swapped,
``break``/``continue`` swapped, ``return x`` made ``return None``, a statement of a function
body made ``pass``. One mutant at a time is written into a private copy of the tree (never
this worktree) and that file's fast, offline tests are run there with ``-x``, with
``PYTHONPATH`` set to the copy, so the tests import the mutated code even though relbot is
installed in editable mode elsewhere (checked before the run: ``bot.__file__`` in the copy,
and a canary mutant that must be killed). No bytecode is written, so a mutant of the same size
written in the same second cannot be shadowed by a stale ``.pyc``.

The mutation check of record is ``bench/mutmut.sh`` (mutmut 3, see bench/RESULTS.md). This
loop is kept for what mutmut 3 never mutates: decorated functions (the ``@rule`` checks of
bot/rules/layout.py and text.py, properties, the ``lru_cache`` of the policy checks) and code
that runs at import (rule registration: mutmut forks its workers after the import, so such a
mutant is never switched on). Use it with ``--files bot/rules/layout.py bot/rules/text.py``.

Run (prints a table per file and the surviving mutants, writes bench/out/mutation.json)::

    python3 bench/mutation.py                      # every mutant of every file
    python3 bench/mutation.py --jobs 2 --sample 3  # every 3rd mutant of each file (seeded start)
    python3 bench/mutation.py --files bot/fixes.py --ids bot/fixes.py:120:7
"""

from __future__ import annotations

import argparse
import ast
import copy
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FIX_TESTS = ["tests/test_mutants.py", "tests/test_fix_expected.py", "tests/test_fix.py",
             "tests/test_refs_real.py::test_guard_counts_the_refs_inside_a_ref_left_open",
             "-k", "not mixtures"]
RULE_TESTS = ["tests/test_mutants.py", "tests/test_rules.py", "tests/test_fix_expected.py"]
#: File -> its fast offline tests (fastest first: -x stops at the first failure).
TESTS = {
    "bot/fixes.py": FIX_TESTS,
    "bot/validate.py": RULE_TESTS + ["tests/test_text_real.py"],
    "bot/rules/__init__.py": RULE_TESTS,
    "bot/rules/infobox.py": RULE_TESTS,
    "bot/rules/layout.py": RULE_TESTS + ["tests/test_layout_real.py"],
    "bot/rules/markup.py": RULE_TESTS + ["tests/test_refs_real.py", "tests/test_text_real.py"],
    "bot/rules/missions.py": RULE_TESTS + ["tests/test_missions_bn.py"],
    "bot/rules/references.py": RULE_TESTS + ["tests/test_refs_real.py"],
    "bot/rules/text.py": RULE_TESTS + ["tests/test_text_real.py"],
}

NEGATE = {ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.Lt: ast.GtE, ast.GtE: ast.Lt,
          ast.Gt: ast.LtE, ast.LtE: ast.Gt, ast.In: ast.NotIn, ast.NotIn: ast.In,
          ast.Is: ast.IsNot, ast.IsNot: ast.Is}


@dataclass
class Mutant:
    file: str
    line: int
    node: int  # index of the mutated node in ast.walk order
    op: str
    arg: int = 0
    before: str = ""
    after: str = ""
    status: str = ""
    seconds: float = 0.0

    @property
    def id(self) -> str:
        return f"{self.file}:{self.line}:{self.node}:{self.op}{self.arg or ''}"


def _docstring(stmt: ast.stmt) -> bool:
    return isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) \
        and isinstance(stmt.value.value, str)


def _annotation_nodes(tree: ast.AST) -> set[int]:
    """Ids of nodes inside annotations: mutating those changes nothing at run time."""
    out: set[int] = set()
    for n in ast.walk(tree):
        anns = []
        if isinstance(n, ast.AnnAssign):
            anns.append(n.annotation)
        if isinstance(n, ast.arg) and n.annotation is not None:
            anns.append(n.annotation)
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.returns is not None:
            anns.append(n.returns)
        for a in anns:
            out.update(id(x) for x in ast.walk(a))
    return out


def _in_functions(tree: ast.AST) -> set[int]:
    out: set[int] = set()
    for n in ast.walk(tree):
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            out.update(id(x) for x in ast.walk(n))
    return out


def sites(tree: ast.AST):
    """(node index, op, arg) of every mutation site, in ast.walk order."""
    skip = _annotation_nodes(tree)
    infunc = _in_functions(tree)
    for i, n in enumerate(ast.walk(tree)):
        if id(n) in skip:
            continue
        if isinstance(n, ast.Compare):
            for k, op in enumerate(n.ops):
                if type(op) in NEGATE:
                    yield i, "cmp", k
        elif isinstance(n, ast.BoolOp):
            yield i, "boolop", 0
        elif isinstance(n, (ast.If, ast.While, ast.IfExp)) and not isinstance(n.test, ast.Compare):
            yield i, "not", 0
        elif isinstance(n, ast.BinOp) and type(n.op) in (ast.Add, ast.Sub):
            yield i, "addsub", 0
        elif isinstance(n, ast.Constant) and type(n.value) is int:
            yield i, "int", 1
            yield i, "int", -1
        elif isinstance(n, ast.Constant) and type(n.value) is bool:
            yield i, "bool", 0
        elif isinstance(n, (ast.Break, ast.Continue)):
            yield i, "loopctl", 0
        if isinstance(n, ast.Return) and n.value is not None and id(n) in infunc \
                and not (isinstance(n.value, ast.Constant) and n.value.value is None):
            yield i, "retnone", 0
        if id(n) in infunc:
            for field_ in ("body", "orelse", "finalbody"):
                body = getattr(n, field_, None)
                if not isinstance(body, list):
                    continue
                for k, st in enumerate(body):
                    if not isinstance(st, ast.stmt) or isinstance(st, (
                            ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Pass,
                            ast.Import, ast.ImportFrom, ast.Global, ast.Nonlocal)) or _docstring(st):
                        continue
                    yield i, f"del-{field_}", k


def apply(tree: ast.AST, node: int, op: str, arg: int) -> tuple[ast.AST, int, str, str]:
    """Mutate a copy of ``tree``; return it, the line, and the site before/after."""
    tree = copy.deepcopy(tree)
    n = next(x for j, x in enumerate(ast.walk(tree)) if j == node)
    target = n
    if op.startswith("del-"):
        body = getattr(n, op[4:])
        target = body[arg]
        before = ast.unparse(target).splitlines()[0]
        body[arg] = ast.copy_location(ast.Pass(), target)
        return tree, target.lineno, before, "pass"
    before = ast.unparse(n)
    if op == "cmp":
        n.ops[arg] = NEGATE[type(n.ops[arg])]()
    elif op == "boolop":
        n.op = ast.Or() if isinstance(n.op, ast.And) else ast.And()
    elif op == "not":
        n.test = ast.UnaryOp(op=ast.Not(), operand=n.test)
    elif op == "addsub":
        n.op = ast.Sub() if isinstance(n.op, ast.Add) else ast.Add()
    elif op == "int":
        n.value = n.value + arg
    elif op == "bool":
        n.value = not n.value
    elif op == "loopctl":
        new = ast.Continue() if isinstance(n, ast.Break) else ast.Break()
        ast.copy_location(new, n)
        for p in ast.walk(tree):  # replace in the parent's body
            for field_ in ("body", "orelse"):
                body = getattr(p, field_, None)
                if isinstance(body, list) and n in body:
                    body[body.index(n)] = new
        n = new
    elif op == "retnone":
        n.value = ast.Constant(None)
    ast.fix_missing_locations(tree)
    if op in ("not",):
        after = "if not (" + ast.unparse(n.test.operand) + ")" if not isinstance(n, ast.IfExp) \
            else ast.unparse(n)
        before = "if " + ast.unparse(n.test.operand) if not isinstance(n, ast.IfExp) else before
    else:
        after = ast.unparse(n)
    clip = lambda s: s.splitlines()[0][:110]  # noqa: E731
    return tree, target.lineno, clip(before), clip(after)


def mutants_of(rel: str) -> list[Mutant]:
    src = (ROOT / rel).read_text(encoding="utf-8")
    tree = ast.parse(src)
    out = []
    base = ast.unparse(tree)
    for node, op, arg in sites(tree):
        mutated, line, before, after = apply(tree, node, op, arg)
        if ast.unparse(mutated) == base:
            continue
        out.append(Mutant(rel, line, node, op, arg, before, after))
    return out


def copy_tree(dest: Path) -> Path:
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(
        ".git", "__pycache__", "out", ".pytest_cache", ".hypothesis", "*.egg-info"))
    return dest


def env_for(tree: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(tree), PYTHONDONTWRITEBYTECODE="1")
    return env


def run_tests(tree: Path, tests: list[str], timeout: float) -> tuple[str, float]:
    t0 = time.monotonic()
    try:
        r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
                            *tests], cwd=tree, env=env_for(tree), timeout=timeout,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        status = "survived" if r.returncode == 0 else "killed"
    except subprocess.TimeoutExpired:
        status = "timeout"
    return status, time.monotonic() - t0


def write_mutant(tree: Path, m: Mutant) -> None:
    src = ast.parse((ROOT / m.file).read_text(encoding="utf-8"))
    mutated, *_ = apply(src, m.node, m.op, m.arg)
    (tree / m.file).write_text(ast.unparse(mutated) + "\n", encoding="utf-8")


def restore(tree: Path, rel: str) -> None:
    shutil.copyfile(ROOT / rel, tree / rel)


def check_setup(tree: Path) -> None:
    """The copy is what the tests import, and an obvious mutant is killed."""
    where = subprocess.run([sys.executable, "-c", "import bot.fixes; print(bot.fixes.__file__)"],
                           cwd=tree, env=env_for(tree), capture_output=True, text=True).stdout
    if not where.strip().startswith(str(tree)):
        sys.exit(f"tests would import {where.strip()}, not the mutated copy {tree}")
    target = tree / "bot/fixes.py"
    target.write_text(target.read_text(encoding="utf-8").replace(
        "MAX_ROUNDS = 6", "MAX_ROUNDS = 0"), encoding="utf-8")
    status, _ = run_tests(tree, FIX_TESTS, 300)
    restore(tree, "bot/fixes.py")
    if status != "killed":
        sys.exit("canary mutant (MAX_ROUNDS = 0) was not killed: the tests do not see the copy")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", nargs="*", default=list(TESTS))
    ap.add_argument("--sample", type=int, default=1, help="run every k-th mutant of each file")
    ap.add_argument("--cap", type=int, default=0, help="at most N mutants per file (seeded sample)")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--ids", nargs="*", default=None, help="run only these mutant ids")
    ap.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    ap.add_argument("--out", default=str(ROOT / "bench/out/mutation.json"))
    args = ap.parse_args()

    rng = random.Random(args.seed)
    chosen: list[Mutant] = []
    total: dict[str, int] = {}
    for rel in args.files:
        ms = mutants_of(rel)
        total[rel] = len(ms)
        if args.ids is not None:
            ms = [m for m in ms if m.id in args.ids]
        if args.sample > 1:
            ms = ms[rng.randrange(args.sample)::args.sample]
        if args.cap and len(ms) > args.cap:
            ms = sorted(rng.sample(ms, args.cap), key=lambda m: (m.line, m.node))
        chosen.extend(ms)
    if args.list:
        for m in chosen:
            print(f"{m.id}  {m.before!r} -> {m.after!r}")
        print({k: v for k, v in total.items()}, len(chosen), "chosen")
        return

    tmp = Path(tempfile.mkdtemp(prefix="relbot-mut-"))
    trees = [copy_tree(tmp / f"t{j}") for j in range(args.jobs)]
    check_setup(trees[0])
    timeouts = {}
    for rel in sorted({m.file for m in chosen}):
        _, secs = run_tests(trees[0], TESTS[rel], 600)
        timeouts[rel] = 3 * secs + 10
        print(f"baseline {rel}: {secs:.1f} s, timeout {timeouts[rel]:.0f} s", flush=True)

    free = list(trees)

    def one(m: Mutant) -> Mutant:
        tree = free.pop()
        try:
            write_mutant(tree, m)
            m.status, m.seconds = run_tests(tree, TESTS[m.file], timeouts[m.file])
        finally:
            restore(tree, m.file)
            free.append(tree)
        print(f"{m.status:8} {m.seconds:5.1f}s {m.id}  {m.before} -> {m.after}", flush=True)
        return m

    t0 = time.monotonic()
    with ThreadPoolExecutor(args.jobs) as pool:
        done = list(pool.map(one, chosen))
    shutil.rmtree(tmp, ignore_errors=True)

    print(f"\n{len(done)} mutants in {time.monotonic() - t0:.0f} s\n")
    print(f"| file | mutants (all) | run | killed | survived | timeout |\n|---|---|---|---|---|---|")
    for rel in args.files:
        ms = [m for m in done if m.file == rel]
        c = {s: sum(m.status == s for m in ms) for s in ("killed", "survived", "timeout")}
        print(f"| {rel} | {total[rel]} | {len(ms)} | {c['killed']} | {c['survived']} | {c['timeout']} |")
    print("\nSurviving mutants:")
    for m in done:
        if m.status == "survived":
            print(f"  {m.file}:{m.line}  [{m.op}]  `{m.before}` -> `{m.after}`   ({m.id})")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    prev = json.loads(out.read_text()) if out.exists() and args.ids is not None else []
    keep = {m["file"] + str(m["node"]) + m["op"] + str(m["arg"]): m for m in prev}
    for m in done:
        keep[m.file + str(m.node) + m.op + str(m.arg)] = asdict(m)
    out.write_text(json.dumps(list(keep.values()), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
