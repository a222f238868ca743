"""The English counterpart of a bilateral pair: which English pages speak of it, and where.

For the countries A and B of a Bengali ``A–B সম্পর্ক`` article, English Wikipedia speaks of the
pair in ``A–B relations`` or ``B–A relations`` (the whole page) and in ``Foreign relations of A``
and ``Foreign relations of B`` (only the table row or the section about the other country:
``|{{flag|B}}`` up to the next ``|-``/``|}`` or heading, or a heading naming B up to the next heading of
its level or higher). :class:`EnglishPages` holds the English pages given offline (files or a
dump, read by the caller) and follows their redirects; :func:`passages` returns the spans about
the pair in the order the English bilateral title names the countries (alphabetical, as enwiki
names them): the bilateral page, then the foreign relations of the first country, then of the
second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .gazetteer import Gazetteer
from .profile import name_key

#: English title shapes (enwiki's own naming; not wiki words of the Bengali profile)
FOREIGN = "Foreign relations of {}"
BILATERAL = "{}–{} relations"
BILATERAL_SEPARATORS = ("–", "-", "—")
REDIRECT = re.compile(r"\s*#redirect\s*:?\s*\[\[([^\]|#]*)(?:#([^\]|]*))?", re.I)
MAX_HOPS = 5
_ROW_START = re.compile(r"^[|!][^\n{]*?\{\{\s*(?:flag\w*)\s*\|\s*([^|}\n]+?)\s*(?:\|[^}\n]*)?\}\}", re.I | re.M)
_ROW_END = re.compile(r"^\s*\|[-}]", re.M)
_HEADING = re.compile(r"^(={2,6})\s*(.+?)\s*\1\s*$", re.M)
_LINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]")
_TEMPLATE = re.compile(r"\{\{\s*flag\w*\s*\|\s*([^|}]+)[^}]*\}\}", re.I)


@dataclass(frozen=True, slots=True)
class Passage:
    """``text[start:end]`` of English page ``title`` speaks of the pair (``kind``: ``bilateral``
    for the whole ``A–B relations`` page, ``row`` or ``section`` of a ``Foreign relations of``
    page)."""

    title: str
    kind: str
    start: int
    end: int


def wanted(title: str) -> bool:
    """Whether an English title can be a counterpart page (read from a dump, every other page is left)."""
    t = name_key(title)
    return t.startswith("Foreign relations of ") or t.endswith(" relations")


class EnglishPages:
    """English pages by title: files, read when first asked for, or texts (a dump's pages, of which
    a reader keeps the titles :func:`wanted` accepts). Redirect pages (``#REDIRECT [[T]]``) are
    followed when the target is among the pages."""

    def __init__(self, texts: dict[str, str] | None = None):
        self._files: dict[str, Path] = {}
        self._texts: dict[str, str] = {name_key(t): x for t, x in (texts or {}).items()}
        self.cache: dict = {}  # what bot/crosscheck.py reads once: each page's facts, each pair's side
        #: the English page a Bengali article of the pair links to (its ``[[en:…]]`` language link,
        #: read on the wiki), by the pair's codes: taken instead of the guessed bilateral titles
        self.links: dict[frozenset, str] = {}

    def add_file(self, path: Path, title: str) -> None:
        """A page read from ``path`` when first asked for (a title given twice keeps the first)."""
        self._files.setdefault(name_key(title), path)

    def add_text(self, title: str, text: str) -> None:
        self._texts.setdefault(name_key(title), text)

    def __len__(self) -> int:
        return len({*self._files, *self._texts})

    def titles(self) -> list[str]:
        return sorted({*self._files, *self._texts})

    def raw(self, title: str) -> str | None:
        """The page's own text (a redirect's too), or None when it is not among the pages."""
        key = name_key(title)
        if key in self._texts:
            return self._texts[key]
        path = self._files.get(key)
        if path is None:
            return None
        from .sources import read_page

        self._texts[key] = text = read_page(path).text
        return text

    def resolve(self, title: str) -> tuple[str, str] | None:
        """(title, text) of the page ``title`` names, redirects followed; None when absent."""
        key = name_key(title)
        for _ in range(MAX_HOPS + 1):
            text = self.raw(key)
            if text is None:
                return None
            m = REDIRECT.match(text)
            if m is None:
                return key, text
            key = name_key(m[1])
        return None


def _english_names(gaz: Gazetteer, code: str) -> list[str]:
    """The country's English names, display name first, with ``the`` for those enwiki titles
    write with it (``Foreign relations of the Philippines``)."""
    names = [n for n in gaz.names(code) if n and n[0].isupper()]
    return names + [f"the {n}" for n in names]


def _sort_name(gaz: Gazetteer, code: str) -> str:
    return (gaz.name(code) or code).casefold()


def ordered(gaz: Gazetteer, a: str, b: str) -> tuple[str, str]:
    """The pair in the order enwiki's bilateral title names it: alphabetical by English name."""
    return (a, b) if _sort_name(gaz, a) <= _sort_name(gaz, b) else (b, a)


def passages(pages: EnglishPages, a: str, b: str, gaz: Gazetteer) -> list[Passage]:
    """The spans of the English pages that speak of the pair ``a``–``b`` (ISO codes); ``gaz``
    the English gazetteer. Each page is read once (a redirect to a page already taken adds
    nothing)."""
    first, second = ordered(gaz, a, b)
    out: list[Passage] = []
    seen: set[str] = set()
    link = pages.links.get(frozenset((a, b)))
    found = pages.resolve(link) if link else None
    if found and not found[0].startswith("Foreign relations of "):
        seen.add(found[0])
        out.append(Passage(found[0], "bilateral", 0, len(found[1])))
    for x, y in ((first, second), (second, first)) if link is None else ():
        for nx in _english_names(gaz, x):
            for ny in _english_names(gaz, y):
                for sep in BILATERAL_SEPARATORS:
                    found = pages.resolve(f"{nx}{sep}{ny} relations")
                    if found and found[0] not in seen:
                        title, text = found
                        seen.add(title)
                        if title.startswith("Foreign relations of "):  # a redirect into a survey page
                            continue
                        out.append(Passage(title, "bilateral", 0, len(text)))
    for x, y in ((first, second), (second, first)):
        for nx in _english_names(gaz, x):
            found = pages.resolve(FOREIGN.format(nx))
            if found is None or found[0] in {p.title for p in out if p.kind != "bilateral"}:
                continue
            title, text = found
            out += [Passage(title, kind, s, e) for kind, s, e in about(text, y, gaz)]
            break
    return out


def titles_to_read(gaz: Gazetteer, a: str, b: str, link: str | None = None) -> list[str]:
    """The English titles a reader on the wiki asks for about the pair: the page the Bengali
    article links to, else ``A–B relations`` and ``B–A relations`` (display names, en dash: enwiki
    redirects the other spellings), and always ``Foreign relations of A`` and ``of B``."""
    first, second = ordered(gaz, a, b)
    na, nb = gaz.name(first) or first, gaz.name(second) or second
    bilateral = [link] if link else [BILATERAL.format(na, nb), BILATERAL.format(nb, na)]
    return bilateral + [FOREIGN.format(na), FOREIGN.format(nb)]


def about(text: str, code: str, gaz: Gazetteer) -> list[tuple[str, int, int]]:
    """(``row``|``section``, start, end) of every table row and section of ``text`` about
    country ``code``; a row inside a section already taken is not taken again."""
    out: list[tuple[str, int, int]] = []
    heads = list(_HEADING.finditer(text))
    for i, m in enumerate(heads):
        if _names_country(m[2], code, gaz):
            level = len(m[1])
            end = next((h.start() for h in heads[i + 1:] if len(h[1]) <= level), len(text))
            out.append(("section", m.start(), end))
    for m in _ROW_START.finditer(text):
        if gaz.country(m[1]) != code:
            continue
        if any(s <= m.start() < e for _, s, e in out):
            continue
        # a row ends at the next row or the table's end, and never runs past a heading (a flag
        # cell outside a table, or a table left open, would otherwise take the rest of the page)
        ends = [x.start() for x in (_ROW_END.search(text, m.end()), _HEADING.search(text, m.end())) if x]
        out.append(("row", m.start(), min(ends, default=len(text))))
    return sorted(out, key=lambda p: p[1])


def _names_country(heading: str, code: str, gaz: Gazetteer) -> bool:
    """A heading that is the country's name (``=== Azerbaijan ===``, ``[[Argentina–Azerbaijan
    relations|Azerbaijan]]``, ``{{flag|Azerbaijan}}``)."""
    s = _TEMPLATE.sub(r"\1", _LINK.sub(r"\1", heading))
    s = re.sub(r"<[^>]*>|'{2,}", "", s).strip()
    return bool(s) and gaz.country(s) == code
