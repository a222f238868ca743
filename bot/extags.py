"""``<ref>`` and ``<references>`` read the way MediaWiki reads them.

MediaWiki's preprocessor (``Preprocessor_Hash::buildDomTreeArrayFromText``, 1.39) takes
extension tags out of the page before any other wikitext is parsed: after ``<`` + a registered
tag name + whitespace, ``/>`` or ``>``, the tag runs to the first ``>``; it closes itself when
that ``>`` follows a ``/``, otherwise its content is everything up to the next ``</name\\s*>``
(any case), whatever ``''``, ``[[`` or ``{{`` it holds. An opening tag with no closing tag
after it is plain text. Comments hide everything up to ``-->``. The content of most extension
tags (``<nowiki>``, ``<pre>``, ``<math>`` …) is never wikitext, so a ``<ref>`` there is no
reference; ``<references>``, ``<poem>`` and ``<indicator>`` parse their content again.

:func:`scan` mirrors that extraction (no tree, one regex pass per level) and
:func:`attributes` mirrors ``Sanitizer::decodeTagAttributes``. ``<gallery>`` is treated as
opaque although its captions are wikitext: mwparserfromhell does not parse its content, and
relbot's tree must agree with this scan.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

#: Extension tags of a Wikimedia wiki's parser (Special:Version, "Parser extension tags").
STRIP_TAGS = ("ref", "references", "nowiki", "pre", "gallery", "indicator", "langconvert", "poem",
              "math", "ce", "chem", "graph", "hiero", "imagemap", "inputbox", "mapframe", "maplink",
              "categorytree", "charinsert", "score", "section", "source", "syntaxhighlight",
              "templatedata", "templatestyles", "timeline", "includeonly")
#: Tags whose content MediaWiki parses again as wikitext (refs inside them are references).
REPARSED = frozenset({"references", "poem", "indicator"})
#: Nesting of re-parsed tags beyond which content is taken as opaque (``<poem>`` inside
#: ``<poem>`` … rescans the same text once per level).
MAX_DEPTH = 8
#: Tags that show nothing and are read past (page view, not transclusion).
_IGNORED_TAGS = ("noinclude", "/noinclude", "onlyinclude", "/onlyinclude")

# the preprocessor's regex has no /u flag: \s is ASCII whitespace
_WS = "[ \t\n\x0b\f\r]"
_NAMES = "|".join(STRIP_TAGS + _IGNORED_TAGS)
_OPEN = re.compile(rf"<(?:({_NAMES})(?={_WS}|/>|>)|(!--))", re.I)
_CLOSE = {}

# Sanitizer::getAttribsRegex and getAttribNameRegex (1.39)
_SPACE = "[\t\n\f\r ]"
_ATTR = r"[^\t\n\f\r />=]"
_ATTRIBS = re.compile(rf"((?:{_ATTR}|=){_ATTR}*)({_SPACE}*={_SPACE}*"
                      rf"(?:\"([^\"]*)(?:\"|$)|'([^']*)(?:'|$)|((?:(?!{_SPACE}|>).)*)))?", re.S)
_ATTR_NAME = re.compile(r"^[:_\w][:_.\-\w]*$")
_ENTITY = re.compile(r"&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z][A-Za-z0-9]*));")


def _closer(name: str) -> re.Pattern:
    pat = _CLOSE.get(name)
    if pat is None:
        pat = _CLOSE[name] = re.compile(rf"</{re.escape(name)}{_WS}*>", re.I)
    return pat


@dataclass(frozen=True, slots=True)
class ExtTag:
    """One extension tag: ``start``–``end`` the whole tag, ``attr_start``–``attr_end`` the text
    between the name and ``>`` (or ``/>``), ``inner`` the content span (None: self-closing)."""

    name: str  # lower case
    start: int
    end: int
    attr_start: int
    attr_end: int
    inner: tuple[int, int] | None
    parent: int | None  # index in the scan's tags of the tag whose content holds this one


@dataclass(slots=True)
class Scan:
    tags: list[ExtTag]
    #: (start, end) of opening tags that have no closing tag: MediaWiki prints them as text.
    unclosed: list[tuple[str, int, int]]
    #: (start, end) of comments and of content that is not wikitext (hidden from tag search).
    hidden: list[tuple[int, int]]

    def refs(self) -> list[ExtTag]:
        return [t for t in self.tags if t.name == "ref"]


def scan(text: str) -> Scan:
    """Every extension tag of ``text`` in document order, nested ones after their parent."""
    out = Scan([], [], [])
    _scan(text, 0, len(text), None, out, 0)
    return out


def _scan(text: str, pos: int, stop: int, parent: int | None, out: Scan, depth: int) -> None:
    no_closing: set[str] = set()
    no_gt = False
    while True:
        m = _OPEN.search(text, pos, stop)
        if m is None:
            return
        i = m.start()
        if m.group(2):  # a comment; unclosed, it runs to the end
            close = text.find("-->", i + 4, stop)
            end = stop if close < 0 else close + 3
            out.hidden.append((i, end))
            pos = end
            continue
        raw = m.group(1)
        name = raw.lower()
        attr_start = m.end()
        gt = -1 if no_gt else text.find(">", attr_start, stop)
        if gt < 0:
            no_gt = True
            pos = i + 1
            continue
        if name in _IGNORED_TAGS:
            pos = gt + 1
            continue
        if text[gt - 1] == "/":
            tag = ExtTag(name, i, gt + 1, attr_start, gt - 1, None, parent)
            pos = gt + 1
        else:
            close = None if name in no_closing else _closer(name).search(text, gt + 1, stop)
            if close is None:
                if name == "includeonly":  # may run to the end
                    out.hidden.append((i, stop))
                    return
                no_closing.add(name)
                out.unclosed.append((name, i, gt + 1))
                pos = gt + 1
                continue
            tag = ExtTag(name, i, close.end(), attr_start, gt, (gt + 1, close.start()), parent)
            pos = close.end()
        if name == "includeonly":
            out.hidden.append((tag.start, tag.end))
            continue
        out.tags.append(tag)
        if tag.inner is not None:
            if name in REPARSED and depth < MAX_DEPTH:
                _scan(text, tag.inner[0], tag.inner[1], len(out.tags) - 1, out, depth + 1)
            elif name != "ref":
                out.hidden.append(tag.inner)


def _entity(m: re.Match) -> str:
    if m.group(1) or m.group(2):
        try:
            return chr(int(m.group(1), 16) if m.group(1) else int(m.group(2)))
        except (ValueError, OverflowError):
            return m.group()
    return html.unescape(m.group()) if m.group(3) else m.group()


def attributes(attr_text: str) -> dict[str, str]:
    """Attribute names (lower case) and values as ``Sanitizer::decodeTagAttributes`` reads them."""
    if not attr_text.strip():
        return {}
    out: dict[str, str] = {}
    for m in _ATTRIBS.finditer(attr_text):
        name = m.group(1).lower()
        if not _ATTR_NAME.match(name):
            continue
        value = next((g for g in (m.group(5), m.group(4), m.group(3)) if g is not None), "")
        value = re.sub(r"[\t\r\n ]+", " ", value).strip()
        out[name] = _ENTITY.sub(_entity, value)
    return out
