"""What the other Wikipedia knows: a bilateral article's mission facts against English Wikipedia's.

The English side of a pair ``A``–``B`` is every mission fact the English grammar
(:mod:`bot.missions.en` through :func:`bot.facts.facts_for`) reads in the passages
:mod:`bot.counterpart` finds (the ``A–B relations`` page, the rows or sections about the other
country in ``Foreign relations of A``/``B``) whose sender and host are the pair, each with the
references its sentence cites (the whole ``<ref>``; a named reuse resolved to its definition).

:func:`compare` pairs them with the article's own facts. A fact is (sender, host, kind, city);
each of either side is

* ``agreed``: the other side states it (same sender and host, same kind, same city; a side
  that names no city, or says only "mission", agrees with any);
* ``disagreeing``: the other side states the same sender's mission in the same host, but of
  another kind or in another city (consulate vs embassy, Karachi vs Islamabad), and that
  statement agrees with no other fact here (a consulate here beside an embassy both state is
  ``only-here``);
* ``missing-here``: only English Wikipedia states it;
* ``only-here``: English Wikipedia says nothing of that sender's mission in that host.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from . import extags
from .counterpart import EnglishPages, Passage, passages
from .facts import facts_for
from .gazetteer import Gazetteer
from .profile import Profile, load_profile

STATUSES = ("agreed", "disagreeing", "missing-here", "only-here")
#: Unsafe fixes proposed with English pages even without ``--unsafe`` (``propose --against``,
#: ``propose --crosswiki``, and ``apply`` remaking them): the English references E003 brings
#: home; a person reviews every entry, ``run`` never offers them.
#: The fixes English pages bring that a review bundle carries without --unsafe: E003's reference,
#: E009's sentence (each is read and approved by a person before apply saves it)
REVIEWED_FIXES = frozenset({"E003", "E009"})
_URL = re.compile(r"https?://", re.I)


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference of an English sentence: its name (None when unnamed) and the whole
    ``<ref …>…</ref>`` that defines it, and its content."""

    name: str | None
    whole: str
    content: str


@dataclass(frozen=True, slots=True)
class EnglishFact:
    sender: str
    host: str
    kind: str
    city: str | None  # as written
    city_id: str | None
    title: str  # the English page
    passage: str  # row | section | bilateral
    line: int
    column: int
    refs: tuple[Ref, ...]

    @property
    def key(self) -> tuple:
        return (self.sender, self.host, self.kind, self.city_id or (self.city or "").casefold() or None)


@dataclass
class Row:
    status: str
    sender: str
    host: str
    kind: str
    city_id: str | None
    here: list = field(default_factory=list)  # bot.missions.Fact of the article
    there: list[EnglishFact] = field(default_factory=list)

    @property
    def ref(self) -> Ref | None:
        """The English reference to bring home: the first that names a web address (one a reader
        can follow; a short footnote such as ``{{Harvnb|…}}`` needs a bibliography the article has
        not), of the English facts in passage order."""
        return next((r for f in self.there for r in f.refs if _URL.search(r.content)), None)


def english_profile() -> tuple[Profile, Gazetteer]:
    return load_profile("en"), Gazetteer.load("en")


def english_side(pages: EnglishPages, a: str, b: str) -> tuple[list[EnglishFact], list[Passage]]:
    """The English facts about the pair (either direction), in passage order, and the passages;
    computed once per pair and kept with the pages."""
    key = ("side", *sorted((a, b)))
    if key not in pages.cache:
        profile, gaz = english_profile()
        found = passages(pages, a, b, gaz)
        out: list[EnglishFact] = []
        for p in found:
            title, text = pages.resolve(p.title)
            facts, refs = _page(pages, title, text, profile, gaz)
            for f in facts:
                s, e = f["span"]
                if not p.start <= s < p.end or {f["sender"], f["host_country"]} != {a, b}:
                    continue
                out.append(EnglishFact(f["sender"], f["host_country"], f["kind"], f["host_city"],
                                       f["host_city_id"], title, p.kind, f["line"], f["column"],
                                       tuple(_sentence_refs(text, refs, s, e))))
        pages.cache[key] = (out, found)
    return pages.cache[key]


def _page(pages: EnglishPages, title: str, text: str, profile: Profile, gaz: Gazetteer):
    key = ("page", title)
    if key not in pages.cache:
        refs = extags.scan(text).refs()  # with those a <references> list defines
        pages.cache[key] = (facts_for(text, title, profile, gaz, spans=True), refs)
    return pages.cache[key]


def _sentence_refs(text: str, refs: list, start: int, end: int) -> list[Ref]:
    """The references of the sentence ``text[start:end]``: those inside it and those right after
    its end (spaces between refs allowed), named reuses resolved to their definition."""
    by_start = {t.start: t for t in refs}
    tags = [t for t in refs if start <= t.start < end]
    pos = end
    while True:
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        tag = by_start.get(pos)
        if tag is None:
            break
        tags.append(tag)
        pos = tag.end
    out = []
    for t in tags:
        name = extags.attributes(text[t.attr_start:t.attr_end]).get("name")
        if t.inner is None or not text[t.inner[0]:t.inner[1]].strip():
            t = next((d for d in refs if d.inner is not None and text[d.inner[0]:d.inner[1]].strip()
                      and extags.attributes(text[d.attr_start:d.attr_end]).get("name") == name), None) if name else None
            if t is None:
                continue
        ref = Ref(name, text[t.start:t.end], text[t.inner[0]:t.inner[1]])
        if ref not in out:
            out.append(ref)
    return out


def _city_ok(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _kind_ok(a: str, b: str) -> bool:
    return a == b or "other" in (a, b)


#: kinds a sender keeps one of per host: its chief mission (embassy, high commission, nunciature).
#: Two of them in two cities contradict each other; two consulates in two cities do not.
CHIEF = frozenset({"embassy", "high-commission", "nunciature"})
_FOREIGN = "Foreign relations of "


def _own_page(f: EnglishFact, gaz: Gazetteer) -> bool:
    """Whether the English fact comes from its sender's own page (``Foreign relations of`` the
    sender)."""
    if not f.title.startswith(_FOREIGN):
        return False
    name = f.title[len(_FOREIGN):]
    return f.sender in {gaz.country(name), gaz.country(name.removeprefix("the "))}


def _sender_page_wins(there: list[EnglishFact], gaz: Gazetteer) -> list[EnglishFact]:
    """The English facts with their pages' contradictions settled: when two pages give one
    mission (sender, host, city) two kinds, the sender's own page is believed and the other
    page's kind is left out (the Malaysia page calls Indonesia's consulates-general consulates)."""
    own: dict[tuple, set[str]] = defaultdict(set)
    for f in there:
        if f.city_id and f.kind != "other" and _own_page(f, gaz):
            own[f.sender, f.host, gaz.same_city(f.city_id)].add(f.kind)
    return [f for f in there if not (f.city_id and f.kind != "other" and not _own_page(f, gaz)
                                     and own.get((f.sender, f.host, gaz.same_city(f.city_id)), {f.kind}) - {f.kind}
                                     and f.kind not in own[f.sender, f.host, gaz.same_city(f.city_id)])]


def _disagreement(row: "Row", same: list[tuple]) -> list[tuple]:
    """The English facts an article fact no English fact agrees with contradicts, paired
    kind-first: a chief mission in another city (a sender has one embassy per host: bn's embassy
    in Istanbul against English's embassy in Ankara, English's consulate-general in Istanbul then
    missing here), else a mission of another kind in the same city, else of the same kind, else
    whatever English states of that sender's missions there (a consulate in Karachi against an
    embassy in Islamabad, as issue 23 defines a disagreement)."""
    if row.kind in CHIEF and row.city_id:
        chief = [ek for ek in same if ek[2] in CHIEF and ek[3] and ":" in ek[3] and ek[3] != row.city_id]
        if chief:
            return chief[:1]
    if row.kind not in CHIEF and row.kind != "other" and row.city_id:
        # a sender keeps as many consulates as it likes: Guadalajara's consulate-general beside León's
        # contradicts nothing; the same city's mission of another kind does, and (issue 23) a chief
        # mission English gives instead (a consulate in Karachi against an embassy in Islamabad)
        return [ek for ek in same if ek[3] == row.city_id] or [ek for ek in same if ek[2] in CHIEF]
    return (([ek for ek in same if ek[3] == row.city_id] if row.city_id else [])
            or [ek for ek in same if ek[2] == row.kind] or same)


def compare(here_facts, there: list[EnglishFact], pair: set[str]) -> list[Row]:
    """The rows of the comparison: the article's facts (``bot.missions.Fact``) about the pair
    against the English ones; article facts first, in page order, then those missing here.
    Cities are compared as the gazetteer's ``same_city`` gives them (New Delhi is Delhi)."""
    gaz = Gazetteer.load("en")
    city = gaz.same_city
    here = defaultdict(list)
    for f in here_facts:
        if f.sender and f.host_country and f.sender != f.host_country and {f.sender, f.host_country} == pair:
            here[(f.sender, f.host_country, f.kind, city(f.host_city_id))].append(f)
    for k in [k for k in here if k[2] == "other"]:
        # কলম্বোর মালয়েশীয় মিশন after কলম্বোতে মালয়েশিয়ার দূতাবাস: the mission already stated with its kind
        named = [j for j in here if j[:2] == k[:2] and j[2] != "other" and (k[3] is None or j[3] == k[3])]
        if named:
            here[named[0]] += here.pop(k)
    groups: dict[tuple, list[EnglishFact]] = defaultdict(list)
    for f in _sender_page_wins(there, gaz):
        k = f.key
        groups[(*k[:3], city(k[3]) if ":" in (k[3] or "") else k[3])].append(f)
    for k in [k for k in groups if k[3] is None]:
        # "… opened its embassy in Tripoli … uses its embassy in Libya": the mission English placed
        # already, said again without its city
        placed = [j for j in groups if j[:3] == k[:3] and j[3] is not None]
        if placed:
            groups[placed[0]] += groups.pop(k)
    rows: list[Row] = []
    used: set[tuple] = set()
    pending = []
    for k, facts in here.items():
        sender, host, kind, cid = k
        agree = [ek for ek in groups if ek[:2] == (sender, host) and _kind_ok(kind, ek[2])
                 and _city_ok(cid, ek[3] if ":" in (ek[3] or "") else None)]
        if agree:
            used.update(agree)
            rows.append(Row("agreed", sender, host, kind, facts[0].host_city_id, facts,
                            [f for ek in agree for f in groups[ek]]))
        else:
            rows.append(Row("only-here", sender, host, kind, facts[0].host_city_id, facts))
            pending.append((rows[-1], cid))
    for row, cid in pending:  # disagreements take only what no article fact agreed with: a consulate
        # here beside an embassy both wikis state is only here, not a contradiction
        same = [ek for ek in groups if ek[:2] == (row.sender, row.host) and ek not in used]
        closest = _disagreement(Row(row.status, row.sender, row.host, row.kind, cid), same)
        if not closest:
            continue
        used.update(closest)
        row.status = "disagreeing"
        row.there = [f for ek in closest for f in groups[ek]]
    rows.sort(key=lambda r: min(f.start for f in r.here))  # the article's facts in page order
    for ek, facts in groups.items():
        if ek not in used:
            rows.append(Row("missing-here", ek[0], ek[1], ek[2], facts[0].city_id, [], facts))
    return rows


def for_article(art, pages: EnglishPages) -> list[Row]:
    """The comparison of a checked bilateral article (``bot.article.Article``) with the English
    pages; none when its title does not name two countries. Kept on the article's prose memo:
    the rules that ask share one."""
    codes = [c["code"] for c in art.doc.get("title", {}).get("countries", ()) if c.get("code")]
    if len(set(codes)) != 2 or art.prose is None:
        return []
    memo = art.prose.memo
    if "crosscheck" not in memo:
        there, _ = english_side(pages, *codes)
        memo["crosscheck"] = compare(art.facts, there, set(codes))
    return memo["crosscheck"]


# -- the report of ``relbot crosscheck`` (schemas/crosscheck.schema.json) ---------------------

def page_report(art, pages: EnglishPages, source: str, findings=()) -> dict:
    """One page's entry: its status, the English passages read, the rows, and the E008 findings
    (``findings``: the report's finding objects of that rule)."""
    entry = {"title": art.title, "source": source, "status": art.status}
    if art.status != "checked":
        entry["reason"] = art.reason
        return entry | {"english": [], "rows": [], "findings": []}
    codes = [c["code"] for c in art.doc["title"]["countries"] if c.get("code")]
    found = english_side(pages, *codes)[1] if len(set(codes)) == 2 else []
    entry["english"] = [{"title": p.title, "passage": p.kind, "line": _line(pages, p)} for p in found]
    entry["rows"] = [_row_json(art, r) for r in for_article(art, pages)]
    entry["findings"] = list(findings)
    return entry


def english_titles(pages: EnglishPages, codes) -> list[str]:
    """The English pages (after redirects) that speak of the pair, in the order they are read."""
    codes = list(codes)
    if len(set(codes)) != 2:
        return []
    return list(dict.fromkeys(p.title for p in english_side(pages, *codes)[1]))


def _line(pages: EnglishPages, p: Passage) -> int:
    return pages.resolve(p.title)[1].count("\n", 0, p.start) + 1


def _row_json(art, r: Row) -> dict:
    ref = r.ref
    return {"status": r.status, "sender": r.sender, "host": r.host, "kind": r.kind, "city_id": r.city_id,
            "here": [{"line": (sp := art.span(f.start, f.end))["line"], "column": sp["column"],
                      "end_line": sp["end_line"], "end_column": sp["end_column"], "kind": f.kind,
                      "city": f.host_city, "city_id": f.host_city_id, "source": f.source, "has_ref": f.has_ref}
                     for f in r.here],
            "there": [{"title": f.title, "passage": f.passage, "line": f.line, "column": f.column, "kind": f.kind,
                       "city": f.city, "city_id": f.city_id,
                       "refs": [{"name": x.name, "text": x.whole} for x in f.refs]} for f in r.there],
            "reference": None if ref is None else {"name": ref.name, "text": ref.whole}}


def summary(entries: list[dict], errors: list[str]) -> dict:
    counts = {s: 0 for s in STATUSES}
    for e in entries:
        for r in e["rows"]:
            counts[r["status"]] += 1
    return {"pages": len(entries), "checked": sum(e["status"] == "checked" for e in entries), "rows": counts,
            "findings": sum(len(e["findings"]) for e in entries), "input_errors": errors}


def text_lines(entries: list[dict], lang: str = "bn") -> list[str]:
    """One line per row: ``source:line:col: status sender→host kind city — English page:line``
    (a row missing here has no line of the article), the E008 findings after them."""
    out = []
    for e in entries:
        if e["status"] != "checked":
            out.append(f"{e['source']}: skipped ({e['reason']})")
            continue
        if not e["english"]:
            out.append(f"{e['source']}: no English page about this pair")
        for r in e["rows"]:
            where = (f"{e['source']}:{r['here'][0]['line']}:{r['here'][0]['column']}" if r["here"]
                     else e["source"])
            city = (r["there"][0]["city"] if r["there"] and not r["here"] else
                    r["here"][0]["city"] if r["here"] else None) or r["city_id"] or "?"
            there = ", ".join(dict.fromkeys(f"{f['title']}:{f['line']}" for f in r["there"])) or "—"
            ref = ""
            if r["reference"]:
                m = re.search(r"url\s*=\s*([^|}\s]+)", r["reference"]["text"])
                ref = f" [{m[1] if m else 'ref'}]"
            out.append(f"{where}: {r['status']} {r['sender']}→{r['host']} {r['kind']} {city} — {there}{ref}")
        for f in e["findings"]:
            out.append(f"{e['source']}:{f['line']}:{f['column']}: {f['code']} {f['severity']} {f['message'][lang]}")
    return out


def summary_line(s: dict) -> str:
    rows = s["rows"]
    return (f"{s['pages']} pages ({s['checked']} checked): {rows['agreed']} agreed, {rows['disagreeing']} disagreeing, "
            f"{rows['missing-here']} missing here, {rows['only-here']} only here; {s['findings']} findings"
            + (f"; {r['total']} requests after login ({r['wiki']} to the wiki, {r['english']} to the English wiki)"
               if (r := s.get("requests")) else ""))
