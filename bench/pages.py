"""Benchmark inputs: the fixtures, and larger bilateral pages generated from them."""

from __future__ import annotations

import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
DIGITS = "০১২৩৪৫৬৭৮৯"


def read(path: Path) -> str:
    return path.read_text("utf-8")


def bn_number(n: int) -> str:
    return str(n).translate({ord(str(i)): d for i, d in enumerate(DIGITS)})


def grow(text: str, target: int) -> str:
    """Repeat the body sections of ``text`` (renumbered, so titles stay unique) up to ``target`` chars."""
    first = re.search(r"(?m)^==[^=]", text)
    appendix = re.search(r"(?m)^== (আরও দেখুন|তথ্যসূত্র) ==", text)
    if not first or not appendix or appendix.start() <= first.start():
        return text
    head, body, tail = text[: first.start()], text[first.start(): appendix.start()], text[appendix.start():]
    parts, n = [head, body], 1
    while sum(map(len, parts)) + len(tail) < target:
        n += 1
        parts.append(re.sub(r"(?m)^(==+) (.+?) (==+)$", lambda m: f"{m[1]} {m[2]} {bn_number(n)} {m[3]}", body))
        # named refs must stay unique per copy
        parts[-1] = re.sub(r'name="([^"]+)"', lambda m: f'name="{m[1]}-{n}"', parts[-1])
    return "".join(parts) + tail


def clean_pages() -> list[tuple[str, str]]:
    return [(p.stem.replace("_", " "), read(p)) for p in sorted((FIXTURES / "clean").glob("*.wikitext"))]


def dirty_pages() -> list[tuple[str, str]]:
    pages = [(p.stem.replace("_", " "), read(p)) for p in sorted((FIXTURES / "seed").glob("*.wikitext"))]
    for code in ("T001", "L007", "T003", "W004", "L003", "W007"):
        pages += [(p.stem.replace("_", " "), read(p)) for p in sorted((FIXTURES / "rules" / code).glob("*.wikitext"))]
    return pages


def sized(pages, sizes=(10_000, 30_000, 100_000, 300_000)):
    out = []
    for size in sizes:
        for title, text in pages:
            big = grow(text, size)
            if len(big) >= size * 0.8:
                out.append((title, big))
    return out


def timed(fn, repeat: int, pick=min) -> float:
    """Wall time of ``repeat`` calls of ``fn``, reduced by ``pick`` (min: the least disturbed run)."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return pick(times)
