"""Where pages come from: files and directories of ``*.wikitext``, or standard input (``-``)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path


class InputError(Exception):
    """A source that cannot be read as a page (one-line message)."""


@dataclass(frozen=True, slots=True)
class Page:
    title: str
    text: str
    source: str


def _printable(s: str) -> str:
    """File names that are not UTF-8 arrive with surrogate escapes; show them replaced."""
    return s.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def title_from_path(path: Path) -> str:
    return _printable(path.stem.replace("_", " "))


#: the path that means standard input (one page; its title must be given)
STDIN = "-"


def is_stdin(path) -> bool:
    return str(path) == STDIN


def expand(paths, title: str | None = None) -> list[Path]:
    """Files as given; directories as every ``*.wikitext`` below them, sorted; ``-`` standard input.

    ``title`` is the one page's title (``--title``): standard input has no file name to take it
    from. Paths that hold no page at all are an error, not a clean report."""
    out = []
    for raw in paths:
        path = Path(raw)
        if is_stdin(raw):
            if not title:
                raise InputError("- reads the page from standard input: give its title with --title")
            out.append(path)
        elif path.is_dir():
            out.extend(sorted(p for p in path.rglob("*.wikitext") if p.is_file()))
        elif path.exists():
            out.append(path)
        else:
            raise InputError(f"{_printable(str(raw))}: no such file or directory")
    if not out:
        raise InputError(f"no *.wikitext page in {', '.join(_printable(str(p)) for p in paths)}")
    if title is not None and len(out) != 1:
        raise InputError("--title needs exactly one file")
    return out


def read_page(path: Path, title: str | None = None) -> Page:
    """The page in ``path`` (``-``: standard input, which needs ``title``), as UTF-8 without a BOM."""
    if title is not None and _printable(title) != title:
        raise InputError("the title is not valid UTF-8")
    if is_stdin(path):
        if not title:
            raise InputError("- reads the page from standard input: give its title with --title")
        name, read = "<stdin>", sys.stdin.buffer.read
    else:
        name, read = _printable(str(path)), path.read_bytes
    try:
        data = read()
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    if b"\x00" in data[:65536]:
        raise InputError(f"{name}: binary file (contains NUL bytes), not wikitext")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return Page(title or title_from_path(path), text, name)
