"""MediaWiki as the oracle: render wikitext on the sandbox wiki and read what a reader sees.

``render`` posts ``action=parse`` (text=, never saving a page) with ``uselang=qqx``, so Cite's
errors come out as message keys, e.g. ``(cite_error: (cite_error_references_no_text: x))``.
``visible`` splits the HTML into what the differential tests compare: the body text (without
headings, TOC, reference lists and Cite's error spans), the headings, the reference-list items
and Cite's errors. ``cite_findings`` turns one render into relbot's codes (R002, R003, R004,
W002); ``explain`` classifies the differences between two visible texts by the applied rules.

An empty ``<span id="relbot-oracle-end">`` is appended to every text: Cite silently appends a
list for ``<ref>`` tags of the default group that no ``<references/>`` took (MW 1.39 reports an
error only for named groups), so a reference list after the sentinel is Cite's own — R002.
"""

from __future__ import annotations

import difflib
import html
import re
import threading
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
import regex

TEMPLATES = Path(__file__).resolve().parent.parent / "fixtures" / "oracle" / "templates"
SENTINEL_ID = "relbot-oracle-end"
SENTINEL = f'\n\n<span id="{SENTINEL_ID}"></span>\n'
PROPS = "text|categories|links|images|externallinks|templates"

# ---------------------------------------------------------------- rendering

_local = threading.local()


def _session():
    s = getattr(_local, "session", None)
    if s is None:
        import requests

        s = requests.Session()
        s.trust_env = False  # never through a proxy from the environment
        _local.session = s
    return s


@dataclass(frozen=True)
class Render:
    html: str
    categories: frozenset
    links: frozenset
    images: frozenset
    externallinks: frozenset
    templates: frozenset


def render(api: str, text: str, title: str) -> Render:
    """``text`` parsed as the page ``title`` (plus the sentinel), with its link tables."""
    r = _session().post(api, timeout=120, data=dict(
        action="parse", text=text + SENTINEL, title=title, contentmodel="wikitext", prop=PROPS,
        disablelimitreport=1, disableeditsection=1, uselang="qqx", format="json",
        formatversion=2))
    r.raise_for_status()
    data = r.json()
    if "parse" not in data:
        raise RuntimeError(f"action=parse failed for {title}: {data.get('error')}")
    p = data["parse"]
    return Render(
        html=p["text"],
        categories=frozenset(nfc(c["category"]) for c in p["categories"]),
        links=frozenset((x["ns"], nfc(x["title"])) for x in p["links"]),
        images=frozenset(nfc(x) for x in p["images"]),
        externallinks=frozenset(p["externallinks"]),
        templates=frozenset(nfc(x["title"]) for x in p["templates"]))


def render_all(api: str, jobs: dict, workers: int = 4) -> dict:
    """``{key: (text, title)}`` → ``{key: Render}``, ``workers`` requests at a time."""
    with ThreadPoolExecutor(workers) as pool:
        futures = {k: pool.submit(render, api, text, title) for k, (text, title) in jobs.items()}
        return {k: f.result() for k, f in futures.items()}


TEMPLATE_NS = "টেমপ্লেট:"
# parser functions ({{#if:}}, {{DEFAULTSORT:}}), {{!}} and {{=}}, subpages; a stub named like a
# magic word ({{PAGENAME}}) is harmless: the magic word wins
_NOT_A_TEMPLATE = regex.compile(r"^(?:[#/]|[^:]*:)|^[^\p{L}\p{N}]+$|[{}<>\[\]|]")


def template_pages() -> dict[str, str]:
    """The working copies in fixtures/oracle/templates as ``{"টেমপ্লেট:<name>": text}``."""
    return {TEMPLATE_NS + nfc(p.stem): p.read_text("utf-8")
            for p in sorted(TEMPLATES.glob("*.template"))}


def template_name(raw: str) -> str | None:
    """The page name (without namespace, first letter upper) a ``{{raw|…}}`` transcludes;
    None for parser functions, magic words and names built from other markup."""
    name = " ".join(raw.replace("_", " ").split())
    for prefix in (TEMPLATE_NS, "Template:", "template:"):
        if name.startswith(prefix):
            name = name[len(prefix):].strip()
    if not name or _NOT_A_TEMPLATE.search(name):
        return None
    return nfc(name[:1].upper() + name[1:])


_HOLDS_REF = re.compile(r"<\s*ref\b|#tag:\s*ref", re.I)


def echo_templates(texts, have) -> dict[str, str]:
    """A stand-in for each template that ``have`` (page names) lacks and that ``texts`` pass a
    ``<ref>`` to: it shows its name and every argument the pages pass it (positional first,
    then named, space-separated).

    bn.wikipedia's infoboxes, quote boxes and lists show their arguments, and references are
    often defined inside them; without the template those <ref> definitions would vanish and
    Cite would report errors the real wiki does not have. The same for templates inside a link
    or an image's caption: a red link there breaks the outer link, which then shows as text.
    Other missing templates stay red links (stable on both sides of a diff; fewer pages to
    import).
    """
    import mwparserfromhell

    params: dict[str, set] = {}
    holding = set()
    for text in texts:
        code = mwparserfromhell.parse(text)
        for link in code.filter_wikilinks(recursive=True):  # a red link inside breaks the link
            for t in link.text.filter_templates(recursive=True) if link.text else ():
                name = template_name(str(t.name))
                if name is not None:
                    holding.add(name)
        for t in code.filter_templates(recursive=True):
            name = template_name(str(t.name))
            if name is None or TEMPLATE_NS + name in have:
                continue
            params.setdefault(name, set()).update(str(p.name).strip() for p in t.params)
            if _HOLDS_REF.search("".join(str(p.value) for p in t.params)):
                holding.add(name)
    out = {}
    for name, names in sorted(params.items()):
        if name not in holding:
            continue
        pos = sorted((int(n) for n in names if n.isdigit()))
        named = sorted(n for n in names if not n.isdigit() and not _bad_param(n))
        # the name first: a stand-in never renders empty (``[[Pi|{{pi}}]]`` stays a link)
        body = " ".join([name, *("{{{%s|}}}" % n for n in [*map(str, pos), *named])])
        out[TEMPLATE_NS + name] = body + "<noinclude>\nrelbot oracle: echoes its arguments.</noinclude>"
    return out


def _bad_param(n: str) -> bool:
    return not n or any(c in n for c in "{}|<>[]=\n")


# ---------------------------------------------------------------- what a reader sees

def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


_WS = re.compile(r"[ \t\n\r\f\v]+")  # HTML whitespace collapses; U+00A0 is visible and stays
CITE_ERROR = re.compile(r"^\(cite_error: \((cite_error_[a-z_]+)(?:: (.*))?\)\)$", re.S)
_DROP = ("//style", "//script", "//comment()", "//*[contains(@class, 'mw-editsection')]",
         "//*[@id='toc']", "//*[contains(concat(' ', @class, ' '), ' toc ')]")
_BLOCK = {"p", "div", "li", "ul", "ol", "dl", "dd", "dt", "table", "tr", "td", "th", "br",
          "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "center", "gallery", "hr"}


@dataclass
class Visible:
    body: str  # one line per block (paragraph, list item, cell …), whitespace collapsed
    headings: list  # (tag, text)
    reflists: list  # one tuple of item texts per <ol class="references">, in page order
    errors: list  # (key, params) of Cite's error messages, in page order
    auto_reflist: bool  # Cite appended a default-group list no <references/> asked for
    lists_before: int  # reference lists the page itself holds (before the sentinel)
    sentinel: bool  # the end marker was found (False: the page swallowed it, e.g. open <!--)


def _text(el) -> str:
    return _WS.sub(" ", "".join(el.itertext())).strip()


def _remove(el, keep_tail: bool = True) -> None:
    """Remove ``el``; its tail text stays (with a space where a block was)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = (el.tail or "") if keep_tail else ""
    if el.tag in _BLOCK or not isinstance(el.tag, str):
        tail = "\n" + tail
    prev = el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


def visible(page_html: str) -> Visible:
    root = lxml.html.fragment_fromstring(page_html, create_parent="div")
    for xp in _DROP:
        for el in root.xpath(xp):
            _remove(el)
    errors = []
    for el in root.xpath("//*[contains(@class, 'mw-ext-cite-error')]"):
        m = CITE_ERROR.match(_text(el))
        errors.append((m.group(1), m.group(2) or "") if m else ("?", _text(el)))
        _remove(el)
    # document order: is there a reference list after the sentinel?
    sentinel, auto, before = False, False, 0
    for el in root.iter():
        if el.get("id") == SENTINEL_ID:
            sentinel = True
        elif el.tag == "ol" and "references" in (el.get("class") or "").split():
            auto |= sentinel
            before += not sentinel
    reflists = []
    for ol in root.xpath("//ol[contains(concat(' ', @class, ' '), ' references ')]"):
        reflists.append(tuple(_text(li) for li in ol.xpath("./li")))
    for ol in root.xpath("//ol[contains(concat(' ', @class, ' '), ' references ')]"):
        wrap = ol.getparent()
        _remove(wrap if wrap is not None and "mw-references-wrap" in (wrap.get("class") or "")
                else ol)
    headings = []
    for h in root.xpath("//h1|//h2|//h3|//h4|//h5|//h6"):
        headings.append((h.tag, _text(h)))
        _remove(h)
    for el in root.iter():  # a block boundary ends a line
        if isinstance(el.tag, str) and el.tag in _BLOCK:
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
    lines = (_WS.sub(" ", line).strip() for line in "".join(root.itertext()).split("\n"))
    body = "\n".join(line for line in lines if line)
    return Visible(body, headings, reflists, errors, auto, before, sentinel)


# ---------------------------------------------------------------- relbot codes seen by Cite

#: Cite's messages about one <ref> tag it rejects (Cite::validateRef): the reader sees an error
#: instead of the note. R003/R004/R002 have their own messages.
MALFORMED = {f"cite_error_{k}" for k in (
    "included_ref", "ref_no_key", "ref_too_many_keys", "ref_numeric_key", "ref_invalid_dir",
    "ref_no_input", "ref_nested_extends", "references_group_mismatch", "references_no_key",
    "empty_references_define", "references_missing_key", "references_missing_group")}
#: ``<ref`` / ``</ref>`` left as text: MediaWiki did not take it for a tag and shows it.
REF_DEBRIS = re.compile(r"<\s*/?\s*ref(?!erences?\b)", re.I)  # also "</refname=…"


def _name(params: str) -> str:
    return nfc(html.unescape(params.split(", ")[0]).strip())


def cite_findings(v: Visible) -> set[tuple[str, str]]:
    """(code, detail) that the render shows: R002 with the group ("" for Cite's own list;
    ``late`` when the page has a list and Cite adds one for default-group refs after it, which
    MW 1.39 does silently), R003/R004 with the reference name, W002 with the message key or
    ``debris``."""
    out = set()
    if v.auto_reflist:
        out.add(("R002", "late" if v.lists_before else ""))
    for key, params in v.errors:
        if key == "cite_error_group_refs_without_references":
            out.add(("R002", _name(params)))
        elif key == "cite_error_references_no_text":
            out.add(("R003", _name(params)))
        elif key == "cite_error_references_duplicate_key":
            out.add(("R004", _name(params)))
        elif key in MALFORMED:
            out.add(("W002", key))
    texts = [v.body, *(t for lst in v.reflists for t in lst)]
    if any(REF_DEBRIS.search(t) for t in texts):
        out.add(("W002", "debris"))
    return out


# ---------------------------------------------------------------- differences a rule declares

def _t001(s):
    return re.sub("।{2,}", "।", s)


def _t002(s):
    return s.replace("৷", "।")


def _t003(s):
    return re.sub(r"(?<=\S)[ \t\u00a0]+(?=[।,?!])", "", s)


def _t005(s):
    return nfc(s)


#: What each typographic rule may change in the visible text, as a normalisation that both
#: sides go through, in the order the fix rounds can chain them: a look-alike becomes a danda
#: and a space between two dandas goes before the dandas merge.
ALLOWANCES = {"T002": _t002, "T003": _t003, "T001": _t001, "T005": _t005}
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+|\s+|.", regex.S)


def normalise(s: str, codes) -> str:
    for code, fn in ALLOWANCES.items():
        if code in codes:
            s = fn(s)
    return s


@dataclass
class Difference:
    before: str
    after: str
    context: str
    rule: str | None  # the applied rule that explains it; None: unexplained


def explain(before: str, after: str, codes, context: int = 3) -> list[Difference]:
    """Every difference between two visible texts, with the applied rule explaining it.

    Lines are matched first (a token diff of a whole page is quadratic in its repeated tokens),
    then the tokens of each group of differing lines."""
    la, lb = before.split("\n"), after.split("\n")
    out = []
    allowed = [c for c in ALLOWANCES if c in codes]
    lines = difflib.SequenceMatcher(None, la, lb, autojunk=False)
    for tag, i1, i2, j1, j2 in lines.get_opcodes():
        if tag != "equal":
            out += _explain_tokens("\n".join(la[i1:i2]), "\n".join(lb[j1:j2]), allowed, context)
    return out


def _explain_tokens(before: str, after: str, allowed: list, context: int) -> list[Difference]:
    a, b = _TOKEN.findall(before), _TOKEN.findall(after)
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    out = []
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            continue
        # context: the unchanged tokens on either side (the same on both sides)
        kb = min(context, ops[n - 1][2] - ops[n - 1][1]) if n else 0
        ka = min(context, ops[n + 1][2] - ops[n + 1][1]) if n + 1 < len(ops) else 0
        ca = "".join(a[i1 - kb:i2 + ka])
        cb = "".join(b[j1 - kb:j2 + ka])
        rule = next((c for c in allowed if normalise(ca, {c}) == normalise(cb, {c})), None)
        if rule is None and normalise(ca, allowed) == normalise(cb, allowed):
            rule = "+".join(allowed)
        ctx = "".join(a[max(0, i1 - 8):i2 + 8])
        out.append(Difference("".join(a[i1:i2]), "".join(b[j1:j2]), ctx, rule))
    return out


def heading_changes(before: list, after: list, codes, renames: dict, references: str) -> list:
    """The heading changes no applied rule declares: ``(before_slice, after_slice)`` pairs.

    L001 renames an alias to its canonical title (``renames``); L003 gives the section holding
    the reference list the title ``references``, or adds that section, as R002 does. Heading
    texts go through the typographic allowances too.
    """
    def norm(hs):
        return [(tag, normalise(text, codes)) for tag, text in hs]

    def renamed(b, a):
        return b[0] == a[0] and (b[1] == a[1] or ("L001" in codes and renames.get(b[1]) == a[1])
                                 or ("L003" in codes and a[1] == references))

    added = ("h2", references)
    may_add = bool({"L003", "R002"} & set(codes))
    b, a = norm(before), norm(after)
    bad = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, b, a, autojunk=False).get_opcodes():
        old, new = b[i1:i2], a[j1:j2]
        if tag == "equal":
            continue
        if may_add and len(new) == len(old) + 1 and added in new:
            k = next((k for k in range(len(new)) if new[k] == added
                      and all(renamed(x, y) for x, y in zip(old, new[:k] + new[k + 1:]))), None)
            if k is not None:
                may_add = False  # one section at most
                continue
        if len(old) == len(new) and all(renamed(x, y) for x, y in zip(old, new)):
            continue
        bad.append((old, new))
    return bad
