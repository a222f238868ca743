"""Build mwparserfromhell's node tree from its tokenizer's tokens, with every node's span.

``mwparserfromhell.parse`` is a C tokenizer followed by a pure-Python builder, and the builder
is ~85 % of the time: every node goes through property setters that call ``parse_anything``
(which imports inside the function) and every tag attribute re-scans its value for quotes.
This builder reads the same tokens and makes the same objects (same classes, same attribute
values, checked by :func:`same_tree`), setting their fields directly, and records each node's
source span on the way (printed lengths follow the nodes' ``__str__``), so no second walk is needed.

Anything the builder does not expect raises :class:`Unexpected`; :func:`build` then returns
None and the caller uses the reference path (``mwparserfromhell.parse`` and a span walk).
At import a sample page is built both ways; if the trees differ (another mwparserfromhell
version with other internals), the fast path is switched off.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager

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
from mwparserfromhell.nodes.extras import Attribute, Parameter
from mwparserfromhell.parser import tokens as T
from mwparserfromhell.smart_list import SmartList
from mwparserfromhell.wikicode import Wikicode

try:
    from mwparserfromhell.parser._tokenizer import CTokenizer as _Tokenizer
except ImportError:  # pragma: no cover - the pure-Python tokenizer gives the same tokens
    from mwparserfromhell.parser.tokenizer import Tokenizer as _Tokenizer


@contextmanager
def collector_paused():
    """Pause Python's cycle collector for a block (nests; a caller's own ``gc.disable()`` is kept).

    A page's tree and article are tens of thousands of new objects that stay alive until the
    page is done: the collector would rescan them many times and free nothing (measured: 10-30 %
    of a lint). See :func:`paused_call` for a whole page.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def paused_call(fn, *args, **kwargs):
    """``fn(*args, **kwargs)`` with the cycle collector paused until ``fn``'s frame is gone.

    Used for one page's whole work (parse, check, report entry): by the time the collector
    resumes, the page's tree is freed and only what ``fn`` returned is new, so the collector
    neither rescans the tree while it is built nor right after. Cyclic garbage the page left
    is collected after it.
    """
    with collector_paused():
        result = fn(*args, **kwargs)
        del fn, args, kwargs
    return result


class Unexpected(Exception):
    """A token sequence this builder does not mirror; use the reference path."""


_new = object.__new__
_new_list = list.__new__
_extend = list.extend
_TEXT = T.Text


def _code(nodes: list) -> Wikicode:
    # SmartList(nodes) runs a Python __new__; this makes the same object (its one slot set) in C calls
    items = _new_list(SmartList)
    items._children = {}
    _extend(items, nodes)
    code = _new(Wikicode)
    code._nodes = items
    return code


class _Builder:
    __slots__ = ("toks", "pos", "out", "tags")

    def __init__(self, toks: list):
        toks.reverse()  # pop() from the end is O(1)
        self.toks = toks
        self.pos: dict[int, tuple[int, int]] = {}
        self.out: list = []  # every node, document pre-order
        self.tags: dict[int, str] = {}

    def seq(self, at: int, stops):
        """Nodes up to the next token whose type is in ``stops``: (Wikicode, end, that token)."""
        start = at
        items: list = []
        toks, pos, out = self.toks, self.pos, self.out
        handlers = _HANDLERS
        while toks:
            tok = toks.pop()
            cls = type(tok)
            if cls is _TEXT:
                node = _new(Text)
                value = node._value = tok["text"]
                end = at + len(value)
                pos[id(node)] = (at, end)
                out.append(node)
                items.append(node)
                at = end
            elif cls in stops:
                code = _code(items)
                pos[id(code)] = (start, at)
                return code, at, tok
            else:
                handler = handlers.get(cls)
                if handler is None:
                    raise Unexpected(cls.__name__)
                slot = len(out)
                out.append(None)  # the node precedes its children in pre-order
                node, end = handler(self, tok, at)
                out[slot] = node
                pos[id(node)] = (at, end)
                items.append(node)
                at = end
        if stops:
            raise Unexpected("missing close token")
        code = _code(items)
        pos[id(code)] = (start, at)
        return code, at, None

    def template(self, tok, at):
        name, at, tok = self.seq(at + 2, _TPL_STOPS)
        params = []
        default = 1
        pos = self.pos
        while type(tok) is T.TemplateParamSeparator:
            at += 1
            pstart = at
            key = None
            value, at, tok = self.seq(at, _PARAM_STOPS)
            while type(tok) is T.TemplateParamEquals:
                key = value
                value, at, tok = self.seq(at + 1, _PARAM_STOPS)
            param = _new(Parameter)
            if key is None:
                key = _code([_text(str(default))])
                pos[id(key)] = (pstart, pstart)
                param._showkey = False
                default += 1
            else:
                param._showkey = True
            param._name = key
            param._value = value
            pos[id(param)] = (pstart, at)
            params.append(param)
        node = _new(Template)
        node._name = name
        node._params = params
        return node, at + 2

    def _halves(self, at: int, stops, separator):
        """``a`` or ``a|b`` up to a closing token (arguments, wikilinks): (first, second or None, end).
        As mwparserfromhell's builder: a further separator makes what came before the first half."""
        code, at, tok = self.seq(at, stops)
        first = None
        while type(tok) is separator:
            first = code
            code, at, tok = self.seq(at + 1, stops)
        return (code, None, at) if first is None else (first, code, at)

    def argument(self, tok, at):
        node = _new(Argument)
        node._name, node._default, at = self._halves(at + 3, _ARG_STOPS, T.ArgumentSeparator)
        return node, at + 3

    def wikilink(self, tok, at):
        node = _new(Wikilink)
        node._title, node._text, at = self._halves(at + 2, _LINK_STOPS, T.WikilinkSeparator)
        return node, at + 2

    def external_link(self, tok, at):
        brackets = bool(tok.get("brackets"))
        code, at, tok = self.seq(at + brackets, _EXT_STOPS)
        url = None
        suppress = None
        while type(tok) is T.ExternalLinkSeparator:
            if not brackets:
                raise Unexpected("separator in a bare external link")
            url = code
            suppress = tok.get("suppress_space")
            code, at, tok = self.seq(at + (suppress is not True), _EXT_STOPS)
        node = _new(ExternalLink)
        if url is None:
            node._url, node._title = code, None
        else:
            node._url, node._title = url, code
        node._brackets = brackets
        node.suppress_space = suppress is True
        return node, at + brackets

    def entity(self, tok, at):
        pop = self.toks.pop
        tok = pop()
        node = _new(HTMLEntity)
        node._hex_char = "x"
        if type(tok) is T.HTMLEntityNumeric:
            tok = pop()
            if type(tok) is T.HTMLEntityHex:
                node._value, node._named, node._hexadecimal = pop()["text"], False, True
                node._hex_char = tok["char"]
                width = 3 + len(node._hex_char)
            else:
                node._value, node._named, node._hexadecimal = tok["text"], False, False
                width = 3
        else:
            node._value, node._named, node._hexadecimal = tok["text"], True, False
            width = 2
        if type(pop()) is not T.HTMLEntityEnd:
            raise Unexpected("entity without end")
        return node, at + width + len(node._value)

    def heading(self, tok, at):
        level = tok["level"]
        title, at, _ = self.seq(at + level, _HEADING_STOPS)
        node = _new(Heading)
        node._title = title
        node._level = level
        return node, at + level

    def comment(self, tok, at):
        parts = []
        pop = self.toks.pop
        while True:
            tok = pop()
            if type(tok) is _TEXT:
                parts.append(tok["text"])
            elif type(tok) is T.CommentEnd:
                break
            else:
                raise Unexpected("markup inside a comment")
        node = _new(Comment)
        node._contents = "".join(parts)
        return node, at + len(node._contents) + 7

    def _plain(self):
        """A tag name that prints nothing (wiki markup): plain text tokens, no spans."""
        toks = self.toks
        items = []
        while toks and type(toks[-1]) is _TEXT:
            items.append(_text(toks.pop()["text"]))
        return _code(items)

    def tag(self, tok, at):
        markup = tok.get("wiki_markup") or None
        invalid = bool(tok.get("invalid"))
        if markup:
            at += len(markup)
            name = self._plain()
            tok = self.toks.pop()
        else:
            name, at, tok = self.seq(at + 1 + invalid, _TAG_NAME_STOPS)
        parts = name._nodes
        tag_name = parts[0]._value if len(parts) == 1 and type(parts[0]) is Text else str(name)
        attrs = []
        while type(tok) is T.TagAttrStart:
            attr, at, tok = self.attribute(tok, at)
            attrs.append(attr)
        node = _new(Tag)
        node._tag = name
        node._attrs = attrs
        node._wiki_markup = markup
        node._invalid = invalid
        node._wiki_style_separator = None
        closing_markup = markup
        cls = type(tok)
        if cls is T.TagCloseSelfclose:
            padding = tok.get("padding") or ""
            implicit = bool(tok.get("implicit"))
            closing_markup = tok.get("wiki_markup")
            at += len(padding) + (0 if markup else (1 if implicit else 2))
            node._self_closing = True
            node._implicit = implicit
            node._contents = _code([])
            node._closing_tag = name
        elif cls is T.TagCloseOpen:
            padding = tok.get("padding") or ""
            separator = tok.get("wiki_markup") or None
            node._wiki_style_separator = separator
            at += len(padding) + (len(separator or "") if markup else 1)
            contents, at, tok = self.seq(at, _CONTENT_STOPS)
            if type(tok) is not T.TagOpenClose:
                raise Unexpected("tag contents without a closing tag")
            closing_markup = tok.get("wiki_markup")
            if markup:
                closing = self._plain()
                tok = self.toks.pop()
                at += len(closing_markup or "") if closing_markup is not None else len(markup)
            else:
                closing, at, tok = self.seq(at + 2, _CLOSE_STOPS)
                at += 1
            if type(tok) is not T.TagCloseClose:
                raise Unexpected("closing tag not closed")
            node._self_closing = False
            node._implicit = False
            node._contents = contents
            node._closing_tag = closing
        else:
            raise Unexpected("tag without a close")
        node._padding = padding
        if closing_markup is not None:
            node._closing_wiki_markup = closing_markup or None
        else:
            node._closing_wiki_markup = markup
        self.tags[id(node)] = tag_name.strip().lower()
        return node, at

    def attribute(self, tok, at):
        start = at
        pad_first = tok.get("pad_first") or ""
        pad_before = tok.get("pad_before_eq") or ""
        pad_after = tok.get("pad_after_eq") or ""
        name, at, tok = self.seq(at + len(pad_first), _ATTR_NAME_STOPS)
        at += len(pad_before)
        attr = _new(Attribute)
        attr._name = name
        attr._quotes = None
        attr._value = None
        if type(tok) is T.TagAttrQuote:
            raise Unexpected("quote before an attribute's equals sign")
        if type(tok) is T.TagAttrEquals:
            if not name._nodes:
                raise Unexpected("attribute without a name")
            at += 1 + len(pad_after)
            toks = self.toks
            if toks and type(toks[-1]) is T.TagAttrQuote:
                attr._quotes = toks.pop()["char"] or None
            quote = len(attr._quotes or "")
            value, at, tok = self.seq(at + quote, _ATTR_VALUE_STOPS)
            if type(tok) in (T.TagAttrEquals, T.TagAttrQuote):
                raise Unexpected("second equals sign or quote in an attribute")
            at += quote
            attr._value = value
        attr._pad_first, attr._pad_before_eq, attr._pad_after_eq = pad_first, pad_before, pad_after
        self.pos[id(attr)] = (start, at)
        return attr, at, tok


def _text(value: str) -> Text:
    node = _new(Text)
    node._value = value
    return node


_TPL_STOPS = frozenset({T.TemplateParamSeparator, T.TemplateClose})
_PARAM_STOPS = frozenset({T.TemplateParamEquals, T.TemplateParamSeparator, T.TemplateClose})
_ARG_STOPS = frozenset({T.ArgumentSeparator, T.ArgumentClose})
_LINK_STOPS = frozenset({T.WikilinkSeparator, T.WikilinkClose})
_EXT_STOPS = frozenset({T.ExternalLinkSeparator, T.ExternalLinkClose})
_HEADING_STOPS = frozenset({T.HeadingEnd})
_TAG_NAME_STOPS = frozenset({T.TagAttrStart, T.TagCloseOpen, T.TagCloseSelfclose})
_ATTR_NAME_STOPS = frozenset({T.TagAttrEquals, T.TagAttrQuote, T.TagAttrStart, T.TagCloseOpen,
                              T.TagCloseSelfclose})
_ATTR_VALUE_STOPS = frozenset({T.TagAttrEquals, T.TagAttrQuote, T.TagAttrStart, T.TagCloseOpen,
                               T.TagCloseSelfclose})
_CONTENT_STOPS = frozenset({T.TagOpenClose, T.TagCloseSelfclose, T.TagCloseClose})
_CLOSE_STOPS = frozenset({T.TagCloseClose, T.TagCloseSelfclose})
_HANDLERS = {
    T.TemplateOpen: _Builder.template,
    T.ArgumentOpen: _Builder.argument,
    T.WikilinkOpen: _Builder.wikilink,
    T.ExternalLinkOpen: _Builder.external_link,
    T.HTMLEntityStart: _Builder.entity,
    T.HeadingStart: _Builder.heading,
    T.CommentStart: _Builder.comment,
    T.TagOpenOpen: _Builder.tag,
}


class Built:
    """The tree, the span of every node/Wikicode/parameter/attribute, nodes in pre-order, tag names."""

    __slots__ = ("tree", "pos", "nodes", "tags")

    def __init__(self, tree, pos, nodes, tags):
        self.tree, self.pos, self.nodes, self.tags = tree, pos, nodes, tags


def build(text: str) -> Built | None:
    """Tokenize ``text`` and build its tree with spans; None when only the reference path can."""
    if not _enabled:
        return None
    with collector_paused():
        builder = _Builder(_Tokenizer().tokenize(text, 0, False))
        try:
            tree, end, _ = builder.seq(0, ())
        except Exception:  # noqa: BLE001 - Unexpected, or a token shape this builder gets wrong:
            return None  # either way the reference path gives the right tree
    if end != len(text):
        return None
    return Built(tree, builder.pos, builder.out, builder.tags)


def same_tree(a, b) -> bool:
    """Whether two trees are made of the same classes with the same field values, recursively."""
    if type(a) is not type(b):
        return False
    if isinstance(a, Wikicode):
        return len(a.nodes) == len(b.nodes) and all(map(same_tree, a.nodes, b.nodes))
    if isinstance(a, list):
        return len(a) == len(b) and all(map(same_tree, a, b))
    if hasattr(a, "__dict__"):
        da, db = vars(a), vars(b)
        return da.keys() == db.keys() and all(same_tree(da[k], db[k]) for k in da)
    return a == b


_SAMPLE = ("{{Infobox|1=a|b}} '''x''' ''y'' [[l|m]] [http://e.org t] http://f.org &amp; &#65; &#x41;"
           " {{{1|d}}} <ref name=\"a b\" group=x>r</ref> <ref name=c/> <br> </br> <!-- c -->\n"
           "== h ==\n{| class=\"w\"\n|-\n! a !! b\n| style=\"x\" | c || d\n|}\n* li\n; t : d\n----\n")
_enabled = True


def _self_check() -> bool:
    import mwparserfromhell

    built = build(_SAMPLE)
    return built is not None and same_tree(built.tree, mwparserfromhell.parse(_SAMPLE))


_enabled = _self_check()
