"""Where pages come from: files and directories of ``*.wikitext`` (wiki and dumps come later)."""

from __future__ import annotations

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


def expand(paths) -> list[Path]:
    """Files as given; directories as every ``*.wikitext`` below them, sorted."""
    out = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*.wikitext") if p.is_file()))
        elif path.exists():
            out.append(path)
        else:
            raise InputError(f"{_printable(str(raw))}: no such file or directory")
    return out


def read_page(path: Path, title: str | None = None) -> Page:
    if title is not None and _printable(title) != title:
        raise InputError("the title is not valid UTF-8")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{_printable(str(path))}: cannot read: {exc.strerror or exc}") from None
    if b"\x00" in data[:65536]:
        raise InputError(f"{_printable(str(path))}: binary file (contains NUL bytes), not wikitext")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{_printable(str(path))}: not UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return Page(title or title_from_path(path), text, _printable(str(path)))
