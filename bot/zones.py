"""Stretches of a page's prose that the typography (T) rules leave as written.

The prose projection holds what a reader sees, but some of it is not the page's own prose:
quotations (``<blockquote>``, ``<q>``), verse written in running text (lines cut by ``।/``,
lines of couplets each ending in ``।।``), sections that list sources (their titles are quoted as
published), and wikitext that the parser left as text because it is broken (a template,
ref, table or link whose markup shows in the projection). A T rule reports nothing there.

Found once per page, on the first candidate match, with a few regex passes over the
projection; a match is then tested by bisection.
"""

from __future__ import annotations

import bisect
import re

from .prose import QUOTE_TAGS, SKIP_TAGS

#: Markup the parser did not take as markup (it shows in the projection as text), each kind with
#: one character every match holds. A one-character test is ~30x faster than a longer one on
#: Bengali text, and one regex per kind, each starting with a literal, ~10x faster than their
#: alternation.
_CONTENT_TAGS = "|".join(sorted(SKIP_TAGS | QUOTE_TAGS))
LEAKED = (
    ("{", re.compile(r"\{\{.*?(?:\}\}|\Z)", re.S)),  # a template, to its end or the page end
    ("{", re.compile(r"\{\|.*?(?:\n[ \t]*\|\}|\Z)", re.S)),  # a table
    ("|", re.compile(r"\n[ \t]*\|[^\n]*")),  # a table row or template parameter on its own line
    ("<", re.compile(rf"<(?i:({_CONTENT_TAGS}))\b[^>]*?(?:/>|>.*?(?:</(?i:\1)\s*>|\Z))"  # a ref, math …
                     r"|</?[A-Za-z][^<>\n]*>", re.S)),  # any other tag
    ("[", re.compile(r"\[\[[^\n]*?(?:\]\]|\n|\Z)")),  # a link
    ("/", re.compile(r"https?://\S*")),  # a URL
)
#: The start of a table row or template parameter on the page's first line.
FIRST_ROW = re.compile(r"[ \t]*\|[^\n]*")
#: Verse written in running text: a line broken by ``।/`` (or ``৷/``, up to two spaces between).
#: It starts with the slash: dandas are common, slashes are not.
VERSE_SLASH = re.compile("/(?:(?<=[\u0964\u09f7]/)|(?<=[\u0964\u09f7][ \t]/)|(?<=[\u0964\u09f7][ \t]{2}/))")
#: The double danda sign ends verse lines.
DOUBLE_DANDA = re.compile("\u0965")
#: A doubled danda touching a number (``।।১।।``) numbers verses.
VERSE_NUMBER = re.compile("\u0964\u0964(?:(?=[0-9\u09e6-\u09ef])|(?<=[0-9\u09e6-\u09ef]\u0964\u0964))")


def merge_spans(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted, merged spans as (starts, ends), for bisecting."""
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(spans):
        if starts and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _inside(starts: list[int], ends: list[int], s: int, e: int) -> bool:
    """Whether [s, e) overlaps a span."""
    i = bisect.bisect_right(starts, max(e - 1, s)) - 1
    return i >= 0 and ends[i] > s


class Zones:
    """Where the T rules do not look: projection spans and source spans."""

    def __init__(self, art):
        prose, text = art.prose, art.prose.text
        spans = list(prose.quoted)
        for needle, pattern in LEAKED:
            if needle in text:
                spans += [m.span() for m in pattern.finditer(text)]
        row = FIRST_ROW.match(text)
        if row:
            spans.append(row.span())
        for needle, pattern in (("/", VERSE_SLASH), ("\u0965", DOUBLE_DANDA)):
            if needle in text:
                spans += [_line(text, m.start(), m.end()) for m in pattern.finditer(text)]
        danda2 = "\u0964\u0964"
        if danda2 in text:
            # a verse number marks itself only: the rest of its line is judged as any other
            spans += [m.span() for m in VERSE_NUMBER.finditer(text)]
            at = text.find(danda2)
            while at >= 0:
                begin, end = _line(text, at, at + 2)
                if _couplet(text[begin:end]):
                    spans.append((begin, end))
                at = text.find(danda2, end)
        self._p = merge_spans(spans)
        keys = set(art.profile.text.get("source_sections", ()))
        self._s = merge_spans([(sec["span"]["start"], sec["span"]["end"]) for sec in art.doc.get("sections", ())
                          if sec["key"] in keys])

    def blocked(self, pstart: int, pend: int, sstart: int, send: int) -> bool:
        """Whether projection span [pstart, pend) or source span [sstart, send) lies in a zone."""
        return _inside(*self._p, pstart, pend) or _inside(*self._s, sstart, send)


#: Marks that end a sentence inside a line (a verse line has none but its ``।।``).
SENTENCE_MARKS = ("\u0964", "\u09f7", "?", "!")
#: Dandas in a row (``।।``, ``।।১।।`` split at both).
DANDA_RUN = re.compile("\u0964{2,}")
#: What may follow a couplet's last ``।।`` on its line: a verse number or an attribution
#: in parentheses (``(চণ্ডীদাস)``), nothing a reader takes for prose.
COUPLET_TAIL = re.compile(r"[\s0-9\u09e6-\u09ef]*(?:\([^()\n]*\)\s*)?")


def _couplet(line: str) -> bool:
    """Whether a line holding ``।।`` is verse: every sentence on it ends in ``।।`` (no single
    danda, ``?`` or ``!`` ends one) and no prose follows the last ``।।``. A sentence ending in
    ``।।`` with more prose after it on its line is a typo, not a couplet."""
    *verses, tail = DANDA_RUN.split(line)
    return (not any(c in v for v in verses for c in SENTENCE_MARKS)
            and COUPLET_TAIL.fullmatch(tail) is not None)


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    """The projection line holding [start, end)."""
    stop = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if stop < 0 else stop


def zones(art) -> Zones:
    """The page's zones, found once."""
    z = art.prose.memo.get("zones")
    if z is None:
        z = art.prose.memo["zones"] = Zones(art)
    return z
