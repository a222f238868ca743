"""The standard section layout, and the text edits that build it.

Every function here reads a structured article and returns :class:`Edit` objects on
spans of its original text; nothing else of the page is touched. Generated text
(headings, templates, parameter values) is NFC, built from profile and gazetteer words.
"""

from __future__ import annotations

import bisect
import unicodedata
from datetime import date

from mwparserfromhell.nodes import Template

from .edits import Edit


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


# -- small text helpers -----------------------------------------------------------------

def line_extent(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to its whole line (with the newline) when it stands alone on it."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    if text[ls:start].strip() or text[end:le].strip():
        return start, end
    return ls, min(le + 1, len(text))


def block_insert(text: str, at: int, block: str) -> Edit:
    """Insert ``block`` (lines ending in a newline) at ``at`` as a paragraph of its own."""
    before, after = text[:at], text[at:]
    if at == 0 or before.endswith("\n\n"):
        lead = ""
    elif before.endswith("\n"):
        lead = "\n"
    else:
        lead = "\n\n"
    tail = "\n" if after and not after.startswith("\n") else ""
    return Edit(at, at, lead + block + tail)


def template(name: str) -> str:
    return "{{" + name + "}}"


# -- references section (L003, R002) ------------------------------------------------------

def top_sections(art) -> list[dict]:
    return [s for s in art.doc["sections"] if s["parent"] is None]


def reflist_edits(art) -> list[Edit]:
    """Give the article a references section holding the reflist, at the standard place."""
    prof, text = art.profile, art.text
    sections = art.doc["sections"]
    refsec = next((s for s in sections if s["key"] == "references"), None)
    if refsec is not None and refsec["has_reflist"]:
        return []
    edits = []
    # only a list of the default group is the reference list: a notes list (group=…) stays put
    lists = [x for x in art.doc["references"]["reflists"] if not x["group"]]
    home = _section_holding_only(art, lists[0]) if lists and refsec is None else None
    if home is not None:
        # the reflist is all its section holds: that section is the references section
        ts = home["title_span"]
        return [Edit(ts["start"], ts["end"], f" {prof.section_title('references')} ")]
    # a reflist standing elsewhere moves into the section rather than being doubled
    moved = text[lists[0]["span"]["start"]:lists[0]["span"]["end"]] if lists else template(
        prof.data["reflist"]["templates"][0])
    if lists:
        s, e = line_extent(text, lists[0]["span"]["start"], lists[0]["span"]["end"])
        edits.append(Edit(s, e, ""))
    if refsec is not None:
        at = refsec["heading_span"]["end"]
        edits.append(Edit(at, at, "\n" + moved))
    else:
        at = references_insertion_point(art)
        heading = f"== {prof.section_title('references')} ==\n{moved}\n"
        edits.append(block_insert(text, at, heading))
    if lists and _refs_between(art, at, lists[0]["span"]["start"]):
        return []  # moving the list past references would split it or drop them: readers would see it
    return _merge(edits)


def _refs_between(art, a: int, b: int) -> bool:
    """Whether a reference of the default group stands between offsets ``a`` and ``b`` (either
    order): a reference list shows the references before it, so moving one across them changes
    which list they appear in."""
    lo, hi = min(a, b), max(a, b)
    return any(not r["group"] and not r["list_defined"] and lo <= r["span"]["start"] < hi
               for r in art.doc["references"]["refs"])


def _section_holding_only(art, item: dict) -> dict | None:
    """The section whose own body is nothing but ``item`` (and blank lines), if any."""
    s, e = item["span"]["start"], item["span"]["end"]
    for sec in art.doc["sections"]:
        body = sec["body_span"]
        if body["start"] <= s and e <= body["end"]:
            stop = max(e, min(body["end"], art.doc["trailer"]["start"]))  # categories don't count
            rest = art.text[body["start"]:s] + art.text[e:stop]
            return sec if not rest.strip() else None
    return None


def references_insertion_point(art) -> int:
    """Before the first appendix section that follows references in the standard order, else
    before the trailer (navboxes, categories)."""
    order = art.profile.appendix_order
    rank = order["references"]
    for sec in top_sections(art):
        if sec["key"] in order and order[sec["key"]] > rank:
            return sec["span"]["start"]
    return art.doc["trailer"]["start"]


def _merge(edits: list[Edit]) -> list[Edit]:
    """Edits at one point become one edit, so the engine sees no conflict with itself."""
    out: list[Edit] = []
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if out and out[-1].end == e.start and out[-1].start == e.start == e.end:
            out[-1] = Edit(e.start, e.end, out[-1].new + e.new)
        else:
            out.append(e)
    return out


# -- section order (L002) -------------------------------------------------------------------

def _chunks(art) -> tuple[int, int, list[tuple[dict, str]]]:
    """Top-level sections as text chunks, up to the trailer."""
    text = art.text
    tops = top_sections(art)
    end = max(art.doc["trailer"]["start"], tops[-1]["heading_span"]["end"]) if tops else len(text)
    chunks = []
    for i, sec in enumerate(tops):
        s = sec["span"]["start"]
        e = tops[i + 1]["span"]["start"] if i + 1 < len(tops) else end
        chunks.append((sec, text[s:e]))
    return (tops[0]["span"]["start"] if tops else end), end, chunks


def standard_order(art, chunks) -> list[tuple[dict, str]]:
    order = art.profile.appendix_order
    body = [c for c in chunks if c[0]["key"] not in order]
    appendix = sorted((c for c in chunks if c[0]["key"] in order), key=lambda c: order[c[0]["key"]])
    return body + appendix


def reorder_edits(art) -> list[Edit]:
    """Body sections first, in their order, then appendix sections in the standard order.

    Sections move whole, heading and content; only the blank lines between moved
    sections are normalised.
    """
    start, end, chunks = _chunks(art)
    ordered = standard_order(art, chunks)
    if [c[0]["span"]["start"] for c in ordered] == [c[0]["span"]["start"] for c in chunks]:
        return []
    new = "\n\n".join(chunk.rstrip("\n") for _, chunk in ordered) + "\n"
    if end < len(art.text):
        new += "\n"
    return [Edit(start, end, new)]


# -- navboxes and categories at the end (L008) ------------------------------------------------

def trailer_items(art) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every navbox, category and language link at the top level."""
    doc = art.doc
    items = [("navbox", n["span"]["start"], n["span"]["end"]) for n in doc["navboxes"]]
    items += [("category", c["span"]["start"], c["span"]["end"]) for c in doc["categories"]
              if _top_level(art, c["span"]["start"])]
    items += [("interlanguage", c["span"]["start"], c["span"]["end"]) for c in doc["interlanguage"]
              if _top_level(art, c["span"]["start"])]
    return sorted(items, key=lambda i: i[1])


def _closing_templates(art) -> list[tuple[str, int, int]]:
    """(kind, start, end) of the DEFAULTSORT and stub templates in the page's closing run."""
    parsed, tstart = art.parsed, art.doc["trailer"]["start"]
    out = []
    for node in parsed.tree.nodes:
        if type(node) is Template and parsed.start(node) >= tstart:
            kind = art.profile.trailer_kind(parsed.src(node.name))
            if kind in ("defaultsort", "stub"):
                out.append((kind, *parsed.span(node)))
    return out


def _top_level(art, start: int) -> bool:
    starts = art.parsed.top_starts()
    i = bisect.bisect_left(starts, start)
    return i < len(starts) and starts[i] == start


TRAILER_ORDER = {"navbox": 0, "category": 1, "interlanguage": 2}
#: The order the fix writes the closing run in, the Manual of Style's: DEFAULTSORT right above
#: the categories, stub templates below them. Where a page has put those two is not reported by
#: itself (66 of the 269 sample articles have the stub above the categories).
LAYOUT_ORDER = ("navbox", "defaultsort", "category", "stub", "interlanguage")


def trailer_misplaced(art) -> list[tuple[str, int, int]]:
    """Trailer items outside the closing run, or inside it in the wrong order."""
    items = trailer_items(art)
    tstart = art.doc["trailer"]["start"]
    outside = [i for i in items if i[1] < tstart]
    inside = [i for i in items if i[1] >= tstart]
    ranks = [TRAILER_ORDER[i[0]] for i in inside]
    if outside or ranks != sorted(ranks):
        return items
    return []


def _stray_runs(text: str, spans: list[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    """Adjacent spans merged; a run of whole lines that was a paragraph of its own also takes the
    blank line after it, so no doubled blank line is left where it stood."""
    runs: list[list[int]] = []
    for s, e in sorted(spans):
        if runs and runs[-1][1] == s:
            runs[-1][1] = e
        else:
            runs.append([s, e])
    for run in runs:
        s, e = run
        if text[:s].endswith("\n\n") and text[e - 1:e] == "\n" and text[e:e + 1] == "\n" and e + 1 <= limit:
            run[1] = e + 1
    return [(s, e) for s, e in runs]


def trailer_edits(art) -> list[Edit]:
    """Move navboxes after the last section, then DEFAULTSORT, categories, stub templates and
    language links, in that order."""
    items = trailer_misplaced(art)
    if not items:
        return []
    text = art.text
    tstart = art.doc["trailer"]["start"]
    edits = [Edit(s, e, "") for s, e in _stray_runs(text, [line_extent(text, s, e) for _, s, e in items
                                                            if s < tstart], tstart)]
    # the closing run is rebuilt from its items in the standard order; comments in it stay first
    items = items + _closing_templates(art)
    inside_spans = [(s, e) for _, s, e in items if s >= tstart]
    rest = text[tstart:]
    for s, e in sorted(inside_spans, reverse=True):
        ls, le = line_extent(text, s, e)
        rest = rest[: ls - tstart] + rest[le - tstart:]
    new = rest.strip("\n")
    new, last = (new + "\n" if new else ""), None
    for kind in LAYOUT_ORDER:
        lines = [text[s:e] for k, s, e in sorted(items, key=lambda i: i[1]) if k == kind]
        if lines:
            # a blank line between groups, none between DEFAULTSORT and the categories it sorts
            sep = "" if last is None else "\n" if (last, kind) == ("defaultsort", "category") else "\n\n"
            new, last = new + sep + "\n".join(lines), kind
    new += "\n"
    lead = "" if tstart == 0 or text[:tstart].endswith("\n\n") else ("\n" if text[:tstart].endswith("\n") else "\n\n")
    edits.append(Edit(tstart, len(text), lead + new))
    return edits


# -- infobox skeleton (I001) and mission parameters (E005) -----------------------------------

def mission_value(art, sender: str, host: str) -> str | None:
    """The infobox value for ``sender``'s mission in ``host``, from the prose facts."""
    facts = [f for f in art.facts if f.source == "prose" and f.sender == sender and f.host_country in (host, None)]
    if not facts:
        return None
    fact = next((f for f in facts if f.host_city), facts[0])
    prof = art.profile
    kind = prof.data["missions"]["kinds"][fact.kind][0]
    name = next((c["name"] for c in art.doc["title"]["countries"] if c["code"] == sender), None)
    name = name or art.gazetteer.name(sender) or sender
    fmt = prof.data["infobox"]["skeleton"]
    if fact.host_city:
        return nfc(fmt["mission_value"].format(sender=name, kind=kind, city=fact.host_city))
    return nfc(fmt["mission_value_no_city"].format(sender=name, kind=kind))


def infobox_edits(art) -> list[Edit]:
    """An infobox skeleton naming the title's countries and the missions the prose states."""
    if art.doc["infobox"] is not None:
        return []
    prof = art.profile
    countries = art.doc["title"]["countries"]
    if len(countries) != 2:
        return []
    title = " ".join(art.title.split())
    lines = ["{{" + prof.data["infobox"]["names"][0] + "|" + "|".join([title] + [c["name"] for c in countries])]
    codes = [c["code"] for c in countries]
    for param, sender, host in zip(prof.mission_params, codes, reversed(codes)):
        value = mission_value(art, sender, host) if sender and host else None
        if value:
            lines.append(f"| {param} = {value}")
    at = lead_insertion_point(art)
    return [Edit(at, at, nfc("\n".join(lines) + "\n}}\n"))]


def lead_insertion_point(art) -> int:
    """After the templates (hatnotes, maintenance tags) and comments that open the page."""
    from mwparserfromhell.nodes import Comment, Template, Text

    text = art.text
    for node in art.parsed.tree.nodes:
        if type(node) in (Template, Comment) or (type(node) is Text and not node.value.strip()):
            continue
        at = art.parsed.start(node)
        line = text.rfind("\n", 0, at) + 1
        return line if not text[line:at].strip() else at
    return len(text)


def mission_param_edits(art, param: str, value: str) -> list[Edit]:
    box = art.doc["infobox"]
    q = next((q for q in box["params"] if q["name"] == param), None)
    if q is not None:
        raw = q["value"]
        trailing = raw[len(raw.rstrip()):]
        vs = q["value_span"]
        return [Edit(vs["start"], vs["end"], " " + value + (trailing or ""))]
    end = box["span"]["end"] - 2  # before the closing braces
    text = art.text
    if text[box["span"]["start"]:end].rstrip(" ").endswith("\n"):
        return [Edit(end, end, f"| {param} = {value}\n")]
    return [Edit(end, end, f"|{param}={value}")]


# -- maintenance tag (R001) and categories (W003) ----------------------------------------------

def maintenance_date(art, today: date) -> str:
    prof = art.profile
    digits = prof.text["digits"]
    year = str(today.year).translate({ord(str(i)): d for i, d in enumerate(digits)})
    return prof.data["maintenance_date_format"].format(month=prof.text["months"][today.month - 1], year=year)


def unreferenced_edits(art, today: date) -> list[Edit]:
    prof = art.profile
    tag = "{{" + prof.maintenance_name("unreferenced") + "|" + prof.data["maintenance_date_param"] + "=" \
        + maintenance_date(art, today) + "}}\n"
    return [Edit(0, 0, nfc(tag))]


def category_edits(art, names: list[str]) -> list[Edit]:
    """Add the categories ``names`` in their order: after the last category, else at the end.

    One edit for all of them, so that every finding asking for one of them offers the same edit
    and the categories land in the order given (not one per round, shortest first)."""
    prof = art.profile
    links = "\n".join("[[" + prof.data["namespaces"]["category"][0] + ":" + nfc(n) + "]]" for n in names)
    cats = art.doc["categories"]
    if cats:
        at = cats[-1]["span"]["end"]
        return [Edit(at, at, "\n" + links)]
    return [block_insert(art.text, len(art.text), links + "\n")]
