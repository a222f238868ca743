"""Parse wikitext with mwparserfromhell and give every node its exact source span.

mwparserfromhell keeps the text of every node but not where it came from. Since
``str(tree) == source`` holds, each node's span follows from the lengths of the
parts it prints, computed bottom-up in one pass (no repeated ``str()`` calls, which
would cost O(size x depth)).

Before parsing, a linear bracket scan estimates mwparserfromhell's cost: the
tokenizer backtracks over the rest of the page for every unterminated ``{{``, so
48 KB of ``{{a|b `` takes tens of seconds. Pages above the budget are refused
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
    HTMLEntity,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

#: Tags whose content is not wikitext; brackets inside them do not count.
OPAQUE_TAGS = ("nowiki", "pre", "math", "syntaxhighlight", "source", "score", "chem", "ce",
               "graph", "templatedata", "timeline", "hiero")

#: Relative cost of one unterminated opener per character after it (measured, see bench/).
_COST_WEIGHT = {"template": 1.0, "table": 0.3, "link": 0.2}


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


_OPAQUE_OPEN = re.compile(r"<(" + "|".join(OPAQUE_TAGS) + r")(?=[\s>/])[^>]*?(/?)>", re.I)
_SCAN = re.compile(r"<!--|<(?:" + "|".join(OPAQUE_TAGS) + r")(?=[\s>/])|\{\{+|\}\}+|\[\[+|\]\]+"
                   r"|^[ \t]*\{\||^[ \t]*\|\}", re.I | re.M)


def scan_brackets(text: str) -> BracketScan:
    """Match ``{{ }}``, ``[[ ]]`` and ``{| |}`` in one linear pass.

    Comments and opaque tags are skipped. Runs of braces are matched by count so
    that ``{{{1}}}`` and nested templates pair up as the parser pairs them.
    """
    scan = BracketScan()
    stacks: dict[str, list[list[int]]] = {"template": [], "link": [], "table": []}
    n = len(text)
    pos = 0
    while True:
        m = _SCAN.search(text, pos)
        if m is None:
            break
        tok = m.group()
        pos = m.end()
        if tok == "<!--":
            close = text.find("-->", pos)
            pos = n if close < 0 else close + 3
            continue
        if tok[0] == "<":
            om = _OPAQUE_OPEN.match(text, m.start())
            if om is None:
                continue
            if om.group(2):  # self-closing
                pos = om.end()
                continue
            close = re.compile(r"</" + re.escape(om.group(1)) + r"\s*>", re.I).search(text, om.end())
            pos = n if close is None else close.end()
            continue
        stripped = tok.lstrip(" \t")
        if stripped == "{|" or stripped == "|}":
            start = m.end() - 2
            if stripped == "{|":
                stacks["table"].append([start, 1])
            elif stacks["table"]:
                stacks["table"].pop()
            else:
                scan.unmatched.append(Bracket("table", start, start + 2, False))
            continue
        kind = "template" if tok[0] in "{}" else "link"
        stack = stacks[kind]
        if tok[0] in "{[":
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
                scan.cost += _COST_WEIGHT[kind] * (n - start)
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

    __slots__ = ("text", "tree", "lines", "brackets", "_pos")

    def __init__(self, text: str, tree: Wikicode, brackets: BracketScan | None = None):
        self.text = text
        self.tree = tree
        self.brackets = brackets if brackets is not None else scan_brackets(text)
        self.lines = LineIndex(text)
        self._pos: dict[int, tuple[int, int]] = {}
        end = _code(tree, 0, self._pos)
        if end != len(text):  # pragma: no cover - mwparserfromhell guarantees round trip
            raise AssertionError(f"span computation ended at {end}, text has {len(text)}")

    def span(self, obj) -> tuple[int, int]:
        """(start, end) of a node or Wikicode from this tree."""
        return self._pos[id(obj)]

    def start(self, obj) -> int:
        return self._pos[id(obj)][0]

    def end(self, obj) -> int:
        return self._pos[id(obj)][1]

    def json_span(self, start: int, end: int) -> dict:
        return self.lines.span(start, end)


def parse(text: str, max_cost: float = 10_000_000) -> Parsed:
    """Parse ``text``; raise :class:`ParseRefused` when the bracket scan predicts a blow-up."""
    brackets = scan_brackets(text)
    if brackets.cost > max_cost:
        raise ParseRefused(f"unterminated templates would make parsing quadratic "
                           f"(estimated cost {brackets.cost:.3g} > {max_cost:.3g})")
    return Parsed(text, mwparserfromhell.parse(text), brackets)


# --- span computation -------------------------------------------------------------------
# Each function returns the end offset of the object starting at ``at`` and records its
# span, mirroring the node's __str__ in mwparserfromhell 0.7.

def _code(code: Wikicode, at: int, pos: dict) -> int:
    start = at
    for node in code.nodes:
        at = _node(node, at, pos)
    pos[id(code)] = (start, at)
    return at


def _node(node, at: int, pos: dict) -> int:
    start = at
    cls = type(node)
    if cls is Text:
        at += len(node.value)
    elif cls is Template:
        at = _code(node.name, at + 2, pos)
        for param in node.params:
            at += 1
            pstart = at
            if param.showkey:
                at = _code(param.name, at, pos) + 1
            else:
                pos[id(param.name)] = (at, at)
            at = _code(param.value, at, pos)
            pos[id(param)] = (pstart, at)
        at += 2
    elif cls is Wikilink:
        at = _code(node.title, at + 2, pos)
        if node.text is not None:
            at = _code(node.text, at + 1, pos)
        at += 2
    elif cls is Tag:
        at = _tag(node, at, pos)
    elif cls is Heading:
        at = _code(node.title, at + node.level, pos) + node.level
    elif cls is ExternalLink:
        if node.brackets:
            at = _code(node.url, at + 1, pos)
            if node.title is not None:
                if node.suppress_space is not True:
                    at += 1
                at = _code(node.title, at, pos)
            at += 1
        else:
            at = _code(node.url, at, pos)
    elif cls is Comment:
        at += len(node.contents) + 7
    elif cls is Argument:
        at = _code(node.name, at + 3, pos)
        if node.default is not None:
            at = _code(node.default, at + 1, pos)
        at += 3
    elif cls is HTMLEntity:
        at += len(str(node))
    else:  # unknown node type: fall back to its printed length
        at += len(str(node))
    pos[id(node)] = (start, at)
    return at


def _attrs(node: Tag, at: int, pos: dict) -> int:
    for attr in node.attributes:
        astart = at
        at = _code(attr.name, at + len(attr.pad_first), pos) + len(attr.pad_before_eq)
        if attr.value is not None:
            at += 1 + len(attr.pad_after_eq)
            quote = len(attr.quotes or "")
            at = _code(attr.value, at + quote, pos) + quote
        pos[id(attr)] = (astart, at)
    return at


def _tag(node: Tag, at: int, pos: dict) -> int:
    if node.wiki_markup:
        at = _attrs(node, at + len(node.wiki_markup), pos)
        at += len(node.padding or "") + len(node.wiki_style_separator or "")
        if node.self_closing:
            return at
        at = _code(node.contents, at, pos)
        return at + len(node.closing_wiki_markup or "")
    at = _code(node.tag, at + (2 if node.invalid else 1), pos)
    at = _attrs(node, at, pos)
    if node.self_closing:
        return at + len(node.padding) + (1 if node.implicit else 2)
    at = _code(node.contents, at + len(node.padding) + 1, pos)
    return _code(node.closing_tag, at + 2, pos) + 1
