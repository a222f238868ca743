"""Parse wikitext with mwparserfromhell and give every node its exact source span.

mwparserfromhell keeps the text of every node but not where it came from. Since
``str(tree) == source`` holds, each node's span follows from the lengths of the
parts it prints. ``bot.tree`` builds mwparserfromhell's tree from its tokens and records
the spans as it goes; for a tree built elsewhere (or when ``bot.tree`` declines), a walk
here computes them in one pass (no repeated ``str()`` calls, which would cost O(size x depth)).

Before parsing, a linear bracket scan estimates mwparserfromhell's cost: the
tokenizer backtracks over the rest of the page for every unterminated ``{{`` (and,
less steeply, ``[[``, ``{|``, HTML tags and external links), so 48 KB of ``{{a|b ``
takes tens of seconds. Pages above the budget are refused
with a reason instead of hanging a run.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import mwparserfromhell
from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from . import extags
from .tree import Built
from .tree import build as build_tree

#: Tags whose content is not wikitext; brackets inside them do not count.
OPAQUE_TAGS = ("nowiki", "pre", "math", "syntaxhighlight", "source", "score", "chem", "ce",
               "graph", "templatedata", "timeline", "hiero")

#: Relative cost, per character after it, of one opener the tokenizer tries and abandons.
#: Measured against mwparserfromhell 0.7's C tokenizer (``{{`` costs ~1e-7 s per character).
_COST_WEIGHT = {"template": 1.0, "table": 0.3, "link": 0.2, "tag": 0.15, "extlink": 0.15, "opaque": 0.1}
#: Tags that need no closing tag (mwparserfromhell's single tags).
_SINGLE_TAGS = frozenset({"br", "wbr", "hr", "meta", "link", "img", "li", "dt", "dd", "th", "td", "tr", "p"})


@dataclass(frozen=True, slots=True)
class Bracket:
    """An unmatched opener or a stray closer found by :func:`scan_brackets`."""

    kind: str  # template | link | table
    start: int
    end: int
    opener: bool


@dataclass(slots=True)
class BracketScan:
    unmatched: list[Bracket] = field(default_factory=list)
    cost: float = 0.0


_OPAQUE = "|".join(OPAQUE_TAGS)
# Every branch starts with a literal, so the engine skips straight to candidates; table
# brackets at a line start are found from the newline before them (the page start is
# checked on its own).
_SCAN = re.compile(r"<!--|\{\{+|\}\}+|\[\[+|\]\]+|\n[ \t]*\{\||\n[ \t]*\|\}"
                   r"|\[(?:https?:|ftp:|mailto:|news:|irc:|//)"
                   r"|<(/?)([A-Za-z][A-Za-z0-9]*)(?=[\s/>])[^<>]*?(/?)>", re.I)
_TABLE_AT_START = re.compile(r"[ \t]*(?:\{\||\|\})")
_LINE_OR_CLOSE = re.compile(r"[\]\n]")
_OPAQUE_RE = re.compile(_OPAQUE, re.I)


def scan_brackets(text: str) -> BracketScan:
    """Match ``{{ }}``, ``[[ ]]``, ``{| |}``, HTML tags and external links in one linear pass.

    Unmatched template, link and table brackets are listed (rule W001). Every opener the
    parser would try and abandon adds to ``cost``: the tokenizer rescans the rest of the
    page (or line) for each one, which is what makes it quadratic. Runs of braces are
    matched by count, so ``{{{1}}}`` and nested templates pair up as the parser pairs them.
    """
    scan = BracketScan()
    stacks: dict[str, list[list[int]]] = {"template": [], "link": [], "table": []}
    tags: dict[str, list[int]] = {}
    weight = _COST_WEIGHT
    n = len(text)
    pos = 0
    at_start = _TABLE_AT_START.match(text)
    while True:
        if at_start is not None:
            m, at_start = at_start, None
        else:
            m = _SCAN.search(text, pos)
        if m is None:
            break
        tok = m.group()
        pos = m.end()
        first = tok[0]
        if tok == "<!--":
            close = text.find("-->", pos)
            pos = n if close < 0 else close + 3
            continue
        if first == "<":
            closing, name, selfclose = m.group(1), m.group(2).lower(), m.group(3)
            if selfclose or name in _SINGLE_TAGS:
                continue
            if closing:
                if tags.get(name):
                    tags[name].pop()
                continue
            if _OPAQUE_RE.fullmatch(name):
                close = re.compile(r"</" + name + r"\s*>", re.I).search(text, pos)
                if close is None:
                    scan.cost += weight["opaque"] * (n - m.start())
                else:
                    pos = close.end()  # brackets inside do not count
                continue
            tags.setdefault(name, []).append(m.start())
            continue
        if first == "[" and not tok.startswith("[["):
            close = _LINE_OR_CLOSE.search(text, pos)
            if close is None or close.group() == "\n":
                scan.cost += weight["extlink"] * ((n if close is None else close.start()) - m.start())
            continue
        stripped = tok.lstrip("\n \t")
        if stripped == "{|" or stripped == "|}":
            start = m.end() - 2
            if stripped == "{|":
                stacks["table"].append([start, 1])
            elif stacks["table"]:
                stacks["table"].pop()
            else:
                scan.unmatched.append(Bracket("table", start, start + 2, False))
            continue
        kind = "template" if first in "{}" else "link"
        stack = stacks[kind]
        if first in "{[":
            stack.append([m.start(), len(tok)])
            continue
        need = len(tok)
        while need >= 2 and stack:
            top = stack[-1]
            take = min(top[1], need)
            top[1] -= take
            need -= take
            if top[1] < 2:
                stack.pop()
        if need >= 2:
            scan.unmatched.append(Bracket(kind, m.end() - need, m.end(), False))
    for kind, stack in stacks.items():
        for start, count in stack:
            if count >= 2 or kind == "table":
                width = 2 if kind == "table" else count
                scan.unmatched.append(Bracket(kind, start, start + width, True))
                scan.cost += weight[kind] * (n - start)
    for opens in tags.values():
        scan.cost += weight["tag"] * sum(n - start for start in opens)
    scan.unmatched.sort(key=lambda b: b.start)
    return scan


class LineIndex:
    """Offset to 1-based (line, column), counted in code points."""

    __slots__ = ("_starts",)

    def __init__(self, text: str):
        starts = [0]
        find = text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts

    def linecol(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def span(self, start: int, end: int) -> dict:
        line, col = self.linecol(start)
        end_line, end_col = self.linecol(end)
        return {"start": start, "end": end, "line": line, "column": col,
                "end_line": end_line, "end_column": end_col}


class ParseRefused(Exception):
    """The page would cost the parser too much; ``reason`` says why."""


class Parsed:
    """A parsed page: the tree, the source, and the span of every node and sub-wikicode."""

    __slots__ = ("text", "tree", "lines", "brackets", "nodes", "ext", "_pos", "_tags", "_top")

    def __init__(self, text: str, tree: Wikicode, brackets: BracketScan | None = None,
                 built: Built | None = None, ext: extags.Scan | None = None):
        self.text = text
        self.tree = tree
        #: the extension tags as MediaWiki extracts them (what is a reference and what is not)
        self.ext = ext if ext is not None else extags.scan(text)
        self.brackets = brackets if brackets is not None else scan_brackets(text)
        self.lines = LineIndex(text)
        self._top: list[int] | None = None
        if built is not None:  # spans recorded while building the tree
            self._pos, self.nodes, self._tags = built.pos, built.nodes, built.tags
            return
        self._pos: dict[int, tuple[int, int]] = {}
        self.nodes: list = []  # every node at every depth, in document (pre-)order
        self._tags: dict[int, str] = {}
        end = _Walker(self._pos, self.nodes, self._tags).code(tree, 0)
        if end != len(text):  # pragma: no cover - mwparserfromhell guarantees round trip
            raise AssertionError(f"span computation ended at {end}, text has {len(text)}")

    def span(self, obj) -> tuple[int, int]:
        """(start, end) of a node or Wikicode from this tree."""
        return self._pos[id(obj)]

    def src(self, obj) -> str:
        """The source text of a node or Wikicode (cheaper than ``str()``, which recurses)."""
        s, e = self._pos[id(obj)]
        return self.text[s:e]

    def tag_name(self, node: Tag) -> str:
        """Lower-case tag name; wiki-markup tags (bold, tables, lists) print no name of their own."""
        return self._tags[id(node)]

    def top_starts(self) -> list[int]:
        """Start offsets of the top-level nodes, ascending (for bisecting)."""
        if self._top is None:
            pos = self._pos
            self._top = [pos[id(n)][0] for n in self.tree.nodes]
        return self._top

    def start(self, obj) -> int:
        return self._pos[id(obj)][0]

    def end(self, obj) -> int:
        return self._pos[id(obj)][1]

    def json_span(self, start: int, end: int) -> dict:
        return self.lines.span(start, end)


def parse(text: str, max_cost: float = 10_000_000) -> Parsed:
    """Parse ``text``; raise :class:`ParseRefused` when the bracket scan predicts a blow-up."""
    if "\x00" in text:  # the C tokenizer stops at NUL: the tree would not round-trip
        raise ParseRefused("the text contains NUL characters")
    brackets = scan_brackets(text)
    if brackets.cost > max_cost:
        raise ParseRefused(f"unterminated templates would make parsing quadratic "
                           f"(estimated cost {brackets.cost:.3g} > {max_cost:.3g})")
    ext = extags.scan(text)
    built = build_tree(text)
    if built is not None:
        parsed = Parsed(text, built.tree, brackets, built, ext)
    else:
        parsed = Parsed(text, mwparserfromhell.parse(text), brackets, ext=ext)
    if _tree_refs(parsed) != {(t.start, t.end) for t in ext.refs()}:
        return _ref_first(text, brackets, ext) or parsed
    return parsed


def _tree_refs(parsed: Parsed) -> set[tuple[int, int]]:
    return {parsed.span(n) for n in parsed.nodes
            if type(n) is Tag and not n.wiki_markup and parsed.tag_name(n) == "ref"}


def _ref_first(text: str, brackets: BracketScan, ext: extags.Scan) -> Parsed | None:
    """The tree with every reference where MediaWiki sees one.

    mwparserfromhell reads a ``<ref>`` as a tag only when its content parses on its own terms
    (an unclosed ``''`` or a stray ``</b>`` inside can make it text, and the italics then run on
    past ``</ref>``). MediaWiki cuts the content out first. So does this: the page is parsed
    with each reference's content blanked to inert letters of the same length, and each
    reference tag then gets its real content, parsed alone. None when the tree still disagrees.
    """
    refs = [t for t in ext.refs() if t.inner is not None]
    pieces, pos = [], 0
    for t in refs:
        s, e = t.inner
        pieces += [text[pos:s], "x" * (e - s)]
        pos = e
    pieces.append(text[pos:])
    blank = "".join(pieces)
    built = build_tree(blank)
    first = (Parsed(blank, built.tree, brackets, built, ext) if built is not None
             else Parsed(blank, mwparserfromhell.parse(blank), brackets, ext=ext))
    nodes = {first.span(n): n for n in first.nodes
             if type(n) is Tag and not n.wiki_markup and first.tag_name(n) == "ref"}
    if nodes.keys() != {(t.start, t.end) for t in ext.refs()}:
        return None
    for t in refs:
        node = nodes[(t.start, t.end)]
        if first.span(node.contents) != t.inner:
            return None
        node.contents = mwparserfromhell.parse(text[t.inner[0]:t.inner[1]])
    return Parsed(text, first.tree, brackets, ext=ext)


# --- span computation for a tree built elsewhere ----------------------------------------
# (bot.tree records spans while building; this is the reference path it falls back on.)
# Each method returns the end offset of the object starting at ``at`` and records its
# span, mirroring the node's __str__ in mwparserfromhell 0.7.

class _Walker:
    __slots__ = ("pos", "out", "tags")

    def __init__(self, pos: dict, out: list, tags: dict):
        self.pos = pos
        self.out = out
        self.tags = tags

    def code(self, code: Wikicode, at: int) -> int:
        start = at
        node_ = self.node
        for node in code.nodes:
            at = node_(node, at)
        self.pos[id(code)] = (start, at)
        return at

    def node(self, node, at: int) -> int:
        start = at
        self.out.append(node)
        cls = type(node)
        code = self.code
        if cls is Text:
            at += len(node.value)
        elif cls is Template:
            at = code(node.name, at + 2)
            for param in node.params:
                at += 1
                pstart = at
                if param.showkey:
                    at = code(param.name, at) + 1
                else:
                    self.pos[id(param.name)] = (at, at)
                at = code(param.value, at)
                self.pos[id(param)] = (pstart, at)
            at += 2
        elif cls is Wikilink:
            at = code(node.title, at + 2)
            if node.text is not None:
                at = code(node.text, at + 1)
            at += 2
        elif cls is Tag:
            at = self.tag(node, at)
        elif cls is Heading:
            at = code(node.title, at + node.level) + node.level
        elif cls is ExternalLink:
            if node.brackets:
                at = code(node.url, at + 1)
                if node.title is not None:
                    if node.suppress_space is not True:
                        at += 1
                    at = code(node.title, at)
                at += 1
            else:
                at = code(node.url, at)
        elif cls is Comment:
            at += len(node.contents) + 7
        elif cls is Argument:
            at = code(node.name, at + 3)
            if node.default is not None:
                at = code(node.default, at + 1)
            at += 3
        else:  # HTMLEntity and any node type without children: its printed length
            at += len(str(node))
        self.pos[id(node)] = (start, at)
        return at

    def attrs(self, node: Tag, at: int) -> int:
        for attr in node.attributes:
            astart = at
            at = self.code(attr.name, at + len(attr.pad_first)) + len(attr.pad_before_eq)
            if attr.value is not None:
                at += 1 + len(attr.pad_after_eq)
                quote = len(attr.quotes or "")
                at = self.code(attr.value, at + quote) + quote
            self.pos[id(attr)] = (astart, at)
        return at

    def tag(self, node: Tag, at: int) -> int:
        parts = node.tag.nodes
        name = parts[0].value if len(parts) == 1 and type(parts[0]) is Text else str(node.tag)
        self.tags[id(node)] = name.strip().lower()
        if node.wiki_markup:
            at = self.attrs(node, at + len(node.wiki_markup))
            at += len(node.padding or "") + len(node.wiki_style_separator or "")
            if node.self_closing:
                return at
            at = self.code(node.contents, at)
            return at + len(node.closing_wiki_markup or "")
        at = self.code(node.tag, at + (2 if node.invalid else 1))
        at = self.attrs(node, at)
        if node.self_closing:
            return at + len(node.padding) + (1 if node.implicit else 2)
        at = self.code(node.contents, at + len(node.padding) + 1)
        return self.code(node.closing_tag, at + 2) + 1
