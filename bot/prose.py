"""The prose of a page: the text a reader sees, mapped back to source offsets.

Templates, refs, comments, files, categories and opaque tags (``<nowiki>``, ``<math>``,
``<code>`` …) are not prose; link and bold text is. Each projected segment remembers
where it came from, so a sentence or a match in the projection has a source span, and
the rules that edit text (the T rules) edit only segments that are literal ``Text``
nodes of the source.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass

from mwparserfromhell.nodes import ExternalLink, Heading, HTMLEntity, Tag, Text, Wikilink

from .parse import Parsed

#: Tags whose content is never prose.
SKIP_TAGS = frozenset({"ref", "references", "nowiki", "pre", "math", "code", "syntaxhighlight", "source",
                       "score", "chem", "ce", "graph", "templatedata", "timeline", "hiero", "gallery",
                       "imagemap", "mapframe", "maplink", "categorytree", "inputbox", "tt", "kbd", "samp",
                       "var", "poem", "style", "script"})
#: Tags whose content is prose quoted from elsewhere (the T rules leave it as written).
QUOTE_TAGS = frozenset({"blockquote", "q"})
#: Tags that separate blocks of text (cells, rows, lines).
BLOCK_TAGS = frozenset({"table", "tr", "td", "th", "caption", "li", "ul", "ol", "dl", "dt", "dd", "div", "p",
                        "br", "hr", "blockquote", "center"})


@dataclass(frozen=True, slots=True)
class Sentence:
    pstart: int
    pend: int
    start: int  # source span
    end: int
    has_ref: bool
    text: str


class Prose:
    """Projection of the page's prose with a map back to the source."""

    def __init__(self, parsed: Parsed, link_kind):
        """``link_kind(wikilink) -> str|None`` says ``category``/``file``/``interlanguage`` links."""
        self._parsed = parsed
        self._link_kind = link_kind
        self._parts: list[str] = []
        # segment i: projection start, source start, source length, editable (a literal Text
        # node, whose projection equals its source)
        self._pstarts: list[int] = []
        self._segs: list[tuple[int, int, bool]] = []
        self.refs: list[int] = []  # projection offsets of <ref> tags
        self.quoted: list[tuple[int, int]] = []  # projection spans of QUOTE_TAGS contents
        self.memo: dict = {}  # per-page work the rules share (computed on first use)
        self._len = 0
        self._walk(parsed.tree)
        self.text = "".join(self._parts)
        # link_kind is a method of the article builder, which holds the article, which will
        # hold this projection: dropping it keeps the article free of reference cycles, so it
        # is freed as soon as it is unused instead of waiting for the cycle collector.
        del self._parts, self._link_kind

    # -- building ------------------------------------------------------------------------
    def _add(self, text: str, sstart: int, slen: int, editable: bool) -> None:
        if text:
            self._pstarts.append(self._len)
            self._segs.append((sstart, slen, editable))
            self._parts.append(text)
            self._len += len(text)

    def _walk(self, code) -> None:
        span = self._parsed.span
        for node in code.nodes:
            cls = type(node)
            if cls is Text:
                start, end = span(node)
                self._add(node.value, start, end - start, True)
            elif cls is Wikilink:
                if self._link_kind(node) is not None:
                    continue
                if node.text is not None:
                    self._walk(node.text)
                else:  # the whole link maps to its displayed title
                    start, end = span(node)
                    self._add(self._parsed.src(node.title), start, end - start, False)
            elif cls is Tag:
                self._tag(node)
            elif cls is Heading:
                start, end = span(node)
                self._add("\n", start, end - start, False)
            elif cls is ExternalLink:
                if node.brackets and node.title is not None:
                    self._walk(node.title)
            elif cls is HTMLEntity:
                start, end = span(node)
                self._add(html.unescape(str(node)).replace("\xa0", " "), start, end - start, False)
            # templates, comments, arguments: not prose

    def _tag(self, node: Tag) -> None:
        name = self._parsed.tag_name(node)
        start, end = self._parsed.span(node)
        if name == "ref":
            self.refs.append(self._len)
            return
        if name in SKIP_TAGS:
            return
        block = name in BLOCK_TAGS or (node.wiki_markup and name not in ("b", "i"))
        if block:
            self._add("\n", start, 0, False)
        if not node.self_closing and node.contents is not None:
            begin = self._len
            self._walk(node.contents)
            if name in QUOTE_TAGS:
                self.quoted.append((begin, self._len))
        if block:
            self._add("\n", end, 0, False)

    # -- mapping -------------------------------------------------------------------------
    def to_source(self, p: int, end: bool = False) -> int:
        """Source offset of projection offset ``p`` (``end=True`` for an end bound)."""
        if not self._segs:
            return 0
        i = max(bisect.bisect_right(self._pstarts, p - 1 if end and p > 0 else p) - 1, 0)
        pstart, (sstart, slen, editable) = self._pstarts[i], self._segs[i]
        if editable:
            return sstart + min(max(p - pstart, 0), slen)
        return sstart + (slen if p > pstart else 0)

    def editable_segments(self):
        """(source start, text) of every literal Text node in prose."""
        text = self.text
        for pstart, (sstart, slen, editable) in zip(self._pstarts, self._segs):
            if editable:
                yield sstart, text[pstart:pstart + slen]

    def find_editable(self, pattern: re.Pattern, within: re.Pattern | None = None):
        """Matches of ``pattern`` in the prose that lie inside one literal Text node, as
        (source start, source end, match). ``within``: the node must also contain a match of it.

        One regex pass over the whole projection (context such as a word before a link's
        end is visible to lookarounds), then a bisect per match.
        """
        checked: dict[int, bool] = {}
        pstarts, segs, text = self._pstarts, self._segs, self.text
        for m in pattern.finditer(text):
            i = bisect.bisect_right(pstarts, m.start()) - 1
            if i < 0:
                continue
            sstart, slen, editable = segs[i]
            pstart = pstarts[i]
            if not editable or m.end() > pstart + slen:
                continue
            if within is not None:
                ok = checked.get(i)
                if ok is None:
                    ok = checked[i] = within.search(text, pstart, pstart + slen) is not None
                if not ok:
                    continue
            yield sstart + m.start() - pstart, sstart + m.end() - pstart, m

    def sentences_with(self, pattern: re.Pattern, ends: str) -> list[Sentence]:
        """The sentences holding a match of ``pattern``, each once, in order.

        Sentences end at a sentence mark or a line break; a ref right after the mark
        belongs to the sentence. Only sentences around matches are built: most of a
        page never needs them.
        """
        text = self.text
        boundary = re.compile("[" + re.escape(ends) + "]+|\n")
        out: list[Sentence] = []
        done_to = -1
        marks: list[int] | None = None  # ends of boundaries, found once on the first match
        for m in pattern.finditer(text):
            if m.start() < done_to:
                continue
            if marks is None:
                marks = [b.end() for b in boundary.finditer(text)]
            i = bisect.bisect_right(marks, m.start())
            begin = marks[i - 1] if i else 0
            b = boundary.search(text, m.end())
            stop = len(text) if b is None else (b.start() if b.group() == "\n" else b.end())
            sentence = self._sentence(text, begin, stop)
            if sentence is not None:
                out.append(sentence)
            done_to = stop
        return out

    def _sentence(self, text: str, pstart: int, pend: int) -> Sentence | None:
        raw = text[pstart:pend]
        s, e = pstart + len(raw) - len(raw.lstrip()), pstart + len(raw.rstrip())
        if e <= s:
            return None
        tail = e
        while tail < len(text) and text[tail] in " \t":
            tail += 1
        refs = self.refs
        i = bisect.bisect_right(refs, s)
        has_ref = i < len(refs) and refs[i] <= tail
        return Sentence(s, e, self.to_source(s), self.to_source(e, end=True), has_ref, text[s:e])
