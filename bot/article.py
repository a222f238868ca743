"""The structured article: every part of a bilateral-relations page, each with its source span.

``build(text, title, profile)`` parses once and walks the tree once. The result keeps
the parsed tree and the prose projection for the Python rules, and ``doc`` is the JSON
document described by ``schemas/article.schema.json``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from babel.localedata import locale_identifiers
from mwparserfromhell.nodes import Comment, Heading, Tag, Template, Text, Wikilink
from mwparserfromhell.wikicode import Wikicode

from . import cite, extags, footnotes, missions
from .gazetteer import Gazetteer
from .parse import Parsed, ParseRefused, parse
from .profile import Profile, name_key, nfc, section_norm
from .prose import Prose

SUPPRESS_RE = re.compile(r"relbot\s*:\s*ignore\s+((?:[A-Z]\d{3}[\s,]*)+)")
BARE_URL_RE = re.compile(r"^\s*\[?\s*(?:https?:)?//[^\s\]]+\s*\]?\s*$", re.I)
COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
STYLE_MARKUP = ("''", "'''")
BEHAVIOUR_SWITCH_RE = re.compile(r"__[A-Zঀ-৿_]+__")


@lru_cache(maxsize=1)
def _language_codes() -> frozenset[str]:
    codes = {i.replace("_", "-").lower() for i in locale_identifiers() if i.count("_") == 0}
    return frozenset(codes | {"simple", "zh-yue", "zh-min-nan", "zh-classical", "be-tarask", "bat-smg",
                              "fiu-vro", "roa-rup", "map-bms", "nds-nl", "cbk-zam", "als", "sh"})


@dataclass
class Article:
    title: str
    text: str
    profile: Profile
    gazetteer: Gazetteer
    status: str = "checked"
    reason: str | None = None
    detail: str | None = None
    parsed: Parsed | None = None
    prose: Prose | None = None
    doc: dict = field(default_factory=dict)
    # Python-side views for rules (nodes, not JSON)
    ref_nodes: list = field(default_factory=list)
    infobox_node: Template | None = None
    facts: list = field(default_factory=list)
    sentences: list = field(default_factory=list)
    today: date = field(default_factory=date.today)  # dates relbot writes (maintenance tags)
    # the English pages to cross-check the mission facts against (bot.counterpart.EnglishPages):
    # given, E008 judges and E003 proposes their references; None (lint without --against): silent
    english: object = None

    def span(self, start: int, end: int) -> dict:
        return self.parsed.json_span(start, end)

    def to_json(self) -> dict:
        """The document of ``article.schema.json``: every span with its lines and columns."""
        if self.parsed is None:
            return self.doc
        span = self.parsed.json_span

        def expand(obj):
            if isinstance(obj, dict):
                if obj.keys() == {"start", "end"}:
                    return span(obj["start"], obj["end"])
                return {k: expand(v) for k, v in obj.items()}
            if isinstance(obj, list):
                return [expand(v) for v in obj]
            return obj

        return expand(self.doc)

    @property
    def suppressed(self) -> frozenset[str]:
        return frozenset(self.doc.get("suppressed", ()))


def split_title(title: str, profile: Profile, gaz: Gazetteer) -> dict:
    """The two countries a title names, and the mark between them."""
    t = " ".join(nfc(title).replace("_", " ").split())
    info = {"text": title, "bilateral_pattern": False, "separator": None, "standard_separator": None,
            "countries": []}
    suffix = profile.data["title"]["suffix"]
    if suffix:
        if not t.endswith(" " + suffix):
            return info
        core = t[: -len(suffix) - 1].strip()
    else:
        core = t
    seps = [profile.data["title"]["separator"], *profile.data["title"]["other_separators"]]
    candidates = []
    for rank, sep in enumerate(seps):
        i = core.find(sep)
        while i > 0:
            left, right = core[:i].strip(), core[i + len(sep):].strip()
            if left and right:
                codes = (gaz.country(left), gaz.country(right))
                resolved = sum(c is not None for c in codes)
                candidates.append((-resolved, rank, i, sep, left, right, codes))
            i = core.find(sep, i + 1)
    if not candidates:
        return info
    _, _, _, sep, left, right, codes = min(candidates)
    info.update(bilateral_pattern=True, separator=sep,
                standard_separator=sep == profile.data["title"]["separator"],
                countries=[{"name": left, "code": codes[0]}, {"name": right, "code": codes[1]}])
    return info


def _skip(article: Article, reason: str, detail: str | None = None) -> Article:
    article.status, article.reason, article.detail = "skipped", reason, detail
    article.doc = {"title": split_title(article.title, article.profile, article.gazetteer),
                   "status": "skipped", "reason": reason, "detail": detail,
                   "length": len(article.text)}
    return article


def build(text: str, title: str, profile: Profile, gazetteer: Gazetteer | None = None) -> Article:
    gaz = gazetteer or Gazetteer.load(profile.lang)
    art = Article(title=title, text=text, profile=profile, gazetteer=gaz)
    limits = profile.limits
    size = len(text.encode("utf-8"))
    if size > limits["max_bytes"]:
        return _skip(art, "too-large", f"{size} bytes > limit {limits['max_bytes']}")
    if not text.strip():
        return _skip(art, "empty")
    head = text.lstrip()[:64].casefold()
    if any(head.startswith(w.casefold()) for w in profile.data["redirect_words"]):
        return _skip(art, "redirect")
    try:
        art.parsed = parse(text, max_cost=limits["max_parse_cost"])
    except ParseRefused as exc:
        return _skip(art, "unparseable", str(exc))
    except RecursionError:
        return _skip(art, "unparseable", "nesting too deep")
    _Builder(art).run()
    if not art.doc["title"]["bilateral_pattern"] and art.doc["infobox"] is None:
        return _skip(art, "not-bilateral", "the title is not a relations title and there is no infobox")
    return art


class _Builder:
    """One walk over the tree filling the article document."""

    def __init__(self, art: Article):
        self.a = art
        self.p = art.parsed
        self.prof = art.profile
        self.gaz = art.gazetteer
        # spans stay bare offsets while rules run; Article.to_json adds lines and columns
        self.span = lambda s, e: {"start": s, "end": e}
        self._links: dict[str, str | None] = {}
        self.value_lines: dict[tuple[int, int], list] = {}  # infobox value span → value_lines()

    def nspan(self, node) -> dict:
        s, e = self.p.span(node)
        return {"start": s, "end": e}

    # -- helpers -------------------------------------------------------------------------
    def link_kind(self, link: Wikilink) -> str | None:
        """``category``, ``file``, ``interlanguage`` or None for an ordinary link."""
        title = self.p.src(link.title)
        try:
            return self._links[title]
        except KeyError:
            kind = self._links[title] = self._link_kind(title)
            return kind

    def _link_kind(self, title: str) -> str | None:
        stripped = title.lstrip()
        if stripped.startswith(":") or ":" not in stripped:
            return None
        prefix = stripped.split(":", 1)[0]
        kind = self.prof.namespace_kind.get(name_key(prefix))
        if kind in ("category", "file"):
            return kind
        if prefix.strip().lower() in _language_codes():
            return "interlanguage"
        return None

    # -- the walk ------------------------------------------------------------------------
    def run(self) -> None:
        a, prof = self.a, self.prof
        doc = a.doc
        doc["title"] = split_title(a.title, prof, self.gaz)
        doc["status"] = "checked"
        doc["length"] = len(a.text)
        templates, refs, reflists, cats, files, langs, maint, suppressed = [], [], [], [], [], [], [], []
        infobox, tag_refs = None, []
        src = self.p.src
        for node in self.p.nodes:
            cls = type(node)
            if cls is Template:
                name = src(node.name)
                key = name_key(name)
                templates.append({"name": name.strip(), "span": self.nspan(node)})
                if key in prof.infobox_keys and infobox is None:
                    infobox = node
                elif (key in prof.reflist_keys or _tag_function(name) in prof.reflist_tags
                      or key in prof.footnote_lists):
                    reflists.append((node, "template"))
                elif _tag_function(name) == "ref" or key in prof.footnote_refs:
                    tag_refs.append(node)
                kind = prof.maintenance_keys.get(key)
                if kind:
                    maint.append(self.maintenance(node, kind))
            elif cls is Tag:
                name = self.p.tag_name(node)
                if name == "ref":
                    refs.append(node)
                elif name in prof.reflist_tags:
                    reflists.append((node, "tag"))
            elif cls is Wikilink:
                kind = self.link_kind(node)
                if kind == "category":
                    cats.append(self.category(node))
                elif kind == "file":
                    files.append(self.file(node))
                elif kind == "interlanguage":
                    lang, _, target = src(node.title).strip().partition(":")
                    langs.append({"lang": lang.strip().lower(), "title": target.strip(),
                                  "span": self.nspan(node)})
            elif cls is Comment:
                for m in SUPPRESS_RE.finditer(node.contents):
                    suppressed += re.findall(r"[A-Z]\d{3}", m.group(1))
        a.prose = Prose(self.p, self.link_kind)
        if missions.grammar_name(prof) == "en":  # English sentences end at ". " too
            a.sentences = missions.grammar(prof).sentences(a.prose, prof, self.gaz)
        else:
            a.sentences = a.prose.sentences_with(missions.mention_re(prof), "".join(prof.text["sentence_ends"]))
        doc["sections"] = self.sections(reflists)
        first_heading = doc["sections"][0]["span"]["start"] if doc["sections"] else len(a.text)
        doc["lead"] = self.lead(first_heading)
        doc["infobox"] = self.infobox(infobox)
        doc["references"] = self.references(refs, reflists, tag_refs)
        doc["missions"] = self.missions()
        doc["categories"] = cats
        doc["files"] = files
        doc["interlanguage"] = langs
        doc["templates"] = templates
        doc["maintenance"] = maint
        doc["edit_blocks"] = [t["name"] for t in templates
                              if name_key(t["name"]) in prof.in_use_keys
                              or name_key(t["name"]).casefold() in prof.bots_folded]
        doc["suppressed"] = sorted(set(suppressed))
        doc["trailer"], doc["navboxes"] = self.trailer()

    def maintenance(self, node: Template, kind: str) -> dict:
        date = None
        dparam = self.prof.data["maintenance_date_param"]
        src = self.p.src
        for param in node.params:
            if src(param.name).strip() in (dparam, "date"):
                date = src(param.value).strip()
        return {"kind": kind, "name": src(node.name).strip(), "date": date, "span": self.nspan(node)}

    def category(self, link: Wikilink) -> dict:
        prefix, _, name = self.p.src(link.title).partition(":")
        return {"name": name.strip(), "key": name_key(name), "prefix": prefix.strip(),
                "sort_key": None if link.text is None else str(link.text),
                "english_prefix": name_key(prefix) in self.prof.english_prefixes,
                "span": self.nspan(link)}

    def file(self, link: Wikilink) -> dict:
        prefix, _, name = self.p.src(link.title).partition(":")
        return {"name": name.strip(), "prefix": prefix.strip(),
                "english_prefix": name_key(prefix) in self.prof.english_prefixes,
                "span": self.nspan(link)}

    # -- lead ----------------------------------------------------------------------------
    def lead(self, end: int) -> dict:
        bold = None
        for node in self.p.tree.nodes:
            if self.p.start(node) >= end:
                break
            cls = type(node)
            if cls is Template or cls is Comment:
                continue
            if cls is Text and not node.value.strip():
                continue
            if cls is Wikilink and self.link_kind(node) == "file":
                continue
            if cls is Tag and node.wiki_markup and self.p.tag_name(node) == "b":
                bold = node
            break
        title_key = _title_key(self.a.title, self.prof)
        begins = bold is not None and _title_key(bold.contents.strip_code(), self.prof) == title_key
        return {"span": self.span(0, end), "begins_with_bold_title": begins,
                "bold_span": self.nspan(bold) if bold is not None else None}

    # -- sections ------------------------------------------------------------------------
    def sections(self, reflists) -> list[dict]:
        p, prof = self.p, self.prof
        heads = self._headings()
        size = len(self.a.text)
        ends = [p.start(h) for h in heads[1:]] + [size]
        # where each section ends with its subsections: the next heading of the same or a higher level
        whole_ends, open_ = [size] * len(heads), []
        for i, h in enumerate(heads):
            while open_ and heads[open_[-1]].level >= h.level:
                whole_ends[open_.pop()] = p.start(h)
            open_.append(i)
        reflist_at = sorted(p.start(n) for n, _ in reflists)
        out, stack = [], []
        for i, h in enumerate(heads):
            hs, he = p.span(h)
            title = h.title.strip_code().strip()
            key = prof.section_keys.get(section_norm(title))
            whole_end = whole_ends[i]
            while stack and heads[stack[-1]].level >= h.level:
                stack.pop()
            parent = stack[-1] if stack else None
            stack.append(i)
            ts, te = p.span(h.title)
            out.append({
                "heading": p.src(h), "title": title, "title_raw": p.src(h.title), "level": h.level,
                "key": key[0] if key else None, "canonical": key[1] if key else None,
                "parent": parent, "heading_span": self.span(hs, he), "title_span": self.span(ts, te),
                "body_span": self.span(he, ends[i]), "span": self.span(hs, whole_end),
                "has_reflist": bisect.bisect_left(reflist_at, hs) < bisect.bisect_left(reflist_at, whole_end),
                "empty": self._body_empty(he, ends[i]) and ends[i] == whole_end,
            })
        self._settle_ambiguous(out)
        return out

    def _settle_ambiguous(self, sections: list[dict]) -> None:
        """A section titled with an ambiguous alias (bn ``উৎস``: 'origin' or 'sources') is the
        standard section only when it holds a reference list, or stands among the appendix
        sections at the end under no body section; otherwise it is a body section (a
        history's ``উৎস``), which no rule renames or moves."""
        prof = self.prof
        order = prof.appendix_order
        for i, sec in enumerate(sections):
            if (sec["key"] not in order or sec["has_reflist"]
                    or section_norm(sec["title"]) not in prof.ambiguous_section_titles):
                continue
            under_body = sec["parent"] is not None and sections[sec["parent"]]["key"] not in order
            if under_body or any(s["key"] not in order for s in sections[i + 1:]):
                sec["key"] = sec["canonical"] = None

    def _is_trailer(self, node) -> bool:
        """Nodes that may stand after the last section: navboxes, DEFAULTSORT, categories, stub
        templates, language links."""
        cls = type(node)
        if cls is Comment or (cls is Text and not BEHAVIOUR_SWITCH_RE.sub("", node.value).strip()):
            return True
        if cls is Wikilink:
            return self.link_kind(node) in ("category", "interlanguage")
        if cls is Template:
            return self.prof.trailer_kind(self.p.src(node.name)) is not None
        return False

    def _headings(self) -> list:
        return headings(self.p.tree)

    def _body_empty(self, start: int, end: int) -> bool:
        nodes, starts = self.p.tree.nodes, self.p.top_starts()
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and starts[i] < start < self.p.span(nodes[i])[1]:
            # the body lies in a run-on bold/italic node (see _headings): read its text
            return not COMMENT_RE.sub("", self.a.text[start:end]).strip()
        for i in range(bisect.bisect_left(starts, start), len(nodes)):
            if starts[i] >= end:
                break
            if not self._is_trailer(nodes[i]):
                return False
        return True

    def trailer(self) -> tuple[dict, list[dict]]:
        """The span of the page's closing run of trailer nodes, and the navboxes anywhere at top level."""
        nodes = self.p.tree.nodes
        start = len(self.a.text)
        for node in reversed(nodes):
            if not self._is_trailer(node):
                break
            if not (type(node) is Text and not node.value.strip()):
                start = self.p.start(node)
        navboxes = [{"name": self.p.src(n.name).strip(), "span": self.nspan(n)} for n in nodes
                    if type(n) is Template and self.prof.is_navbox(self.p.src(n.name))]
        return self.span(start, len(self.a.text)), navboxes

    # -- infobox -------------------------------------------------------------------------
    def infobox(self, node: Template | None) -> dict | None:
        if node is None:
            return None
        self.a.infobox_node = node
        p, prof = self.p, self.prof
        params = []
        for param in node.params:
            vs, ve = p.span(param.value)
            lines = value_lines(p, param.value)
            self.value_lines[(vs, ve)] = lines
            params.append({"name": str(param.name).strip() if not param.showkey else p.src(param.name).strip(),
                           "positional": not param.showkey,
                           "value": p.src(param.value), "text": "\n".join(t for t, _, _ in lines),
                           "span": self.nspan(param), "value_span": self.span(vs, ve)})
        countries = []
        for aliases in prof.country_params:
            found = next((q for q in params if q["name"] in aliases and q["text"]), None)
            if found is None:
                countries.append(None)
            else:
                countries.append({"param": found["name"], "value": found["text"],
                                  "code": self.gaz.country(found["text"]), "span": found["value_span"]})
        name = p.src(node.name)
        return {"name": name.strip(), "alias": prof.infobox_keys[name_key(name)],
                "span": self.nspan(node), "params": params,
                "country1": countries[0], "country2": countries[1]}

    # -- references ----------------------------------------------------------------------
    def references(self, refs, reflists, tag_refs) -> dict:
        """References as MediaWiki reads them (``bot.extags``), each with what Cite says of it.

        A ref inside ``<references>…</references>``, ``{{#tag:references|…}}`` or a reflist
        template's ``refs=`` is list-defined: it belongs to that list's group. ``{{#tag:ref|…}}``
        is a reference too, and so are the profile's footnote templates ({{efn}}, {{sfn}} …),
        which expand to one; {{notelist}} is a reference list.
        """
        p, text = self.p, self.a.text
        nodes = {p.span(n): n for n in refs}
        lists, holders = [], []  # reflist entries; (content start, end, group) of list-defined refs
        for n, kind in reflists:
            s, e = p.span(n)
            group, inner = self.reflist_group(n, kind)
            lists.append({"kind": kind, "name": str(n.name if kind == "template" else n.tag).strip(),
                          "group": group, "span": self.span(s, e)})
            if inner is not None:
                holders.append((*inner, group))
        for t in p.ext.tags:  # <references> inside a template or another tag: still a list
            if t.name in self.prof.reflist_tags and t.inner is not None:
                group = extags.attributes(text[t.attr_start:t.attr_end]).get("group", "")
                if not any(h[:2] == t.inner for h in holders):
                    holders.append((*t.inner, group))
        found = []  # (start, end, attributes, content span or None, tree node holding the content)
        for t in p.ext.refs():
            node = nodes.get((t.start, t.end))
            found.append((t.start, t.end, extags.attributes(text[t.attr_start:t.attr_end]), t.inner,
                          None if node is None else node.contents, "tag"))
        for n in tag_refs:
            spec = self.prof.footnote_refs.get(name_key(p.src(n.name)))
            if spec is not None:
                found.append(footnotes.as_tag_ref(p, n, spec, self.prof.data["reflist"]["group_params"]))
                continue
            attrs, body = {}, None
            for param in n.params:
                if param.showkey:
                    attrs[p.src(param.name).strip().lower()] = cite.unquote(p.src(param.value).strip())
                elif body is None:
                    body = param.value
            found.append((*p.span(n), attrs, None if body is None else p.span(body), body, "#tag"))
        found.sort(key=lambda f: f[0])
        items, uses = [], []
        self.a.ref_nodes = [nodes[(s, e)] for s, e, *_ in found if (s, e) in nodes]
        for start, end, attrs, inner, contents, form in found:
            holder = next((h for h in holders if h[0] <= start < h[1]), None)
            list_group = None if holder is None else holder[2]
            content = None if inner is None else text[inner[0]:inner[1]]
            group = attrs.get("group", "" if list_group is None else list_group)
            item = {"name": attrs.get("name") or None, "group": group or None, "form": form,
                    "self_closing": inner is None and form == "tag", "content": content,
                    "list_defined": holder is not None,
                    "cite_error": cite.ref_error(attrs, content, list_group, expanded=form != "tag"),
                    "span": self.span(start, end),
                    "content_span": None if content is None else self.span(*inner),
                    "citation": None if contents is None else self.citation(contents),
                    "bare_url": content is not None and bool(BARE_URL_RE.match(content))}
            items.append(item)
            if item["name"] and (content is None or not content.strip()):
                uses.append({"name": item["name"], "span": item["span"]})
        self.unused_definitions(items, lists)
        return {"refs": items, "uses": uses, "reflists": lists, "unlisted_groups": self.unlisted(items, lists)}

    @staticmethod
    def unused_definitions(items, lists) -> None:
        """A list-defined ref whose name no ref of its group uses before the list gets Cite's
        error (references_missing_key; references_missing_group when the group has no ref)."""

        def batch(ref):
            at, group = ref["span"]["start"], ref["group"] or ""
            return sum(1 for r in lists if (r["group"] or "") == group and r["span"]["end"] <= at)

        used, groups = set(), set()
        for ref in items:
            if not ref["list_defined"] and not ref["cite_error"]:
                groups.add((ref["group"], batch(ref)))
                used.add((ref["group"], batch(ref), ref["name"]))
        for ref in items:
            if ref["list_defined"] and not ref["cite_error"]:
                b = batch(ref)
                if (ref["group"], b) not in groups:
                    ref["cite_error"] = "references_missing_group"
                elif (ref["group"], b, ref["name"]) not in used:
                    ref["cite_error"] = "references_missing_key"

    @staticmethod
    def unlisted(items, lists) -> list[dict]:
        """Named groups with refs after the last list of the group (Cite lists the default
        group by itself at the end of the page, any other group is an error)."""
        last: dict[str, int] = {}
        for lst in lists:
            last[lst["group"]] = max(last.get(lst["group"], -1), lst["span"]["end"])
        out: dict[str, dict] = {}
        for ref in items:
            group = ref["group"]
            if group and not ref["cite_error"] and ref["span"]["start"] >= last.get(group, -1):
                out.setdefault(group, {"group": group, "span": ref["span"]})
        return list(out.values())

    def reflist_group(self, node, kind) -> tuple[str, tuple[int, int] | None]:
        """The group a reflist lists, and the span holding its list-defined refs (or None)."""
        p, reflist = self.p, self.prof.data["reflist"]
        if kind == "tag":
            span = p.span(node)
            t = next((t for t in p.ext.tags if (t.start, t.end) == span), None)
            if t is None:  # not a tag to MediaWiki (inside a comment or <nowiki>)
                return "", None
            return extags.attributes(p.text[t.attr_start:t.attr_end]).get("group", ""), t.inner
        spec = self.prof.footnote_lists.get(name_key(p.src(node.name)))
        if spec is not None:  # a notes list ({{notelist}})
            return footnotes.list_group(p, node, spec, reflist["group_params"])
        tag_function = _tag_function(p.src(node.name)) is not None
        group, inner = "", None
        for param in node.params:
            pname = p.src(param.name).strip()
            if (pname == "1" and not param.showkey) if tag_function else pname in reflist["refs_params"]:
                inner = p.span(param.value)
            elif pname == "group" if tag_function else pname in reflist["group_params"]:
                group = cite.unquote(p.src(param.value).strip())
        return group, inner

    def citation(self, contents) -> dict | None:
        src = self.p.src
        for node in contents.nodes:
            if type(node) is not Template:
                continue
            kind = self.prof.citation_kinds.get(name_key(src(node.name)))
            if kind is None:
                continue
            fields, known = {}, {}
            for param in node.params:
                name, value = src(param.name).strip(), src(param.value).strip()
                fields[name] = value
                canon = self.prof.citation_fields.get(nfc(name))
                if canon and value:
                    known[canon] = value
            return {"template": src(node.name).strip(), "kind": kind, "fields": fields, "known": known,
                    "span": self.nspan(node)}
        return None

    # -- missions ------------------------------------------------------------------------
    def missions(self) -> list[dict]:
        a = self.a
        codes = tuple(c["code"] for c in a.doc["title"]["countries"])
        # a reciprocal sentence ("both have embassies in each other's capital") needs the title's pair
        title_pair = codes if len(codes) == 2 and None not in codes and codes[0] != codes[1] else ()
        facts = missions.prose_facts(a.sentences, self.prof, self.gaz, a.prose.text, title_pair)
        box = a.doc["infobox"]
        if box is not None:
            c1 = box["country1"]["code"] if box["country1"] else None
            c2 = box["country2"]["code"] if box["country2"] else None
            pair = {c["code"] for c in a.doc["title"]["countries"] if c["code"]}
            # a slot of the title's pair whose other infobox country is wrong or missing (I006,
            # I002) still holds a mission in the pair's other country
            hosts = [next(iter(pair - {s})) if len(pair) == 2 and s in pair and o not in pair else o
                     for s, o in ((c1, c2), (c2, c1))]
            for param, sender, host in zip(self.prof.mission_params, (c1, c2), hosts):
                q = next((q for q in box["params"] if q["name"] == param), None)
                if q is None:
                    continue
                span = (q["value_span"]["start"], q["value_span"]["end"])
                for line, s, e in reversed(self.value_lines[span]):  # one mission a line
                    fact = missions.infobox_fact(line, sender, host, self.prof, self.gaz, s, e, param)
                    if fact is not None:
                        facts.insert(0, fact)
        a.facts = facts
        return [f.to_json(self.span) for f in facts]


def value_lines(p: Parsed, value: Wikicode) -> list[tuple[str, int, int]]:
    """The lines of a template parameter's value as the reader sees them, each (text, start,
    end): a ``<br>`` (``<br/>``, ``<br />``) breaks a line, as in an infobox value listing two
    missions. Text without markup, stripped; a line is the source between two breaks (one line:
    the whole value); empty lines are left out."""
    start, end = p.span(value)
    cuts = [(p.start(n), p.end(n)) for n in value.nodes if type(n) is Tag and p.tag_name(n) == "br"]
    bounds = [start, *(x for cut in cuts for x in cut), end]
    out = []
    for s, e in zip(bounds[::2], bounds[1::2]):
        text = Wikicode([n for n in value.nodes if s <= p.start(n) < e]).strip_code().strip()
        if text:
            out.append((text, s, e))
    return out


def _tag_function(name: str) -> str | None:
    """``references`` for ``{{#tag:references|…}}``: the tag a ``#tag`` parser function makes."""
    head, sep, tag = name.strip().partition(":")
    return tag.strip().lower() if sep and head.lower() == "#tag" else None


def _title_key(s: str, prof: Profile) -> str:
    s = " ".join(nfc(s).replace("_", " ").split())
    for sep in prof.data["title"]["other_separators"]:
        s = s.replace(sep, prof.data["title"]["separator"])
    return s.casefold()


def headings(tree) -> list:
    """A parsed page's section headings, in order (their index + 1 is MediaWiki's section
    number): top-level ones, and those inside a bold or italic run that mwparserfromhell let go
    on over lines (an unclosed ``''``). MediaWiki ends bold and italics at the end of a line, so
    those headings are sections on the page (14 of 269 real bnwiki articles had some)."""
    out, stack = [], [iter(tree.nodes)]  # a loop, not a recursive closure: no cycle
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
        elif type(node) is Heading:
            out.append(node)
        elif type(node) is Tag and node.wiki_markup in STYLE_MARKUP:
            stack.append(iter(node.contents.nodes))
    return out
